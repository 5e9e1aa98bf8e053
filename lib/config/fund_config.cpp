#include "config/fund_config.hpp"

#include <toml++/toml.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "books/fund.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/money.hpp"
#include "util/quantity.hpp"
#include "util/text.hpp"

namespace cfund::config {

namespace {

// Errors about one field of one file, with the line it is on.
class FieldReader {
 public:
  explicit FieldReader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const toml::node* node, const std::string& field, const Message& why) const {
    const auto line = node != nullptr ? node->source().begin.line : 0;
    if (line > 0) {
      throw InputError(bilingual("{0} 第 {1} 行，字段 {2}：{3}", "{0} line {1}, field {2}: {4}", path_, line, field,
                                 why.zh, why.en));
    }
    throw InputError(bilingual("{0}，字段 {1}：{2}", "{0}, field {1}: {3}", path_, field, why.zh, why.en));
  }

  std::string text(const toml::table& table, const std::string& key, const std::string& field, bool required) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (required) fail(&table, field, bilingual("缺少此字段", "this field is missing"));
      return {};
    }
    const auto* value = node->as_string();
    if (value == nullptr)
      fail(node, field, bilingual("应为文字（用双引号括起）", "expected a text value (in double quotes)"));
    const std::string& raw = value->get();
    if (!util::is_valid_utf8(raw)) fail(node, field, bilingual("不是有效的 UTF-8 文字", "not valid UTF-8 text"));
    // Refused, not cleaned: nothing a person wrote is altered silently.
    if (const auto cp = util::first_forbidden_character(raw, false); cp >= 0) {
      fail(node, field, util::forbidden_character_problem(cp));
    }
    return util::trim(raw);
  }

  // Only the listed keys may appear in the table: a misspelt key (approval_treshold) is
  // an error with the nearest known key, not a setting silently left at its default.
  void only_keys(const toml::table& table, const std::string& prefix, const std::vector<std::string>& keys) const {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      if (std::find(keys.begin(), keys.end(), name) != keys.end()) continue;
      std::string known;
      for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
      if (const auto near = util::nearest(name, keys); !near.empty()) {
        fail(&node, prefix + name,
             bilingual("未知的键，是不是 {0}？（可用：{1}）", "unknown key: did you mean {0}? (known: {1})",
                       near.front(), known));
      }
      fail(&node, prefix + name, bilingual("未知的键（可用：{0}）", "unknown key (known: {0})", known));
    }
  }

  util::Fen amount(const toml::table& table, const std::string& key, const std::string& field,
                   util::Fen fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    if (const auto* whole = node->as_integer()) {
      const std::int64_t yuan = whole->get();
      if (yuan < 0 || yuan > INT64_MAX / 100) fail(node, field, bilingual("金额超出范围", "amount out of range"));
      return yuan * 100;
    }
    if (const auto* value = node->as_string()) {
      auto parsed = util::parse_amount(value->get());
      if (!parsed) fail(node, field, parsed.error());
      return *parsed;
    }
    fail(node, field,
         bilingual("金额应写成文字，如 \"5000.00\"（不用小数数字，以免舍入）",
                   "write the amount as text, e.g. \"5000.00\" (not a floating-point number, to avoid rounding)"));
  }

  std::int64_t integer(const toml::table& table, const std::string& key, const std::string& field,
                       std::int64_t fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    const auto* value = node->as_integer();
    if (value == nullptr) fail(node, field, bilingual("应为整数", "expected a whole number"));
    return value->get();
  }

  bool boolean(const toml::table& table, const std::string& key, const std::string& field, bool fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    const auto* value = node->as_boolean();
    if (value == nullptr) fail(node, field, bilingual("应为 true 或 false", "expected true or false"));
    return value->get();
  }

  int percent(const toml::table& table, const std::string& key, const std::string& field, int fallback) const {
    const std::int64_t value = integer(table, key, field, fallback);
    if (value < 0 || value > 100)
      fail(table.get(key), field,
           bilingual("应为 0 到 100 之间的整数（百分比）", "expected a whole percentage between 0 and 100"));
    return static_cast<int>(value);
  }

  const toml::array* array_of_tables(const toml::table& table, const std::string& key) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return nullptr;
    const auto* array = node->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      fail(node, key, bilingual("应写成 [[{0}]] 表的列表", "expected a list of [[{1}]] tables", key, key));
    }
    return array;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

