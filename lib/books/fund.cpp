#include "books/fund.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "books/goods.hpp"
#include "books/openings.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "storage/queries.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// A code is what people type on the command line and what notices show.
void check_code(const std::string& code, const Message& what) {
  if (!util::is_plain_code(code)) {
    throw InputError(
        bilingual("{0}代码“{2}”无效：只能由字母、数字、汉字和 - _ . 组成（不以 - 开头、不含空格），最长 24 个字符宽",
                  "{1} code '{2}' is not valid: letters, digits, Chinese characters and - _ . only (not starting with "
                  "-, no spaces), at most 24 columns",
                  what.zh, what.en, code));
  }
}

// The codes of the goods stock account and the goods designation every fund has.
const std::string kGoodsCode = "goods";

// Settings by payment category and by beneficiary category ([approval], [relief_windows]).
const std::string kThresholdPrefix = "approval_threshold.";
const std::string kWindowPrefix = "relief_window_days.";

// Opening balances name the definition's own accounts and designations.
void validate_openings(const model::FundDefinition& definition) {
  if (definition.openings.empty()) return;
  if (!util::parse_date(definition.opening_date)) {
    throw InputError(
        bilingual("期初余额的日期（opening.date）无效", "the opening balances' date (opening.date) is not valid"));
  }
  for (const auto& balance : definition.openings) {
    if (!balance.item.empty()) continue;
    bool account = false;
    for (const auto& known : definition.accounts) account = account || known.code == balance.account;
    if (!account) {
      throw InputError(bilingual("期初余额的账户“{0}”不在 [[accounts]] 中",
                                 "the opening balance's account '{0}' is not among [[accounts]]", balance.account));
    }
    bool designation = balance.designation.empty() || balance.designation == model::kGeneralFund;
    for (const auto& known : definition.designations) designation = designation || known.code == balance.designation;
    if (!designation) {
      throw InputError(bilingual("期初余额的资金用途“{0}”不在 [[special_funds]] 中",
                                 "the opening balance's designation '{0}' is not among [[special_funds]]",
                                 balance.designation));
    }
  }
}

// The fund definition's [opening] balances, appended as entries once the fund exists.
void record_definition_openings(storage::FundFile& file, const model::FundDefinition& definition,
                                const Recorder& recorder) {
  if (definition.openings.empty()) return;
  JournalAppender journal(file, recorder);
  for (const auto& balance : definition.openings) {
    OpeningInput input;
    input.date = *util::parse_date(definition.opening_date);
    input.amount = balance.amount;
    input.account = balance.account;
    input.designation = balance.designation;
    input.item = balance.item;
    input.unit = balance.unit;
    input.quantity = balance.quantity;
    append_opening(file, journal, input);
  }
  journal.finish();
}

// An address a phone can open from a QR code: http(s)://, printable ASCII, no spaces.
bool is_web_address(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  const bool printable = std::all_of(url.begin(), url.end(), [](char c) { return c > ' ' && c < 127; });
  return scheme && printable && url.size() > 8 && url.size() <= 500;
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string joined;
  for (const auto& code : codes) joined += (joined.empty() ? "" : ", ") + code;
  return joined;
}

}  // namespace

void validate_definition(const model::FundDefinition& definition) {
  const auto& s = definition.settings;
  if (util::trim(s.name).empty()) {
    throw InputError(bilingual("缺少基金名称（name）", "the fund needs a name (name)"));
  }
  if (s.approval_threshold < 0) {
    throw InputError(bilingual("审批限额（approval_threshold）不能为负数", "approval_threshold cannot be negative"));
  }
  if (s.band_donations_below < 0) {
    throw InputError(bilingual("分档公示金额（notice.band_donations_below）不能为负数",
                               "notice.band_donations_below cannot be negative"));
  }
  if (!util::is_time_zone(s.time_zone)) {
    const Message why = util::unknown_time_zone(s.time_zone);
    throw InputError(bilingual("time_zone：{0}", "time_zone: {1}", why.zh, why.en));
  }
  if (!s.notice_url.empty() && !is_web_address(s.notice_url)) {
    throw InputError(bilingual("公示网址（[notice] url）“{0}”无效：应以 http:// 或 https:// 开头，不含空格",
                               "[notice] url '{0}' is not valid: it must start with http:// or https:// and "
                               "contain no spaces",
                               s.notice_url));
  }
  if (s.relief_window_days < 0 || s.relief_window_days > 3660) {
    throw InputError(bilingual("重复救助间隔（relief_window_days）应在 0 到 3660 天之间",
                               "relief_window_days must be between 0 and 3660"));
  }
  for (const int percent : {s.audit.charitable_ratio_min, s.audit.management_ratio_max}) {
    if (percent < 0 || percent > 100) {
      throw InputError(
          bilingual("审计比例（[audit] charitable_ratio_min / management_ratio_max）应在 0 到 100 之间",
                    "audit ratios ([audit] charitable_ratio_min / management_ratio_max) must be between 0 and 100"));
    }
  }
  if (s.audit.management_ratio_floor < 0) {
    throw InputError(
        bilingual("[audit] management_ratio_floor 不能为负数", "[audit] management_ratio_floor cannot be negative"));
  }
  if (definition.accounts.empty()) {
    throw InputError(bilingual("至少需要一个资金账户（accounts），例如 bank 或 cash",
                               "the fund needs at least one account (accounts), e.g. bank or cash"));
  }
  std::set<std::string> seen;
  for (const auto& account : definition.accounts) {
    check_code(account.code, bilingual("账户", "account"));
    if (!seen.insert(account.code).second) {
      throw InputError(bilingual("账户代码“{0}”重复", "account code '{0}' appears twice", account.code));
    }
    const model::AccountKind* kind = model::find_account_kind(account.kind);
    if (kind == nullptr || !kind->money) {
      const Message choices = model::account_kind_choices();
      throw InputError(bilingual("账户“{0}”的类型“{1}”无效：应为 {2}", "account '{0}' has kind '{1}': expected {3}",
                                 account.code, account.kind, choices.zh, choices.en));
    }
    if (account.code == kGoodsCode) {
      throw InputError(bilingual("账户代码“{0}”留给库存物资，请换一个",
                                 "the account code '{0}' is kept for the goods stock; choose another", account.code));
    }
  }
  seen = {model::kGeneralFund, kGoodsCode};
  for (const auto& designation : definition.designations) {
    check_code(designation.code, bilingual("专项基金", "special fund"));
    if (!seen.insert(designation.code).second) {
      throw InputError(bilingual(
          "专项基金代码“{0}”重复，或是留给非限定性资金（general）、捐赠物资（goods）的代码",
          "special fund code '{0}' appears twice or is kept for the general fund (general) or the goods (goods)",
          designation.code));
    }
  }
  validate_openings(definition);
}

