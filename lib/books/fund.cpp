#include "books/fund.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "books/goods.hpp"
#include "books/openings.hpp"
#include "books/projects.hpp"
#include "books/registry.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "model/settings.hpp"
#include "storage/queries.hpp"
#include "storage/registry_queries.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// The codes of the goods stock account and the goods designation every fund has.
const std::string kGoodsCode = "goods";

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

// [points]: whole numbers in ranges no real scheme leaves.
void validate_points(const model::PointsSettings& points) {
  if (points.per_yuan < 0 || points.per_yuan > 10000) {
    throw InputError(bilingual("每元积分（[points] per_yuan）应在 0 到 10000 之间",
                               "[points] per_yuan must be between 0 and 10000"));
  }
  if (points.per_hour < 0 || points.per_hour > 100000) {
    throw InputError(bilingual("每小时积分（[points] per_hour）应在 0 到 100000 之间",
                               "[points] per_hour must be between 0 and 100000"));
  }
  if (points.expiry_months < 0 || points.expiry_months > 1200) {
    throw InputError(bilingual("积分有效期（[points] expiry_months）应在 0 到 1200 个月之间",
                               "[points] expiry_months must be between 0 and 1200"));
  }
  if (points.notice_top < 0 || points.notice_top > 100) {
    throw InputError(bilingual("公示列名人数（[points] notice_top）应在 0 到 100 之间",
                               "[points] notice_top must be between 0 and 100"));
  }
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string joined;
  for (const auto& code : codes) joined += (joined.empty() ? "" : ", ") + code;
  return joined;
}

}  // namespace

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

