#include "storage/notice_queries.hpp"
#include "storage/columns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "storage/fund_file.hpp"
#include "storage/row_readers.hpp"

namespace cfund::storage {

namespace {

// The void of the entry aliased `e`, if it is within the cut-off (bound as :cut).
const char* kVoidJoin = "LEFT JOIN entries v ON v.voids_entry = e.id AND v.id <= :cut ";
// An entry of kind :kind is in a notice when it is dated in the period, or voided by an
// entry dated in it (:from, :to). Asked as two questions, each answered through the index
// on (kind, date), so that neither reads the period's entries of other kinds (one `OR`
// would read every row of the table; the date index alone, every donation of the month
// when looking for payments or voids).
const char* kInScope[] = {
    "e.kind = :kind AND e.id <= :cut AND e.date BETWEEN :from AND :to ORDER BY e.date, e.id",
    "v.kind = 'void' AND v.date BETWEEN :from AND :to AND e.kind = :kind AND e.id <= :cut "
    "AND e.date NOT BETWEEN :from AND :to ORDER BY e.date, e.id",
};

void bind_scope(SQLite::Statement& q, const std::string& kind, const std::string& from, const std::string& to,
                std::int64_t cutoff) {
  q.bind(":kind", kind);
  q.bind(":cut", static_cast<std::int64_t>(cutoff));
  q.bind(":from", from);
  q.bind(":to", to);
}

const std::string& date_of(const NoticeDonation& found) { return found.row.date; }
const std::string& date_of(const NoticeDisbursement& found) { return found.row.date; }
const std::string& date_of(const NoticeReallocation& found) { return found.date; }
const std::string& date_of(const NoticeIncome& found) { return found.row.date; }

// Visits the rows of `select` (entries `e` of `kind`, their voids `v`) in scope, in date
// and entry order, without holding them: a month of a large fund lists tens of thousands.
// `read(q, at)` reads a row, `at` (a Columns made from the statement) saying where its
// columns stand.
template <typename Row, typename Columns, typename Read, typename Visit>
void visit_in_scope(FundFile& file, const std::string& select, const std::string& kind, const std::string& from,
                    const std::string& to, std::int64_t cutoff, Read read, Visit visit) {
  // Those voided in the period but dated outside it are few, and come before or after
  // all those dated in it.
  std::vector<Row> outside;
  SQLite::Statement voided(file.db(), select + "WHERE " + kInScope[1]);
  bind_scope(voided, kind, from, to, cutoff);
  Columns voided_at(voided);
  while (voided.executeStep()) outside.push_back(read(voided, voided_at));
  auto next = outside.begin();
  for (; next != outside.end() && date_of(*next) < from; ++next) visit(*next);
  SQLite::Statement dated(file.db(), select + "WHERE " + kInScope[0]);
  bind_scope(dated, kind, from, to, cutoff);
  Columns dated_at(dated);
  while (dated.executeStep()) {
    Row row = read(dated, dated_at);
    visit(row);
  }
  for (; next != outside.end(); ++next) visit(*next);
}

}  // namespace

std::int64_t last_entry_before_publications(FundFile& file) {
  return file.db().execAndGet("SELECT COALESCE(MAX(id), 0) FROM entries WHERE kind <> 'publication'").getInt64();
}

std::optional<EntryStamp> entry_stamp(FundFile& file, std::int64_t id) {
  SQLite::Statement q(file.db(), "SELECT id, kind, date, recorded_at, hash FROM entries WHERE id = ?");
  q.bind(1, static_cast<std::int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return EntryStamp{q.getColumn("id").getInt64(), q.getColumn("kind").getString(), q.getColumn("date").getString(),
                    q.getColumn("recorded_at").getString(), q.getColumn("hash").getString()};
}

std::size_t entries_dated_between(FundFile& file, const std::string& from, const std::string& to) {
  SQLite::Statement q(file.db(), "SELECT COUNT(*) AS dated FROM entries WHERE date BETWEEN ? AND ?");
  q.bind(1, from);
  q.bind(2, to);
  q.executeStep();
  return static_cast<std::size_t>(q.getColumn("dated").getInt64());
}

std::map<std::int64_t, util::Fen> designation_balances_through(FundFile& file, const std::string& last_date,
                                                               std::int64_t cutoff) {
  // All entries from the per-day totals, less those after the cut-off (usually none
  // or a few: the cut-off is the last entry unless a notice is reproduced): CROSS JOIN and the
  // unary + make SQLite read them by id, not every posting or every earlier entry.
  std::map<std::int64_t, util::Fen> balances;
  SQLite::Statement all(file.db(),
                        "SELECT target_id AS designation_id, -SUM(amount) AS balance FROM day_totals "
                        "WHERE side = 'designation' AND date <= ? GROUP BY target_id");
  all.bind(1, last_date);
  while (all.executeStep()) balances[all.getColumn("designation_id").getInt64()] = all.getColumn("balance").getInt64();
  SQLite::Statement later(file.db(),
                          "SELECT p.designation_id AS designation_id, -SUM(p.amount) AS balance FROM entries e "
                          "CROSS JOIN postings p ON p.entry_id = e.id "
                          "WHERE e.id > ? AND +e.date <= ? AND p.designation_id IS NOT NULL GROUP BY p.designation_id");
  later.bind(1, static_cast<std::int64_t>(cutoff));
  later.bind(2, last_date);
  while (later.executeStep()) {
    balances[later.getColumn("designation_id").getInt64()] -= later.getColumn("balance").getInt64();
  }
  return balances;
}

DesignationBalances designation_balances_around(FundFile& file, const std::string& first_date,
                                                const std::string& last_date, std::int64_t cutoff) {
  // As designation_balances_through, the days before the period summed beside all of them:
  // one read of the per-day totals instead of two.
  DesignationBalances balances;
  SQLite::Statement all(file.db(),
                        "SELECT target_id AS designation_id, -SUM(CASE WHEN date < ?1 THEN amount ELSE 0 END) "
                        "AS opening, -SUM(amount) AS closing FROM day_totals WHERE side = 'designation' AND date <= ?2 "
                        "GROUP BY target_id");
  all.bind(1, first_date);
  all.bind(2, last_date);
  while (all.executeStep()) {
    const std::int64_t id = all.getColumn("designation_id").getInt64();
    balances.opening[id] = all.getColumn("opening").getInt64();
    balances.closing[id] = all.getColumn("closing").getInt64();
  }
  SQLite::Statement later(
      file.db(),
      "SELECT p.designation_id AS designation_id, -SUM(CASE WHEN e.date < ?2 THEN p.amount ELSE 0 END) AS opening, "
      "-SUM(p.amount) AS closing FROM entries e CROSS JOIN postings p ON p.entry_id = e.id "
      "WHERE e.id > ?1 AND +e.date <= ?3 AND p.designation_id IS NOT NULL GROUP BY p.designation_id");
  later.bind(1, static_cast<std::int64_t>(cutoff));
  later.bind(2, first_date);
  later.bind(3, last_date);
  while (later.executeStep()) {
    const std::int64_t id = later.getColumn("designation_id").getInt64();
    balances.opening[id] -= later.getColumn("opening").getInt64();
    balances.closing[id] -= later.getColumn("closing").getInt64();
  }
  return balances;
}

void notice_donations(FundFile& file, const std::string& from, const std::string& to, std::int64_t cutoff,
                      const std::function<void(NoticeDonation&)>& visit) {
  visit_in_scope<NoticeDonation, detail::DonationColumnsAt>(
      file, detail::donation_select(kVoidJoin, detail::RowColumns::notice), "donation", from, to, cutoff,
      [](SQLite::Statement& q, detail::DonationColumnsAt& at) {
        return NoticeDonation{detail::read_donation(q, at), detail::read_void(q, at.void_of)};
      },
      visit);
}

void notice_disbursements(FundFile& file, const std::string& from, const std::string& to, std::int64_t cutoff,
                          const std::function<void(NoticeDisbursement&)>& visit) {
  visit_in_scope<NoticeDisbursement, detail::DisbursementColumnsAt>(
      file, detail::disbursement_select(kVoidJoin, detail::RowColumns::notice), "disbursement", from, to, cutoff,
      [](SQLite::Statement& q, detail::DisbursementColumnsAt& at) {
        return NoticeDisbursement{detail::read_disbursement(q, at), detail::read_void(q, at.void_of)};
      },
      visit);
}

void notice_income(FundFile& file, const std::string& from, const std::string& to, std::int64_t cutoff,
                   const std::function<void(NoticeIncome&)>& visit) {
  const std::string select =
      "SELECT i.entry_id AS entry_id, e.date AS date, i.income_kind AS income_kind, i.source AS source, "
      "i.amount AS amount, g.code AS designation_code, g.name AS designation_name, "
      "i.matches_entry AS matches_entry, i.matches_campaign AS matches_campaign, v.id AS void_id, "
      "v.date AS void_date, v.reason AS void_reason "
      "FROM incomes i JOIN entries e ON e.id = i.entry_id JOIN designations g ON g.id = i.designation_id " +
      std::string(kVoidJoin);
  visit_in_scope<NoticeIncome, detail::VoidColumnsAt>(
      file, select, "income", from, to, cutoff,
      [](SQLite::Statement& q, detail::VoidColumnsAt& void_at) {
        NoticeIncome found;
        found.row.entry_id = q.getColumn("entry_id").getInt64();
        found.row.date = q.getColumn("date").getString();
        found.row.income_kind = q.getColumn("income_kind").getString();
        found.row.source = q.getColumn("source").getString();
        found.row.amount = q.getColumn("amount").getInt64();
        found.row.designation_code = q.getColumn("designation_code").getString();
        found.row.designation_name = q.getColumn("designation_name").getString();
        found.row.matches_entry = optional_id(q.getColumn("matches_entry"));
        found.row.matches_campaign = text_or_empty(q.getColumn("matches_campaign"));
        found.void_mark = detail::read_void(q, void_at);
        return found;
      },
      visit);
}

std::map<std::int64_t, util::Fen> spending_through(FundFile& file, const std::vector<std::int64_t>& designation_ids,
                                                   const std::string& last_date, std::int64_t cutoff) {
  SQLite::Statement q(
      file.db(),
      "SELECT COALESCE(SUM(d.amount), 0) AS spent FROM disbursements d JOIN entries e ON e.id = d.entry_id "
      "WHERE d.designation_id = :designation AND e.id <= :cut AND e.date <= :last "
      "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = e.id AND v.id <= :cut "
      "AND v.date <= :last)");
  std::map<std::int64_t, util::Fen> spent;
  for (const auto id : designation_ids) {
    q.reset();
    q.bind(":designation", static_cast<std::int64_t>(id));
    q.bind(":cut", static_cast<std::int64_t>(cutoff));
    q.bind(":last", last_date);
    q.executeStep();
    spent[id] = q.getColumn("spent").getInt64();
  }
  return spent;
}

std::vector<NoticeReallocation> notice_reallocations(FundFile& file, const std::string& from, const std::string& to,
                                                     std::int64_t cutoff) {
  std::vector<NoticeReallocation> rows;
  visit_in_scope<NoticeReallocation, detail::VoidColumnsAt>(
      file,
      std::string("SELECT e.id AS entry_id, e.date AS date, e.reason AS reason, e.approval_ref AS approval_ref, "
                  "v.id AS void_id, v.date AS void_date, v.reason AS void_reason FROM entries e ") +
          kVoidJoin,
      "reallocation", from, to, cutoff,
      [](SQLite::Statement& q, detail::VoidColumnsAt& void_at) {
        NoticeReallocation row;
        row.entry_id = q.getColumn("entry_id").getInt64();
        row.date = q.getColumn("date").getString();
        row.reason = text_or_empty(q.getColumn("reason"));
        row.approval_ref = text_or_empty(q.getColumn("approval_ref"));
        row.void_mark = detail::read_void(q, void_at);
        return row;
      },
      [&rows](NoticeReallocation& row) { rows.push_back(std::move(row)); });
  SQLite::Statement postings(
      file.db(),
      "SELECT designation_id, amount FROM postings WHERE entry_id = ? AND designation_id IS NOT NULL "
      "ORDER BY seq");
  for (auto& row : rows) {
    postings.reset();
    postings.bind(1, static_cast<std::int64_t>(row.entry_id));
    while (postings.executeStep()) {
      row.postings.emplace_back(postings.getColumn("designation_id").getInt64(),
                                postings.getColumn("amount").getInt64());
    }
  }
  return rows;
}

std::vector<PublicationRecord> publications(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT entry_id, period_label, first_date, last_date, cutoff_entry, code, formats "
                      "FROM publications ORDER BY entry_id");
  std::vector<PublicationRecord> all;
  while (q.executeStep()) {
    all.push_back({q.getColumn("entry_id").getInt64(), q.getColumn("period_label").getString(),
                   q.getColumn("first_date").getString(), q.getColumn("last_date").getString(),
                   q.getColumn("cutoff_entry").getInt64(), q.getColumn("code").getString(),
                   q.getColumn("formats").getString()});
  }
  return all;
}

std::vector<VoidRecord> voids_through(FundFile& file, const std::string& last_date, std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT v.id AS id, v.date AS date, v.reason AS reason, o.id AS original_id, "
                      "o.kind AS original_kind, o.date AS original_date FROM entries v "
                      "JOIN entries o ON o.id = v.voids_entry "
                      "WHERE v.kind = 'void' AND v.id <= ? AND v.date <= ? ORDER BY v.date, v.id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  q.bind(2, last_date);
  std::vector<VoidRecord> all;
  while (q.executeStep()) {
    all.push_back({q.getColumn("id").getInt64(), q.getColumn("date").getString(), text_or_empty(q.getColumn("reason")),
                   q.getColumn("original_id").getInt64(), q.getColumn("original_kind").getString(),
                   q.getColumn("original_date").getString()});
  }
  return all;
}

std::vector<std::string> anonymous_donor_names(FundFile& file) {
  // One step through the partial index per distinct name, not one row lookup per anonymous
  // donation (a large fund has tens of thousands, mostly under a few names).
  SQLite::Statement q(file.db(),
                      "SELECT donor_name FROM donations WHERE anonymous = 1 AND donor_name > ? "
                      "ORDER BY donor_name LIMIT 1");
  std::vector<std::string> names;
  std::string after;  // '' sorts first: an anonymous donation with no name given is not listed
  for (;;) {
    q.reset();
    q.bind(1, after);
    if (!q.executeStep()) break;
    after = q.getColumn("donor_name").getString();
    names.push_back(after);
  }
  return names;
}

}  // namespace cfund::storage
