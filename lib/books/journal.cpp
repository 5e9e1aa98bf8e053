#include "books/journal.hpp"

#include "books/fund.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "error.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// Columns of a row as a JSON object; NULLs are left out, and so are the columns the
// encoding must not contain (the entry's own hash, the link back to the entry).
nlohmann::json encode_row(const storage::Row& row, const std::string& skip) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [column, value] : row.columns) {
    if (column == skip) continue;
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      object[column] = *number;
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      object[column] = *text;
    }
  }
  return object;
}

std::int64_t integer_column(const storage::Row& row, const std::string& column) {
  const auto* value = row.find(column);
  if (value == nullptr) return 0;
  if (const auto* number = std::get_if<std::int64_t>(value)) return *number;
  return 0;
}

std::string text_column(const storage::Row& row, const std::string& column) {
  const auto* value = row.find(column);
  if (value == nullptr) return {};
  if (const auto* text = std::get_if<std::string>(value)) return *text;
  return {};
}

// The last day of the latest closed period, if any: no entry may be dated on or
// before it (SPEC §4); corrections go into the open period.
std::optional<util::Date> closed_through(storage::FundFile& file) {
  const auto closed = storage::latest_closed_month(file);
  if (!closed) return std::nullopt;
  const auto month = util::parse_period(*closed);
  if (!month) return std::nullopt;
  return month->last;
}

// The longest text any field of an entry may hold, in characters.
constexpr std::size_t kMaxTextCharacters = 2000;

// Every text an entry records is read back into notices, lists and receipts: it must
// be UTF-8 (a GBK name pasted from elsewhere would turn into mojibake and a hash over
// replacement characters), hold no control characters but tab and line breaks (a
// terminal escape sequence is not a name) and stay a reasonable length.
void require_clean_text(const storage::Row& row) {
  for (const auto& [column, value] : row.columns) {
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) continue;
    const util::TextFacts facts = util::inspect_text(*text);
    if (!facts.valid_utf8) {
      throw InputError(bilingual(
          "字段 {0} 的文字不是有效的 UTF-8 编码（GBK 等其他编码的文字请先转换为 UTF-8）",
          "field {0}: the text is not valid UTF-8 (convert text in GBK or other encodings to UTF-8 first)", column));
    }
    if (facts.characters > kMaxTextCharacters) {
      throw InputError(bilingual("字段 {0} 太长：{1} 个字符，最多 {2} 个",
                                 "field {0} is too long: {1} characters, at most {2}", column, facts.characters,
                                 kMaxTextCharacters));
    }
    if (facts.first_forbidden >= 0) {
      throw InputError(bilingual("字段 {0} 含有控制字符或方向、零宽字符（U+{1:04X}）：请删去后重新输入",
                                 "field {0} contains a control, direction or zero-width character (U+{1:04X}): remove "
                                 "it and try again",
                                 column, facts.first_forbidden));
    }
  }
}

[[noreturn]] void throw_total_overflow() {
  throw Refused(
      bilingual("这笔分录会使账户或资金用途的合计超出 cfund 能准确记录的范围（约 ¥92,233,720,368,547,758.07）："
                "未记录，账目不变",
                "this entry would take the total of an account or designation beyond what cfund can hold "
                "exactly (about ¥92,233,720,368,547,758.07): nothing was recorded, the books are unchanged"));
}

const std::string kChainHeadKey = "chain_head";
const std::string kChainLengthKey = "chain_length";

}  // namespace

