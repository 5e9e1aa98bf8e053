#pragma once
// The registry of fund settings: every setting a fund has, declared once — the key it
// is stored and changed under (`cfund fund set KEY VALUE`), where a fund TOML writes
// it, its type and default, and what it means. The fund TOML reader, `cfund fund set`,
// `cfund fund show`, loading the settings and the chain-covered registry (books/
// registry.hpp) all walk this table.
//
// Two families hold one setting per sort: `approval_threshold.<payment category>`
// ([approval] in the TOML) and `relief_window_days.<beneficiary category>`
// ([relief_windows]).

#include <map>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "util/expected.hpp"
#include "util/message.hpp"

namespace cfund::model {

enum class SettingType {
  text,       // one line of text (a name, a phone number)
  amount,     // money, stored in fen
  days,       // a whole number of days, 0..3660
  percent,    // a whole percentage, 0..100
  flag,       // true / false, stored as 1 / 0
  language,   // zh or en
  time_zone,  // an IANA time zone name
  url,        // http(s):// address
  list,       // a list of texts, stored as JSON
  count,      // a whole number from `low` to `high`
};

struct SettingDef {
  std::string key;   // as stored and as `cfund fund set` takes it
  std::string toml;  // table.key in a fund TOML ("fund.name", "audit.charitable_ratio_min")
  SettingType type;
  std::string default_value;  // in stored form
  Message description;
  // The FundSettings field it is: read out in stored form, and written from it.
  std::string (*read)(const FundSettings&) = nullptr;
  void (*write)(FundSettings&, const std::string&) = nullptr;
  long low = 0;  // a count's range
  long high = 0;
};

// Every single setting, in the order `cfund fund show` and the docs list them.
const std::vector<SettingDef>& setting_definitions();

// The definition of a key: a single setting, or one of a family
// ("approval_threshold.relief"); nullptr for anything else.
const SettingDef* find_setting(const std::string& key);

// The families' keys.
std::string approval_threshold_key(const std::string& category);
std::string relief_window_key(const std::string& beneficiary_category);

// The stored form of a value as a person types it for `key`, or why it is not valid
// (the message does not name the key: the caller does).
Expected<std::string> normalise_setting(const std::string& key, const std::string& typed);

// The settings a fund has as stored values, and back. Keys left out take their
// default; keys of no setting are ignored by settings_from (the caller reports them).
FundSettings settings_from(const std::map<std::string, std::string>& stored);
std::map<std::string, std::string> settings_to_map(const FundSettings& settings);

// A stored value as a person reads it: amounts in yuan, flags as 是/否 (yes/no).
Message setting_display(const std::string& key, const std::string& stored);

// Keys the fund file keeps beside the settings that are not settings (the chain head
// and length, checked by the chain itself).
bool is_internal_key(const std::string& key);

}  // namespace cfund::model
