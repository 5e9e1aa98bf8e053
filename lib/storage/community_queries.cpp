#include "storage/community_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/columns.hpp"
#include "storage/fund_file.hpp"
#include "storage/statement_cache.hpp"

namespace cfund::storage {

namespace {

std::string text(SQLite::Statement& q, const char* column) { return text_or_empty(q.getColumn(column)); }
std::int64_t number(SQLite::Statement& q, const char* column) { return q.getColumn(column).getInt64(); }

std::int64_t next_number(FundFile& file, const char* table) {
  return file.db().execAndGet(std::string("SELECT COALESCE(MAX(number), 0) + 1 FROM ") + table).getInt64();
}

// The void of x.entry_id within the cut-off (bound as the first parameter), if any.
const char* const kVoidJoin = "LEFT JOIN entries v ON v.voids_entry = x.entry_id AND v.id <= ? ";

const char* const kHouseholdSelect =
    "SELECT x.number AS number, x.entry_id AS entry_id, e.date AS date, x.name AS name, x.address AS address "
    "FROM households x JOIN entries e ON e.id = x.entry_id ";

model::Household read_household(SQLite::Statement& q) {
  return {number(q, "number"), number(q, "entry_id"), text(q, "date"), text(q, "name"), text(q, "address")};
}

}  // namespace

std::vector<model::Household> households(FundFile& file) {
  SQLite::Statement q(file.db(), std::string(kHouseholdSelect) + "ORDER BY x.number");
  std::vector<model::Household> all;
  while (q.executeStep()) all.push_back(read_household(q));
  return all;
}

std::optional<model::Household> household_by_number(FundFile& file, std::int64_t household) {
  SQLite::Statement q(file.db(), std::string(kHouseholdSelect) + "WHERE x.number = ?");
  q.bind(1, static_cast<std::int64_t>(household));
  if (!q.executeStep()) return std::nullopt;
  return read_household(q);
}

std::int64_t next_household_number(FundFile& file) { return next_number(file, "households"); }

std::vector<model::HouseholdMembership> household_memberships(FundFile& file, std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT x.entry_id AS entry_id, e.date AS date, x.household AS household, "
                      "x.beneficiary AS beneficiary FROM household_members x JOIN entries e ON e.id = x.entry_id "
                      "WHERE x.entry_id <= ? ORDER BY x.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  std::vector<model::HouseholdMembership> all;
  while (q.executeStep()) {
    all.push_back({number(q, "entry_id"), text(q, "date"), number(q, "household"), number(q, "beneficiary")});
  }
  return all;
}

std::vector<model::WishPosting> wish_postings(FundFile& file, std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT x.number AS number, x.entry_id AS entry_id, e.date AS date, x.title AS title, "
                      "x.category AS category, x.estimate AS estimate, x.beneficiary AS beneficiary, "
                      "b.name AS beneficiary_name, b.category AS beneficiary_category, x.recipient AS recipient, "
                      "x.posted_by AS posted_by, e.memo AS memo "
                      "FROM wishes x JOIN entries e ON e.id = x.entry_id "
                      "LEFT JOIN beneficiaries b ON b.number = x.beneficiary "
                      "WHERE x.entry_id <= ? ORDER BY x.number");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  std::vector<model::WishPosting> all;
  while (q.executeStep()) {
    model::WishPosting wish;
    wish.number = number(q, "number");
    wish.entry_id = number(q, "entry_id");
    wish.date = text(q, "date");
    wish.title = text(q, "title");
    wish.category = text(q, "category");
    wish.estimate = number(q, "estimate");
    wish.beneficiary = optional_id(q.getColumn("beneficiary"));
    wish.beneficiary_name = text(q, "beneficiary_name");
    wish.beneficiary_category = text(q, "beneficiary_category");
    wish.recipient = text(q, "recipient");
    wish.posted_by = text(q, "posted_by");
    wish.memo = text(q, "memo");
    all.push_back(std::move(wish));
  }
  return all;
}

std::vector<model::WishStep> wish_steps(FundFile& file, std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT x.entry_id AS entry_id, e.date AS date, x.wish AS wish, x.from_status AS from_status, "
                      "x.to_status AS to_status, x.donor_name AS donor_name, x.anonymous AS anonymous, "
                      "x.fulfilled_by AS fulfilled_by, f.kind AS fulfilled_kind, e.reason AS reason "
                      "FROM wish_steps x JOIN entries e ON e.id = x.entry_id "
                      "LEFT JOIN entries f ON f.id = x.fulfilled_by "
                      "WHERE x.entry_id <= ? ORDER BY x.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  std::vector<model::WishStep> all;
  while (q.executeStep()) {
    model::WishStep step;
    step.entry_id = number(q, "entry_id");
    step.date = text(q, "date");
    step.wish = number(q, "wish");
    step.from_status = text(q, "from_status");
    step.to_status = text(q, "to_status");
    step.donor_name = text(q, "donor_name");
    step.anonymous = !q.getColumn("anonymous").isNull() && q.getColumn("anonymous").getInt() != 0;
    step.fulfilled_by = optional_id(q.getColumn("fulfilled_by"));
    step.fulfilled_kind = text(q, "fulfilled_kind");
    step.reason = text(q, "reason");
    all.push_back(std::move(step));
  }
  return all;
}