namespace {

// A JSON string as nlohmann::json::dump(-1, ' ', false) writes it: ", \ and the
// control characters escaped, everything else (UTF-8 included) as it is. False for
// text that is not valid UTF-8: the caller then takes nlohmann's own path.
bool append_json_string(std::string& out, const std::string& text) {
  if (!util::is_valid_utf8(text)) return false;
  out += '"';
  std::size_t plain = 0;  // the start of the characters not yet copied, which need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(text, plain, std::string::npos);
  out += '"';
  return true;
}

// A row as encode_row(...).dump() writes it: keys sorted, NULLs and `skip` left out.
bool append_json_row(std::string& out, const storage::Row& row, const std::string& skip) {
  std::vector<const std::pair<std::string, storage::Value>*> columns;
  columns.reserve(row.columns.size());
  for (const auto& column : row.columns) {
    if (column.first != skip && !std::holds_alternative<std::monostate>(column.second)) columns.push_back(&column);
  }
  std::sort(columns.begin(), columns.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  out += '{';
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0 && columns[i]->first == columns[i - 1]->first) return false;  // json keeps the last: not worth copying
    if (i > 0) out += ',';
    if (!append_json_string(out, columns[i]->first)) return false;
    out += ':';
    if (const auto* number = std::get_if<std::int64_t>(&columns[i]->second)) {
      out += std::to_string(*number);
    } else if (!append_json_string(out, std::get<std::string>(columns[i]->second))) {
      return false;
    }
  }
  out += '}';
  return true;
}

bool append_json_rows(std::string& out, const std::vector<storage::Row>& rows, const std::string& skip) {
  out += '[';
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    if (!append_json_row(out, rows[i], skip)) return false;
  }
  out += ']';
  return true;
}

// Whether the encoding holds a detail part. An entry without a detail row (a transfer
// recorded before its kind had a detail table) was hashed without one.
bool has_detail(const storage::EntryRows& rows) { return !rows.detail_table.empty() && !rows.detail.empty(); }

// The canonical encoding written directly (keys in sorted order: detail, detail_table,
// entry, postings). Empty when some text is not valid UTF-8.
std::string direct_encoding(const storage::EntryRows& rows) {
  std::string out;
  out.reserve(1024);
  out += '{';
  if (has_detail(rows)) {
    out += "\"detail\":";
    if (!append_json_rows(out, rows.detail, "entry_id")) return {};
    out += ",\"detail_table\":";
    if (!append_json_string(out, rows.detail_table)) return {};
    out += ',';
  }
  out += "\"entry\":";
  if (!append_json_row(out, rows.entry, "hash")) return {};
  out += ",\"postings\":";
  if (!append_json_rows(out, rows.postings, "entry_id")) return {};
  out += '}';
  return out;
}

}  // namespace

