#include "model/entry_kinds.hpp"

#include <algorithm>
#include <optional>

namespace cfund::model {

namespace {

// Builds one row of the registry with named fields, so that each row reads as what
// it declares.
class Row {
 public:
  Row(const std::string& id, Message name) {
    kind_.id = id;
    kind_.name = std::move(name);
  }
  Row& detail(std::string table, std::initializer_list<const char*> names) {
    kind_.detail_table = std::move(table);
    for (const char* name : names) kind_.columns.push_back({name, false});
    return *this;
  }
  Row& many_rows() {
    kind_.many_rows = true;
    return *this;
  }
  Row& detail_optional() {
    kind_.detail_optional = true;
    return *this;
  }
  Row& private_columns(std::initializer_list<const char*> names) {
    for (auto& column : kind_.columns) {
      for (const char* name : names) column.is_private = column.is_private || column.name == name;
    }
    return *this;
  }
  Row& postings(PostingShape shape) {
    kind_.postings = shape;
    return *this;
  }
  Row& receipt() {
    kind_.receipt = true;
    return *this;
  }
  Row& approval() {
    kind_.approval = true;
    return *this;
  }
  Row& voidable() {
    kind_.voidable = true;
    return *this;
  }
  Row& notice(NoticePlacement placement) {
    kind_.notice = placement;
    return *this;
  }
  // The line its money feeds, and the line its goods feed (the same unless named).
  Row& activity(ActivityLine line, std::optional<ActivityLine> goods_line = std::nullopt) {
    kind_.activity = line;
    kind_.goods_activity = goods_line.value_or(line);
    return *this;
  }
  Row& exports(std::string designation_root, std::string goods_root = "") {
    kind_.export_mapping = {std::move(designation_root), std::move(goods_root)};
    return *this;
  }
  Row& command(std::string text) {
    kind_.command = std::move(text);
    return *this;
  }
  operator EntryKind() const { return kind_; }  // NOLINT(google-explicit-constructor): each row reads as a kind