toml::table parse_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(bilingual("无法读取配置文件“{0}”", "cannot read the configuration file '{0}'", path));
  std::stringstream content;
  content << in.rdbuf();
  try {
    return toml::parse(content.str(), path);
  } catch (const toml::parse_error& e) {
    throw InputError(bilingual("{0} 第 {1} 行：TOML 格式错误：{2}", "{0} line {1}: not valid TOML: {2}", path,
                               e.source().begin.line, std::string(e.description())));
  }
}

// [approval]: a threshold per payment category, e.g. relief = "0", management = "3,000".
void read_approval_thresholds(const toml::table& root, const FieldReader& read, model::FundSettings& settings) {
  const toml::node* node = root.get("approval");
  if (node == nullptr) return;
  const toml::table* table = node->as_table();
  if (table == nullptr) read.fail(node, "approval", bilingual("应写成 [approval] 表", "expected an [approval] table"));
  for (const auto& [key, value] : *table) {
    const std::string category(key.str());
    const std::string field = "approval." + category;
    const model::PaymentCategory* known = model::find_payment_category(category);
    if (known == nullptr || !known->approval) {
      const Message choices = model::approved_category_choices();

      read.fail(&value, field,
                bilingual("“{0}”不是需要审批的支出类别：应为 {1}（手续费 fee 不经审批）",
                          "'{0}' is not a payment category that needs approval: expected {2} (fees need none)",
                          category, choices.zh, choices.en));
    }
    settings.approval_thresholds[category] = read.amount(*table, category, field, 0);
  }
}

// [relief_windows]: days per beneficiary category, e.g. "困难学生" = 120.
void read_relief_windows(const toml::table& root, const FieldReader& read, model::FundSettings& settings) {
  const toml::node* node = root.get("relief_windows");
  if (node == nullptr) return;
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    read.fail(node, "relief_windows", bilingual("应写成 [relief_windows] 表", "expected a [relief_windows] table"));
  }
  for (const auto& [key, value] : *table) {
    const std::string category(key.str());
    const std::string field = "relief_windows." + category;
    if (const auto cp = util::first_forbidden_character(category, false); cp >= 0) {
      read.fail(&value, field, util::forbidden_character_problem(cp));
    }
    const std::int64_t days = read.integer(*table, category, field, 0);
    if (days < 0 || days > 3660)
      read.fail(&value, field, bilingual("应在 0 到 3660 之间", "must be between 0 and 3660"));
    settings.relief_windows[category] = static_cast<int>(days);
  }
}

// [points]: credit points earned by donating and by volunteer service. Every key is
// known: a misspelt one is an error naming it, not a rule silently left out.
void read_points(const toml::table& root, const FieldReader& read, model::FundSettings& settings) {
  const toml::node* node = root.get("points");
  if (node == nullptr) return;
  const toml::table* table = node->as_table();
  if (table == nullptr) read.fail(node, "points", bilingual("应写成 [points] 表", "expected a [points] table"));
  static const std::vector<std::string> known = {"per_yuan", "per_hour", "expiry_months", "notice_top"};
  for (const auto& [key, value] : *table) {
    if (std::find(known.begin(), known.end(), std::string(key.str())) == known.end()) {
      read.fail(&value, "points." + std::string(key.str()),
                bilingual("未知的键（可用：per_yuan、per_hour、expiry_months、notice_top）",
                          "unknown key (known: per_yuan, per_hour, expiry_months, notice_top)"));
    }
  }
  auto& p = settings.points;
  auto whole = [&](const char* key, std::int64_t fallback, std::int64_t most) {
    const std::int64_t value = read.integer(*table, key, std::string("points.") + key, fallback);
    if (value < 0 || value > most) {
      read.fail(table->get(key), std::string("points.") + key,
                bilingual("应为 0 到 {0} 之间的整数", "expected a whole number from 0 to {0}", most));
    }
    return value;
  };
  p.per_yuan = whole("per_yuan", p.per_yuan, 10000);
  p.per_hour = whole("per_hour", p.per_hour, 100000);
  p.expiry_months = static_cast<int>(whole("expiry_months", p.expiry_months, 1200));
  p.notice_top = static_cast<int>(whole("notice_top", p.notice_top, 100));
}

