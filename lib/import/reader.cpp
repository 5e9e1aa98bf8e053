#include "import/reader.hpp"

#include <algorithm>
#include <optional>

#include "error.hpp"
#include "import/row_source.hpp"
#include "util/text.hpp"

namespace cfund::import {

namespace {

// The fields of a profile, in the order of profile_fields().
enum Field : int {
  f_date,
  f_time,
  f_amount,
  f_credit,
  f_debit,
  f_direction,
  f_counterparty,
  f_reference,
  f_note,
  f_account,
  f_designation,
  f_donor_type,
  f_anonymous,
  f_category,
  f_purpose,
  f_beneficiary,
  f_approval_ref,
  f_voucher,
  f_balance,
  f_summary,
  f_name,
  f_id_number,
  f_phone,
  f_address,
  f_count
};

// A cell as the profile sees it: padding, the tab that exports append to long numbers
// and the backtick that merchant exports put in front of them removed.
std::string_view clean_view(std::string_view cell) {
  cell = util::trim_view(cell);
  if (!cell.empty() && cell.front() == '`') cell = util::trim_view(cell.substr(1));
  return cell;
}

// Control characters, line breaks and U+2028/2029 may only come from quoted cells.
bool needs_single_line(std::string_view text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2) return true;
  }
  return false;
}

void assign_clean(std::string& out, std::string_view cell) {
  const std::string_view clean = clean_view(cell);
  if (needs_single_line(clean)) {
    out = util::trim(util::single_line(clean));
  } else {
    out.assign(clean.data(), clean.size());
  }
}

// Headers and listed values compare with full-width forms folded and ASCII case ignored.
std::string header_key(std::string_view text) {
  std::string key = util::trim(util::fold_full_width(clean_view(text)));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool listed(const std::vector<std::string>& list, std::string_view value, bool prefix = false) {
  for (const auto& item : list) {
    if (prefix ? starts_with(value, item) : value == item) return true;
  }
  return false;
}

// One line, valid UTF-8, at most 80 characters: how a value is shown in a message.
std::string shown_value(std::string_view text) {
  std::string out = util::single_line(text);
  const auto characters = util::utf8_characters(out);
  if (characters.size() <= 80) return out;
  std::string cut;
  for (std::size_t i = 0; i < 79; ++i) cut.append(characters[i]);
  return cut + "…";
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "9:05" → "09:05", "14:22:01" stays, "142201" → "14:22:01"; "" when it is no time.
std::string normal_time(std::string_view text) {
  std::string parts[3];
  int count = 0;
  if (all_digits(text) && (text.size() == 4 || text.size() == 6)) {
    for (std::size_t i = 0; i < text.size(); i += 2) parts[count++] = std::string(text.substr(i, 2));
  } else {
    std::size_t start = 0;
    for (;;) {
      if (count == 3) return {};
      const std::size_t colon = text.find(':', start);
      parts[count++] = std::string(text.substr(start, colon == std::string_view::npos ? colon : colon - start));
      if (colon == std::string_view::npos) break;
      start = colon + 1;
    }
    if (count < 2) return {};
  }
  const int limits[3] = {23, 59, 59};
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::string& p = parts[i];
    if (!all_digits(p) || p.size() > 2 || (i > 0 && p.size() != 2) || std::stoi(p) > limits[i]) return {};
    if (i > 0) out += ':';
    out += p.size() == 1 ? "0" + p : p;
  }
  return out;
}

enum class Outcome { taken, filtered, bad, skipped, end };

}  // namespace

const std::vector<std::string>& profile_fields() {
  static const std::vector<std::string> names = {
      "date",         "time",    "amount",      "credit",     "debit",     "direction", "counterparty", "reference",
      "note",         "account", "designation", "donor_type", "anonymous", "category",  "purpose",      "beneficiary",
      "approval_ref", "voucher", "balance",     "summary",    "name",      "id_number", "phone",        "address"};
  return names;
}