std::int64_t next_wish_number(FundFile& file) { return next_number(file, "wishes"); }

std::vector<model::Volunteer> volunteers(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT x.number AS number, x.entry_id AS entry_id, e.date AS date, x.name AS name, "
                      "x.phone AS phone FROM volunteers x JOIN entries e ON e.id = x.entry_id ORDER BY x.number");
  std::vector<model::Volunteer> all;
  while (q.executeStep()) {
    all.push_back({number(q, "number"), number(q, "entry_id"), text(q, "date"), text(q, "name"), text(q, "phone")});
  }
  return all;
}

std::int64_t next_volunteer_number(FundFile& file) { return next_number(file, "volunteers"); }

namespace {

const std::string kServiceSelect = std::string(
                                       "SELECT x.entry_id AS entry_id, e.date AS date, x.volunteer AS volunteer, "
                                       "p.name AS volunteer_name, x.hours AS hours, x.activity AS activity, "
                                       "g.code AS project_code, g.name AS project_name, x.source_line AS source_line, "
                                       "v.id AS void_id, v.date AS void_date, v.reason AS void_reason "
                                       "FROM services x JOIN entries e ON e.id = x.entry_id "
                                       "JOIN volunteers p ON p.number = x.volunteer "
                                       "LEFT JOIN designations g ON g.id = x.project_id ") +
                                   kVoidJoin;

model::Service read_service(SQLite::Statement& q) {
  model::Service row;
  row.entry_id = number(q, "entry_id");
  row.date = text(q, "date");
  row.volunteer = number(q, "volunteer");
  row.volunteer_name = text(q, "volunteer_name");
  row.hours = number(q, "hours");
  row.activity = text(q, "activity");
  row.project_code = text(q, "project_code");
  row.project_name = text(q, "project_name");
  row.source_line = q.getColumn("source_line").isNull() ? 0 : q.getColumn("source_line").getInt();
  row.voided_by = optional_id(q.getColumn("void_id"));
  row.void_date = text(q, "void_date");
  row.void_reason = text(q, "void_reason");
  return row;
}

}  // namespace

