#include "storage/audit_queries.hpp"
#include "storage/columns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>

#include "storage/fund_file.hpp"
#include "storage/stated_amounts.hpp"

namespace cfund::storage {

namespace {

// "NOT voided": no void entry points at the row's entry.
const char* kLive = " NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = %s) ";

std::string live(const std::string& entry_column) {
  std::string clause = kLive;
  clause.replace(clause.find("%s"), 2, entry_column);
  return clause;
}

std::vector<std::int64_t> split_ids(const std::string& text) {
  std::vector<std::int64_t> ids;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    ids.push_back(std::stoll(text.substr(start, end - start)));
    start = end + 1;
  }
  return ids;
}

std::vector<std::string> split_texts(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::vector<MovementGroup> read_groups(SQLite::Statement& q) {
  std::vector<MovementGroup> groups;
  while (q.executeStep()) {
    MovementGroup group;
    group.kind = q.getColumn("kind").getString();
    group.account_code = text_or_empty(q.getColumn("account_code"));
    group.key = text_or_empty(q.getColumn("key"));
    group.amount = q.getColumn("amount").getInt64();
    group.entry_ids = split_ids(q.getColumn("entry_ids").getString());
    group.dates = split_texts(q.getColumn("dates").getString());
    group.date = group.dates.empty() ? std::string() : group.dates.front();
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace

std::vector<std::string> integrity_problems(FundFile& file, bool deep) {
  SQLite::Statement q(file.db(), deep ? "PRAGMA integrity_check" : "PRAGMA quick_check");
  const char* column = deep ? "integrity_check" : "quick_check";
  std::vector<std::string> problems;
  while (q.executeStep()) {
    const std::string line = q.getColumn(column).getString();
    if (line != "ok") problems.push_back(line);
  }
  return problems;
}

std::int64_t entry_count(FundFile& file) { return file.db().execAndGet("SELECT COUNT(*) FROM entries").getInt64(); }

PostingTotals day_totals_by_side(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT COALESCE(SUM(CASE WHEN side = 'account' THEN amount END), 0) AS accounts, "
                      "COALESCE(-SUM(CASE WHEN side = 'designation' THEN amount END), 0) AS designations "
                      "FROM day_totals");
  q.executeStep();
  PostingTotals totals;
  totals.accounts = q.getColumn("accounts").getInt64();
  totals.designations = q.getColumn("designations").getInt64();
  return totals;
}

namespace {

// The exact queries behind posting_facts_by_queries, which order and compare values of
// any type as SQLite does.

std::vector<UnbalancedEntry> unbalanced_entries(FundFile& file) {
  // Summed in one scan of postings in key order; entries looked up only for those found.
  SQLite::Statement q(file.db(),
                      "SELECT e.id AS id, e.date AS date, s.total AS total FROM (SELECT entry_id, SUM(amount) AS total "
                      "FROM postings "
                      "GROUP BY entry_id HAVING SUM(amount) <> 0) s JOIN entries e ON e.id = s.entry_id ORDER BY e.id");
  std::vector<UnbalancedEntry> found;
  while (q.executeStep())
    found.push_back({q.getColumn("id").getInt64(), q.getColumn("date").getString(), q.getColumn("total").getInt64()});
  return found;
}

PostingTotals posting_totals(FundFile& file) {
  // The orphans in a query of their own: one lookup of the entry per posting, not two.
  SQLite::Statement q(file.db(),
                      "SELECT COALESCE(SUM(CASE WHEN account_id IS NOT NULL THEN amount END), 0) AS accounts, "
                      "COALESCE(-SUM(CASE WHEN designation_id IS NOT NULL THEN amount END), 0) AS designations "
                      "FROM postings");
  q.executeStep();
  SQLite::Statement orphans(file.db(),
                            "SELECT COALESCE(SUM(amount), 0) AS amount, COUNT(*) AS count FROM postings p "
                            "WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = p.entry_id)");
  orphans.executeStep();
  return {q.getColumn("accounts").getInt64(), q.getColumn("designations").getInt64(),
          orphans.getColumn("amount").getInt64(), orphans.getColumn("count").getInt64()};
}

std::vector<DetailMismatch> detail_mismatches(FundFile& file) {
  // Each detail row that states an amount (stated_amounts.hpp) beside the sums posted to
  // its account and its designation, in their own signs.
  const char* goods_account = "(SELECT id FROM accounts WHERE kind = 'goods' ORDER BY id LIMIT 1)";
  const char* goods_designation = "(SELECT id FROM designations WHERE kind = 'goods' ORDER BY id LIMIT 1)";
  auto side = [](const char* sign, const char* column, const std::string& target) {
    return fmt::format(
        "(SELECT COALESCE({}SUM(p.amount), 0) FROM postings p WHERE p.entry_id = x.entry_id AND p.{} = {})", sign,
        column, target);
  };
  std::string rows;
  for (const StatedAmount& stated : kStatedAmounts) {
    const char* where =
        stated.rows == StatedRows::money_form ? "WHERE x.form = 'money'"
        : stated.rows == StatedRows::goods_form_with_postings
            ? "WHERE x.form = 'goods' AND EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = x.entry_id)"
            : "";
    rows += fmt::format(
        "{}SELECT x.entry_id, e.date, '{}' AS kind, x.{} AS amount, {} AS acc, {} AS des FROM {} x "
        "JOIN entries e ON e.id = x.entry_id {}",
        rows.empty() ? "" : " UNION ALL ", stated.kind, stated.amount,
        side(stated.in ? "" : "-", "account_id", stated.goods ? goods_account : "x.account_id"),
        side(stated.in ? "-" : "", "designation_id", stated.goods ? goods_designation : "x.designation_id"),
        stated.table, where);
  }
  const std::string sql = "SELECT entry_id, date, kind, amount, acc, des FROM (" + rows +
                          ") WHERE acc <> amount OR des <> amount ORDER BY entry_id";
  SQLite::Statement q(file.db(), sql);
  std::vector<DetailMismatch> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn("entry_id").getInt64(), q.getColumn("date").getString(),
                     q.getColumn("kind").getString(), q.getColumn("amount").getInt64(), q.getColumn("acc").getInt64(),
                     q.getColumn("des").getInt64()});
  }
  return found;
}

// Every posting to accounts (or designations) with its entry's date, ordered by
// target, date and entry id; amounts in the target's own sign.
struct DatedPosting {
  std::int64_t target_id = 0;
  std::string date;
  std::int64_t entry_id = 0;
  util::Fen amount = 0;
};

std::vector<DatedPosting> dated_postings(FundFile& file, Side side) {
  const bool account = side == Side::account;
  const std::string target = account ? "p.account_id" : "p.designation_id";
  SQLite::Statement q(file.db(), "SELECT " + target + " AS target, e.date AS date, e.id AS entry_id, " +
                                     (account ? "p.amount" : "-p.amount") +
                                     " AS amount FROM postings p JOIN entries e ON e.id = p.entry_id WHERE " + target +
                                     " IS NOT NULL ORDER BY " + target + ", e.date, e.id, p.seq");
  const int target_at = column_at(q, "target");
  const int date_at = column_at(q, "date");
  const int entry_at = column_at(q, "entry_id");
  const int amount_at = column_at(q, "amount");
  std::vector<DatedPosting> rows;
  while (q.executeStep()) {
    rows.push_back({q.getColumn(target_at).getInt64(), q.getColumn(date_at).getString(),
                    q.getColumn(entry_at).getInt64(), q.getColumn(amount_at).getInt64()});
  }
  return rows;
}

// Days in target and date order, from postings in that order.
std::vector<PostingDay> days_of(const std::vector<DatedPosting>& rows) {
  std::vector<PostingDay> days;
  for (const auto& row : rows) {
    if (days.empty() || days.back().target_id != row.target_id || days.back().date != row.date) {
      days.push_back({row.target_id, row.date, 0, {}});
    }
    days.back().total += row.amount;
    if (row.amount < 0) days.back().outflows.push_back(row.entry_id);
  }
  return days;
}

}  // namespace