const std::vector<std::string>& classify_fields() {
  static const std::vector<std::string> names = {"summary",  "note",    "counterparty", "purpose",    "reference",
                                                 "category", "voucher", "account",      "designation"};
  return names;
}

const std::string* record_text(const Record& record, const std::string& field) {
  if (field == "summary") return &record.summary;
  if (field == "note") return &record.note;
  if (field == "counterparty") return &record.counterparty;
  if (field == "purpose") return &record.purpose;
  if (field == "reference") return &record.reference;
  if (field == "category") return &record.category;
  if (field == "voucher") return &record.voucher;
  if (field == "account") return &record.account;
  if (field == "designation") return &record.designation;
  return nullptr;
}

const std::vector<std::string>* Profile::headers_of(const std::string& field) const {
  for (const auto& c : columns) {
    if (c.field == field) return &c.headers;
  }
  return nullptr;
}

struct StatementReader::State {
  std::string path;
  Profile profile;
  ReadSummary summary;
  std::vector<BadRow> bad;
  std::unique_ptr<RowSource> source;
  bool table_done = false;

  // Column index of each field (-1 = none), of each filter, and the table's width.
  int column[f_count];
  std::vector<std::string> headers;  // the header row's cells, as in the file
  std::vector<int> filter_column;
  std::size_t width = 0;
  int closing_line = 0;

  State(const std::string& p, const Profile& pr) : path(p), profile(pr) { std::fill(column, column + f_count, -1); }

  void record_bad(int at, std::string field, std::string_view value, Message why) {
    ++summary.bad_rows;
    // A register of people is private: its rows' text is never repeated in a message.
    if (profile.kind == ProfileKind::beneficiaries) value = {};
    if (bad.size() < max_reported) {
      bad.push_back(BadRow{at, summary.sheet, std::move(field), shown_value(value), std::move(why)});
    }
  }

  // The next raw row, with the problems the source found on the way recorded.
  RawRow* next_raw() {
    RawRow* row = source->next();
    for (auto& problem : source->take_problems()) record_bad(problem.line, "", "", std::move(problem.why));
    summary.lines = source->lines();
    return row;
  }

  bool blank(const RawRow& row) const {
    for (std::size_t i = 0; i < row.count; ++i) {
      if (!clean_view(row.fields[i]).empty()) return false;
    }
    return true;
  }