namespace {

// A name, and no text anyone would show holding what a person cannot see.
void validate_texts(const model::FundDefinition& definition) {
  const auto& s = definition.settings;
  if (util::trim(s.name).empty()) {
    throw InputError(bilingual("缺少基金名称（name）", "the fund needs a name (name)"));
  }
  // Whatever the definition came from (flags, a TOML file, a test), its texts are refused
  // with the same words as any other input when they hold what a person cannot see (line
  // breaks aside, as in the journal: the command line and the TOML reader refuse those).
  for (const auto& [field, text] :
       std::initializer_list<std::pair<const char*, const std::string&>>{{"name", s.name},
                                                                         {"organisation", s.organisation},
                                                                         {"host", s.host},
                                                                         {"supervision_phone", s.supervision_phone},
                                                                         {"operator", s.default_operator},
                                                                         {"notice url", s.notice_url}}) {
    util::require_clean_text(field, text, true);
  }
  for (const auto& account : definition.accounts) util::require_clean_text("account name", account.name, true);
  for (const auto& designation : definition.designations) {
    util::require_clean_text("special fund name", designation.name, true);
  }
}

// The settings' limits, each in its range.
void validate_limits(const model::FundSettings& s) {
  if (s.approval_threshold < 0) {
    throw InputError(bilingual("审批限额（approval_threshold）不能为负数", "approval_threshold cannot be negative"));
  }
  if (s.max_amount <= 0 || s.max_amount > util::kMaxEntryAmount) {
    throw InputError(bilingual("每笔上限（max_amount）应大于零且不超过 ¥1,000,000,000.00",
                               "max_amount must be above zero and at most ¥1,000,000,000.00"));
  }
  if (s.future_days < 0 || s.future_days > 366) {
    throw InputError(bilingual("预记天数（future_days）应在 0 到 366 之间", "future_days must be between 0 and 366"));
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
  validate_points(s.points);
}

// At least one money account, each code once, of a money kind, none the goods stock's.
void validate_accounts(const std::vector<model::Account>& accounts) {
  if (accounts.empty()) {
    throw InputError(bilingual("至少需要一个资金账户（accounts），例如 bank 或 cash",
                               "the fund needs at least one account (accounts), e.g. bank or cash"));
  }
  std::set<std::string> seen;
  for (const auto& account : accounts) {
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
}

// Special funds: each code once, none the general fund's or the goods'.
void validate_special_funds(const std::vector<model::Designation>& designations) {
  std::set<std::string> seen = {model::kGeneralFund, kGoodsCode};
  for (const auto& designation : designations) {
    check_code(designation.code, bilingual("专项基金", "special fund"));
    if (!seen.insert(designation.code).second) {
      throw InputError(bilingual(
          "专项基金代码“{0}”重复，或是留给非限定性资金（general）、捐赠物资（goods）的代码",
          "special fund code '{0}' appears twice or is kept for the general fund (general) or the goods (goods)",
          designation.code));
    }
  }
}

}  // namespace

void validate_definition(const model::FundDefinition& definition) {
  validate_texts(definition);
  validate_limits(definition.settings);
  validate_accounts(definition.accounts);
  validate_special_funds(definition.designations);
  validate_openings(definition);
}

storage::FundFile create_fund(const std::string& path, const model::FundDefinition& definition,
                              const Recorder& recorder) {
  validate_definition(definition);
  auto file = storage::FundFile::create(path);
  try {
    storage::FundFile::WriteTransaction tx(file);
    for (const auto& [key, value] : model::settings_to_map(definition.settings)) file.set_setting(key, value);
    for (const auto& account : definition.accounts) {
      model::Account named = account;
      if (named.name.empty()) named.name = named.code;
      storage::insert_account(file, named);
    }
    storage::insert_designation(file, {0, model::kGeneralFund, "非限定性资金", "general", false, ""});
    for (const auto& designation : definition.designations) {
      model::Designation named = designation;
      if (named.name.empty()) named.name = named.code;
      named.kind = "special";
      named.restricted = true;
      storage::insert_designation(file, named);
    }
    // The goods stock, after the fund's own accounts and designations (schemas/0007).
    storage::insert_account(file, {0, kGoodsCode, "库存物资", model::kGoodsKind, ""});
    storage::insert_designation(file, {0, kGoodsCode, "捐赠物资", model::kGoodsKind, true, ""});
    {
      JournalAppender journal(file, recorder);
      state_registries(file, journal, recorder.now.today, "建立基金 / the fund is set up");
      journal.finish();
    }
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
  // As the chain states them now (books/registry.hpp); keys a fund made by an older
  // cfund lacks take their defaults.
  return settings_as_of(file, storage::kNoCutoff);
}

model::Account find_account(storage::FundFile& file, const std::string& code_or_name) {
  const auto all = storage::accounts(file);
  std::vector<std::string> codes;
  for (const auto& account : all) {
    const bool goods = account.kind == model::kGoodsKind;
    if (account.code == code_or_name || account.name == code_or_name) {
      if (!goods && account.closed_on.empty()) return account;
      if (!goods) {
        throw Refused(bilingual("账户“{0}”已于 {1} 注销，不再记账",
                                "the account '{0}' was closed on {1} and takes no more entries", account.code,
                                account.closed_on));
      }
      throw InputError(
          bilingual("“{0}”是库存物资，不是资金账户：物资的收发用 cfund donate add --goods、cfund goods give / sell",
                    "'{0}' is the goods stock, not a money account: goods come and go with cfund donate add --goods "
                    "and cfund goods give / sell",
                    code_or_name));
    }
    if (!goods && account.closed_on.empty()) codes.push_back(account.code);
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
      if (!goods && designation.closed_on.empty()) return designation;
      if (!goods) {
        throw Refused(bilingual("“{0}”已于 {1} 注销，不再收支", "'{0}' was closed on {1} and takes no more money",
                                designation.code, designation.closed_on));
      }
      throw InputError(bilingual("“{0}”是捐赠物资的价值，不是资金用途：资金请记入非限定性资金、专项基金或项目",
                                 "'{0}' holds the value of donated goods, not money: money goes to the general fund, a "
                                 "special fund or a project",
                                 wanted));
    }
    if (!goods && designation.closed_on.empty()) codes.push_back(designation.code);
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
      if (account.kind != model::kGoodsKind && account.closed_on.empty()) found.push_back(account.code);
    }
    return found;
  }
  for (const auto& designation : storage::designations(file)) {
    if (designation.kind == model::kGoodsKind || !designation.closed_on.empty()) continue;
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
    view.accounts.push_back({account.code, account.name, account.kind, false, balance, account.closed_on});
    view.total += balance;
  }
  for (const auto& designation : storage::designations(file)) {
    if (designation.kind == model::kGoodsKind) continue;
    const Fen balance = storage::balance(file, storage::Side::designation, designation.id);
    view.designations.push_back(
        {designation.code, designation.name, designation.kind, designation.restricted, balance, designation.closed_on});
    if (designation.restricted) view.restricted_total += balance;
  }
  view.goods = goods_stock(file, "9999-12-31");
  view.chain = recorded_chain_head(file);
  return view;
}

}  // namespace cfund::books