PostingFacts posting_facts_by_queries(FundFile& file) {
  PostingFacts facts;
  facts.unbalanced = unbalanced_entries(file);
  facts.totals = posting_totals(file);
  facts.mismatches = detail_mismatches(file);
  facts.days = {days_of(dated_postings(file, Side::account)), days_of(dated_postings(file, Side::designation))};
  return facts;
}

PostingFacts posting_facts(FundFile& file) {
  if (auto facts = posting_facts_in_one_pass(file)) return std::move(*facts);
  return posting_facts_by_queries(file);
}

std::vector<UnapprovedPayment> unapproved_payments(FundFile& file, util::Fen threshold) {
  SQLite::Statement q(file.db(),
                      "SELECT d.entry_id AS entry_id, e.date AS date, d.amount AS amount, d.category AS category, "
                      "NOT" +
                          live("d.entry_id") +
                          "AS voided FROM disbursements d JOIN entries e ON e.id = d.entry_id "
                          "WHERE d.amount > ? AND TRIM(COALESCE(e.approval_ref, '')) = '' ORDER BY e.date, d.entry_id");
  q.bind(1, static_cast<std::int64_t>(threshold));
  std::vector<UnapprovedPayment> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn("entry_id").getInt64(), q.getColumn("date").getString(),
                     q.getColumn("amount").getInt64(), q.getColumn("category").getString(),
                     q.getColumn("voided").getInt() != 0});
  }
  return found;
}

