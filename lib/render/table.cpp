#include "render/table.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "util/text.hpp"

namespace cfund::render {

std::string text_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  append_text_table(out, columns, rows.size(), [&rows](std::size_t row, std::size_t column) -> std::string_view {
    return column < rows[row].size() ? std::string_view(rows[row][column]) : std::string_view();
  });
  return out;
}

namespace {

// One line: cells padded to their column's width, two spaces apart, no trailing spaces.
template <typename TextOf, typename WidthOf>
void append_line(std::string& out, const std::vector<Column>& columns, const std::vector<int>& widths, TextOf&& text_of,
                 WidthOf&& width_of) {
  const std::size_t n = columns.size();
  const std::size_t start = out.size();
  for (std::size_t column = 0; column < n; ++column) {
    const bool last = column + 1 == n;
    const std::string_view text = text_of(column);
    const auto pad = static_cast<std::size_t>(std::max(0, widths[column] - width_of(column)));
    if (columns[column].right_aligned) {
      out.append(pad, ' ');
      out += text;
    } else {
      out += text;
      if (!last) out.append(pad, ' ');
    }
    if (!last) out += "  ";
  }
  while (out.size() > start && out.back() == ' ') out.pop_back();
  out += '\n';
}

std::vector<int> header_widths(const std::vector<Column>& columns) {
  std::vector<int> widths;
  for (const auto& column : columns) widths.push_back(util::display_width(column.header));
  return widths;
}

// The header and the rule under it, once the columns' widths are known.
void append_head(std::string& out, const std::vector<Column>& columns, const std::vector<int>& widths) {
  append_line(
      out, columns, widths, [&](std::size_t column) { return std::string_view(columns[column].header); },
      [&](std::size_t column) { return util::display_width(columns[column].header); });
  std::vector<std::string> rules;
  for (int width : widths) rules.emplace_back(static_cast<std::size_t>(width), '-');
  append_line(
      out, columns, widths, [&](std::size_t column) { return std::string_view(rules[column]); },
      [&](std::size_t column) { return widths[column]; });
}

}  // namespace

void append_streamed_text_table(std::string& out, const std::vector<Column>& columns, const RowStream& rows) {
  const std::size_t n = columns.size();
  std::vector<int> widths = header_widths(columns);
  // A cell holding a line break or a control character is shown as its one-line copy.
  std::string one_line;
  auto shown = [&one_line](std::string_view text) {
    if (util::is_single_line(text)) return text;
    one_line = util::single_line(text);
    return std::string_view(one_line);
  };
  std::size_t bytes = 0;
  std::size_t row_count = 0;
  rows([&](const RowCells& cell) {
    ++row_count;
    for (std::size_t column = 0; column < n; ++column) {
      const std::string_view text = shown(cell(column));
      widths[column] = std::max(widths[column], util::display_width(text));
      bytes += text.size();
    }
  });
  // Room for every line at once (at most its cells and the padding), and an eighth more
  // for what follows: a long table doubling `out` would hold the old and the new copy.
  int line_width = 0;
  for (int width : widths) line_width += width + 2;
  const std::size_t room = bytes + (row_count + 2) * static_cast<std::size_t>(line_width + 1);
  out.reserve(out.size() + room + room / 8);
  append_head(out, columns, widths);
  std::vector<std::string> texts(n);
  std::vector<int> cell_widths(n);
  rows([&](const RowCells& cell) {
    for (std::size_t column = 0; column < n; ++column) {
      texts[column] = shown(cell(column));
      cell_widths[column] = util::display_width(texts[column]);
    }
    append_line(
        out, columns, widths, [&](std::size_t column) { return std::string_view(texts[column]); },
        [&](std::size_t column) { return cell_widths[column]; });
  });
}

void append_text_table(std::string& out, const std::vector<Column>& columns, std::size_t row_count,
                       const CellText& cell) {
  const std::size_t n = columns.size();
  // Each cell is measured once; the rare one holding a line break or a control
  // character is kept as its one-line copy.
  std::vector<int> cell_widths(row_count * n);
  std::unordered_map<std::size_t, std::string> one_line;
  std::vector<int> widths = header_widths(columns);
  std::size_t bytes = 0;
  auto text_at = [&](std::size_t row, std::size_t column) -> std::string_view {
    auto found = one_line.find(row * n + column);
    return found == one_line.end() ? cell(row, column) : std::string_view(found->second);
  };
  for (std::size_t row = 0; row < row_count; ++row) {
    for (std::size_t column = 0; column < n; ++column) {
      std::string_view text = cell(row, column);
      if (!util::is_single_line(text)) text = one_line[row * n + column] = util::single_line(text);
      const int width = util::display_width(text);
      cell_widths[row * n + column] = width;
      widths[column] = std::max(widths[column], width);
      bytes += text.size();
    }
  }
  int line_width = 0;
  for (int width : widths) line_width += width + 2;
  out.reserve(out.size() + bytes + (row_count + 2) * static_cast<std::size_t>(line_width + 1));
  append_head(out, columns, widths);
  for (std::size_t row = 0; row < row_count; ++row) {
    append_line(
        out, columns, widths, [&](std::size_t column) { return text_at(row, column); },
        [&](std::size_t column) { return cell_widths[row * n + column]; });
  }
}

void append_text_table(std::string& out, const std::vector<Column>& columns, const TextCells& cells) {
  if (cells.columns() != columns.size()) throw std::logic_error("a table's cells do not match its columns");
  append_text_table(out, columns, cells.rows(),
                    [&cells](std::size_t row, std::size_t column) { return cells.at(row, column); });
}

}  // namespace cfund::render
