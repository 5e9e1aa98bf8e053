#include "storage/registry_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/columns.hpp"
#include "storage/fund_file.hpp"
#include "storage/statement_cache.hpp"

namespace cfund::storage {

std::vector<RegistryFact> registry_facts(FundFile& file, std::int64_t cutoff, const std::string& subject) {
  // One subject's facts through the index on subject, not a scan of every donor's.
  // Kept prepared: a notice reads the settings' facts several times (each rule that needs one).
  CachedStatement q(file,
                    "SELECT f.entry_id AS entry_id, f.subject AS subject, f.subject_id AS subject_id, "
                    "f.field AS field, f.value AS value FROM registry_facts f JOIN entries e ON e.id = f.entry_id "
                    "WHERE e.kind = 'registry' AND f.entry_id <= ?1" +
                        std::string(subject.empty() ? "" : " AND f.subject = ?2") + " ORDER BY f.entry_id, f.seq");
  q->bind(1, static_cast<std::int64_t>(cutoff));
  if (!subject.empty()) q->bind(2, subject);
  std::vector<RegistryFact> facts;
  while (q->executeStep()) {
    facts.push_back({q->getColumn("entry_id").getInt64(), q->getColumn("subject").getString(),
                     optional_id(q->getColumn("subject_id")), q->getColumn("field").getString(),
                     q->getColumn("value").getString()});
  }
  return facts;
}

std::optional<std::int64_t> first_registry_entry(FundFile& file) {
  CachedStatement q(file, "SELECT MIN(id) AS id FROM entries WHERE kind = 'registry'");
  q->executeStep();
  return optional_id(q->getColumn("id"));
}

std::map<std::string, std::string> stored_settings(FundFile& file) { return file.settings_under(""); }

void for_each_donor(FundFile& file, const std::function<void(DonorRow&&)>& visit) {
  SQLite::Statement q(file.db(), "SELECT id, name, kind FROM donors ORDER BY id");
  while (q.executeStep()) {
    visit({q.getColumn("id").getInt64(), text_or_empty(q.getColumn("name")), text_or_empty(q.getColumn("kind"))});
  }
}

std::vector<DonorRow> donors(FundFile& file) {
  std::vector<DonorRow> rows;
  for_each_donor(file, [&rows](DonorRow&& row) { rows.push_back(std::move(row)); });
  return rows;
}

DonorIds donor_ids(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT COUNT(*) AS count, COALESCE(MAX(id), 0) AS largest FROM donors");
  q.executeStep();
  return {q.getColumn("count").getInt64(), q.getColumn("largest").getInt64()};
}

void for_each_donor_as_given(FundFile& file, const std::function<void(DonorAsGiven&&)>& visit) {
  SQLite::Statement q(file.db(),
                      "SELECT donor_id, entry_id, donor_name, donor_kind FROM donations "
                      "WHERE donor_id IS NOT NULL ORDER BY entry_id");
  const int donor_column = q.getColumnIndex("donor_id");
  const int entry_column = q.getColumnIndex("entry_id");
  const int name_column = q.getColumnIndex("donor_name");
  const int kind_column = q.getColumnIndex("donor_kind");
  while (q.executeStep()) {
    visit({q.getColumn(donor_column).getInt64(), q.getColumn(entry_column).getInt64(),
           text_or_empty(q.getColumn(name_column)), text_or_empty(q.getColumn(kind_column))});
  }
}

void update_account(FundFile& file, const model::Account& account) {
  SQLite::Statement q(file.db(), "UPDATE accounts SET name = ?, closed_on = ? WHERE id = ?");
  q.bind(1, account.name);
  if (account.closed_on.empty()) {
    q.bind(2);
  } else {
    q.bind(2, account.closed_on);
  }
  q.bind(3, static_cast<std::int64_t>(account.id));
  q.exec();
}

void update_designation(FundFile& file, const model::Designation& designation) {
  SQLite::Statement q(file.db(), "UPDATE designations SET name = ?, closed_on = ? WHERE id = ?");
  q.bind(1, designation.name);
  if (designation.closed_on.empty()) {
    q.bind(2);
  } else {
    q.bind(2, designation.closed_on);
  }
  q.bind(3, static_cast<std::int64_t>(designation.id));
  q.exec();
}

void set_donor_kind(FundFile& file, std::int64_t donor_id, const std::string& kind) {
  CachedStatement q(file, "UPDATE donors SET kind = ? WHERE id = ? AND kind <> ?");
  q->bind(1, kind);
  q->bind(2, static_cast<std::int64_t>(donor_id));
  q->bind(3, kind);
  q->exec();
}

}  // namespace cfund::storage