void for_each_receipt_number(FundFile& file, const std::function<void(const ReceiptNumber&)>& visit) {
  SQLite::Statement q(file.db(),
                      "SELECT d.receipt_year AS receipt_year, d.receipt_seq AS receipt_seq, d.entry_id AS entry_id, "
                      "COALESCE(e.date, '') AS date FROM donations d "
                      "LEFT JOIN entries e ON e.id = d.entry_id ORDER BY d.receipt_year, d.receipt_seq, d.entry_id");
  const int year_at = column_at(q, "receipt_year");
  const int seq_at = column_at(q, "receipt_seq");
  const int entry_at = column_at(q, "entry_id");
  const int date_at = column_at(q, "date");
  ReceiptNumber number;
  while (q.executeStep()) {
    number.year = q.getColumn(year_at).getInt();
    number.seq = q.getColumn(seq_at).getInt64();
    number.entry_id = q.getColumn(entry_at).getInt64();
    number.date = q.getColumn(date_at).getString();
    visit(number);
  }
}

std::vector<MovementGroup> duplicate_references(FundFile& file) {
  SQLite::Statement q(
      file.db(),
      "SELECT kind, code AS account_code, ref AS key, MIN(amount) AS amount, GROUP_CONCAT(entry_id) AS entry_ids, "
      "GROUP_CONCAT(date) AS dates FROM ("
      " SELECT 'donation' AS kind, a.code, d.external_ref AS ref, d.amount, d.entry_id, e.date "
      " FROM donations d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
      " WHERE d.external_ref IS NOT NULL AND d.external_ref <> '' AND" +
          live("d.entry_id") +
          " UNION ALL "
          " SELECT 'disbursement', a.code, d.external_ref, d.amount, d.entry_id, e.date "
          " FROM disbursements d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
          " WHERE d.external_ref IS NOT NULL AND d.external_ref <> '' AND" +
          live("d.entry_id") +
          " ORDER BY entry_id) GROUP BY kind, code, ref HAVING COUNT(*) > 1 ORDER BY MIN(entry_id)");
  return read_groups(q);
}

std::vector<MovementGroup> likely_duplicates(FundFile& file) {
  // Two lines with different bank references are two real transfers, not a duplicate.
  SQLite::Statement q(
      file.db(),
      "SELECT kind, code AS account_code, who AS key, amount, GROUP_CONCAT(entry_id) AS entry_ids, "
      "GROUP_CONCAT(date) AS dates FROM ("
      " SELECT 'donation' AS kind, a.code, d.donor_name AS who, d.amount, d.entry_id, e.date, "
      "  d.external_ref AS ref "
      " FROM donations d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
      " WHERE d.form = 'money' AND" +
          live("d.entry_id") +
          " UNION ALL "
          " SELECT 'disbursement', a.code, COALESCE(CASE WHEN d.beneficiary IS NOT NULL THEN printf('B%04d', "
          "d.beneficiary) END, d.payee, ''), d.amount, "
          "  d.entry_id, e.date, d.external_ref "
          " FROM disbursements d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
          " WHERE" +
          live("d.entry_id") +
          " ORDER BY entry_id) GROUP BY kind, code, who, amount, date "
          "HAVING COUNT(*) > 1 AND COUNT(DISTINCT ref) < COUNT(*) ORDER BY MIN(entry_id)");
  return read_groups(q);
}