storage::FundFile create_fund(const std::string& path, const model::FundDefinition& definition,
                              const Recorder& recorder) {
  validate_definition(definition);
  auto file = storage::FundFile::create(path);
  try {
    storage::FundFile::WriteTransaction tx(file);
    const auto& s = definition.settings;
    file.set_setting("name", s.name);
    file.set_setting("organisation", s.organisation);
    file.set_setting("host", s.host);
    file.set_setting("region", s.region);
    file.set_setting("town", s.town);
    file.set_setting("supervision_phone", s.supervision_phone);
    file.set_setting("default_operator", s.default_operator);
    file.set_setting("report_language", s.report_language == Lang::en ? "en" : "zh");
    file.set_setting("approval_threshold", std::to_string(s.approval_threshold));
    file.set_setting("relief_window_days", std::to_string(s.relief_window_days));
    file.set_setting("audit.charitable_ratio_check", s.audit.charitable_ratio_check ? "1" : "0");
    file.set_setting("audit.charitable_ratio_min", std::to_string(s.audit.charitable_ratio_min));
    file.set_setting("audit.management_ratio_check", s.audit.management_ratio_check ? "1" : "0");
    file.set_setting("audit.management_ratio_max", std::to_string(s.audit.management_ratio_max));
    file.set_setting("audit.management_ratio_floor", std::to_string(s.audit.management_ratio_floor));
    file.set_setting("band_donations_below", std::to_string(s.band_donations_below));
    for (const auto& [category, threshold] : s.approval_thresholds) {
      file.set_setting(kThresholdPrefix + category, std::to_string(threshold));
    }
    for (const auto& [category, days] : s.relief_windows)
      file.set_setting(kWindowPrefix + category, std::to_string(days));
    file.set_setting("time_zone", s.time_zone);
    file.set_setting("notice_url", s.notice_url);
    for (const auto& account : definition.accounts) {
      model::Account named = account;
      if (named.name.empty()) named.name = named.code;
      storage::insert_account(file, named);
    }
    storage::insert_designation(file, {0, model::kGeneralFund, "非限定性资金", "general", false});
    for (const auto& designation : definition.designations) {
      model::Designation named = designation;
      if (named.name.empty()) named.name = named.code;
      named.kind = "special";
      named.restricted = true;
      storage::insert_designation(file, named);
    }
    // The goods stock, after the fund's own accounts and designations (schemas/0007).
    storage::insert_account(file, {0, kGoodsCode, "库存物资", model::kGoodsKind});
    storage::insert_designation(file, {0, kGoodsCode, "捐赠物资", model::kGoodsKind, true});
    store_extra_project_categories(file, definition.project_categories);
    record_definition_openings(file, definition, recorder);
    tx.commit();
  } catch (...) {
    // A fund that could not be set up whole is not left behind half-made.
    const std::string made = file.path();
    { auto closing = std::move(file); }
    std::remove(made.c_str());
    std::remove((made + "-wal").c_str());
    std::remove((made + "-shm").c_str());
    throw;
  }
  return file;
}