// [opening]: the date and the balances brought forward ([[opening.balances]] of money,
// [[opening.goods]] of goods in stock).
void read_openings(const toml::table& root, const FieldReader& read, model::FundDefinition& definition) {
  const toml::node* node = root.get("opening");
  if (node == nullptr) return;
  const toml::table* opening = node->as_table();
  if (opening == nullptr) read.fail(node, "opening", bilingual("应写成 [opening] 表", "expected an [opening] table"));
  read.only_keys(*opening, "opening.", {"date", "balances", "goods"});
  definition.opening_date = read.text(*opening, "date", "opening.date", true);
  if (auto date = util::parse_date(definition.opening_date); !date) {
    read.fail(opening->get("date"), "opening.date", date.error());
  } else {
    definition.opening_date = date->iso();
  }
  if (const auto* balances = read.array_of_tables(*opening, "balances")) {
    for (std::size_t i = 0; i < balances->size(); ++i) {
      const auto& table = *balances->get(i)->as_table();
      const std::string field = fmt::format("opening.balances[{}]", i + 1);
      read.only_keys(table, field + ".", {"account", "designation", "amount"});
      model::OpeningBalance balance;
      balance.account = read.text(table, "account", field + ".account", true);
      balance.designation = read.text(table, "designation", field + ".designation", false);
      balance.amount = read.amount(table, "amount", field + ".amount", 0);
      if (balance.amount <= 0)
        read.fail(table.get("amount"), field + ".amount", bilingual("应大于零", "must be above zero"));
      definition.openings.push_back(balance);
    }
  }
  if (const auto* goods = read.array_of_tables(*opening, "goods")) {
    for (std::size_t i = 0; i < goods->size(); ++i) {
      const auto& table = *goods->get(i)->as_table();
      const std::string field = fmt::format("opening.goods[{}]", i + 1);
      read.only_keys(table, field + ".", {"item", "unit", "quantity", "value"});
      model::OpeningBalance balance;
      balance.item = read.text(table, "item", field + ".item", true);
      balance.unit = read.text(table, "unit", field + ".unit", false);
      balance.quantity = read.text(table, "quantity", field + ".quantity", true);
      if (auto quantity = util::parse_quantity(balance.quantity); !quantity) {
        read.fail(table.get("quantity"), field + ".quantity", quantity.error());
      }
      balance.amount = read.amount(table, "value", field + ".value", 0);
      if (balance.amount <= 0)
        read.fail(table.get("value"), field + ".value", bilingual("应大于零", "must be above zero"));
      definition.openings.push_back(balance);
    }
  }
  if (definition.openings.empty()) {
    read.fail(opening, "opening",
              bilingual("没有期初余额：请写 [[opening.balances]] 或 [[opening.goods]]",
                        "no balances: write [[opening.balances]] or [[opening.goods]]"));
  }
}

// [fund] max_amount (the most one entry may move, at most ¥1,000,000,000.00) and
// future_days (how far after today an entry may be dated).
void read_limits(const toml::table& fund, const FieldReader& read, model::FundSettings& s) {
  s.max_amount = read.amount(fund, "max_amount", "fund.max_amount", s.max_amount);
  if (s.max_amount <= 0 || s.max_amount > util::kMaxEntryAmount) {
    read.fail(fund.get("max_amount"), "fund.max_amount",
              bilingual("应大于零且不超过 ¥1,000,000,000.00", "must be above zero and at most ¥1,000,000,000.00"));
  }
  const auto days = read.integer(fund, "future_days", "fund.future_days", s.future_days);
  if (days < 0 || days > 366) {
    read.fail(fund.get("future_days"), "fund.future_days",
              bilingual("应在 0 到 366 之间", "must be between 0 and 366"));
  }
  s.future_days = static_cast<int>(days);
}

// The [fund] table's own settings.
void read_fund(const toml::table& fund, const FieldReader& read, model::FundSettings& s) {
  read.only_keys(
      fund, "fund.",
      {"name", "organisation", "host", "region", "town", "supervision_phone", "operator", "report_language",
       "time_zone", "approval_threshold", "relief_window_days", "project_categories", "max_amount", "future_days"});
  s.name = read.text(fund, "name", "fund.name", true);
  s.organisation = read.text(fund, "organisation", "fund.organisation", false);
  s.host = read.text(fund, "host", "fund.host", false);
  s.region = read.text(fund, "region", "fund.region", false);
  s.town = read.text(fund, "town", "fund.town", false);
  s.supervision_phone = read.text(fund, "supervision_phone", "fund.supervision_phone", false);
  s.default_operator = read.text(fund, "operator", "fund.operator", false);
  const std::string language = read.text(fund, "report_language", "fund.report_language", false);
  if (language == "en") {
    s.report_language = Lang::en;
  } else if (!language.empty() && language != "zh") {
    read.fail(fund.get("report_language"), "fund.report_language", bilingual("应为 zh 或 en", "expected zh or en"));
  }
  if (const std::string zone = read.text(fund, "time_zone", "fund.time_zone", false); !zone.empty()) {
    if (!util::is_time_zone(zone)) read.fail(fund.get("time_zone"), "fund.time_zone", util::unknown_time_zone(zone));
    s.time_zone = zone;
  }
  s.approval_threshold = read.amount(fund, "approval_threshold", "fund.approval_threshold", s.approval_threshold);
  const auto window = read.integer(fund, "relief_window_days", "fund.relief_window_days", s.relief_window_days);
  if (window < 0 || window > 3660) {
    read.fail(fund.get("relief_window_days"), "fund.relief_window_days",
              bilingual("应在 0 到 3660 之间", "must be between 0 and 3660"));
  }
  s.relief_window_days = static_cast<int>(window);
  read_limits(fund, read, s);
}