namespace {

// One unvoided donation or disbursement on an existing account, as the duplicate
// queries see it.
struct Movement {
  const char* kind = "";
  const std::string* account_code = nullptr;
  std::string who;  // donor, or B0001 / payee / ""
  util::Fen amount = 0;
  std::int64_t entry_id = 0;
  std::string date;
  std::optional<std::string> ref;
  bool money = true;  // a goods donation is no money movement
};

void append_key_part(std::string& key, const std::string& part) {
  const auto size = static_cast<std::uint32_t>(part.size());
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key += part;
}

// A movement query's columns, found once.
struct MovementColumns {
  int entry, kind, date, account, amount, ref, form_or_beneficiary, who;
};

enum class Read { taken, left_out, unlike_the_queries };

// The movement on the row `q` stands on: left out as the queries' joins leave it out, or
// unlike_the_queries when a value is not of the type they compare it as.
Read movement_of(SQLite::Statement& q, const MovementColumns& at, bool donations,
                 const std::unordered_set<std::int64_t>& voided,
                 const std::map<std::int64_t, std::string>& account_codes, Movement& m) {
  const char* kind = donations ? "donation" : "disbursement";
  const SQLite::Column entry_kind = q.getColumn(at.kind);
  const SQLite::Column date = q.getColumn(at.date);
  const SQLite::Column account = q.getColumn(at.account);
  const SQLite::Column amount = q.getColumn(at.amount);
  const SQLite::Column ref = q.getColumn(at.ref);
  if (!entry_kind.isText() || entry_kind.getString() != kind || !date.isText() || !amount.isInteger() ||
      !(ref.isNull() || ref.isText())) {
    return Read::unlike_the_queries;
  }
  m.kind = kind;
  m.entry_id = q.getColumn(at.entry).getInt64();
  m.date = date.getString();
  if (m.date.find(',') != std::string::npos) return Read::unlike_the_queries;
  m.amount = amount.getInt64();
  if (!ref.isNull()) m.ref = ref.getString();
  if (donations) {
    const SQLite::Column form = q.getColumn(at.form_or_beneficiary);
    const SQLite::Column donor = q.getColumn(at.who);
    if (!form.isText() || !donor.isText()) return Read::unlike_the_queries;
    m.money = form.getString() == "money";
    m.who = donor.getString();
  } else {
    const SQLite::Column beneficiary = q.getColumn(at.form_or_beneficiary);
    const SQLite::Column payee = q.getColumn(at.who);
    if (!(beneficiary.isNull() || beneficiary.isInteger()) || !(payee.isNull() || payee.isText())) {
      return Read::unlike_the_queries;
    }
    if (!beneficiary.isNull()) {
      m.who = fmt::format("B{:04d}", beneficiary.getInt64());  // as printf('B%04d', ...)
    } else if (!payee.isNull()) {
      m.who = payee.getString();
    }
  }
  // The joins and the NOT EXISTS of the queries: an account that exists, an entry not voided.
  if (!account.isInteger() || voided.count(m.entry_id) > 0) return Read::left_out;
  const auto code = account_codes.find(account.getInt64());
  if (code == account_codes.end()) return Read::left_out;
  m.account_code = &code->second;
  return Read::taken;
}

// Reads the movements of one table in entry order: all of them, or (`only`, in rising
// order) those of these entries, each found by its key. False when a value is not of
// the type the queries compare it as.
bool read_movements(FundFile& file, bool donations, const std::unordered_set<std::int64_t>& voided,
                    const std::map<std::int64_t, std::string>& account_codes,
                    const std::function<void(Movement&&)>& take, const std::vector<std::int64_t>* only = nullptr) {
  SQLite::Statement q(file.db(),
                      std::string("SELECT d.entry_id AS entry_id, e.kind AS kind, e.date AS date, "
                                  "d.account_id AS account_id, d.amount AS amount, d.external_ref AS ref, ") +
                          (donations ? "d.form AS form, d.donor_name AS who FROM donations d "
                                     : "d.beneficiary AS beneficiary, d.payee AS who FROM disbursements d ") +
                          "JOIN entries e ON e.id = d.entry_id " +
                          (only != nullptr ? "WHERE d.entry_id = ?1" : "ORDER BY d.entry_id"));
  const MovementColumns at{column_at(q, "entry_id"),
                           column_at(q, "kind"),
                           column_at(q, "date"),
                           column_at(q, "account_id"),
                           column_at(q, "amount"),
                           column_at(q, "ref"),
                           column_at(q, donations ? "form" : "beneficiary"),
                           column_at(q, "who")};
  const auto read = [&]() {
    Movement m;
    const Read outcome = movement_of(q, at, donations, voided, account_codes, m);
    if (outcome == Read::taken) take(std::move(m));
    return outcome != Read::unlike_the_queries;
  };
  if (only == nullptr) {
    while (q.executeStep()) {
      if (!read()) return false;
    }
    return true;
  }
  for (const std::int64_t entry : *only) {
    q.reset();
    q.bind(1, entry);
    if (q.executeStep() && !read()) return false;
  }
  return true;
}

// The keys the duplicate search compares: the same account and reference; the same
// counterparty, amount, day and account (money only).
bool reference_key(const Movement& m, std::string& key) {
  if (!m.ref || m.ref->empty()) return false;
  append_key_part(key, m.kind);
  append_key_part(key, *m.account_code);
  append_key_part(key, *m.ref);
  return true;
}

bool content_key(const Movement& m, std::string& key) {
  if (!m.money) return false;
  append_key_part(key, m.kind);
  append_key_part(key, *m.account_code);
  append_key_part(key, m.who);
  append_key_part(key, std::to_string(m.amount));
  append_key_part(key, m.date);
  return true;
}

// The entries whose reference key or content key has the same hash as another's: the
// only ones that can be in a group (in rising order), and how many movements were read.
// Keeps 16 bytes a movement, not the movement.
struct Candidates {
  std::vector<std::int64_t> entries;
  std::size_t movements = 0;
};
std::optional<Candidates> duplicate_candidates(FundFile& file, const std::unordered_set<std::int64_t>& voided,
                                               const std::map<std::int64_t, std::string>& account_codes) {
  std::vector<std::pair<std::size_t, std::int64_t>> by_reference, by_content;  // (hash of key, entry)
  std::string key;
  const auto take = [&](Movement&& m) {
    key.clear();
    if (reference_key(m, key)) by_reference.emplace_back(std::hash<std::string>()(key), m.entry_id);
    key.clear();
    if (content_key(m, key)) by_content.emplace_back(std::hash<std::string>()(key), m.entry_id);
  };
  if (!read_movements(file, true, voided, account_codes, take)) return std::nullopt;
  if (!read_movements(file, false, voided, account_codes, take)) return std::nullopt;
  Candidates candidates;
  candidates.movements = std::max(by_reference.size(), by_content.size());
  for (auto* hashes : {&by_reference, &by_content}) {
    std::sort(hashes->begin(), hashes->end());
    for (std::size_t i = 0; i + 1 < hashes->size(); ++i) {
      if ((*hashes)[i].first != (*hashes)[i + 1].first) continue;
      candidates.entries.push_back((*hashes)[i].second);
      candidates.entries.push_back((*hashes)[i + 1].second);
    }
  }
  std::sort(candidates.entries.begin(), candidates.entries.end());
  candidates.entries.erase(std::unique(candidates.entries.begin(), candidates.entries.end()), candidates.entries.end());
  return candidates;
}

// Rows of the same key, two or more, in entry order. Rows are sorted by a hash of their
// key; rows of equal hash are then compared by key.
template <typename KeyOf>
std::vector<std::vector<std::size_t>> groups_by_key(const std::vector<Movement>& rows, KeyOf&& key_of) {
  std::vector<std::pair<std::size_t, std::size_t>> hashed;  // (hash, row)
  hashed.reserve(rows.size());
  std::string key;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    key.clear();
    if (key_of(rows[i], key)) hashed.emplace_back(std::hash<std::string>()(key), i);
  }
  std::sort(hashed.begin(), hashed.end());
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < hashed.size();) {
    std::size_t j = i + 1;
    while (j < hashed.size() && hashed[j].first == hashed[i].first) ++j;
    if (j - i > 1) {
      std::map<std::string, std::vector<std::size_t>> same;
      for (std::size_t k = i; k < j; ++k) {
        key.clear();
        key_of(rows[hashed[k].second], key);
        same[key].push_back(hashed[k].second);
      }
      for (auto& [unused, members] : same) {
        if (members.size() > 1) groups.push_back(std::move(members));
      }
    }
    i = j;
  }
  return groups;
}