std::string canonical_encoding(const storage::EntryRows& rows) {
  // Written once for every entry appended and once for every entry verified: the
  // direct writer gives the same bytes as nlohmann below, several times faster.
  if (std::string direct = direct_encoding(rows); !direct.empty()) return direct;
  nlohmann::json encoding;
  encoding["entry"] = encode_row(rows.entry, "hash");
  encoding["postings"] = nlohmann::json::array();
  for (const auto& posting : rows.postings) encoding["postings"].push_back(encode_row(posting, "entry_id"));
  if (has_detail(rows)) {
    encoding["detail_table"] = rows.detail_table;
    encoding["detail"] = nlohmann::json::array();
    for (const auto& detail : rows.detail) encoding["detail"].push_back(encode_row(detail, "entry_id"));
  }
  // Invalid UTF-8 can only come from a raw edit (append_entry refuses it); replacing it keeps the hash
  // computable, and the hash then no longer matches.
  return encoding.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string chain_hash(const std::string& previous_hash, const std::string& canonical) {
  return util::sha256_hex(previous_hash + canonical);
}

ChainHead recorded_chain_head(storage::FundFile& file) {
  ChainHead head;
  if (auto hash = file.setting(kChainHeadKey)) head.hash = *hash;
  if (auto length = file.setting(kChainLengthKey)) head.length = std::stoll(*length);
  return head;
}

std::int64_t append_entry(storage::FundFile& file, const Recorder& recorder, const EntryDraft& draft) {
  JournalAppender appender(file, recorder);
  const std::int64_t id = appender.append(draft);
  appender.finish();
  return id;
}

JournalAppender::JournalAppender(storage::FundFile& file, const Recorder& recorder)
    : file_(file),
      recorder_(recorder),
      head_(recorded_chain_head(file).hash),
      next_id_(storage::last_entry_id(file) + 1),
      closed_through_(closed_through(file)),
      entries_(file, "entries"),
      postings_(file, "postings") {
  for (const auto& account : storage::accounts(file)) {
    if (!account.closed_on.empty()) closed_accounts_.insert(account.id);
  }
  for (const auto& designation : storage::designations(file)) {
    if (!designation.closed_on.empty()) closed_designations_.insert(designation.id);
  }
  const model::FundSettings settings = load_settings(file);
  max_amount_ = settings.max_amount;
  latest_date_ = recorder.now.today.plus_days(settings.future_days);
}

namespace {

[[noreturn]] void refuse_closed(storage::FundFile& file, const PostingDraft& posting) {
  std::string code, closed_on;
  if (posting.side == PostingDraft::Side::account) {
    for (const auto& a : storage::accounts(file)) {
      if (a.id == posting.target_id) code = a.code, closed_on = a.closed_on;
    }
  } else {
    for (const auto& d : storage::designations(file)) {
      if (d.id == posting.target_id) code = d.code, closed_on = d.closed_on;
    }
  }
  throw Refused(
      bilingual("“{0}”已于 {1} 注销，不再收支", "'{0}' was closed on {1} and takes no more money", code, closed_on));
}

// The money columns of detail rows that input sets: a goods value, a budget, an amount.
bool is_money_column(const std::string& column) {
  return column == "amount" || column == "value" || column == "budget";
}

}  // namespace

void JournalAppender::check_limits(const EntryDraft& draft, const storage::Row& detail) const {
  if (draft.date > latest_date_) {
    throw InputError(
        bilingual("日期 {0} 晚于今天（{1}）：账目只记已经发生的事；若基金允许预记，请在基金定义中设置 "
                  "future_days（现为 {2} 天）",
                  "the date {0} is after today ({1}): the books record what has happened; a fund that "
                  "records ahead sets future_days in its definition (now {2} days)",
                  draft.date.iso(), recorder_.now.today.iso(),
                  latest_date_.days_since_epoch() - recorder_.now.today.days_since_epoch()));
  }
  if (draft.voids_entry) return;  // a void reverses what was recorded, however large
  auto check = [this](util::Fen amount) {
    if (amount >= -max_amount_ && amount <= max_amount_) return;
    throw InputError(bilingual("金额 {0} 超过每笔分录的上限 {1}（基金设置 max_amount，最高 ¥1,000,000,000.00）",
                               "the amount {0} is above the limit of one entry, {1} (the fund's max_amount, at most "
                               "¥1,000,000,000.00)",
                               util::format_amount(amount), util::format_amount(max_amount_)));
  };
  for (const auto& posting : draft.postings) check(posting.amount);
  for (const auto& [column, value] : detail.columns) {
    if (const auto* number = std::get_if<std::int64_t>(&value); number != nullptr && is_money_column(column)) {
      check(*number);
    }
  }
}

void JournalAppender::add_to_day_totals(const EntryDraft& draft) {
  for (const auto& posting : draft.postings) {
    const auto side = posting.side == PostingDraft::Side::account ? storage::Side::account : storage::Side::designation;
    auto& total = day_totals_[storage::DayKey{side, posting.target_id, draft.date.iso()}];
    const auto sum = util::checked_add(total, posting.amount);
    if (!sum) throw_total_overflow();
    total = *sum;
  }
}

namespace {

// Adds an amount to a day of per-day totals kept in date order (dates and totals side by side).
void add_to_day(std::vector<std::string>& dates, std::vector<util::Fen>& totals, const std::string& day,
                util::Fen amount) {
  const auto at = std::lower_bound(dates.begin(), dates.end(), day);
  const auto index = at - dates.begin();
  if (at != dates.end() && *at == day) {
    totals[static_cast<std::size_t>(index)] += amount;
  } else {
    dates.insert(at, day);
    totals.insert(totals.begin() + index, amount);
  }
}

}  // namespace

util::Fen JournalAppender::lowest_balance_from(storage::Side side, std::int64_t id, const util::Date& date) {
  auto found = balances_.find({side, id});
  if (found == balances_.end()) {
    Days days;
    for (auto& day : storage::day_totals_of(file_, side, id)) {
      days.dates.push_back(std::move(day.date));
      days.totals.push_back(day.total);
    }
    found = balances_.emplace(std::make_pair(side, id), std::move(days)).first;
    // What was appended and not yet written to day_totals.
    for (const auto& [key, amount] : day_totals_) {
      if (key.side != side || key.target_id != id) continue;
      add_to_day(found->second.dates, found->second.totals, key.date,
                 side == storage::Side::account ? amount : -amount);
    }
  }
  // As storage::lowest_balance_from: the balance before the day, then after each day
  // with postings from it on; the opening balance counts when nothing is dated that day.
  const auto& [dates, totals] = found->second;
  const std::string day = date.iso();
  const auto first = static_cast<std::size_t>(std::lower_bound(dates.begin(), dates.end(), day) - dates.begin());
  util::Fen running = 0;
  for (std::size_t i = 0; i < first; ++i) running += totals[i];
  if (first == dates.size()) return running;
  util::Fen lowest = dates[first] == day ? std::numeric_limits<util::Fen>::max() : running;
  for (std::size_t i = first; i < totals.size(); ++i) {
    running += totals[i];
    lowest = std::min(lowest, running);
  }
  return lowest;
}

void JournalAppender::add_to_balances(const EntryDraft& draft) {
  if (balances_.empty()) return;
  std::string day;
  for (const auto& posting : draft.postings) {
    const bool to_account = posting.side == PostingDraft::Side::account;
    const auto side = to_account ? storage::Side::account : storage::Side::designation;
    const auto found = balances_.find({side, posting.target_id});
    if (found == balances_.end()) continue;  // read from day_totals and day_totals_ when first asked
    if (day.empty()) day = draft.date.iso();
    add_to_day(found->second.dates, found->second.totals, day, to_account ? posting.amount : -posting.amount);
  }
}

std::int64_t JournalAppender::append(const EntryDraft& draft) {
  util::Fen sum = 0;
  for (const auto& posting : draft.postings) {
    const auto added = util::checked_add(sum, posting.amount);
    if (!added) throw_total_overflow();
    sum = *added;
  }
  if (sum != 0) throw std::logic_error("postings of a " + draft.kind + " entry do not sum to zero");
  check_limits(draft, draft.detail);
  if (closed_through_ && draft.date <= *closed_through_) {
    throw Refused(
        bilingual("日期 {0} 落在已结账的期间内（已结账至 "
                  "{1}）：已结账的月份不能再记账；更正请记入未结账的期间（例如以今天的日期红冲）",
                  "the date {0} is inside a closed period (closed through {1}): closed months cannot be written; put "
                  "corrections in the open period (for example a void dated today)",
                  draft.date.iso(), closed_through_->iso().substr(0, 7)));
  }

  for (const auto& posting : draft.postings) {
    const auto& closed = posting.side == PostingDraft::Side::account ? closed_accounts_ : closed_designations_;
    if (closed.count(posting.target_id) != 0) refuse_closed(file_, posting);
  }

  const std::int64_t id = next_id_;
  storage::EntryRows rows;
  rows.entry.set("id", id)
      .set("kind", draft.kind)
      .set("date", draft.date.iso())
      .set("recorded_at", recorder_.now.iso)
      .set("operator", recorder_.operator_name)
      .set_text("memo", draft.memo)
      .set_text("approval_ref", draft.approval_ref)
      .set_text("reason", draft.reason)
      .set("voids_entry", draft.voids_entry ? storage::Value{*draft.voids_entry} : storage::Value{})
      .set("prev_hash", head_);
  std::int64_t seq = 1;
  for (const auto& posting : draft.postings) {
    const bool to_account = posting.side == PostingDraft::Side::account;
    storage::Row row;
    row.set("entry_id", id)
        .set("seq", seq++)
        .set("account_id", to_account ? storage::Value{posting.target_id} : storage::Value{})
        .set("designation_id", to_account ? storage::Value{} : storage::Value{posting.target_id})
        .set("amount", posting.amount);
    rows.postings.push_back(std::move(row));
  }
  rows.detail_table = model::detail_table_for(draft.kind);
  if (!rows.detail_table.empty()) {
    const std::vector<storage::Row> one = {draft.detail};
    for (const auto& given : draft.details.empty() ? one : draft.details) {
      storage::Row detail;
      detail.set("entry_id", id);
      for (const auto& column : given.columns) detail.columns.push_back(column);
      rows.detail.push_back(std::move(detail));
    }
  }

  require_clean_text(rows.entry);
  for (const auto& detail : rows.detail) require_clean_text(detail);

  std::string hash = chain_hash(head_, canonical_encoding(rows));
  rows.entry.set("hash", hash);  // after the encoding, which leaves it out anyway
  entries_.insert(rows.entry);
  for (const auto& posting : rows.postings) postings_.insert(posting);
  if (!rows.detail.empty()) {
    auto details = details_.find(rows.detail_table);
    if (details == details_.end()) {
      details = details_.emplace(rows.detail_table, storage::RowInserter(file_, rows.detail_table)).first;
    }
    for (const auto& detail : rows.detail) details->second.insert(detail);
  }
  add_to_day_totals(draft);
  add_to_balances(draft);
  head_ = std::move(hash);
  ++next_id_;
  return id;
}

void JournalAppender::finish() {
  // Every balance the appended postings touch must still add up in 64 bits, or every
  // later read (balances, notices, the audit) would fail on the file.
  std::map<std::pair<storage::Side, std::int64_t>, util::Fen> added;
  for (const auto& [key, amount] : day_totals_) {
    auto& total = added[{key.side, key.target_id}];
    const auto sum = util::checked_add(total, amount);
    if (!sum) throw_total_overflow();
    total = *sum;
  }
  for (const auto& [target, amount] : added) {
    const util::Fen before = storage::balance(file_, target.first, target.second);
    const util::Fen signed_amount = target.first == storage::Side::account ? amount : -amount;
    if (!util::checked_add(before, signed_amount)) throw_total_overflow();
  }
  storage::add_day_totals(file_, day_totals_);
  day_totals_.clear();
  file_.set_setting(kChainHeadKey, head_);
  file_.set_setting(kChainLengthKey, std::to_string(next_id_ - 1));
}

namespace {

void fail_chain(ChainReport& report, std::int64_t entry, Message problem) {
  if (report.first_bad_entry) return;
  report.first_bad_entry = entry;
  report.problem = std::move(problem);
}

// Recomputes the entries from first_id on, the first linking to `previous`: ids
// without gaps, kinds cfund writes, links, hashes, the detail rows the kind has, balanced
// postings. Returns the id the next entry would have.
std::int64_t walk_chain(storage::FundFile& file, ChainReport& report, std::int64_t first_id, std::string previous) {
  std::int64_t expected_id = first_id;
  report.head = previous;
  auto fail = [&report](std::int64_t entry, Message problem) { fail_chain(report, entry, std::move(problem)); };
  storage::for_each_entry(
      file, model::detail_table_for,
      [&](const storage::EntryRows& rows) {
        if (report.first_bad_entry) return;
        const std::int64_t id = integer_column(rows.entry, "id");
        ++report.entries;
        if (id != expected_id) {
          fail(expected_id, bilingual("第 {0} 号分录缺失（下一条是第 {1} 号）",
                                      "entry {0} is missing (the next one is {1})", expected_id, id));
          return;
        }
        const std::string kind = text_column(rows.entry, "kind");
        if (model::find_entry_kind(kind) == nullptr) {
          fail(id, bilingual("第 {0} 号分录的类型“{1}”不是 cfund 写入的",
                             "entry {0} has kind '{1}', which cfund never writes", id, kind));
          return;
        }
        if (text_column(rows.entry, "prev_hash") != previous) {
          fail(id,
               bilingual("第 {0} 号分录与前一条的链接被改动", "entry {0} no longer links to the entry before it", id));
          return;
        }
        const std::string hash = chain_hash(previous, canonical_encoding(rows));
        if (text_column(rows.entry, "hash") != hash) {
          fail(id, bilingual("第 {0} 号分录或其过账行在记录之后被改动（哈希不符）",
                             "entry {0} or its postings were changed after recording (hash mismatch)", id));
          return;
        }
        const model::EntryKind* registered = model::find_entry_kind(kind);
        const bool many = registered->many_rows;
        const bool optional = rows.detail.empty() && registered->detail_optional;
        if (!rows.detail_table.empty() && !optional && (many ? rows.detail.empty() : rows.detail.size() != 1)) {
          fail(id, bilingual("第 {0} 号分录的明细行数不对（{1} 行）", "entry {0} has {1} detail rows instead of one",
                             id, rows.detail.size()));
          return;
        }
        util::Fen sum = 0;
        for (const auto& posting : rows.postings) sum += integer_column(posting, "amount");
        if (sum != 0) {
          fail(id, bilingual("第 {0} 号分录借贷不平（差额 {1} 分）", "entry {0} does not balance (off by {1} fen)", id,
                             sum));
          return;
        }
        previous = hash;
        report.head = hash;
        ++expected_id;
      },
      first_id);
  return expected_id;
}

// The chain head and length recorded at the last append must be the last entry's.
void check_recorded_head(storage::FundFile& file, ChainReport& report, std::int64_t next_id) {
  const ChainHead recorded = recorded_chain_head(file);
  if (recorded.length != next_id - 1 || recorded.hash != report.head) {
    fail_chain(report, next_id,
               bilingual("账套记录的链尾是第 {0} 号分录，实际只有 {1} 条：末尾的分录被删除或链尾被改动",
                         "the file records {0} entries in its chain but holds {1}: entries at the end were "
                         "removed or the chain head was changed",
                         recorded.length, next_id - 1));
  }
}

}  // namespace

ChainReport verify_chain(storage::FundFile& file) {
  ChainReport report;
  const std::int64_t next_id = walk_chain(file, report, 1, kGenesisHash);
  if (report.first_bad_entry) return report;

  // Rows that belong to no entry (or to an entry of another kind) were added by hand.
  auto orphans = storage::rows_without_entry(file, "postings", {});
  for (const auto& kind : model::entry_kinds()) {
    if (kind.detail_table.empty()) continue;
    auto found = storage::rows_without_entry(file, kind.detail_table, {kind.id});
    orphans.insert(orphans.end(), found.begin(), found.end());
  }
  if (!orphans.empty()) {
    const auto entry = *std::min_element(orphans.begin(), orphans.end());
    fail_chain(report, entry,
               bilingual("发现不属于任何分录的行（指向第 {0} 号分录）",
                         "found rows that belong to no entry (pointing at entry {0})", entry));
    return report;
  }
  check_recorded_head(file, report, next_id);
  return report;
}

ChainReport verify_chain_from(storage::FundFile& file, std::int64_t first_id) {
  ChainReport report;
  if (first_id <= 1) {
    const std::int64_t next_id = walk_chain(file, report, 1, kGenesisHash);
    if (!report.first_bad_entry) check_recorded_head(file, report, next_id);
    return report;
  }
  const auto anchor = storage::stored_hash(file, first_id - 1);
  if (!anchor) {
    fail_chain(report, first_id - 1, bilingual("第 {0} 号分录缺失", "entry {0} is missing", first_id - 1));
    return report;
  }
  const std::int64_t next_id = walk_chain(file, report, first_id, *anchor);
  if (!report.first_bad_entry) check_recorded_head(file, report, next_id);
  return report;
}

std::future<ChainReport> verify_chain_beside(storage::FundFile& file) {
  struct Reader {
    storage::FundFile file;  // not mapped into memory: its pages would count twice
    std::unique_ptr<storage::FundFile::ReadSnapshot> snapshot;
  };
  std::unique_ptr<Reader> reader;
  try {
    reader = std::make_unique<Reader>(Reader{storage::FundFile::open(file.path()), nullptr});
    reader->snapshot = std::make_unique<storage::FundFile::ReadSnapshot>(reader->file);
    const ChainHead ours = recorded_chain_head(file);
    const ChainHead theirs = recorded_chain_head(reader->file);
    if (ours.hash != theirs.hash || ours.length != theirs.length ||
        storage::last_entry_id(file) != storage::last_entry_id(reader->file)) {
      return {};
    }
  } catch (const std::exception&) {
    return {};
  }
  return std::async(std::launch::async, [reader = std::move(reader)]() mutable {
    const auto done = std::move(reader);  // closed in this thread, after the walk
    return verify_chain(done->file);
  });
}

}  // namespace cfund::books