// [audit]: the yearly ratio checks.
void read_audit(const toml::table& root, const FieldReader& read, model::FundSettings& s) {
  if (const toml::node* node = root.get("audit")) {
    const toml::table* audit = node->as_table();
    if (audit == nullptr) read.fail(node, "audit", bilingual("应写成 [audit] 表", "expected an [audit] table"));
    read.only_keys(*audit, "audit.",
                   {"charitable_ratio_check", "charitable_ratio_min", "management_ratio_check", "management_ratio_max",
                    "management_ratio_floor"});
    auto& a = s.audit;
    a.charitable_ratio_check =
        read.boolean(*audit, "charitable_ratio_check", "audit.charitable_ratio_check", a.charitable_ratio_check);
    a.charitable_ratio_min =
        read.percent(*audit, "charitable_ratio_min", "audit.charitable_ratio_min", a.charitable_ratio_min);
    a.management_ratio_check =
        read.boolean(*audit, "management_ratio_check", "audit.management_ratio_check", a.management_ratio_check);
    a.management_ratio_max =
        read.percent(*audit, "management_ratio_max", "audit.management_ratio_max", a.management_ratio_max);
    a.management_ratio_floor =
        read.amount(*audit, "management_ratio_floor", "audit.management_ratio_floor", a.management_ratio_floor);
  }
}

// [notice]: the donation bands and the notice's address.
void read_notice(const toml::table& root, const FieldReader& read, model::FundSettings& s) {
  if (const toml::node* notice = root.get("notice")) {
    const toml::table* table = notice->as_table();
    if (table == nullptr) read.fail(notice, "notice", bilingual("应写成 [notice] 表", "expected a [notice] table"));
    read.only_keys(*table, "notice.", {"band_donations_below", "url"});
    s.band_donations_below = read.amount(*table, "band_donations_below", "notice.band_donations_below", 0);
    s.notice_url = read.text(*table, "url", "notice.url", false);
  }
}

// [[accounts]]: money accounts, each code once.
void read_accounts(const toml::table& root, const FieldReader& read, model::FundDefinition& definition) {
  if (const auto* accounts = read.array_of_tables(root, "accounts")) {
    for (std::size_t i = 0; i < accounts->size(); ++i) {
      const auto& table = *accounts->get(i)->as_table();
      const std::string field = fmt::format("accounts[{}]", i + 1);
      read.only_keys(table, field + ".", {"code", "name", "kind"});
      model::Account account;
      account.code = read.text(table, "code", field + ".code", true);
      account.name = read.text(table, "name", field + ".name", false);
      account.kind = read.text(table, "kind", field + ".kind", true);
      const model::AccountKind* kind = model::find_account_kind(account.kind);
      if (kind == nullptr || !kind->money) {
        const Message choices = model::account_kind_choices();
        read.fail(
            table.get("kind"), field + ".kind",
            bilingual("“{0}”无效：应为 {1}", "'{0}' is not valid: expected {2}", account.kind, choices.zh, choices.en));
      }
      for (const auto& earlier : definition.accounts) {
        if (earlier.code == account.code) {
          read.fail(table.get("code"), field + ".code",
                    bilingual("账户代码“{0}”重复", "account code '{0}' appears twice", account.code));
        }
      }
      definition.accounts.push_back(account);
    }
  }
}

// [[special_funds]]: restricted designations, each code once and none the general fund's.
void read_special_funds(const toml::table& root, const FieldReader& read, model::FundDefinition& definition) {
  if (const auto* funds = read.array_of_tables(root, "special_funds")) {
    for (std::size_t i = 0; i < funds->size(); ++i) {
      const auto& table = *funds->get(i)->as_table();
      const std::string field = fmt::format("special_funds[{}]", i + 1);
      read.only_keys(table, field + ".", {"code", "name"});
      model::Designation designation;
      designation.code = read.text(table, "code", field + ".code", true);
      designation.name = read.text(table, "name", field + ".name", false);
      bool repeated = designation.code == model::kGeneralFund;
      for (const auto& earlier : definition.designations) repeated = repeated || earlier.code == designation.code;
      if (repeated) {
        read.fail(table.get("code"), field + ".code",
                  bilingual("代码“{0}”重复或与非限定性资金（general）相同",
                            "code '{0}' appears twice or is the general fund's", designation.code));
      }
      definition.designations.push_back(designation);
    }
  }
}

