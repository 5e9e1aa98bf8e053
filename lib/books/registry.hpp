#pragma once
// The fund's registries on the hash chain (SPEC §4): its settings, its accounts and
// designations (opened, renamed, closed) and its donors' kinds change only through
// entries of kind 'registry', whose detail rows each state one fact (subject, id,
// field, value). The tables fund_settings, accounts, designations and donors hold the
// current values, written in the same transaction as the entry that states them; what
// the chain says is derived here, and the audit's REGISTRY check compares the two.
// So a notice's verification code covers every fact the notice shows, and a raw edit
// of a registry is found.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"
#include "util/money.hpp"

namespace cfund::books {

struct RegistryState {
  std::map<std::string, std::string> settings;  // key -> stored value
  std::map<std::int64_t, model::Account> accounts;
  std::map<std::int64_t, model::Designation> designations;             // projects' from their proposals
  std::map<std::int64_t, std::pair<std::string, std::string>> donors;  // id -> name, kind (with_donors)
  bool stated = false;                                                 // the chain states the registries at all
};

// The registries as the chain states them at entry `cutoff`: every fact of the
// registry entries up to it, and the project proposals up to it. A cut-off before the
// first registry entry (a notice made before a fund from an older cfund stated its
// registries) reads the first statement, the earliest the chain knows. The donors only
// with_donors.
RegistryState registry_as_of(storage::FundFile& file, std::int64_t cutoff, bool with_donors = false);

// The settings in force at entry `cutoff`, by the same rule.
model::FundSettings settings_as_of(storage::FundFile& file, std::int64_t cutoff);

// Every setting the fund has now, as `cfund fund settings` lists it: the chain's value
// and the entry (and its date) that last stated it.
struct SettingLine {
  std::string key;
  std::string value;          // stored form
  std::int64_t entry_id = 0;  // 0: a default no entry states (a setting newer than the fund)
  std::string date;
};
std::vector<SettingLine> setting_lines(storage::FundFile& file);

// Where the tables that hold the current values (fund_settings, accounts,
// designations, donors) differ from what the chain states: the audit's REGISTRY
// check. A row missing on one side has an empty value there.
struct RegistryDifference {
  std::string subject;  // setting, account, designation, donor
  std::int64_t id = 0;  // the row's id (0 for a setting)
  std::string field;    // a setting's key, or code, name, kind, restricted, closed_on; "row" for a whole row
  std::string on_chain;
  std::string in_table;
};
std::vector<RegistryDifference> registry_differences(storage::FundFile& file);

// The settings in force at each entry, for rules judged when the entry was recorded
// (approval thresholds, relief windows): one read of the chain for many entries.
class SettingsHistory {
 public:
  explicit SettingsHistory(storage::FundFile& file);
  const model::FundSettings& at(std::int64_t entry_id) const;
  // The lowest approval threshold any category had at any time.
  util::Fen lowest_threshold() const;

 private:
  std::vector<std::pair<std::int64_t, model::FundSettings>> states_;  // after each entry that set something
};

// The one registry entry that states everything the current values hold: written by
// `cfund init` and, once, for a fund made by a cfund that kept its registries off the
// chain. Returns the entry.
std::int64_t state_registries(storage::FundFile& file, JournalAppender& journal, const util::Date& date,
                              const std::string& memo);

// Whether the chain states the registries yet (not for a fund made by a cfund before
// schema 8 until it is opened for writing once).
bool registries_stated(storage::FundFile& file);
// States the registries of such a fund in one entry of its own transaction (the first
// thing cfund does with it; a read-only file is left as it is and the audit says so).
void state_registries_once(storage::FundFile& file, const Recorder& recorder);

// Changes of the registries, each one entry in one transaction, with the council's
// decision number.
struct RegistryChange {
  util::Date date;
  std::string decision;
  std::string memo;
};
// `cfund fund set KEY VALUE`: a setting of model/settings.hpp, the value as typed.
std::int64_t change_setting(storage::FundFile& file, const Recorder& recorder, const std::string& key,
                            const std::string& value, const RegistryChange& change);
// `cfund account add|rename|close`: a money account. Each returns the registry entry.
std::int64_t add_account(storage::FundFile& file, const Recorder& recorder, const model::Account& account,
                         const RegistryChange& change);
std::int64_t rename_account(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                            const std::string& name, const RegistryChange& change);
std::int64_t close_account(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                           const RegistryChange& change);
// `cfund special-fund add|rename|close`: a special fund or micro-fund (restricted).
std::int64_t add_special_fund(storage::FundFile& file, const Recorder& recorder, const model::Designation& designation,
                              const RegistryChange& change);
std::int64_t rename_special_fund(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                                 const std::string& name, const RegistryChange& change);
std::int64_t close_special_fund(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                                const RegistryChange& change);

}  // namespace cfund::books
