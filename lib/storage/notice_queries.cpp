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
// Dated in the period, or voided by an entry dated in it (:from, :to).
const char* kInScope =
    "e.id <= :cut AND (e.date BETWEEN :from AND :to OR (v.id IS NOT NULL AND v.date BETWEEN :from AND :to)) "
    "ORDER BY e.date, e.id";

void bind_scope(SQLite::Statement& q, const std::string& from, const std::string& to, std::int64_t cutoff) {
  q.bind(":cut", static_cast<std::int64_t>(cutoff));
  q.bind(":from", from);
  q.bind(":to", to);
}

}  // namespace

std::int64_t last_entry_before_publications(FundFile& file) {
  return file.db().execAndGet("SELECT COALESCE(MAX(id), 0) FROM entries WHERE kind <> 'publication'").getInt64();
}

std::optional<EntryStamp> entry_stamp(FundFile& file, std::int64_t id) {
  SQLite::Statement q(file.db(), "SELECT id, kind, date, recorded_at, hash FROM entries WHERE id = ?");
  q.bind(1, static_cast<std::int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return EntryStamp{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), q.getColumn(4).getString()};
}

std::map<std::int64_t, books::Fen> designation_balances_through(FundFile& file, const std::string& last_date,
                                                                std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT p.designation_id, -SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id "
                      "WHERE p.designation_id IS NOT NULL AND e.date <= ? AND e.id <= ? GROUP BY p.designation_id");
  q.bind(1, last_date);
  q.bind(2, static_cast<std::int64_t>(cutoff));
  std::map<std::int64_t, books::Fen> balances;
  while (q.executeStep()) balances[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
  return balances;
}

std::vector<NoticeDonation> notice_donations(FundFile& file, const std::string& from, const std::string& to,
                                             std::int64_t cutoff) {
  SQLite::Statement q(file.db(), detail::donation_select(kVoidJoin) + "WHERE " + kInScope);
  bind_scope(q, from, to, cutoff);
  std::vector<NoticeDonation> rows;
  while (q.executeStep()) rows.push_back({detail::read_donation(q), detail::read_void(q)});
  return rows;
}

std::vector<NoticeDisbursement> notice_disbursements(FundFile& file, const std::string& from, const std::string& to,
                                                     std::int64_t cutoff) {
  SQLite::Statement q(file.db(), detail::disbursement_select(kVoidJoin) + "WHERE " + kInScope);
  bind_scope(q, from, to, cutoff);
  std::vector<NoticeDisbursement> rows;
  while (q.executeStep()) rows.push_back({detail::read_disbursement(q), detail::read_void(q)});
  return rows;
}

std::vector<NoticeReallocation> notice_reallocations(FundFile& file, const std::string& from, const std::string& to,
                                                     std::int64_t cutoff) {
  SQLite::Statement q(file.db(), std::string("SELECT e.id, e.date, e.reason, e.approval_ref, v.id, v.date, v.reason "
                                             "FROM entries e ") +
                                     kVoidJoin + "WHERE e.kind = 'reallocation' AND " + kInScope);
  bind_scope(q, from, to, cutoff);
  std::vector<NoticeReallocation> rows;
  while (q.executeStep()) {
    NoticeReallocation row;
    row.entry_id = q.getColumn(0).getInt64();
    row.date = q.getColumn(1).getString();
    row.reason = text_or_empty(q.getColumn(2));
    row.approval_ref = text_or_empty(q.getColumn(3));
    row.void_mark = detail::read_void(q);
    rows.push_back(std::move(row));
  }
  SQLite::Statement postings(file.db(),
                             "SELECT designation_id, amount FROM postings WHERE entry_id = ? AND designation_id IS NOT NULL "
                             "ORDER BY seq");
  for (auto& row : rows) {
    postings.reset();
    postings.bind(1, static_cast<std::int64_t>(row.entry_id));
    while (postings.executeStep()) {
      row.postings.emplace_back(postings.getColumn(0).getInt64(), postings.getColumn(1).getInt64());
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
    all.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getString(),
                   q.getColumn(6).getString()});
  }
  return all;
}

std::vector<VoidRecord> voids_through(FundFile& file, const std::string& last_date, std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT v.id, v.date, v.reason, o.id, o.kind, o.date FROM entries v "
                      "JOIN entries o ON o.id = v.voids_entry "
                      "WHERE v.kind = 'void' AND v.id <= ? AND v.date <= ? ORDER BY v.date, v.id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  q.bind(2, last_date);
  std::vector<VoidRecord> all;
  while (q.executeStep()) {
    all.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), text_or_empty(q.getColumn(2)),
                   q.getColumn(3).getInt64(), q.getColumn(4).getString(), q.getColumn(5).getString()});
  }
  return all;
}

std::vector<std::string> anonymous_donor_names(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT DISTINCT donor_name FROM donations WHERE anonymous = 1 AND donor_name <> '' "
                      "ORDER BY donor_name");
  std::vector<std::string> names;
  while (q.executeStep()) names.push_back(q.getColumn(0).getString());
  return names;
}

}  // namespace cfund::storage