// fund.project_categories: project categories beyond the six every fund has
// (books::kProjectCategories), each once.
void read_project_categories(const toml::table& fund, const FieldReader& read, model::FundSettings& settings) {
  if (const toml::node* node = fund.get("project_categories")) {
    const auto* array = node->as_array();
    if (array == nullptr) {
      read.fail(node, "fund.project_categories",
                bilingual("应写成文字列表，如 [\"养老服务\", \"邻里互助\"]",
                          "expected a list of texts, e.g. [\"elderly care\", \"neighbourly help\"]"));
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node* item = array->get(i);
      const auto* text = item->as_string();
      const std::string field = fmt::format("fund.project_categories[{}]", i + 1);
      if (text == nullptr)
        read.fail(item, field, bilingual("应为文字（用双引号括起）", "expected a text value (in double quotes)"));
      if (const auto cp = util::first_forbidden_character(text->get(), false); cp >= 0) {
        read.fail(item, field, util::forbidden_character_problem(cp));
      }
      const std::string category = util::trim(text->get());
      if (category.empty() || !util::is_valid_utf8(category)) {
        read.fail(item, field, bilingual("项目类别不能为空", "a project category cannot be empty"));
      }
      auto& known = settings.project_categories;
      if (std::find(known.begin(), known.end(), category) != known.end() ||
          std::find(books::kProjectCategories.begin(), books::kProjectCategories.end(), category) !=
              books::kProjectCategories.end()) {
        read.fail(item, field, bilingual("项目类别“{0}”重复", "the project category '{0}' appears twice", category));
      }
      known.push_back(category);
    }
  }
}

}  // namespace

model::FundDefinition load_fund_definition(const std::string& path) {
  const toml::table root = parse_file(path);
  FieldReader read(path);
  model::FundDefinition definition;
  const toml::table* fund = root["fund"].as_table();
  if (fund == nullptr) read.fail(&root, "fund", bilingual("缺少 [fund] 表", "the [fund] table is missing"));
  read.only_keys(
      root, "",
      {"fund", "audit", "notice", "accounts", "special_funds", "approval", "relief_windows", "opening", "points"});
  read_fund(*fund, read, definition.settings);
  read_audit(root, read, definition.settings);
  read_notice(root, read, definition.settings);
  read_accounts(root, read, definition);
  read_special_funds(root, read, definition);
  read_project_categories(*fund, read, definition.settings);
  read_approval_thresholds(root, read, definition.settings);
  read_relief_windows(root, read, definition.settings);
  read_points(root, read, definition.settings);
  read_openings(root, read, definition);
  try {
    books::validate_definition(definition);
  } catch (const InputError& e) {
    throw InputError(bilingual("{0}：{1}", "{0}: {2}", path, e.message().zh, e.message().en));
  }
  return definition;
}

UserConfig load_user_config() {
  std::string path;
  if (const char* explicit_path = std::getenv("CFUND_CONFIG"); explicit_path != nullptr && *explicit_path != '\0') {
    path = explicit_path;
  } else if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    path = std::string(xdg) + "/cfund/config.toml";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    path = std::string(home) + "/.config/cfund/config.toml";
  }
  UserConfig config;
  if (path.empty() || ::access(path.c_str(), R_OK) != 0) return config;
  const toml::table root = parse_file(path);
  FieldReader read(path);
  read.only_keys(root, "", {"operator", "lang"});
  config.operator_name = read.text(root, "operator", "operator", false);
  config.lang = read.text(root, "lang", "lang", false);
  return config;
}

std::string resolve_operator(const std::string& from_option, const std::string& fund_default) {
  if (!util::trim(from_option).empty()) {
    util::require_clean_text("--operator", from_option);
    return util::trim(from_option);
  }
  if (const char* env = std::getenv("CFUND_OPERATOR"); env != nullptr && *env != '\0') {
    util::require_clean_text("CFUND_OPERATOR", env);
    return util::trim(env);
  }
  if (auto user = load_user_config(); !user.operator_name.empty()) return user.operator_name;
  if (!fund_default.empty()) return fund_default;
  if (const char* login = std::getenv("USER"); login != nullptr && *login != '\0') return login;
  return "unknown";
}

}  // namespace cfund::config
