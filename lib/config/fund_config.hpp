#pragma once
// Reading a fund definition from a TOML file (examples/fund.toml shows every field).
// Only lib/config touches toml++.

#include <string>

#include "model/types.hpp"

namespace cfund::config {

// Reads and checks the file; errors name the file, the line and the field.
model::FundDefinition load_fund_definition(const std::string& path);

// The person's own settings: $CFUND_CONFIG, else $XDG_CONFIG_HOME/cfund/config.toml,
// else ~/.config/cfund/config.toml. Missing file: empty settings.
struct UserConfig {
  std::string operator_name;  // operator = "..."
  std::string lang;           // lang = "zh" | "en"
};
UserConfig load_user_config();

// Who is recording: --operator, else CFUND_OPERATOR, else the user's config, else
// the fund's default operator, else the login name.
std::string resolve_operator(const std::string& from_option, const std::string& fund_default);

}  // namespace cfund::config