  int find_column(const std::vector<std::string>& names, const std::vector<std::string>& keys) const {
    for (const auto& name : names) {
      const std::string wanted = header_key(name);
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].empty() && keys[i] == wanted) return static_cast<int>(i);
      }
    }
    return -1;
  }

  static std::string names_list(const std::vector<std::string>& names, const char* separator = "、") {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : separator) + n;
    return out;
  }

  Message missing_column(int line, const Message& what, const std::vector<std::string>& names) const {
    const Message at = row_location(path, summary.sheet, line);
    return bilingual("{0}（列名行）：缺少{1}的列（可用的列名：{2}）",
                     "{3} (the header row): there is no column for {4} (accepted headers: {5})", at.zh, what.zh,
                     names_list(names), at.en, what.en, names_list(names, ", "));
  }

  // Maps the columns of a header candidate; the reason when a needed column is missing.
  std::optional<Message> map_columns(const RawRow& row) {
    const Profile& p = profile;
    std::vector<std::string> keys;
    headers.clear();
    for (std::size_t i = 0; i < row.count; ++i) {
      keys.push_back(header_key(row.fields[i]));
      headers.emplace_back(clean_view(row.fields[i]));
    }
    std::size_t count = keys.size();
    while (count > 0 && keys[count - 1].empty()) --count;  // a trailing comma names no column
    keys.resize(count);
    std::fill(column, column + f_count, -1);
    const auto& fields = profile_fields();
    for (const auto& c : p.columns) {
      const auto at = std::find(fields.begin(), fields.end(), c.field);
      if (at != fields.end()) column[at - fields.begin()] = find_column(c.headers, keys);
    }
    for (const auto& required : p.required) {
      const auto at = std::find(fields.begin(), fields.end(), required);
      if (at == fields.end()) continue;
      const int f = static_cast<int>(at - fields.begin());
      if (column[f] >= 0) continue;
      if (f == f_amount && column[f_credit] >= 0 && column[f_debit] >= 0) continue;
      const auto* names = p.headers_of(required);
      return missing_column(row.line, bilingual("字段 {0} ", "the field {0}", required),
                            names != nullptr ? *names : std::vector<std::string>{});
    }
    if (p.kind == ProfileKind::statement && column[f_amount] < 0 && (column[f_credit] < 0 || column[f_debit] < 0)) {
      const auto* names = p.headers_of("amount");
      return missing_column(row.line, bilingual("字段 amount ", "the field amount"),
                            names != nullptr ? *names : std::vector<std::string>{});
    }
    filter_column.clear();
    for (const auto& filter : p.filters) {
      const int at = find_column(filter.column, keys);
      if (at < 0 && !filter.optional)
        return missing_column(row.line, bilingual("筛选条件", "a row filter"), filter.column);
      filter_column.push_back(at);
    }
    width = count;
    return std::nullopt;
  }

  // The header is the first candidate row (by header_starts, or any non-blank row)
  // that has every needed column: a title line or a preamble line that happens to
  // start like a header is passed over. When no candidate fits, the first one's
  // missing column is the error.
  void read_header() {
    const Profile& p = profile;
    std::optional<Message> first_error;
    for (;;) {
      const RawRow* row = next_raw();
      if (row == nullptr) break;
      if (row->line <= p.skip_lines || blank(*row)) continue;
      const std::string_view first = clean_view(row->cell(0));
      bool candidate = p.header_starts.empty();
      for (const auto& start : p.header_starts) candidate = candidate || starts_with(first, start);
      if (!candidate) continue;
      auto error = map_columns(*row);
      if (!error) {
        source->table_started();
        return;
      }
      if (!first_error) first_error = std::move(error);
    }
    if (first_error) throw InputError(*first_error);
    const Message where = file_and_sheet(path, summary.sheet);
    if (p.header_starts.empty()) {
      throw InputError(bilingual("{0}：没有找到列名行（文件只有空行）",
                                 "{1}: there is no header row (the file has only blank lines)", where.zh, where.en));
    }
    throw InputError(
        bilingual("{0}：没有找到列名行（第一个字段以“{1}”开头的行）；这是“{2}”格式的文件吗？",
                  "{3}: there is no header row (a row whose first field starts with '{4}'); is this a '{2}' file?",
                  where.zh, names_list(p.header_starts), p.name, where.en, names_list(p.header_starts, "', '")));
  }

  std::string_view cell(const RawRow& row, int field) const {
    return column[field] < 0 ? std::string_view() : clean_view(row.cell(static_cast<std::size_t>(column[field])));
  }

  void text_field(std::string& out, const RawRow& row, int field) {
    if (column[field] < 0) {
      out.clear();
      return;
    }
    const std::string_view raw = row.cell(static_cast<std::size_t>(column[field]));
    if (util::first_forbidden_character(raw, true) >= 0) {
      std::string kept(raw);
      summary.characters_removed += static_cast<std::int64_t>(util::strip_forbidden_characters(kept));
      auto& lines = summary.lines_with_characters_removed;
      if (lines.size() < ReadSummary::kRemovedLinesShown && (lines.empty() || lines.back() != row.line)) {
        lines.push_back(row.line);
      }
      assign_clean(out, kept);
    } else {
      assign_clean(out, raw);
    }
    if (out == "/" || out == "-") out.clear();
  }

  // A row as a message shows it: a person's name, ID number, phone, address or
  // beneficiary (a relief roll's) as *** (private data stays out of messages and logs).
  std::string row_text(const RawRow& row) const {
    std::string out;
    for (std::size_t i = 0; i < row.count && out.size() < 400; ++i) {
      if (i > 0) out += ',';
      const int at = static_cast<int>(i);
      const bool personal = at == column[f_name] || at == column[f_id_number] || at == column[f_phone] ||
                            at == column[f_address] || at == column[f_beneficiary];
      const std::string_view cell = clean_view(row.fields[i]);
      out.append(personal && !cell.empty() ? "***" : cell);
    }
    return out;
  }

  // A spreadsheet's user knows the column by its header (金额(元)), a CSV's by the
  // profile's field name (as before spreadsheets were read).
  Outcome bad_field(const RawRow& row, int field, std::string_view value, Message why) {
    const int at = column[field];
    const bool by_header =
        summary.format != FileFormat::csv && at >= 0 && static_cast<std::size_t>(at) < headers.size();
    record_bad(row.line, by_header ? headers[static_cast<std::size_t>(at)] : profile_fields()[field], value,
               std::move(why));
    return Outcome::bad;
  }

  // A bank's 收入金额 or 支出金额: 0 when the cell is empty, "-" or zero.
  bool side_amount(const RawRow& row, int field, util::Fen& out, Message& why) const {
    const std::string_view value = cell(row, field);
    out = 0;
    if (value.empty() || value == "-" || value == "/") return true;
    auto amount = util::parse_amount(value, false);
    if (!amount) {
      why = amount.error();
      return false;
    }
    out = *amount;
    return true;
  }

  // The balance after the row (a bank's 余额), when the profile has the column; an
  // empty cell leaves it unknown.
  bool balance_field(const RawRow& row, Record& record) {
    record.balance.reset();
    if (column[f_balance] < 0) return true;
    const std::string_view text = cell(row, f_balance);
    if (text.empty() || text == "-" || text == "/") return true;
    auto balance = util::parse_amount(text, true);
    if (!balance) {
      bad_field(row, f_balance, text, balance.error());
      return false;
    }
    record.balance = *balance;
    return true;
  }

  // A counterparty such as 匿名 or 爱心人士 names nobody.
  bool names_nobody(const std::string& counterparty) const {
    if (counterparty.empty()) return false;
    const std::string key = header_key(counterparty);
    for (const auto& name : profile.anonymous_counterparties) {
      if (key == header_key(name)) return true;
    }
    return false;
  }

  // A firm, a committee, a school ...: a counterparty holding one of the profile's words.
  bool names_organisation(const std::string& counterparty) const {
    for (const auto& word : profile.organisation_words) {
      if (!word.empty() && counterparty.find(word) != std::string::npos) return true;
    }
    return false;
  }

  // The row's texts, its balance, its donor's kind and anonymity; an outcome only when
  // one of them is bad.
  std::optional<Outcome> read_texts(const RawRow& row, Record& record) {
    text_field(record.counterparty, row, f_counterparty);
    text_field(record.reference, row, f_reference);
    text_field(record.note, row, f_note);
    text_field(record.account, row, f_account);
    text_field(record.designation, row, f_designation);
    text_field(record.category, row, f_category);
    text_field(record.purpose, row, f_purpose);
    text_field(record.beneficiary, row, f_beneficiary);
    text_field(record.approval_ref, row, f_approval_ref);
    text_field(record.voucher, row, f_voucher);
    text_field(record.summary, row, f_summary);
    text_field(record.name, row, f_name);
    text_field(record.id_number, row, f_id_number);
    text_field(record.phone, row, f_phone);
    text_field(record.address, row, f_address);

    if (!balance_field(row, record)) return Outcome::bad;

    text_field(record.donor_type, row, f_donor_type);
    const std::string type = header_key(record.donor_type);
    if (type == "个人" || type == "individual") {
      record.donor_type = "individual";
    } else if (type == "单位" || type == "organisation" || type == "organization" || type == "机构" || type == "企业") {
      record.donor_type = "organisation";
    } else if (!type.empty()) {
      return bad_field(row, f_donor_type, record.donor_type,
                       bilingual("捐赠人类型应为 individual（个人）或 organisation（单位）",
                                 "the donor type must be individual (个人) or organisation (单位)"));
    }
    if (type.empty() && names_organisation(record.counterparty)) record.donor_type = "organisation";

    record.anonymous.reset();
    const std::string anonymous = header_key(cell(row, f_anonymous));
    if (anonymous == "1" || anonymous == "yes" || anonymous == "true" || anonymous == "是" || anonymous == "y") {
      record.anonymous = true;
    } else if (anonymous == "0" || anonymous == "no" || anonymous == "false" || anonymous == "否" || anonymous == "n") {
      record.anonymous = false;
    } else if (!anonymous.empty()) {
      return bad_field(row, f_anonymous, cell(row, f_anonymous),
                       bilingual("匿名应为 1/0、yes/no 或 是/否", "anonymous must be 1/0, yes/no or 是/否"));
    }
    // 匿名, 爱心人士 …: an anonymous gift with no donor name, unless the file's own
    // anonymous column says otherwise.
    if (record.anonymous != false && names_nobody(record.counterparty)) {
      record.anonymous = true;
      record.counterparty.clear();
    }
    return std::nullopt;
  }

  // A closing balance line ("closing,5780.00" will do: only its date and amount cells
  // count): kept in the summary and skipped.
  std::optional<Outcome> closing_row(const RawRow& row, std::size_t count) {
    const Profile& p = profile;
    const std::string_view date_cell = cell(row, f_date);
    const bool may_be_label = !date_cell.empty() && (date_cell.front() < '0' || date_cell.front() > '9');
    if (may_be_label && !p.closing_labels.empty() && column[f_amount] >= 0 && count <= width &&
        count > static_cast<std::size_t>(std::max(column[f_date], column[f_amount]))) {
      const std::string label = header_key(date_cell);
      for (const auto& closing : p.closing_labels) {
        if (label != header_key(closing)) continue;
        auto amount = util::parse_amount(cell(row, f_amount), true);
        if (!amount) return bad_field(row, f_amount, cell(row, f_amount), amount.error());
        summary.closing_balance = *amount;
        closing_line = row.line;
        return Outcome::skipped;
      }
    }
    return std::nullopt;
  }

  // The direction column (收/支), when the profile has one.
  std::optional<Outcome> read_direction(const RawRow& row, Direction& direction, bool& direction_given) {
    const Profile& p = profile;
    if (column[f_direction] >= 0) {
      const std::string_view value = cell(row, f_direction);
      if (listed(p.direction_leave, value)) return Outcome::filtered;
      if (listed(p.direction_in, value)) {
        direction = Direction::in;
        direction_given = true;
      } else if (listed(p.direction_out, value)) {
        direction = Direction::out;
        direction_given = true;
      } else if (!value.empty()) {
        if (!p.direction_other_is_bad) return Outcome::filtered;
        return bad_field(row, f_direction, value,
                         bilingual("收/支应为 {0} 或 {1}", "the direction must be one of {2} or {3}",
                                   names_list(p.direction_in), names_list(p.direction_out),
                                   names_list(p.direction_in, ", "), names_list(p.direction_out, ", ")));
      }
    }
    return std::nullopt;
  }

  // The date, and the time from its own column or after the date.
  std::optional<Outcome> read_when(const RawRow& row, Record& record) {
    const std::string_view date_text = cell(row, f_date);
    auto date = util::parse_statement_date(date_text);
    if (!date) return bad_field(row, f_date, date_text, date.error());
    record.date = *date;
    record.time.clear();
    if (column[f_time] >= 0) {
      const std::string_view time_text = cell(row, f_time);
      if (!time_text.empty()) {
        record.time = normal_time(util::fold_full_width(time_text));
        if (record.time.empty()) {
          return bad_field(row, f_time, time_text,
                           bilingual("时间“{0}”无效（应如 14:22:01）", "'{0}' is not a valid time (e.g. 14:22:01)",
                                     shown_value(time_text)));
        }
      }
    } else {
      const std::string folded = util::trim(util::fold_full_width(date_text));
      const std::size_t split = folded.find_first_of(" T");
      if (split != std::string::npos) record.time = normal_time(util::trim(folded.substr(split + 1)));
    }
    return std::nullopt;
  }

  // The amount and its direction: one signed or unsigned column, or a credit and a
  // debit column.
  std::optional<Outcome> read_amount(const RawRow& row, Direction direction, bool direction_given, Record& record) {
    const Profile& p = profile;
    if (column[f_amount] >= 0) {
      const std::string_view amount_text = cell(row, f_amount);
      auto amount = util::parse_amount(amount_text, p.amount_sign == AmountSign::signed_amount);
      if (!amount) return bad_field(row, f_amount, amount_text, amount.error());
      util::Fen value = *amount;
      if (value == 0) return bad_field(row, f_amount, amount_text, bilingual("金额为 0", "the amount is 0"));
      if (value < 0) {
        if (direction == Direction::in) {
          return bad_field(
              row, f_amount, amount_text,
              bilingual("金额为负数，但收/支写的是收入", "the amount is negative but the direction says money in"));
        }
        direction = Direction::out;
        value = -value;
      } else if (!direction_given && p.positive_is_in) {
        direction = Direction::in;
      }
      record.amount = value;
      record.direction = direction;
    } else {
      util::Fen credit = 0, debit = 0;
      Message why;
      if (!side_amount(row, f_credit, credit, why)) return bad_field(row, f_credit, cell(row, f_credit), why);
      if (!side_amount(row, f_debit, debit, why)) return bad_field(row, f_debit, cell(row, f_debit), why);
      if (credit != 0 && debit != 0) {
        return bad_field(
            row, f_amount, row_text(row),
            bilingual("收入金额和支出金额两列都有金额", "both the credit and the debit column hold an amount"));
      }
      if (credit == 0 && debit == 0) {
        return bad_field(
            row, f_amount, "",
            bilingual("收入金额和支出金额都为空或为 0", "neither the credit nor the debit column holds an amount"));
      }
      record.amount = credit != 0 ? credit : debit;
      record.direction = credit != 0 ? Direction::in : Direction::out;
    }
    return std::nullopt;
  }

  Outcome process(const RawRow& row, Record& record) {
    const Profile& p = profile;
    if (blank(row)) return Outcome::skipped;
    const std::string_view first = clean_view(row.cell(0));
    for (const auto& footer : p.footer_starts) {
      if (starts_with(first, footer)) return Outcome::end;
    }
    std::size_t count = row.count;
    while (count > width && clean_view(row.fields[count - 1]).empty()) --count;  // trailing commas
    if (closing_line != 0) {
      record_bad(row.line, "", row_text(row),
                 bilingual("期末余额（closing）应是最后一行（第 {0} 行）",
                           "the closing balance line (line {0}) must be the last one", closing_line));
      return Outcome::bad;
    }
    if (const auto outcome = closing_row(row, count)) return *outcome;
    // A spreadsheet places each cell by its column and leaves out empty ones at the end
    // of a row: only a CSV row can have the wrong number of fields.
    if (count != width && summary.format == FileFormat::csv) {
      record_bad(row.line, "", row_text(row),
                 bilingual("应有 {0} 列（与列名行相同），实有 {1} 列",
                           "expected {0} fields (as in the header row), found {1}", width, count));
      return Outcome::bad;
    }
    for (std::size_t i = 0; i < p.filters.size(); ++i) {
      if (filter_column[i] < 0) continue;
      const auto& filter = p.filters[i];
      const std::string_view value = clean_view(row.cell(static_cast<std::size_t>(filter_column[i])));
      if (!filter.take.empty() && !listed(filter.take, value, filter.prefix)) return Outcome::filtered;
      if (listed(filter.leave, value, filter.prefix)) return Outcome::filtered;
    }
    if (p.kind == ProfileKind::beneficiaries) {
      if (const auto outcome = read_texts(row, record)) return *outcome;
      record.line = row.line;
      return Outcome::taken;
    }
    Direction direction = Direction::unspecified;
    bool direction_given = false;
    if (const auto outcome = read_direction(row, direction, direction_given)) return *outcome;
    if (const auto outcome = read_when(row, record)) return *outcome;
    if (const auto outcome = read_amount(row, direction, direction_given, record)) return *outcome;
    if (const auto outcome = read_texts(row, record)) return *outcome;
    record.line = row.line;
    return Outcome::taken;
  }
};

