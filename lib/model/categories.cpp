#include "model/categories.hpp"

#include <algorithm>

namespace cfund::model {

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& rows, const std::string& id) {
  auto found = std::find_if(rows.begin(), rows.end(), [&id](const T& row) { return row.id == id; });
  return found == rows.end() ? nullptr : &*found;
}

}  // namespace

const std::vector<IncomeKind>& income_kinds() {
  using A = ActivityLine;
  static const std::vector<IncomeKind> kinds = {
      {"grant",
       {"政府补助", "government grant"},
       A::grant_income,
       "Grant",
       {"政府补助收入（如街道、镇政府的拨款）", "a grant from government (e.g. the town or sub-district)"}},
      {"matching",
       {"配捐", "matching funds"},
       A::donation_income,
       "Matching",
       {"配捐：慈善会、企业或政府按比例配套的资金（--matches 写明所配的分录或活动）",
        "matching funds from a charity, a firm or government (--matches names what they match)"}},
      {"interest",
       {"利息收入", "interest"},
       A::investment_income,
       "Interest",
       {"银行存款利息（投资收益）", "bank interest (investment income)"}},
      {"service",
       {"提供服务收入", "service income"},
       A::service_income,
       "Service",
       {"提供服务取得的收入", "income from services the fund provides"}},
      {"sales",
       {"商品销售收入", "sales income"},
       A::sales_income,
       "Sales",
       {"商品销售收入，如慈善义卖（捐赠物资的义卖用 cfund goods sell）",
        "sales income such as a charity sale (donated goods sold: cfund goods sell)"}},
      {"other",
       {"其他收入", "other income"},
       A::other_income,
       "Other",
       {"不属于以上各类的收入", "income of no kind above"}},
  };
  return kinds;
}

const IncomeKind* find_income_kind(const std::string& id) { return find_by_id(income_kinds(), id); }

const std::vector<PaymentCategory>& payment_categories() {
  using A = ActivityLine;
  // id, name, line, export, charitable, management, needs beneficiary, approval applies
  static const std::vector<PaymentCategory> categories = {
      {"relief", {"救助", "relief"}, A::program_cost, "Relief", true, false, true, true},
      {"project", {"项目支出", "project cost"}, A::program_cost, "Project", true, false, false, true},
      {"management", {"管理费用", "management cost"}, A::management_cost, "Management", false, true, false, true},
      {"fundraising", {"筹款费用", "fundraising cost"}, A::fundraising_cost, "Fundraising", false, false, false, true},
      {"fee", {"手续费", "bank fee"}, A::management_cost, "Fee", false, true, false, false},
  };
  return categories;
}

const PaymentCategory* find_payment_category(const std::string& id) { return find_by_id(payment_categories(), id); }

Message category_name(const std::string& category) {
  const PaymentCategory* found = find_payment_category(category);
  return found == nullptr ? Message{category, category} : found->name;
}

const std::vector<AccountKind>& account_kinds() {
  static const std::vector<AccountKind> kinds = {
      {"bank", {"银行账户", "bank account"}, "Bank", true},
      {"cash", {"现金", "cash"}, "Cash", true},
      {"wechat", {"微信支付", "WeChat Pay"}, "WeChat", true},
      {"alipay", {"支付宝", "Alipay"}, "Alipay", true},
      {"other", {"其他", "other"}, "Other", true},
      {"goods", {"库存物资", "goods in stock"}, "Goods", false},
  };
  return kinds;
}

const AccountKind* find_account_kind(const std::string& id) { return find_by_id(account_kinds(), id); }

std::vector<std::string> income_kind_ids() {
  std::vector<std::string> ids;
  for (const auto& kind : income_kinds()) ids.push_back(kind.id);
  return ids;
}

std::vector<std::string> payment_category_ids() {
  std::vector<std::string> ids;
  for (const auto& category : payment_categories()) ids.push_back(category.id);
  return ids;
}

std::vector<std::string> money_account_kind_ids() {
  std::vector<std::string> ids;
  for (const auto& kind : account_kinds()) {
    if (kind.money) ids.push_back(kind.id);
  }
  return ids;
}

