#include "import/statement_csv.hpp"

#include <csv.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "error.hpp"
#include "util/text.hpp"

namespace cfund::import {

namespace {

// What libcsv hands over: rows of fields, with the line each row started on.
struct Rows {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  std::vector<std::string> current;
  int line = 1;             // the physical line being parsed
  int row_start = 0;        // the line the current row started on
};

void on_field(void* data, std::size_t size, void* context) {
  auto* rows = static_cast<Rows*>(context);
  rows->current.emplace_back(static_cast<const char*>(data), size);
}

void on_row_end(int, void* context) {
  auto* rows = static_cast<Rows*>(context);
  rows->rows.push_back(std::move(rows->current));
  rows->lines.push_back(rows->row_start);
  rows->current.clear();
}

std::string read_file(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw InputError(bilingual("无法读取对账单“{0}”：这是一个目录，请写对账单文件的路径", "cannot read the statement '{0}': it is a folder; name the statement file", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(bilingual("无法读取对账单“{0}”", "cannot read the statement '{0}'", path));
  std::stringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  // Text never holds a NUL byte; a spreadsheet (.xlsx), a PDF or UTF-16 does.
  if (text.find('\0') != std::string::npos) {
    throw InputError(bilingual("{0}：不是 CSV 文本文件（Excel 表格请另存为“CSV UTF-8”）", "{0}: not a CSV text file (save an Excel sheet as \"CSV UTF-8\")", path));
  }
  return text;
}

Rows parse_rows(const std::string& path, std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Excel's byte-order mark
  Rows rows;
  csv_parser parser{};
  if (csv_init(&parser, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("csv_init failed");
  // Feed one physical line at a time so that every row knows its line number.
  std::size_t start = 0;
  bool failed = false;
  while (start < text.size() && !failed) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    const std::string_view chunk(text.data() + start, end - start);
    if (!util::is_valid_utf8(chunk)) {
      csv_free(&parser);
      throw InputError(bilingual("{0} 第 {1} 行：不是 UTF-8 编码（银行导出的 GBK 文件请先另存为 UTF-8）", "{0} line {1}: not UTF-8 text (save a bank's GBK file as UTF-8 first)", path, rows.line));
    }
    // pstate 0 (ROW_NOT_BEGUN, public in csv.h): a new row starts on this line; a
    // quoted field running over several lines keeps the line its row began on.
    if (parser.pstate == 0) rows.row_start = rows.line;
    if (csv_parse(&parser, chunk.data(), chunk.size(), on_field, on_row_end, &rows) != chunk.size()) failed = true;
    if (!failed) ++rows.line;
    start = end;
  }
  if (!failed && csv_fini(&parser, on_field, on_row_end, &rows) != 0) failed = true;
  const std::string why = failed ? csv_strerror(csv_error(&parser)) : "";
  // An unterminated quote is only noticed at the end: name the line its row began on.
  const int failed_line = rows.row_start;
  csv_free(&parser);
  if (failed) {
    throw InputError(bilingual("{0} 第 {1} 行：CSV 格式错误（{2}），常见原因是引号没有配对", "{0} line {1}: malformed CSV ({2}), often an unmatched quote", path, failed_line, why));
  }
  return rows;
}

std::string column_of(const std::string& header) {
  static const std::map<std::string, std::string> names = {
      {"date", "date"},           {"日期", "date"},          {"交易日期", "date"},   {"交易时间", "date"},
      {"amount", "amount"},       {"金额", "amount"},        {"交易金额", "amount"},
      {"reference", "reference"}, {"ref", "reference"},      {"流水号", "reference"}, {"交易流水号", "reference"},
      {"交易单号", "reference"},
      {"counterparty", "counterparty"}, {"对方", "counterparty"}, {"对方户名", "counterparty"},
  };
  std::string key = util::trim(header);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto found = names.find(key);
  return found == names.end() ? std::string() : found->second;
}

bool is_closing_label(const std::string& text) {
  std::string key = util::trim(text);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key == "closing" || key == "closing balance" || key == "期末余额";
}

}  // namespace

Statement read_statement_csv(const std::string& path) {
  const Rows rows = parse_rows(path, read_file(path));
  if (rows.rows.empty()) {
    throw InputError(bilingual("{0}：对账单是空的（第一行应是列名：date,amount,reference,counterparty）", "{0}: the statement is empty (the first line names the columns: date,amount,reference,counterparty)", path));
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < rows.rows[0].size(); ++i) {
    const std::string name = column_of(rows.rows[0][i]);
    if (!name.empty() && column.count(name) == 0) column[name] = i;
  }
  for (const char* required : {"date", "amount"}) {
    if (column.count(required) == 0) {
      throw InputError(bilingual("{0} 第 {1} 行：缺少“{2}”列（列名应为 date,amount,reference,counterparty 或 日期,金额,流水号,对方）", "{0} line {1}: there is no '{2}' column (name the columns date,amount,reference,counterparty or 日期,金额,流水号,对方)", path, rows.lines[0], required));
    }
  }
  Statement statement;
  statement.path = path;
  for (std::size_t r = 1; r < rows.rows.size(); ++r) {
    const auto& fields = rows.rows[r];
    const int line = rows.lines[r];
    auto field = [&](const std::string& name) -> std::string {
      const auto found = column.find(name);
      if (found == column.end() || found->second >= fields.size()) return {};
      return util::trim(fields[found->second]);
    };
    bool blank = true;
    for (const auto& f : fields) blank = blank && util::trim(f).empty();
    if (blank) continue;
    if (statement.closing_balance) {
      throw InputError(bilingual("{0} 第 {1} 行：期末余额（closing）应是最后一行", "{0} line {1}: the closing balance line must be the last one", path, line));
    }
    auto amount = util::parse_amount(field("amount"), true);
    if (!amount) {
      throw InputError(bilingual("{0} 第 {1} 行，字段 amount：{2}", "{0} line {1}, field amount: {3}", path, line, amount.error().zh, amount.error().en));
    }
    if (is_closing_label(field("date"))) {
      statement.closing_balance = *amount;
      continue;
    }
    auto date = util::parse_statement_date(field("date"));
    if (!date) {
      throw InputError(bilingual("{0} 第 {1} 行，字段 date：{2}", "{0} line {1}, field date: {3}", path, line, date.error().zh, date.error().en));
    }
    statement.lines.push_back({line, *date, *amount, util::single_line(field("reference")), util::single_line(field("counterparty"))});
  }
  if (statement.lines.empty()) {
    throw InputError(bilingual("{0}：对账单没有交易行", "{0}: the statement has no transaction lines", path));
  }
  return statement;
}

}  // namespace cfund::import