StatementReader::StatementReader(const std::string& path, const Profile& profile, const std::string& sheet)
    : state_(std::make_unique<State>(path, profile)) {
  State& s = *state_;
  s.source = open_row_source(path, profile.read_chunk_bytes, sheet, s.summary);
  s.read_header();
}

StatementReader::~StatementReader() = default;

bool StatementReader::next(Record& record) {
  State& s = *state_;
  while (!s.table_done) {
    const RawRow* row = s.next_raw();
    if (row == nullptr) break;
    switch (s.process(*row, record)) {
      case Outcome::taken:
        ++s.summary.rows_taken;
        return true;
      case Outcome::filtered:
        ++s.summary.rows_filtered;
        break;
      case Outcome::end:
        s.table_done = true;
        break;
      case Outcome::bad:
      case Outcome::skipped:
        break;
    }
  }
  s.table_done = true;
  return false;
}

const std::vector<BadRow>& StatementReader::bad_rows() const { return state_->bad; }
const ReadSummary& StatementReader::summary() const { return state_->summary; }
std::uint64_t StatementReader::bytes_consumed() const { return state_->source->bytes_consumed(); }
const std::string& StatementReader::path() const { return state_->path; }
const Profile& StatementReader::profile() const { return state_->profile; }

void require_kind(const Profile& profile, ProfileKind kind) {
  if (profile.kind == kind) return;
  if (kind == ProfileKind::beneficiaries) {
    throw InputError(
        bilingual("导入格式“{0}”读的是对账单，不是受助对象名册：请用 --profile beneficiaries，或 kind = "
                  "\"beneficiaries\" 的导入格式文件",
                  "the import profile '{0}' reads statements, not a register of beneficiaries: use "
                  "--profile beneficiaries, or a profile file with kind = \"beneficiaries\"",
                  profile.name));
  }
  throw InputError(bilingual("导入格式“{0}”读的是受助对象名册，不是对账单：名册用 cfund beneficiary import 导入",
                             "the import profile '{0}' reads a register of beneficiaries, not a statement: import "
                             "registers with cfund beneficiary import",
                             profile.name));
}

