#include "import/table.hpp"

#include "error.hpp"
#include "import/row_source.hpp"
#include "util/text.hpp"

namespace cfund::import {

namespace {

// Headers compare with full-width forms folded, ASCII case ignored, and spaces and
// brackets' widths alike: 时长（小时） and 时长(小时) are one header.
std::string header_key(std::string_view text) {
  std::string key = util::trim(util::fold_full_width(util::trim_view(text)));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

std::string clean(std::string_view cell) {
  std::string_view trimmed = util::trim_view(cell);
  if (!trimmed.empty() && trimmed.front() == '`') trimmed = util::trim_view(trimmed.substr(1));
  return util::trim(util::single_line(trimmed));
}

std::string joined(const std::vector<std::string>& names, const char* separator) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : separator) + name;
  return out;
}

}  // namespace

struct TableReader::State {
  std::string path;
  std::vector<TableColumn> columns;
  ReadSummary summary;
  std::unique_ptr<RowSource> source;
  std::vector<int> at;  // the file's column of each of ours (-1: none)
  std::vector<std::string> headers;
  std::vector<BadRow> bad;

  RawRow* next_raw() {
    RawRow* row = source->next();
    for (auto& problem : source->take_problems()) {
      if (bad.size() < StatementReader::max_reported) bad.push_back({problem.line, summary.sheet, "", "", problem.why});
      ++summary.bad_rows;
    }
    summary.lines = source->lines();
    return row;
  }

  static bool blank(const RawRow& row) {
    for (std::size_t i = 0; i < row.count; ++i) {
      if (!util::trim_view(row.fields[i]).empty()) return false;
    }
    return true;
  }

  // Maps our columns onto the row as a header; the first required one missing, if any.
  const TableColumn* map_header(const RawRow& row) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < row.count; ++i) keys.push_back(header_key(row.fields[i]));
    at.assign(columns.size(), -1);
    headers.assign(columns.size(), "");
    for (std::size_t c = 0; c < columns.size(); ++c) {
      for (const auto& name : columns[c].headers) {
        for (std::size_t i = 0; i < keys.size() && at[c] < 0; ++i) {
          if (!keys[i].empty() && keys[i] == header_key(name)) {
            at[c] = static_cast<int>(i);
            headers[c] = clean(row.fields[i]);
          }
        }
      }
      if (at[c] < 0 && columns[c].required) return &columns[c];
    }
    return nullptr;
  }

  void read_header() {
    const TableColumn* first_missing = nullptr;
    int first_line = 0;
    while (const RawRow* row = next_raw()) {
      if (blank(*row)) continue;
      const TableColumn* missing = map_header(*row);
      if (missing == nullptr) {
        source->table_started();
        return;
      }
      if (first_missing == nullptr) {
        first_missing = missing;
        first_line = row->line;
      }
    }
    const Message where =
        first_missing == nullptr ? file_and_sheet(path, summary.sheet) : row_location(path, summary.sheet, first_line);
    if (first_missing == nullptr) {
      throw InputError(bilingual("{0}：没有找到列名行（文件只有空行）",
                                 "{1}: there is no header row (the file has only blank lines)", where.zh, where.en));
    }
    throw InputError(bilingual("{0}（列名行）：缺少“{1}”的列（可用的列名：{2}）",
                               "{3} (the header row): there is no column for '{4}' (accepted headers: {5})", where.zh,
                               first_missing->headers.front(), joined(first_missing->headers, "、"), where.en,
                               first_missing->field, joined(first_missing->headers, ", ")));
  }
};

TableReader::TableReader(const std::string& path, std::vector<TableColumn> columns, const std::string& sheet)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.path = path;
  s.columns = std::move(columns);
  s.source = open_row_source(path, 64 * 1024, sheet, s.summary);
  s.read_header();
}

TableReader::~TableReader() = default;

bool TableReader::next(TableRow& row) {
  State& s = *state_;
  while (const RawRow* raw = s.next_raw()) {
    if (State::blank(*raw)) continue;
    row.line = raw->line;
    row.cells.assign(s.columns.size(), "");
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      if (s.at[c] >= 0) row.cells[c] = clean(raw->cell(static_cast<std::size_t>(s.at[c])));
    }
    ++s.summary.rows_taken;
    return true;
  }
  return false;
}

bool TableReader::has(std::size_t column) const { return state_->at.at(column) >= 0; }
const std::string& TableReader::header(std::size_t column) const { return state_->headers.at(column); }
const std::vector<BadRow>& TableReader::bad_rows() const { return state_->bad; }
const ReadSummary& TableReader::summary() const { return state_->summary; }
const std::string& TableReader::path() const { return state_->path; }

}  // namespace cfund::import