ActivityLine activity_line_of(const std::string& kind, const std::string& sort, bool goods) {
  const EntryKind* registered = find_entry_kind(kind);
  if (registered == nullptr) return ActivityLine::none;
  const ActivityLine line = goods ? registered->goods_activity : registered->activity;
  if (line == ActivityLine::by_income_kind) {
    const IncomeKind* income = find_income_kind(sort);
    return income == nullptr ? ActivityLine::other_income : income->line;
  }
  if (line == ActivityLine::by_category) {
    const PaymentCategory* category = find_payment_category(sort);
    return category == nullptr ? ActivityLine::other_cost : category->line;
  }
  return line == ActivityLine::by_original ? ActivityLine::none : line;  // a void is classed by its original
}

const std::vector<ActivityLine>& income_lines() {
  using A = ActivityLine;
  static const std::vector<ActivityLine> lines = {A::donation_income, A::grant_income,      A::service_income,
                                                  A::sales_income,    A::investment_income, A::other_income};
  return lines;
}

const std::vector<ActivityLine>& cost_lines() {
  using A = ActivityLine;
  static const std::vector<ActivityLine> lines = {A::program_cost, A::management_cost, A::fundraising_cost,
                                                  A::other_cost};
  return lines;
}

bool is_income_line(ActivityLine line) {
  const auto& lines = income_lines();
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

namespace {

// Whether a posting of a kind registered with `line` may feed an income line
// (`income`) or an expense line, by its sort when the line is the sort's.
bool may_feed(ActivityLine line, bool income) {
  auto wanted = [income](ActivityLine found) { return is_income_line(found) == income && found != ActivityLine::none; };
  if (line == ActivityLine::by_original) return true;
  if (line == ActivityLine::by_income_kind) {
    if (wanted(ActivityLine::other_income)) return true;  // a kind cfund does not know
    return std::any_of(income_kinds().begin(), income_kinds().end(), [&](const auto& k) { return wanted(k.line); });
  }
  if (line == ActivityLine::by_category) {
    if (wanted(ActivityLine::other_cost)) return true;
    return std::any_of(payment_categories().begin(), payment_categories().end(),
                       [&](const auto& c) { return wanted(c.line); });
  }
  return wanted(line);
}

}  // namespace

std::vector<std::string> kinds_classed_beyond_kind() {
  auto beyond = [](ActivityLine line) {
    return line == ActivityLine::by_income_kind || line == ActivityLine::by_category ||
           line == ActivityLine::by_original;
  };
  std::vector<std::string> kinds;
  for (const auto& kind : entry_kinds()) {
    if (beyond(kind.activity) || beyond(kind.goods_activity)) kinds.push_back(kind.id);
  }
  return kinds;
}

std::vector<std::string> kinds_feeding(bool income) {
  std::vector<std::string> kinds;
  for (const auto& kind : entry_kinds()) {
    if (may_feed(kind.activity, income) || may_feed(kind.goods_activity, income)) kinds.push_back(kind.id);
  }
  return kinds;
}

namespace {

template <typename T>
Message choices(const std::vector<T>& rows, bool (*shown)(const T&)) {
  Message text;
  std::vector<const T*> listed;
  for (const auto& row : rows) {
    if (shown(row)) listed.push_back(&row);
  }
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const bool last = i + 1 == listed.size();
    if (i > 0) {
      text.zh += last ? "或 " : "、";
      text.en += last ? " or " : ", ";
    }
    text.zh += listed[i]->id + "（" + listed[i]->name.zh + "）";
    text.en += listed[i]->id;
  }
  return text;
}

}  // namespace

Message income_kind_choices() {
  return choices<IncomeKind>(income_kinds(), [](const IncomeKind&) { return true; });
}

Message payment_category_choices() {
  return choices<PaymentCategory>(payment_categories(), [](const PaymentCategory&) { return true; });
}

Message approved_category_choices() {
  return choices<PaymentCategory>(payment_categories(),
                                  [](const PaymentCategory& category) { return category.approval; });
}

Message account_kind_choices() {
  return choices<AccountKind>(account_kinds(), [](const AccountKind& kind) { return kind.money; });
}

}  // namespace cfund::model