 private:
  EntryKind kind_;
};

// What the fund does besides money (schemas/0010_community.sql): households and who
// belongs to them, micro-wishes, volunteers and their hours, credit points redeemed,
// and the consent to be named among the year's top contributors. None moves money.
void add_community_kinds(std::vector<EntryKind>& kinds) {
  using N = NoticePlacement;
  namespace k = entry_kind;
  kinds.push_back(Row(k::household, {"登记家庭户", "household registered"})
                      .detail("households", {"number", "name", "address"})
                      .private_columns({"name", "address"})
                      .notice(N::not_shown)
                      .command("cfund household add"));
  kinds.push_back(Row(k::household_member, {"家庭户成员", "household member"})
                      .detail("household_members", {"household", "beneficiary"})
                      .notice(N::not_shown)
                      .command("cfund household join"));
  kinds.push_back(
      Row(k::wish, {"微心愿", "micro-wish"})
          .detail("wishes", {"number", "title", "category", "estimate", "beneficiary", "recipient", "posted_by"})
          .notice(N::community)
          .command("cfund wish add"));
  kinds.push_back(Row(k::wish_step, {"微心愿进展", "micro-wish step"})
                      .detail("wish_steps", {"wish", "from_status", "to_status", "donor_id", "donor_name", "anonymous",
                                             "fulfilled_by"})
                      .notice(N::community)
                      .command("cfund wish claim|fulfil|cancel"));
  kinds.push_back(Row(k::volunteer, {"登记志愿者", "volunteer registered"})
                      .detail("volunteers", {"number", "name", "phone"})
                      .private_columns({"phone"})
                      .notice(N::not_shown)
                      .command("cfund volunteer add"));
  kinds.push_back(Row(k::service, {"志愿服务", "volunteer service"})
                      .detail("services", {"volunteer", "hours", "activity", "project_id", "source_file", "source_line",
                                           "content_key"})
                      .voidable()
                      .notice(N::community)
                      .command("cfund service add|import"));
  kinds.push_back(Row(k::points_redemption, {"积分兑换", "points redeemed"})
                      .detail("points_redemptions", {"holder", "points", "purpose"})
                      .voidable()
                      .notice(N::community)
                      .command("cfund points redeem"));
  kinds.push_back(Row(k::consent, {"公开致谢意愿", "consent to be named"})
                      .detail("consents", {"holder", "public"})
                      .notice(N::community)
                      .command("cfund points consent"));
}

// The registry. docs/ARCHITECTURE.md explains each field, and
// tests/unit/test_model_entry_kinds.cpp checks every row against the schema.
std::vector<EntryKind> make_entry_kinds() {
  using P = PostingShape;
  using N = NoticePlacement;
  using A = ActivityLine;
  namespace k = entry_kind;
  std::vector<EntryKind> kinds;
  // Money and goods coming in.
  kinds.push_back(Row(k::donation, {"捐赠", "donation"})
                      .detail("donations", {"receipt_year", "receipt_seq", "donor_id", "donor_name", "anonymous",
                                            "form", "amount", "account_id", "designation_id", "item", "quantity",
                                            "unit", "external_ref", "source_line", "content_key", "donor_kind"})
                      .postings(P::money_in)  // goods (form 'goods'): goods_in
                      .receipt()
                      .voidable()
                      .notice(N::donations)
                      .activity(A::donation_income)
                      .exports("Income:Donation", "Income:Donation")
                      .command("cfund donate add"));
  kinds.push_back(
      Row(k::income, {"其他收入", "other income"})
          .detail("incomes", {"income_kind", "source", "amount", "account_id", "designation_id", "external_ref",
                              "matches_entry", "matches_campaign", "source_line", "content_key"})
          .postings(P::money_in)
          .voidable()
          .notice(N::income)
          .activity(A::by_income_kind)
          .exports("Income:")
          .command("cfund income add"));
  kinds.push_back(Row(k::opening, {"期初余额", "opening balance"})
                      .detail("openings", {"amount", "account_id", "designation_id", "item", "unit", "quantity"})
                      .postings(P::money_in)  // goods (an item named): goods_in
                      .voidable()
                      .notice(N::opening)
                      .exports("Funds", "Funds")
                      .command("cfund opening add"));
  // Money and goods going out.
  kinds.push_back(Row(k::disbursement, {"支出", "payment"})
                      .detail("disbursements",
                              {"category", "amount", "account_id", "designation_id", "payee", "purpose", "beneficiary",
                               "voucher", "external_ref", "repeat_reason", "source_line", "content_key"})
                      .postings(P::money_out)
                      .approval()
                      .voidable()
                      .notice(N::spending)
                      .activity(A::by_category)
                      .exports("Expenses:")
                      .command("cfund disburse add"));
  kinds.push_back(Row(k::goods_given, {"物资发放", "goods given out"})
                      .detail("goods_given", {"item", "unit", "quantity", "value", "beneficiary", "project_id",
                                              "recipient", "purpose"})
                      .postings(P::goods_out)
                      .voidable()
                      .notice(N::goods)
                      .activity(A::program_cost)
                      .exports("", "Expenses:GoodsGiven")
                      .command("cfund goods give"));
  kinds.push_back(Row(k::goods_sale, {"物资义卖", "goods sold"})
                      .detail("goods_sales", {"item", "unit", "quantity", "value", "amount", "account_id",
                                              "designation_id", "buyer", "external_ref"})
                      .postings(P::goods_sold)
                      .voidable()
                      .notice(N::goods)
                      .activity(A::sales_income, A::program_cost)  // the price; the stock's value is a cost
                      .exports("Income:Sales", "Expenses:GoodsSold")
                      .command("cfund goods sell"));
  // Money moving inside the fund, and corrections.
  kinds.push_back(Row(k::transfer, {"账户间转账", "transfer"})
                      .detail("transfers", {"amount", "from_account_id", "to_account_id", "statement_account_id",
                                            "external_ref", "source_line", "content_key"})
                      .detail_optional()  // transfers recorded before schema 9 have none
                      .postings(P::between_accounts)
                      .voidable()
                      .notice(N::accounts_only)
                      .command("cfund transfer"));
  kinds.push_back(Row(k::reallocation, {"资金用途调整", "reallocation"})
                      .postings(P::between_designations)
                      .approval()
                      .voidable()
                      .notice(N::summary_moves)
                      .exports("Funds")
                      .command("cfund reallocate"));
  kinds.push_back(Row(k::void_entry, {"红冲", "void"})
                      .postings(P::reversal)
                      .notice(N::corrections)
                      .activity(A::by_original)
                      .command("cfund donate|disburse|income|opening|goods|transfer|reallocate|service|points void"));
  // Registrations and events that move no money.
  kinds.push_back(Row(k::beneficiary, {"登记受助对象", "beneficiary registered"})
                      .detail("beneficiaries", {"number", "name", "id_number", "phone", "address", "category"})
                      .private_columns({"name", "id_number", "phone", "address"})
                      .notice(N::not_shown)
                      .command("cfund beneficiary add"));
  kinds.push_back(Row(k::beneficiary_update, {"受助对象信息变更", "beneficiary details updated"})
                      .detail("beneficiary_updates", {"number", "id_number", "phone", "address"})
                      .private_columns({"id_number", "phone", "address"})
                      .notice(N::not_shown)
                      .command("cfund beneficiary update|import"));
  kinds.push_back(Row(k::host_receipt, {"慈善会收据号", "official receipt number"})
                      .detail("host_receipts", {"donation_entry_id", "number"})
                      .notice(N::not_shown)
                      .command("cfund donate host-receipt"));
  kinds.push_back(Row(k::project, {"项目立项征集", "project proposed"})
                      .detail("projects", {"designation_id", "code", "name", "category", "budget", "proposer",
                                           "implementer", "description", "planned_start", "planned_end"})
                      .notice(N::projects)
                      .command("cfund project propose"));
  kinds.push_back(Row(k::project_stage, {"项目阶段", "project stage"})
                      .detail("project_stages", {"designation_id", "from_stage", "to_stage", "summary", "people_served",
                                                 "score", "remainder_entry"})
                      .approval()
                      .notice(N::projects)
                      .command("cfund project review|approve|reject|start|complete|evaluate|close|cancel"));
  kinds.push_back(Row(k::project_budget, {"项目预算调整", "project budget amended"})
                      .detail("project_budgets", {"designation_id", "previous_budget", "budget"})
                      .approval()
                      .notice(N::projects)
                      .command("cfund project amend-budget"));
  kinds.push_back(Row(k::period_close, {"结账", "period closed"})
                      .detail("period_closes", {"through"})
                      .notice(N::not_shown)
                      .command("cfund audit close"));
  kinds.push_back(
      Row(k::publication, {"发布公示", "notice published"})
          .detail("publications", {"period_label", "first_date", "last_date", "cutoff_entry", "code", "formats"})
          .notice(N::not_shown)
          .command("cfund publish --out"));
  kinds.push_back(Row(k::registry, {"登记事项", "fund registry"})
                      .detail("registry_facts", {"seq", "subject", "subject_id", "field", "value"})
                      .many_rows()
                      .approval()
                      .notice(N::not_shown)
                      .command("cfund init | fund set | account add|rename|close | special-fund add|rename|close"));
  kinds.push_back(Row(k::import, {"导入对账单", "statement imported"})
                      .detail("imports", {"target", "file_name", "file_sha256", "profile", "first_entry", "last_entry",
                                          "rows_added", "rows_present", "rows_filtered"})
                      .notice(N::not_shown)
                      .command("cfund donate|disburse import"));
  add_community_kinds(kinds);
  return kinds;
}

}  // namespace

const std::vector<EntryKind>& entry_kinds() {
  static const std::vector<EntryKind> kinds = make_entry_kinds();
  return kinds;
}

const EntryKind* find_entry_kind(const std::string& id) {
  const auto& kinds = entry_kinds();
  auto found = std::find_if(kinds.begin(), kinds.end(), [&id](const EntryKind& kind) { return kind.id == id; });
  return found == kinds.end() ? nullptr : &*found;
}

std::string detail_table_for(const std::string& kind) {
  const EntryKind* found = find_entry_kind(kind);
  return found == nullptr ? std::string() : found->detail_table;
}

std::string entry_kind_name(const std::string& kind, Lang lang) {
  const EntryKind* found = find_entry_kind(kind);
  return found == nullptr ? kind : found->name.in(lang);
}

Message activity_line_name(ActivityLine line) {
  switch (line) {
    case ActivityLine::donation_income:
      return {"捐赠收入", "Donations"};
    case ActivityLine::grant_income:
      return {"政府补助收入", "Government grants"};
    case ActivityLine::service_income:
      return {"提供服务收入", "Service income"};
    case ActivityLine::sales_income:
      return {"商品销售收入", "Sales income"};
    case ActivityLine::investment_income:
      return {"投资收益", "Investment income"};
    case ActivityLine::other_income:
      return {"其他收入", "Other income"};
    case ActivityLine::program_cost:
      return {"业务活动成本", "Programme costs"};
    case ActivityLine::management_cost:
      return {"管理费用", "Management costs"};
    case ActivityLine::fundraising_cost:
      return {"筹资费用", "Fundraising costs"};
    case ActivityLine::other_cost:
      return {"其他费用", "Other costs"};
    case ActivityLine::by_income_kind:
      return {"按收入类别", "by income kind"};
    case ActivityLine::by_category:
      return {"按支出类别", "by payment category"};
    case ActivityLine::by_original:
      return {"按原分录冲销", "as the entry it reverses"};
    case ActivityLine::none:
      break;
  }
  return {"", ""};
}

}  // namespace cfund::model