MovementGroup group_of(const std::vector<Movement>& rows, const std::vector<std::size_t>& members, std::string key) {
  MovementGroup group;
  group.kind = rows[members.front()].kind;
  group.account_code = *rows[members.front()].account_code;
  group.key = std::move(key);
  group.amount = rows[members.front()].amount;
  for (const std::size_t row : members) {
    group.amount = std::min(group.amount, rows[row].amount);
    group.entry_ids.push_back(rows[row].entry_id);
    group.dates.push_back(rows[row].date);
  }
  group.date = group.dates.front();
  return group;
}

std::unordered_set<std::int64_t> voided_entries(FundFile& file) {
  std::unordered_set<std::int64_t> voided;
  SQLite::Statement q(file.db(), "SELECT voids_entry FROM entries WHERE voids_entry IS NOT NULL");
  const int voids_at = column_at(q, "voids_entry");
  while (q.executeStep()) {
    if (q.getColumn(voids_at).isInteger()) voided.insert(q.getColumn(voids_at).getInt64());
  }
  return voided;
}

// Nothing when a code is not text (the queries compare it as text).
std::optional<std::map<std::int64_t, std::string>> account_codes_of(FundFile& file) {
  std::map<std::int64_t, std::string> codes;
  SQLite::Statement q(file.db(), "SELECT id, code FROM accounts");
  while (q.executeStep()) {
    if (!q.getColumn("code").isText()) return std::nullopt;
    codes[q.getColumn("id").getInt64()] = q.getColumn("code").getString();
  }
  return codes;
}

}  // namespace