Message row_location(const std::string& path, const std::string& sheet, int line) {
  if (sheet.empty()) return bilingual("{0} 第 {1} 行", "{0} line {1}", path, line);
  return bilingual("{0} 工作表“{1}”第 {2} 行", "{0} sheet '{1}' row {2}", path, sheet, line);
}

Message describe(const std::string& path, const BadRow& bad) {
  const Message at = row_location(path, bad.sheet, bad.line);
  if (bad.field.empty() && bad.value.empty()) {
    return bilingual("{0}：{1}", "{2}: {3}", at.zh, bad.why.zh, at.en, bad.why.en);
  }
  if (bad.field.empty()) {
    return bilingual("{0}（“{1}”）：{2}", "{3} ('{1}'): {4}", at.zh, bad.value, bad.why.zh, at.en, bad.why.en);
  }
  if (bad.value.empty()) {
    return bilingual("{0}，字段 {1}：{2}", "{3}, field {1}: {4}", at.zh, bad.field, bad.why.zh, at.en, bad.why.en);
  }
  return bilingual("{0}，字段 {1}（值“{2}”）：{3}", "{4}, field {1} (value '{2}'): {5}", at.zh, bad.field, bad.value,
                   bad.why.zh, at.en, bad.why.en);
}

}  // namespace cfund::import
