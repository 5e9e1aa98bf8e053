#include "render/table.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace cfund::render {

std::string text_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
  std::vector<int> widths;
  for (const auto& column : columns) widths.push_back(util::display_width(column.header));
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      line.push_back(i < row.size() ? util::single_line(row[i]) : std::string());
      widths[i] = std::max(widths[i], util::display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto render_line = [&](const std::vector<std::string>& line) {
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const bool last = i + 1 == columns.size();
      if (columns[i].right_aligned) {
        out += util::pad_left(line[i], widths[i]);
      } else {
        out += last ? line[i] : util::pad_right(line[i], widths[i]);
      }
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> headers;
  for (const auto& column : columns) headers.push_back(column.header);
  std::string out = render_line(headers);
  std::vector<std::string> rules;
  for (int width : widths) rules.emplace_back(static_cast<std::size_t>(width), '-');
  out += render_line(rules);
  for (const auto& line : cells) out += render_line(line);
  return out;
}

}  // namespace cfund::render