std::optional<DuplicateGroups> duplicate_groups(FundFile& file) {
  const auto voided = voided_entries(file);
  const auto account_codes = account_codes_of(file);
  if (!account_codes) return std::nullopt;
  // Read twice: once for the hashes of every movement's keys, once more (only when some
  // hashes meet) for the movements that may be in a group, compared by their keys. Those
  // are found by their keys while they are few (a key search costs about what reading
  // twenty rows in order does; each is searched in both tables), else read with the rest.
  const auto candidates = duplicate_candidates(file, voided, *account_codes);
  if (!candidates) return std::nullopt;
  std::vector<Movement> rows;
  const std::vector<std::int64_t>& wanted = candidates->entries;
  const bool by_key = wanted.size() * 40 < candidates->movements;
  const auto keep = [&rows, &wanted, by_key](Movement&& m) {
    if (by_key || std::binary_search(wanted.begin(), wanted.end(), m.entry_id)) rows.push_back(std::move(m));
  };
  if (!wanted.empty()) {
    read_movements(file, true, voided, *account_codes, keep, by_key ? &wanted : nullptr);
    read_movements(file, false, voided, *account_codes, keep, by_key ? &wanted : nullptr);
  }

  // Same account and reference; same counterparty, amount, day and account.
  DuplicateGroups found;
  for (const auto& members : groups_by_key(rows, reference_key)) {
    found.references.push_back(group_of(rows, members, *rows[members.front()].ref));
  }
  for (const auto& members : groups_by_key(rows, content_key)) {
    // Two lines with different bank references are two real transfers, not a duplicate.
    std::set<std::string> refs;
    for (const std::size_t row : members) {
      if (rows[row].ref) refs.insert(*rows[row].ref);
    }
    if (refs.size() < members.size()) found.likely.push_back(group_of(rows, members, rows[members.front()].who));
  }
  auto by_first_entry = [](const MovementGroup& a, const MovementGroup& b) {
    return a.entry_ids.front() < b.entry_ids.front();
  };
  std::sort(found.references.begin(), found.references.end(), by_first_entry);
  std::sort(found.likely.begin(), found.likely.end(), by_first_entry);
  return found;
}

