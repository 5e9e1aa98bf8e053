#include "model/settings.hpp"

#include <charconv>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "model/categories.hpp"
#include "util/clock.hpp"
#include "util/money.hpp"

#include "util/text.hpp"

namespace cfund::model {

namespace {

using T = SettingType;

const std::string kThresholdFamily = "approval_threshold.";
const std::string kWindowFamily = "relief_window_days.";

// Field accessors for the table below: a setting's value in stored form.
std::string text_of(const std::string& value) { return value; }
std::string number_of(std::int64_t value) { return std::to_string(value); }
std::string flag_of(bool value) { return value ? "1" : "0"; }
// A stored whole number; anything else is not what cfund wrote (settings_from says
// which setting).
std::int64_t number(const std::string& stored) {
  std::int64_t value = 0;
  const char* end = stored.data() + stored.size();
  const auto [stop, error] = std::from_chars(stored.data(), end, value);
  if (stored.empty()) return 0;
  if (error != std::errc() || stop != end) throw std::invalid_argument(stored);
  return value;
}

#define CFUND_FIELD(expr, to_text, from_text)            \
  [](const FundSettings& s) { return to_text(s.expr); }, \
      [](FundSettings& s, const std::string& v) { s.expr = from_text(v); }

std::string language_of(Lang lang) { return lang == Lang::en ? "en" : "zh"; }
Lang language(const std::string& stored) { return stored == "en" ? Lang::en : Lang::zh; }
bool flag(const std::string& stored) { return stored != "0"; }
int whole(const std::string& stored) { return static_cast<int>(number(stored)); }
std::string list_of(const std::vector<std::string>& items) { return nlohmann::json(items).dump(-1, ' ', false); }
std::vector<std::string> list(const std::string& stored) {
  std::vector<std::string> items;
  const auto parsed = nlohmann::json::parse(stored, nullptr, false);
  if (!parsed.is_array()) return items;
  for (const auto& item : parsed) {
    if (item.is_string()) items.push_back(item.get<std::string>());
  }
  return items;
}

std::vector<SettingDef> make_definitions() {
  const FundSettings defaults;
  const auto amount = [](Fen fen) { return std::to_string(fen); };
  return {
      {"name", "fund.name", T::text, "", {"基金名称", "the fund's name"}, CFUND_FIELD(name, text_of, text_of)},
      {"organisation",
       "fund.organisation",
       T::text,
       "",
       {"管理单位", "who runs the fund"},
       CFUND_FIELD(organisation, text_of, text_of)},
      {"region",
       "fund.region",
       T::text,
       "",
       {"所在区县（区里汇总时按此分组）", "the district the fund is in (a district's roll-up groups by it)"},
       CFUND_FIELD(region, text_of, text_of)},
      {"town",
       "fund.town",
       T::text,
       "",
       {"所在镇街（cfund rollup --by town 按此分组）", "the town the fund is in (cfund rollup --by town)"},
       CFUND_FIELD(town, text_of, text_of)},
      {"host",
       "fund.host",
       T::text,
       "",
       {"依托的慈善组织（出具正式票据）", "the host charity (official receipts)"},
       CFUND_FIELD(host, text_of, text_of)},
      {"supervision_phone",
       "fund.supervision_phone",
       T::text,
       "",
       {"监督电话，印在公示上", "supervision phone, on every notice"},
       CFUND_FIELD(supervision_phone, text_of, text_of)},
      {"default_operator",
       "fund.operator",
       T::text,
       "",
       {"默认经办人", "default operator"},
       CFUND_FIELD(default_operator, text_of, text_of)},
      {"report_language",
       "fund.report_language",
       T::language,
       "zh",
       {"公示语言", "language of notices"},
       CFUND_FIELD(report_language, language_of, language)},
      {"approval_threshold",
       "fund.approval_threshold",
       T::amount,
       amount(defaults.approval_threshold),
       {"审批限额：超过此金额的支出须有决议编号", "payments above this need a council decision number"},
       CFUND_FIELD(approval_threshold, number_of, number)},
      {"relief_window_days",
       "fund.relief_window_days",
       T::days,
       std::to_string(defaults.relief_window_days),
       {"重复救助间隔天数", "days within which a second relief needs a reason"},
       CFUND_FIELD(relief_window_days, number_of, whole)},
      {"project_categories",
       "fund.project_categories",
       T::list,
       "[]",
       {"另加的公益项目类别", "project categories beyond the six every fund has"},
       CFUND_FIELD(project_categories, list_of, list)},
      {"audit.charitable_ratio_check",
       "audit.charitable_ratio_check",
       T::flag,
       "1",
       {"检查公益支出比例", "check the charitable spending ratio"},
       CFUND_FIELD(audit.charitable_ratio_check, flag_of, flag)},
      {"audit.charitable_ratio_min",
       "audit.charitable_ratio_min",
       T::percent,
       std::to_string(defaults.audit.charitable_ratio_min),
       {"公益支出不低于上年总收入的百分比", "charitable spending at least this % of last year's income"},
       CFUND_FIELD(audit.charitable_ratio_min, number_of, whole)},
      {"audit.management_ratio_check",
       "audit.management_ratio_check",
       T::flag,
       "1",
       {"检查管理费用比例", "check the management cost ratio"},
       CFUND_FIELD(audit.management_ratio_check, flag_of, flag)},
      {"audit.management_ratio_max",
       "audit.management_ratio_max",
       T::percent,
       std::to_string(defaults.audit.management_ratio_max),
       {"管理费用不超过当年支出的百分比", "management cost at most this % of the year's spending"},
       CFUND_FIELD(audit.management_ratio_max, number_of, whole)},
      {"audit.management_ratio_floor",
       "audit.management_ratio_floor",
       T::amount,
       amount(defaults.audit.management_ratio_floor),
       {"管理费用低于此数时不检查比例", "below this much management cost the ratio is not checked"},
       CFUND_FIELD(audit.management_ratio_floor, number_of, number)},
      {"points.per_yuan",
       "points.per_yuan",
       T::count,
       "0",
       {"每捐 1 元得几分（0：不计）", "points for each yuan donated (0: none)"},
       CFUND_FIELD(points.per_yuan, number_of, number),
       0,
       10000},
      {"points.per_hour",
       "points.per_hour",
       T::count,
       "0",
       {"每服务 1 小时得几分（0：不计）", "points for each hour of service (0: none)"},
       CFUND_FIELD(points.per_hour, number_of, number),
       0,
       100000},
      {"points.expiry_months",
       "points.expiry_months",
       T::count,
       "0",
       {"积分有效月数（0：不过期）", "months before points expire (0: never)"},
       CFUND_FIELD(points.expiry_months, number_of, whole),
       0,
       1200},
      {"points.notice_top",
       "points.notice_top",
       T::count,
       std::to_string(defaults.points.notice_top),
       {"公示列名的积分前几名（须本人同意）", "top contributors a notice names (who agreed)"},
       CFUND_FIELD(points.notice_top, number_of, whole),
       0,
       100},
      {"time_zone",
       "fund.time_zone",
       T::time_zone,
       defaults.time_zone,
       {"基金所在时区，公示上的时间按此", "the fund's time zone: notices print their time in it"},
       CFUND_FIELD(time_zone, text_of, text_of)},
      {"notice_url",
       "notice.url",
       T::url,
       "",
       {"公示的网址，打印公示的二维码指向这里",
        "where the notice is published online: the print notice's QR code leads there"},
       CFUND_FIELD(notice_url, text_of, text_of)},
      {"band_donations_below",
       "notice.band_donations_below",
       T::amount,
       "0",
       {"低于此金额的资金捐赠在公示中分档公示", "money donations below this are shown in bands"},
       CFUND_FIELD(band_donations_below, number_of, number)},
      {"max_amount",
       "fund.max_amount",
       T::amount,
       amount(util::kMaxEntryAmount),
       {"每笔分录金额上限", "the most one entry may move"},
       CFUND_FIELD(max_amount, number_of, number)},
      {"future_days",
       "fund.future_days",
       T::days,
       "0",
       {"分录日期最多晚于记账当天的天数", "how many days after the day it is recorded an entry may be dated"},
       CFUND_FIELD(future_days, number_of, whole)},
  };
}

#undef CFUND_FIELD

Expected<std::string> parse_whole(const std::string& typed, long low, long high, const Message& what) {
  const std::string text = util::trim(util::fold_full_width(typed));
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return what;
  const long value = std::stol(text);
  if (value < low || value > high) return what;
  return std::to_string(value);
}

bool is_web_address(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  bool printable = true;
  for (char c : url) printable = printable && c > ' ' && c < 127;
  return scheme && printable && url.size() > 8 && url.size() <= 500;
}

Expected<std::string> normalise_amount(const std::string& typed) {
  auto amount = util::parse_amount(typed);
  if (!amount) return amount.error();
  if (*amount > util::kMaxEntryAmount) {
    return bilingual("不能超过 {0}", "cannot be above {0}", util::format_amount(util::kMaxEntryAmount));
  }
  return std::to_string(*amount);
}

Expected<std::string> normalise_list(const std::string& typed) {
  const auto parsed = nlohmann::json::parse(typed, nullptr, false);
  if (!parsed.is_array())
    return Message{"应为文字列表，如 [\"养老服务\"]", "expected a list of texts, e.g. [\"elderly care\"]"};
  for (const auto& item : parsed) {
    if (!item.is_string() || util::trim(item.get<std::string>()).empty()) {
      return Message{"列表中的每一项都应为非空文字", "each item of the list must be a text that is not empty"};
    }
  }
  return parsed.dump(-1, ' ', false);
}

}  // namespace

const std::vector<SettingDef>& setting_definitions() {
  static const std::vector<SettingDef> definitions = make_definitions();
  return definitions;
}

std::string approval_threshold_key(const std::string& category) { return kThresholdFamily + category; }
std::string relief_window_key(const std::string& beneficiary_category) { return kWindowFamily + beneficiary_category; }

const SettingDef* find_setting(const std::string& key) {
  for (const auto& definition : setting_definitions()) {
    if (definition.key == key) return &definition;
  }
  static const SettingDef threshold{kThresholdFamily,
                                    "approval",
                                    T::amount,
                                    "",
                                    {"按支出类别的审批限额", "approval threshold of a payment category"}};
  static const SettingDef window{kWindowFamily,
                                 "relief_windows",
                                 T::days,
                                 "",
                                 {"按受助对象类别的重复救助间隔", "relief window of a beneficiary category"}};
  if (key.rfind(kThresholdFamily, 0) == 0) {
    const auto* category = find_payment_category(key.substr(kThresholdFamily.size()));
    return category != nullptr && category->approval ? &threshold : nullptr;
  }
  if (key.rfind(kWindowFamily, 0) == 0 && key.size() > kWindowFamily.size()) return &window;
  return nullptr;
}

Expected<std::string> normalise_setting(const std::string& key, const std::string& typed) {
  const SettingDef* definition = find_setting(key);
  if (definition == nullptr) return Message{"没有这项设置", "there is no such setting"};
  const std::string text = util::trim(typed);
  switch (definition->type) {
    case T::text:
      if (!util::is_single_line(text)) return Message{"应为一行文字", "expected one line of text"};
      if (key == "name" && text.empty()) return Message{"基金名称不能为空", "the fund's name cannot be empty"};
      return text;
    case T::amount:
      return normalise_amount(text);
    case T::days:
      return parse_whole(text, 0, 3660, {"应为 0 到 3660 之间的天数", "expected a number of days from 0 to 3660"});
    case T::count:
      return parse_whole(
          text, definition->low, definition->high,
          {"应为 " + std::to_string(definition->low) + " 到 " + std::to_string(definition->high) + " 之间的整数",
           "expected a whole number from " + std::to_string(definition->low) + " to " +
               std::to_string(definition->high)});
    case T::percent:
      return parse_whole(text, 0, 100,
                         {"应为 0 到 100 之间的整数（百分比）", "expected a whole percentage from 0 to 100"});
    case T::flag:
      if (text == "true" || text == "1" || text == "是") return std::string("1");
      if (text == "false" || text == "0" || text == "否") return std::string("0");
      return Message{"应为 true 或 false", "expected true or false"};
    case T::language:
      if (text == "zh" || text == "en") return text;
      return Message{"应为 zh 或 en", "expected zh or en"};
    case T::time_zone:
      if (util::is_time_zone(text)) return text;
      return util::unknown_time_zone(text);
    case T::url:
      if (text.empty() || is_web_address(text)) return text;
      return Message{"应以 http:// 或 https:// 开头，不含空格",
                     "it must start with http:// or https:// and contain no spaces"};
    case T::list:
      return normalise_list(text);
  }
  return text;
}

namespace {

[[noreturn]] void unreadable(const std::string& key, const std::string& value) {
  throw FundFileError(
      bilingual("设置 {0} 的值“{1}”不是 cfund 写入的：账套被直接改动过（cfund audit verify 指出从哪条分录起；"
                "请用备份恢复）",
                "the setting {0} holds '{1}', which cfund never writes: the fund file was edited "
                "directly (cfund audit verify names the entry; restore it from a backup)",
                key, value));
}

}  // namespace

FundSettings settings_from(const std::map<std::string, std::string>& stored) {
  FundSettings settings;
  for (const auto& definition : setting_definitions()) {
    auto found = stored.find(definition.key);
    const std::string& value = found == stored.end() ? definition.default_value : found->second;
    try {
      definition.write(settings, value);
    } catch (const std::invalid_argument&) {
      unreadable(definition.key, value);
    }
  }
  for (const auto& [key, value] : stored) {
    try {
      if (key.rfind(kThresholdFamily, 0) == 0)
        settings.approval_thresholds[key.substr(kThresholdFamily.size())] = number(value);
      if (key.rfind(kWindowFamily, 0) == 0) settings.relief_windows[key.substr(kWindowFamily.size())] = whole(value);
    } catch (const std::invalid_argument&) {
      unreadable(key, value);
    }
  }
  return settings;
}

std::map<std::string, std::string> settings_to_map(const FundSettings& settings) {
  std::map<std::string, std::string> stored;
  for (const auto& definition : setting_definitions()) stored[definition.key] = definition.read(settings);
  for (const auto& [category, threshold] : settings.approval_thresholds) {
    stored[approval_threshold_key(category)] = std::to_string(threshold);
  }
  for (const auto& [category, days] : settings.relief_windows)
    stored[relief_window_key(category)] = std::to_string(days);
  return stored;
}

Message setting_display(const std::string& key, const std::string& stored) {
  const SettingDef* definition = find_setting(key);
  if (definition == nullptr) return {stored, stored};
  switch (definition->type) {
    case SettingType::amount: {
      const bool digits = !stored.empty() && stored.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || stored.size() > 18) return {stored, stored};
      const std::string yuan = util::format_amount(std::stoll(stored));
      return {yuan, yuan};
    }
    case SettingType::days:
      return {stored + " 天", stored + " days"};
    case SettingType::flag:
      return stored == "1" ? Message{"是", "yes"} : Message{"否", "no"};
    case SettingType::percent:
      return {stored + "%", stored + "%"};
    default:
      return {stored, stored};
  }
}

bool is_internal_key(const std::string& key) { return key == "chain_head" || key == "chain_length"; }

}  // namespace cfund::model