model::FundSettings load_settings(storage::FundFile& file) {
  model::FundSettings s;
  auto text = [&file](const char* key) { return file.setting(key).value_or(""); };
  s.name = text("name");
  s.organisation = text("organisation");
  s.host = text("host");
  // Funds created before these settings existed have neither: "" (no town).
  s.region = text("region");
  s.town = text("town");
  s.supervision_phone = text("supervision_phone");
  s.default_operator = text("default_operator");
  s.report_language = text("report_language") == "en" ? Lang::en : Lang::zh;
  if (auto v = file.setting("approval_threshold")) s.approval_threshold = std::stoll(*v);
  if (auto v = file.setting("relief_window_days")) s.relief_window_days = std::stoi(*v);
  // Funds created before the [audit] settings existed get the defaults.
  if (auto v = file.setting("audit.charitable_ratio_check")) s.audit.charitable_ratio_check = *v != "0";
  if (auto v = file.setting("audit.charitable_ratio_min")) s.audit.charitable_ratio_min = std::stoi(*v);
  if (auto v = file.setting("audit.management_ratio_check")) s.audit.management_ratio_check = *v != "0";
  if (auto v = file.setting("audit.management_ratio_max")) s.audit.management_ratio_max = std::stoi(*v);
  if (auto v = file.setting("audit.management_ratio_floor")) s.audit.management_ratio_floor = std::stoll(*v);
  if (auto v = file.setting("band_donations_below")) s.band_donations_below = std::stoll(*v);
  for (const auto& [category, value] : file.settings_under(kThresholdPrefix)) {
    s.approval_thresholds[category] = std::stoll(value);
  }
  for (const auto& [category, value] : file.settings_under(kWindowPrefix))
    s.relief_windows[category] = std::stoi(value);
  // Funds created before these settings existed keep the defaults.
  if (auto v = file.setting("time_zone")) s.time_zone = *v;
  s.notice_url = text("notice_url");
  return s;
}

model::Account find_account(storage::FundFile& file, const std::string& code_or_name) {
  const auto all = storage::accounts(file);
  std::vector<std::string> codes;
  for (const auto& account : all) {
    const bool goods = account.kind == model::kGoodsKind;
    if (account.code == code_or_name || account.name == code_or_name) {
      if (!goods) return account;
      throw InputError(
          bilingual("“{0}”是库存物资，不是资金账户：物资的收发用 cfund donate add --goods、cfund goods give / sell",
                    "'{0}' is the goods stock, not a money account: goods come and go with cfund donate add --goods "
                    "and cfund goods give / sell",
                    code_or_name));
    }
    if (!goods) codes.push_back(account.code);
  }
  throw InputError(bilingual("没有资金账户“{0}”（已有：{1}）", "no account '{0}' (there are: {1})", code_or_name,
                             join_codes(codes)));
}

model::Designation find_designation(storage::FundFile& file, const std::string& code_or_name) {
  const std::string wanted = code_or_name.empty() ? model::kGeneralFund : code_or_name;
  const auto all = storage::designations(file);
  std::vector<std::string> codes;
  for (const auto& designation : all) {
    const bool goods = designation.kind == model::kGoodsKind;
    if (designation.code == wanted || designation.name == wanted) {
      if (!goods) return designation;
      throw InputError(bilingual("“{0}”是捐赠物资的价值，不是资金用途：资金请记入非限定性资金、专项基金或项目",
                                 "'{0}' holds the value of donated goods, not money: money goes to the general fund, a "
                                 "special fund or a project",
                                 wanted));
    }
    if (!goods) codes.push_back(designation.code);
  }
  throw InputError(bilingual("没有资金用途（专项基金/项目）“{0}”（已有：{1}）",
                             "no designation (special fund or project) '{0}' (there are: {1})", wanted,
                             join_codes(codes)));
}

std::vector<std::string> codes(storage::FundFile& file, CodeKind kind) {
  std::vector<std::string> found;
  // The goods stock is no money account or designation: no command that takes a code takes it.
  if (kind == CodeKind::accounts) {
    for (const auto& account : storage::accounts(file)) {
      if (account.kind != model::kGoodsKind) found.push_back(account.code);
    }
    return found;
  }
  for (const auto& designation : storage::designations(file)) {
    if (designation.kind == model::kGoodsKind) continue;
    if (kind == CodeKind::designations || designation.kind == "project") found.push_back(designation.code);
  }
  return found;
}

FundOverview overview(storage::FundFile& file) {
  FundOverview view;
  view.settings = load_settings(file);
  for (const auto& account : storage::accounts(file)) {
    const Fen balance = storage::balance(file, storage::Side::account, account.id);
    if (account.kind == model::kGoodsKind) {
      view.goods_value += balance;
      continue;
    }
    view.accounts.push_back({account.code, account.name, account.kind, false, balance});
    view.total += balance;
  }
  for (const auto& designation : storage::designations(file)) {
    if (designation.kind == model::kGoodsKind) continue;
    const Fen balance = storage::balance(file, storage::Side::designation, designation.id);
    view.designations.push_back(
        {designation.code, designation.name, designation.kind, designation.restricted, balance});
    if (designation.restricted) view.restricted_total += balance;
  }
  view.goods = goods_stock(file, "9999-12-31");
  view.chain = recorded_chain_head(file);
  return view;
}

}  // namespace cfund::books