std::vector<ReliefPayment> relief_payments_all(FundFile& file) {
  SQLite::Statement q(
      file.db(),
      "SELECT d.beneficiary AS beneficiary, b.category AS category, d.entry_id AS entry_id, e.date AS date, "
      "d.amount AS amount, d.repeat_reason AS repeat_reason FROM disbursements d "
      "JOIN entries e ON e.id = d.entry_id LEFT JOIN beneficiaries b ON b.number = d.beneficiary "
      "WHERE d.category = 'relief' AND d.beneficiary IS NOT NULL AND" +
          live("d.entry_id") + "ORDER BY d.beneficiary, e.date, d.entry_id");
  std::vector<ReliefPayment> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn("beneficiary").getInt64(), text_or_empty(q.getColumn("category")),
                     q.getColumn("entry_id").getInt64(), q.getColumn("date").getString(),
                     q.getColumn("amount").getInt64(), text_or_empty(q.getColumn("repeat_reason"))});
  }
  return found;
}

std::vector<int> entry_years(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT DISTINCT CAST(SUBSTR(date, 1, 4) AS INTEGER) AS y FROM entries ORDER BY y");
  std::vector<int> years;
  while (q.executeStep()) years.push_back(q.getColumn("y").getInt());
  return years;
}

std::vector<PeriodClose> period_closes(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT c.entry_id AS entry_id, COALESCE(e.date, '') AS date, c.through AS through "
                      "FROM period_closes c "
                      "LEFT JOIN entries e ON e.id = c.entry_id ORDER BY c.entry_id");
  std::vector<PeriodClose> found;
  while (q.executeStep()) {
    found.push_back(
        {q.getColumn("entry_id").getInt64(), q.getColumn("date").getString(), q.getColumn("through").getString()});
  }
  return found;
}

std::optional<std::string> latest_closed_month(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT MAX(through) AS through FROM period_closes");
  if (!q.executeStep() || q.getColumn("through").isNull()) return std::nullopt;
  return q.getColumn("through").getString();
}

std::vector<EntrySummary> entries_after_dated_until(FundFile& file, std::int64_t after_id,
                                                    const std::string& date_iso) {
  SQLite::Statement q(file.db(),
                      "SELECT id, kind, date, voids_entry FROM entries WHERE id > ? AND date <= ? ORDER BY id");
  q.bind(1, static_cast<std::int64_t>(after_id));
  q.bind(2, date_iso);
  std::vector<EntrySummary> found;
  while (q.executeStep()) {
    EntrySummary entry;
    entry.id = q.getColumn("id").getInt64();
    entry.kind = q.getColumn("kind").getString();
    entry.date = q.getColumn("date").getString();
    if (!q.getColumn("voids_entry").isNull()) entry.voids_entry = q.getColumn("voids_entry").getInt64();
    found.push_back(entry);
  }
  return found;
}