std::vector<model::Service> services(FundFile& file, const std::string& from, const std::string& to,
                                     std::int64_t cutoff) {
  SQLite::Statement q(file.db(), kServiceSelect +
                                     "WHERE x.entry_id <= ? AND e.date BETWEEN ? AND ? "
                                     "ORDER BY e.date, x.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  q.bind(2, static_cast<std::int64_t>(cutoff));
  q.bind(3, from);
  q.bind(4, to);
  std::vector<model::Service> all;
  while (q.executeStep()) all.push_back(read_service(q));
  return all;
}

std::optional<model::Service> service_row(FundFile& file, std::int64_t entry_id) {
  SQLite::Statement q(file.db(), kServiceSelect + "WHERE x.entry_id = ?");
  q.bind(1, kNoCutoff);
  q.bind(2, static_cast<std::int64_t>(entry_id));
  if (!q.executeStep()) return std::nullopt;
  return read_service(q);
}

std::int64_t hours_served_on(FundFile& file, std::int64_t volunteer, const std::string& date) {
  CachedStatement q(file,
                    "SELECT COALESCE(SUM(x.hours), 0) AS hours FROM services x JOIN entries e ON e.id = x.entry_id "
                    "WHERE x.volunteer = ? AND e.date = ? "
                    "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = x.entry_id)");
  q->bind(1, static_cast<std::int64_t>(volunteer));
  q->bind(2, date);
  q->executeStep();
  return q->getColumn("hours").getInt64();
}

std::int64_t services_with_content_key(FundFile& file, const std::string& key) {
  CachedStatement q(file, "SELECT COUNT(*) AS found FROM services WHERE content_key = ?");
  q->bind(1, key);
  q->executeStep();
  return q->getColumn("found").getInt64();
}

std::vector<model::Redemption> redemptions(FundFile& file, std::int64_t cutoff) {
  SQLite::Statement q(file.db(), std::string("SELECT x.entry_id AS entry_id, e.date AS date, x.holder AS holder, "
                                             "x.points AS points, x.purpose AS purpose, v.id AS void_id, "
                                             "v.date AS void_date FROM points_redemptions x "
                                             "JOIN entries e ON e.id = x.entry_id ") +
                                     kVoidJoin + "WHERE x.entry_id <= ? ORDER BY x.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  q.bind(2, static_cast<std::int64_t>(cutoff));
  std::vector<model::Redemption> all;
  while (q.executeStep()) {
    all.push_back({number(q, "entry_id"), text(q, "date"), text(q, "holder"), number(q, "points"), text(q, "purpose"),
                   optional_id(q.getColumn("void_id")), text(q, "void_date")});
  }
  return all;
}

std::vector<model::Consent> consents(FundFile& file, std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT x.entry_id AS entry_id, e.date AS date, x.holder AS holder, x.public AS public "
                      "FROM consents x JOIN entries e ON e.id = x.entry_id WHERE x.entry_id <= ? ORDER BY x.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  std::vector<model::Consent> all;
  while (q.executeStep()) {
    all.push_back({number(q, "entry_id"), text(q, "date"), text(q, "holder"), q.getColumn("public").getInt() != 0});
  }
  return all;
}

std::vector<model::PointsDonation> points_donations(FundFile& file, std::int64_t cutoff) {
  SQLite::Statement q(file.db(), std::string("SELECT x.entry_id AS entry_id, e.date AS date, "
                                             "x.donor_name AS donor_name, x.amount AS amount, "
                                             "x.anonymous AS anonymous, v.id AS void_id, v.date AS void_date "
                                             "FROM donations x JOIN entries e ON e.id = x.entry_id ") +
                                     kVoidJoin +
                                     "WHERE x.entry_id <= ? AND x.donor_name <> '' ORDER BY e.date, x.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  q.bind(2, static_cast<std::int64_t>(cutoff));
  std::vector<model::PointsDonation> all;
  while (q.executeStep()) {
    all.push_back({number(q, "entry_id"), text(q, "date"), text(q, "donor_name"), number(q, "amount"),
                   q.getColumn("anonymous").getInt() != 0, optional_id(q.getColumn("void_id")), text(q, "void_date")});
  }
  return all;
}

bool known_donor(FundFile& file, const std::string& name) {
  CachedStatement q(file,
                    "SELECT EXISTS (SELECT 1 FROM donors WHERE name = ?1) "
                    "OR EXISTS (SELECT 1 FROM donations WHERE donor_name = ?1) AS known");
  q->bind(1, name);
  q->executeStep();
  return q->getColumn("known").getInt() != 0;
}

std::vector<model::HelpGiven> help_given(FundFile& file, const std::string& from, const std::string& to,
                                         std::int64_t cutoff) {
  // Each kind's entries of the period through the (kind, date) index, not every payment
  // to a beneficiary ever made (each detail table belongs to one kind: model/entry_kinds).
  SQLite::Statement q(
      file.db(),
      "SELECT x.entry_id AS entry_id, x.kind AS kind, x.date AS date, x.beneficiary AS beneficiary, "
      "x.amount AS amount FROM ("
      " SELECT d.entry_id, 'disbursement' AS kind, e.date, d.beneficiary, d.amount FROM entries e "
      " JOIN disbursements d ON d.entry_id = e.id "
      " WHERE e.kind = 'disbursement' AND e.date BETWEEN ?2 AND ?3 AND e.id <= ?1 AND d.beneficiary IS NOT NULL "
      " UNION ALL "
      " SELECT g.entry_id, 'goods_given', e.date, g.beneficiary, g.value FROM entries e "
      " JOIN goods_given g ON g.entry_id = e.id "
      " WHERE e.kind = 'goods_given' AND e.date BETWEEN ?2 AND ?3 AND e.id <= ?1 AND g.beneficiary IS NOT NULL"
      ") x WHERE NOT EXISTS "
      "(SELECT 1 FROM entries v WHERE v.voids_entry = x.entry_id AND v.id <= ?1 AND v.date <= ?3) "
      "ORDER BY x.date, x.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  q.bind(2, from);
  q.bind(3, to);
  std::vector<model::HelpGiven> all;
  while (q.executeStep()) {
    all.push_back(
        {number(q, "entry_id"), text(q, "kind"), text(q, "date"), number(q, "beneficiary"), number(q, "amount")});
  }
  return all;
}

std::vector<EvaluatedProject> projects_evaluated(FundFile& file, const std::string& from, const std::string& to,
                                                 std::int64_t cutoff) {
  SQLite::Statement q(file.db(),
                      "SELECT p.code AS code, p.name AS name, e.date AS date, s.people_served AS people_served "
                      "FROM project_stages s JOIN entries e ON e.id = s.entry_id "
                      "JOIN projects p ON p.designation_id = s.designation_id "
                      "WHERE s.to_stage = 'evaluated' AND s.entry_id <= ? AND e.date BETWEEN ? AND ? "
                      "ORDER BY e.date, s.entry_id");
  q.bind(1, static_cast<std::int64_t>(cutoff));
  q.bind(2, from);
  q.bind(3, to);
  std::vector<EvaluatedProject> all;
  while (q.executeStep()) {
    all.push_back({text(q, "code"), text(q, "name"), text(q, "date"), number(q, "people_served")});
  }
  return all;
}

}  // namespace cfund::storage