std::vector<AccountMovement> account_movements(FundFile& file, std::int64_t account_id, const std::string& from,
                                               const std::string& to) {
  SQLite::Statement q(file.db(),
                      "SELECT e.id AS entry_id, e.date AS date, e.kind AS kind, SUM(p.amount) AS amount, "
                      " COALESCE(don.external_ref, dis.external_ref, inc.external_ref, "
                      "  CASE WHEN tr.statement_account_id = ?1 THEN tr.external_ref END, '') AS reference, "
                      " COALESCE(CASE WHEN don.anonymous = 1 THEN '' ELSE don.donor_name END, dis.payee, "
                      "  CASE WHEN dis.beneficiary IS NOT NULL THEN printf('B%04d', dis.beneficiary) END, "
                      "  inc.source, '') AS counterparty, "
                      " (e.voids_entry IS NOT NULL OR EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = e.id)) "
                      "  AS voided "
                      "FROM postings p JOIN entries e ON e.id = p.entry_id "
                      "LEFT JOIN donations don ON don.entry_id = e.id AND e.kind = 'donation' "
                      "LEFT JOIN disbursements dis ON dis.entry_id = e.id AND e.kind = 'disbursement' "
                      "LEFT JOIN incomes inc ON inc.entry_id = e.id AND e.kind = 'income' "
                      "LEFT JOIN transfers tr ON tr.entry_id = e.id AND e.kind = 'transfer' "
                      "WHERE p.account_id = ?1 AND e.date BETWEEN ?2 AND ?3 GROUP BY e.id ORDER BY e.date, e.id");
  q.bind(1, static_cast<std::int64_t>(account_id));
  q.bind(2, from);
  q.bind(3, to);
  std::vector<AccountMovement> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn("entry_id").getInt64(), q.getColumn("date").getString(),
                     q.getColumn("kind").getString(), q.getColumn("amount").getInt64(),
                     q.getColumn("reference").getString(), q.getColumn("counterparty").getString(),
                     q.getColumn("voided").getInt() != 0});
  }
  return found;
}

util::Fen balance_through(FundFile& file, Side side, std::int64_t id, const std::string& date_iso) {
  const bool account = side == Side::account;
  SQLite::Statement q(file.db(), std::string("SELECT COALESCE(SUM(p.amount), 0) AS sum FROM postings p "
                                             "JOIN entries e ON e.id = p.entry_id WHERE p.") +
                                     (account ? "account_id" : "designation_id") + " = ? AND e.date <= ?");
  q.bind(1, static_cast<std::int64_t>(id));
  q.bind(2, date_iso);
  q.executeStep();
  const util::Fen sum = q.getColumn("sum").getInt64();
  return account ? sum : -sum;
}

util::Fen corrected_account_balance_through(FundFile& file, std::int64_t account_id, const std::string& date_iso) {
  SQLite::Statement q(file.db(),
                      "SELECT COALESCE(SUM(p.amount), 0) AS balance FROM postings p JOIN entries e "
                      "ON e.id = p.entry_id WHERE p.account_id = ? AND e.date <= ? AND e.voids_entry IS NULL AND" +
                          live("e.id"));
  q.bind(1, static_cast<std::int64_t>(account_id));
  q.bind(2, date_iso);
  q.executeStep();
  return q.getColumn("balance").getInt64();
}

StoredHashes::StoredHashes(FundFile& file, EntryOrder order)
    : query_(std::make_unique<SQLite::Statement>(
          file.db(), order == EntryOrder::oldest_first ? "SELECT id, date, hash FROM entries ORDER BY id"
                                                       : "SELECT id, date, hash FROM entries ORDER BY id DESC")),
      id_at_(column_at(*query_, "id")),
      date_at_(column_at(*query_, "date")),
      hash_at_(column_at(*query_, "hash")) {}

StoredHashes::~StoredHashes() = default;

bool StoredHashes::next(StoredHash& row) {
  if (!query_->executeStep()) return false;
  row.entry_id = query_->getColumn(id_at_).getInt64();
  row.date = query_->getColumn(date_at_).getString();
  row.hash = query_->getColumn(hash_at_).getString();
  return true;
}

void for_each_entry_date(FundFile& file, std::int64_t first_id, std::int64_t last_id,
                         const std::function<void(const std::string&)>& visit) {
  SQLite::Statement q(file.db(), "SELECT date FROM entries WHERE id BETWEEN ? AND ? ORDER BY id");
  q.bind(1, static_cast<std::int64_t>(first_id));
  q.bind(2, static_cast<std::int64_t>(last_id));
  const int date_at = column_at(q, "date");
  std::string date;
  while (q.executeStep()) {
    date = q.getColumn(date_at).getString();
    visit(date);
  }
}

}  // namespace cfund::storage
