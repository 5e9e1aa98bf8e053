#include "report/export.hpp"

#include <cctype>
#include <map>
#include <set>

#include "books/fund.hpp"
#include "books/goods.hpp"
#include "books/projects.hpp"
#include "books/wishes.hpp"
#include "model/categories.hpp"
#include "model/entry_kinds.hpp"
#include "privacy/mask.hpp"
#include "report/secrets.hpp"
#include "storage/economy_queries.hpp"
#include "storage/export_queries.hpp"
#include "storage/queries.hpp"
#include "util/hours.hpp"
#include "util/quantity.hpp"
#include "util/text.hpp"

namespace cfund::report {

namespace {

namespace kind = model::entry_kind;

const char* pick(Lang lang, const char* zh, const char* en) { return lang == Lang::en ? en : zh; }

// A detail or entry column read by name (a raw edit may leave another type: then empty).
std::string text_of(const storage::Row& row, const char* column) {
  const auto* value = row.find(column);
  const auto* text = value == nullptr ? nullptr : std::get_if<std::string>(value);
  return text == nullptr ? std::string() : *text;
}
std::optional<std::int64_t> id_of(const storage::Row& row, const char* column) {
  const auto* value = row.find(column);
  const auto* number = value == nullptr ? nullptr : std::get_if<std::int64_t>(value);
  if (number == nullptr) return std::nullopt;
  return *number;
}
Fen amount_of(const storage::Row& row, const char* column) { return id_of(row, column).value_or(0); }

const storage::Row& detail_of(const storage::EntryRows& rows) {
  static const storage::Row none;
  return rows.detail.empty() ? none : rows.detail.front();
}

std::string beneficiary_number(std::int64_t number) { return fmt::format("B{:04d}", number); }

// The sort of an entry that decides its income or expense account: the payment
// category or the income kind ("" for other kinds).
std::string sort_of(const storage::EntryRows& rows) {
  const auto& detail = detail_of(rows);
  const std::string kind = text_of(rows.entry, "kind");
  if (kind == kind::disbursement) return text_of(detail, "category");
  if (kind == kind::income) return text_of(detail, "income_kind");
  return {};
}

std::string sort_component(const std::string& kind, const std::string& sort) {
  if (kind == kind::disbursement) {
    if (const auto* category = model::find_payment_category(sort)) return category->export_component;
  } else if (kind == kind::income) {
    if (const auto* income = model::find_income_kind(sort)) return income->export_component;
  }
  return account_component(sort, "Other");
}

Message sort_name(const std::string& kind, const std::string& sort) {
  if (kind == kind::disbursement) return model::category_name(sort);
  if (const auto* income = model::find_income_kind(sort)) return income->name;
  const auto* registered = model::find_entry_kind(kind);
  return registered == nullptr ? Message{kind, kind} : registered->name;
}

// A name not yet taken: the component's own, else with the id appended.
std::string unique_path(std::set<std::string>& taken, const std::string& prefix, const std::string& component,
                        std::int64_t id) {
  std::string path = prefix + component;
  if (!taken.insert(path).second) {
    path = fmt::format("{}{}-{}", prefix, component, id);
    taken.insert(path);
  }
  return path;
}

// The accounts of the export and how each posting is named: built from the books
// once, then asked for every posting; declares income and expense accounts as they
// first appear.
class AccountBook {
 public:
  AccountBook(storage::FundFile& file, Lang lang, const ExportHeader& header, bool whole) : lang_(lang) {
    const auto opening = whole ? storage::BalancesAt{} : storage::balances_at(file, header.open_date);
    const auto closing = storage::balances_at(file, header.last_date.empty() ? "0000-01-01" : header.last_date);
    auto value_of = [](const std::map<std::int64_t, Fen>& balances, std::int64_t id) {
      auto found = balances.find(id);
      return found == balances.end() ? Fen{0} : found->second;
    };
    for (const auto& account : storage::accounts(file)) {
      if (account.kind == model::kGoodsKind) {
        goods_account_ = account.id;
        continue;
      }
      const auto* registered = model::find_account_kind(account.kind);
      ExportAccount line;
      line.path = unique_path(taken_, "Assets:" + (registered ? registered->export_component : "Other") + ":",
                              account_component(account.code, fmt::format("A{}", account.id)), account.id);
      line.code = account.code;
      line.name = account.name;
      line.kind = account.kind;
      line.opening = value_of(opening.accounts, account.id);
      line.closing = value_of(closing.accounts, account.id);
      accounts_[account.id] = line.path;
      header_accounts_.push_back(line);
    }
    add_goods_items(file, header, whole);
    for (const auto& designation : storage::designations(file)) {
      ExportAccount line;
      line.type = ExportAccount::Type::funds;
      line.suffix = std::string(designation.restricted ? "Restricted:" : "Unrestricted:") +
                    account_component(designation.code, fmt::format("D{}", designation.id));
      if (!taken_.insert("Funds:" + line.suffix).second) line.suffix += fmt::format("-{}", designation.id);
      taken_.insert("Funds:" + line.suffix);
      line.path = "Funds:" + line.suffix;
      line.code = designation.code;
      line.name = lang == Lang::en && designation.code == model::kGeneralFund ? "general fund" : designation.name;
      line.kind = designation.kind;
      line.restricted = designation.restricted;
      line.opening = value_of(opening.designations, designation.id);
      line.closing = value_of(closing.designations, designation.id);
      designations_[designation.id] = header_accounts_.size();
      header_accounts_.push_back(line);
    }
    for (const auto& line : header_accounts_) declared_.insert(line.path);
  }

  const std::vector<ExportAccount>& header_accounts() const { return header_accounts_; }

  // The path of a posting of an entry of `kind` and `sort` (its original's, for a
  // void) moving goods `item` when on the goods stock. Declares a new path in `entry`.
  std::string path(const storage::Row& posting, const std::string& kind, const std::string& sort,
                   const std::string& item_key, ExportEntry& entry) {
    if (const auto account = id_of(posting, "account_id")) {
      if (*account == goods_account_) {
        auto found = items_.find(item_key);
        return found == items_.end() ? "Assets:Goods:Other" : found->second;
      }
      auto found = accounts_.find(*account);
      return found == accounts_.end() ? fmt::format("Assets:Other:A{}", *account) : found->second;
    }
    const auto designation = id_of(posting, "designation_id").value_or(0);
    auto found = designations_.find(designation);
    if (found == designations_.end()) return fmt::format("Funds:D{}", designation);
    const ExportAccount& funds = header_accounts_[found->second];
    const model::EntryKind* registered = model::find_entry_kind(kind);
    std::string root = "Funds";
    if (registered != nullptr) {
      const auto& mapping = registered->export_mapping;
      const std::string& chosen = funds.kind == model::kGoodsKind ? mapping.goods_root : mapping.designation_root;
      if (!chosen.empty()) root = chosen;
    }
    if (!root.empty() && root.back() == ':') root += sort_component(kind, sort);
    const std::string path = root + ":" + funds.suffix;
    if (declared_.insert(path).second) entry.declare.push_back(declaration(path, root, funds, kind, sort));
    return path;
  }

 private:
  void add_goods_items(storage::FundFile& file, const ExportHeader& header, bool whole) {
    std::map<std::string, model::StockLine> opening;
    std::map<std::string, model::StockLine> closing;
    if (!whole) {
      for (auto& line : books::goods_stock(file, header.open_date)) opening[key(line.item, line.unit)] = line;
    }
    if (!header.last_date.empty()) {
      for (auto& line : books::goods_stock(file, header.last_date)) closing[key(line.item, line.unit)] = line;
    }
    int number = 0;
    for (const auto& movement : storage::goods_movements(file, "0000-01-01", "9999-12-31")) {
      const std::string item_key = key(movement.item, movement.unit);
      if (items_.count(item_key) > 0) continue;
      ExportAccount line;
      ++number;
      line.path = unique_path(taken_, "Assets:Goods:", account_component(movement.item, fmt::format("Item-{}", number)),
                              number);
      line.code = movement.unit.empty() ? movement.item : movement.item + "/" + movement.unit;
      line.name = line.code;
      line.kind = model::kGoodsKind;
      line.opening = opening[item_key].value;
      line.closing = closing[item_key].value;
      items_[item_key] = line.path;
      header_accounts_.push_back(line);
    }
  }

  ExportAccount declaration(const std::string& path, const std::string& root, const ExportAccount& funds,
                            const std::string& kind, const std::string& sort) const {
    ExportAccount line;
    line.path = path;
    const bool expense = root.rfind("Expenses", 0) == 0;
    line.type = expense ? ExportAccount::Type::expense
                        : (root.rfind("Income", 0) == 0 ? ExportAccount::Type::income : ExportAccount::Type::funds);
    line.code = funds.code;
    line.kind = expense ? "expense" : "income";
    line.restricted = funds.restricted;
    line.suffix = funds.suffix;
    const Message what = sort_name(kind, sort);
    line.name = what.in(lang_) + (lang_ == Lang::en ? " — " : " · ") + funds.name;
    return line;
  }

  static std::string key(const std::string& item, const std::string& unit) { return item + '\x1f' + unit; }

  Lang lang_;
  std::set<std::string> taken_;
  std::set<std::string> declared_;
  std::vector<ExportAccount> header_accounts_;
  std::map<std::int64_t, std::string> accounts_;
  std::map<std::int64_t, std::size_t> designations_;  // index in header_accounts_
  std::map<std::string, std::string> items_;          // item key -> path
  std::int64_t goods_account_ = 0;
};

// Builds one entry after another from the rows storage reads, with the names of
// accounts and designations and the privacy rules at hand.
class EntryBuilder {
 public:
  EntryBuilder(storage::FundFile& file, Lang lang, AccountBook& book)
      : file_(file),
        lang_(lang),
        masker_(fund_secrets(file)),
        book_(book),
        voids_(storage::void_links(file)),
        host_receipts_(storage::host_receipt_numbers(file)),
        projects_(storage::project_names(file)) {
    for (const auto& designation : storage::designations(file)) designations_[designation.id] = designation;
  }

  ExportEntry build(const storage::EntryRows& rows) {
    ExportEntry entry;
    entry.id = id_of(rows.entry, "id").value_or(0);
    entry.kind = text_of(rows.entry, "kind");
    entry.date = text_of(rows.entry, "date");
    add(entry, "entry", std::to_string(entry.id));
    add(entry, "kind", entry.kind);
    // The accounts a posting goes to follow the entry's kind, or for a void its original's.
    const storage::EntryRows* shaped = &rows;
    std::optional<storage::EntryRows> original;
    if (const auto voided = id_of(rows.entry, "voids_entry")) {
      original = storage::entry_rows(file_, *voided);
      if (original) shaped = &*original;
    }
    const std::string shape_kind = text_of(shaped->entry, "kind");
    const std::string sort = sort_of(*shaped);
    const auto& shape_detail = detail_of(*shaped);
    const std::string item_key = text_of(shape_detail, "item") + '\x1f' + text_of(shape_detail, "unit");
    for (const auto& posting : rows.postings) {
      entry.postings.push_back({book_.path(posting, shape_kind, sort, item_key, entry), amount_of(posting, "amount")});
    }
    describe(rows, original ? &*original : nullptr, entry);
    add(entry, "approval", scrub(text_of(rows.entry, "approval_ref")));  // the council's decision, for any kind
    if (entry.kind != kind::void_entry) add(entry, "reason", scrub(text_of(rows.entry, "reason")));
    add(entry, "memo", scrub(text_of(rows.entry, "memo")));
    if (auto voided_by = voids_.find(entry.id); voided_by != voids_.end()) {
      add(entry, "voided_by", std::to_string(voided_by->second));
      entry.link = fmt::format("cfund-{}", entry.id);
    }
    return entry;
  }

 private:
  std::string scrub(const std::string& text) const {
    if (text.empty()) return text;
    return masker_(util::single_line(util::trim(text)));
  }
  static void add(ExportEntry& entry, const char* key, const std::string& value) {
    if (!value.empty()) entry.meta.push_back({key, value});
  }
  bool en() const { return lang_ == Lang::en; }
  std::string designation_name(const std::optional<std::int64_t>& id) const {
    auto found = id ? designations_.find(*id) : designations_.end();
    if (found == designations_.end()) return {};
    if (en() && found->second.code == model::kGeneralFund) return "general fund";
    return found->second.name;
  }
  std::string designation_code(const std::optional<std::int64_t>& id) const {
    auto found = id ? designations_.find(*id) : designations_.end();
    return found == designations_.end() ? std::string() : found->second.code;
  }
  std::string project_label(const storage::Row& detail, const char* column) const {
    const auto id = id_of(detail, column);
    auto found = id ? projects_.find(*id) : projects_.end();
    if (found == projects_.end()) return {};
    return fmt::format("{} {}", found->second.first, scrub(found->second.second));
  }
  std::string goods_text(const storage::Row& detail) const {
    std::string text = scrub(text_of(detail, "item"));
    if (!text_of(detail, "quantity").empty())
      text += " " + scrub(text_of(detail, "quantity")) + scrub(text_of(detail, "unit"));
    return text;
  }

  void describe(const storage::EntryRows& rows, const storage::EntryRows* original, ExportEntry& entry) const;
  void donation(const storage::Row& d, ExportEntry& entry) const;
  void income(const storage::Row& d, ExportEntry& entry) const;
  void opening(const storage::Row& d, ExportEntry& entry) const;
  void disbursement(const storage::EntryRows& rows, ExportEntry& entry) const;
  void goods_out(const storage::EntryRows& rows, ExportEntry& entry) const;
  void voiding(const storage::EntryRows& rows, const storage::EntryRows* original, ExportEntry& entry) const;
  void event(const storage::EntryRows& rows, ExportEntry& entry) const;
  void project_event(const storage::EntryRows& rows, ExportEntry& entry) const;
  void community_event(const storage::EntryRows& rows, ExportEntry& entry) const;
  void wish_event(const storage::EntryRows& rows, ExportEntry& entry) const;

  storage::FundFile& file_;
  Lang lang_;
  privacy::MentionMasker masker_;
  AccountBook& book_;
  std::map<std::int64_t, std::int64_t> voids_;
  std::map<std::int64_t, std::string> host_receipts_;
  std::map<std::int64_t, std::pair<std::string, std::string>> projects_;
  std::map<std::int64_t, model::Designation> designations_;
};

void EntryBuilder::describe(const storage::EntryRows& rows, const storage::EntryRows* original,
                            ExportEntry& entry) const {
  const auto& d = detail_of(rows);
  if (entry.kind == kind::donation) {
    donation(d, entry);
  } else if (entry.kind == kind::income) {
    income(d, entry);
  } else if (entry.kind == kind::opening) {
    opening(d, entry);
  } else if (entry.kind == kind::disbursement) {
    disbursement(rows, entry);
  } else if (entry.kind == kind::goods_given || entry.kind == kind::goods_sale) {
    goods_out(rows, entry);
  } else if (entry.kind == kind::transfer) {
    entry.narration = pick(lang_, "账户间转账", "transfer between accounts");
  } else if (entry.kind == kind::reallocation) {
    entry.narration =
        fmt::format("{}{}", pick(lang_, "调整资金用途：", "reallocation: "), scrub(text_of(rows.entry, "reason")));
  } else if (entry.kind == kind::void_entry) {
    voiding(rows, original, entry);
  } else {
    event(rows, entry);
  }
}

void EntryBuilder::donation(const storage::Row& d, ExportEntry& entry) const {
  const std::string receipt =
      model::receipt_number(static_cast<int>(amount_of(d, "receipt_year")), amount_of(d, "receipt_seq"));
  entry.code = receipt;
  entry.payee = amount_of(d, "anonymous") != 0 ? pick(lang_, "匿名", "anonymous") : scrub(text_of(d, "donor_name"));
  const std::string to = designation_name(id_of(d, "designation_id"));
  const Fen amount = amount_of(d, "amount");
  if (text_of(d, "form") == "goods") {
    entry.narration =
        en() ? fmt::format("goods donation: {} (valued at {}) for {}", goods_text(d), util::format_amount(amount), to)
             : fmt::format("物资捐赠：{}（估价 {}）→ {}", goods_text(d), util::format_amount(amount), to);
  } else {
    entry.narration = fmt::format("{}{}", pick(lang_, "捐赠 → ", "donation for "), to);
  }
  add(entry, "receipt", receipt);
  add(entry, "designation", designation_code(id_of(d, "designation_id")));
  add(entry, "reference", scrub(text_of(d, "external_ref")));
  if (auto host = host_receipts_.find(entry.id); host != host_receipts_.end())
    add(entry, "host_receipt", scrub(host->second));
}

void EntryBuilder::income(const storage::Row& d, ExportEntry& entry) const {
  const std::string sort = text_of(d, "income_kind");
  const Message name = sort_name(kind::income, sort);
  entry.payee = scrub(text_of(d, "source"));
  entry.narration =
      fmt::format("{}{}{}", name.in(lang_), pick(lang_, " → ", " for "), designation_name(id_of(d, "designation_id")));
  add(entry, "income_kind", sort);
  add(entry, "designation", designation_code(id_of(d, "designation_id")));
  add(entry, "reference", scrub(text_of(d, "external_ref")));
  if (const auto matched = id_of(d, "matches_entry")) add(entry, "matches", std::to_string(*matched));
  add(entry, "matches", scrub(text_of(d, "matches_campaign")));
}

void EntryBuilder::opening(const storage::Row& d, ExportEntry& entry) const {
  if (!text_of(d, "item").empty()) {
    entry.narration =
        en() ? fmt::format("opening goods: {} (valued at {})", goods_text(d),
                           util::format_amount(amount_of(d, "amount")))
             : fmt::format("期初物资：{}（估价 {}）", goods_text(d), util::format_amount(amount_of(d, "amount")));
    return;
  }
  entry.narration = fmt::format("{}{}", pick(lang_, "期初余额 → ", "opening balance for "),
                                designation_name(id_of(d, "designation_id")));
  add(entry, "designation", designation_code(id_of(d, "designation_id")));
}

void EntryBuilder::disbursement(const storage::EntryRows& rows, ExportEntry& entry) const {
  const auto& d = detail_of(rows);
  const auto beneficiary = id_of(d, "beneficiary");
  entry.code = scrub(text_of(d, "voucher"));
  entry.payee = beneficiary ? beneficiary_number(*beneficiary) : scrub(text_of(d, "payee"));
  entry.narration = fmt::format("{}{}{}", model::category_name(text_of(d, "category")).in(lang_),
                                pick(lang_, "：", ": "), scrub(text_of(d, "purpose")));
  add(entry, "category", text_of(d, "category"));
  if (beneficiary) add(entry, "beneficiary", beneficiary_number(*beneficiary));
  add(entry, "voucher", scrub(text_of(d, "voucher")));
  add(entry, "reference", scrub(text_of(d, "external_ref")));
}

void EntryBuilder::goods_out(const storage::EntryRows& rows, ExportEntry& entry) const {
  const auto& d = detail_of(rows);
  const std::string value = util::format_amount(amount_of(d, "value"));
  if (entry.kind == kind::goods_sale) {
    entry.payee = scrub(text_of(d, "buyer"));
    entry.narration = en() ? fmt::format("goods sold: {} for {} (stock value {})", goods_text(d),
                                         util::format_amount(amount_of(d, "amount")), value)
                           : fmt::format("物资义卖：{}，售得 {}（库存估价 {}）", goods_text(d),
                                         util::format_amount(amount_of(d, "amount")), value);
    add(entry, "designation", designation_code(id_of(d, "designation_id")));
    add(entry, "reference", scrub(text_of(d, "external_ref")));
    return;
  }
  std::string to;
  if (const auto beneficiary = id_of(d, "beneficiary")) {
    to = beneficiary_number(*beneficiary);
    add(entry, "beneficiary", to);
  } else if (!project_label(d, "project_id").empty()) {
    to = project_label(d, "project_id");
  } else {
    to = scrub(text_of(d, "recipient"));
  }
  entry.payee = to;
  entry.narration = en() ? fmt::format("goods given out: {} (valued at {})", goods_text(d), value)
                         : fmt::format("物资发放：{}（估价 {}）", goods_text(d), value);
  add(entry, "purpose", scrub(text_of(d, "purpose")));
}

void EntryBuilder::voiding(const storage::EntryRows& rows, const storage::EntryRows* original,
                           ExportEntry& entry) const {
  const auto voided = id_of(rows.entry, "voids_entry").value_or(0);
  const std::string what = original ? model::entry_kind_name(text_of(original->entry, "kind"), lang_) : "";
  const std::string reason = scrub(text_of(rows.entry, "reason"));
  entry.narration = en() ? fmt::format("void of entry {} ({}): {}", voided, what, reason)
                         : fmt::format("红冲第 {} 号分录（{}）：{}", voided, what, reason);
  add(entry, "voids", std::to_string(voided));
  entry.link = fmt::format("cfund-{}", voided);
}

// Entries that move no money: what happened, in one line.
void EntryBuilder::event(const storage::EntryRows& rows, ExportEntry& entry) const {
  const auto& d = detail_of(rows);
  if (entry.kind == kind::beneficiary) {
    const std::string number = beneficiary_number(id_of(d, "number").value_or(0));
    entry.narration = en() ? fmt::format("beneficiary {} registered ({})", number, scrub(text_of(d, "category")))
                           : fmt::format("登记受助对象 {}（{}）", number, scrub(text_of(d, "category")));
  } else if (entry.kind == kind::host_receipt) {
    const auto donation = id_of(d, "donation_entry_id").value_or(0);
    entry.narration =
        en() ? fmt::format("official receipt {} for donation entry {}", scrub(text_of(d, "number")), donation)
             : fmt::format("第 {} 号分录捐赠的慈善会收据号：{}", donation, scrub(text_of(d, "number")));
  } else if (entry.kind == kind::project || entry.kind == kind::project_stage || entry.kind == kind::project_budget) {
    project_event(rows, entry);
  } else if (entry.kind == kind::wish || entry.kind == kind::wish_step) {
    wish_event(rows, entry);
  } else if (entry.kind == kind::household || entry.kind == kind::household_member || entry.kind == kind::volunteer ||
             entry.kind == kind::service || entry.kind == kind::points_redemption || entry.kind == kind::consent) {
    community_event(rows, entry);
  } else if (entry.kind == kind::period_close) {
    entry.narration = en() ? fmt::format("books closed through {}", text_of(d, "through"))
                           : fmt::format("结账至 {}", text_of(d, "through"));
  } else if (entry.kind == kind::publication) {
    entry.narration = en() ? fmt::format("notice for {} published, verification code {}", text_of(d, "period_label"),
                                         text_of(d, "code"))
                           : fmt::format("发布 {} 公示，校验码 {}", text_of(d, "period_label"), text_of(d, "code"));
  } else if (entry.kind == kind::import) {
    const bool donations = text_of(d, "target") == "donations";
    entry.narration =
        en() ? fmt::format("{} {} imported from {} (profile {}): entries {}..{}", amount_of(d, "rows_added"),
                           donations ? "donations" : "payments", scrub(text_of(d, "file_name")), text_of(d, "profile"),
                           amount_of(d, "first_entry"), amount_of(d, "last_entry"))
             : fmt::format("从 {} 导入{} {} 笔（导入格式 {}）：第 {}–{} 号分录", scrub(text_of(d, "file_name")),
                           donations ? "捐赠" : "支出", amount_of(d, "rows_added"), text_of(d, "profile"),
                           amount_of(d, "first_entry"), amount_of(d, "last_entry"));
  } else {
    entry.narration = model::entry_kind_name(entry.kind, lang_);
  }
}

void EntryBuilder::project_event(const storage::EntryRows& rows, ExportEntry& entry) const {
  const auto& d = detail_of(rows);
  const std::string project = project_label(d, "designation_id");
  if (entry.kind == kind::project) {
    entry.narration = en() ? fmt::format("project {} proposed ({}, budget {})", project, text_of(d, "category"),
                                         util::format_amount(amount_of(d, "budget")))
                           : fmt::format("项目立项征集：{}（{}，预算 {}）", project, text_of(d, "category"),
                                         util::format_amount(amount_of(d, "budget")));
    return;
  }
  if (entry.kind == kind::project_stage) {
    const auto from = books::project_stage_name(text_of(d, "from_stage")).in(lang_);
    const auto to = books::project_stage_name(text_of(d, "to_stage")).in(lang_);
    entry.narration = en() ? fmt::format("project {}: {} → {}", project, from, to)
                           : fmt::format("项目 {}：{} → {}", project, from, to);
    return;
  }
  const std::string before = util::format_amount(amount_of(d, "previous_budget"));
  const std::string after = util::format_amount(amount_of(d, "budget"));
  entry.narration = en() ? fmt::format("project {}: budget {} → {}", project, before, after)
                         : fmt::format("项目 {} 预算调整：{} → {}", project, before, after);
}

// Micro-wishes: posted, claimed, fulfilled (by which entry), cancelled. Never money.
void EntryBuilder::wish_event(const storage::EntryRows& rows, ExportEntry& entry) const {
  const auto& d = detail_of(rows);
  const std::string wish = fmt::format("W{:04d}", id_of(d, entry.kind == kind::wish ? "number" : "wish").value_or(0));
  add(entry, "wish", wish);
  if (entry.kind == kind::wish) {
    const std::string estimate = util::format_amount(amount_of(d, "estimate"));
    entry.narration = en() ? fmt::format("micro-wish {} posted: {} ({}, estimated at {})", wish,
                                         scrub(text_of(d, "title")), scrub(text_of(d, "category")), estimate)
                           : fmt::format("发布微心愿 {}：{}（{}，估价 {}）", wish, scrub(text_of(d, "title")),
                                         scrub(text_of(d, "category")), estimate);
    add(entry, "estimate", util::format_plain(amount_of(d, "estimate")));
    if (const auto beneficiary = id_of(d, "beneficiary")) add(entry, "beneficiary", beneficiary_number(*beneficiary));
    add(entry, "for", scrub(text_of(d, "recipient")));
    return;
  }
  const auto from = books::wish_status_name(text_of(d, "from_status")).in(lang_);
  const auto to = books::wish_status_name(text_of(d, "to_status")).in(lang_);
  entry.narration =
      en() ? fmt::format("micro-wish {}: {} → {}", wish, from, to) : fmt::format("微心愿 {}：{} → {}", wish, from, to);
  if (!text_of(d, "donor_name").empty()) {
    entry.payee = amount_of(d, "anonymous") != 0 ? pick(lang_, "匿名", "anonymous") : scrub(text_of(d, "donor_name"));
    add(entry, "donor", entry.payee);
  }
  if (const auto by = id_of(d, "fulfilled_by")) add(entry, "fulfilled_by", std::to_string(*by));
}

// Households, volunteers and their hours, points redeemed, consents: never money.
// Volunteers appear by number, like beneficiaries.
void EntryBuilder::community_event(const storage::EntryRows& rows, ExportEntry& entry) const {
  const auto& d = detail_of(rows);
  auto numbered = [](const char* letter, std::optional<std::int64_t> number) {
    return fmt::format("{}{:04d}", letter, number.value_or(0));
  };
  if (entry.kind == kind::household) {
    const std::string household = numbered("H", id_of(d, "number"));
    entry.narration =
        en() ? fmt::format("household {} registered", household) : fmt::format("登记家庭户 {}", household);
  } else if (entry.kind == kind::household_member) {
    const std::string household = numbered("H", id_of(d, "household"));
    const std::string beneficiary = numbered("B", id_of(d, "beneficiary"));
    entry.narration = en() ? fmt::format("beneficiary {} belongs to household {}", beneficiary, household)
                           : fmt::format("受助对象 {} 属于家庭户 {}", beneficiary, household);
    add(entry, "household", household);
    add(entry, "beneficiary", beneficiary);
  } else if (entry.kind == kind::volunteer) {
    const std::string volunteer = numbered("V", id_of(d, "number"));
    entry.narration =
        en() ? fmt::format("volunteer {} registered", volunteer) : fmt::format("登记志愿者 {}", volunteer);
  } else if (entry.kind == kind::service) {
    const std::string volunteer = numbered("V", id_of(d, "volunteer"));
    const std::string hours = util::format_hours(amount_of(d, "hours"));
    entry.narration =
        en() ? fmt::format("volunteer service: {} {} hours, {}", volunteer, hours, scrub(text_of(d, "activity")))
             : fmt::format("志愿服务：{} {} 小时，{}", volunteer, hours, scrub(text_of(d, "activity")));
    add(entry, "volunteer", volunteer);
    add(entry, "hours", hours);
    add(entry, "project", designation_code(id_of(d, "project_id")));
  } else if (entry.kind == kind::points_redemption) {
    entry.payee = scrub(text_of(d, "holder"));
    entry.narration = en() ? fmt::format("{} points redeemed: {}", amount_of(d, "points"), scrub(text_of(d, "purpose")))
                           : fmt::format("积分兑换 {} 分：{}", amount_of(d, "points"), scrub(text_of(d, "purpose")));
    add(entry, "points", std::to_string(amount_of(d, "points")));
  } else {
    const bool agreed = amount_of(d, "public") != 0;
    entry.payee = scrub(text_of(d, "holder"));
    entry.narration = en() ? (agreed ? "agrees to be named among top contributors"
                                     : "no longer agrees to be named among top contributors")
                           : (agreed ? "同意在公示中列入贡献榜" : "撤回在公示中列入贡献榜的同意");
  }
}

ExportHeader make_header(storage::FundFile& file, const ExportOptions& options) {
  ExportHeader header;
  header.fund_name = books::load_settings(file).name;
  header.period_label = options.period.label;
  header.lang = options.lang;
  const std::string from = options.period.first.iso();
  const std::string to = options.period.last.iso();
  if (options.period.label.empty()) {
    if (auto range = storage::entry_date_range(file, from, to)) {
      header.first_date = range->first;
      header.last_date = range->second;
      header.open_date = header.first_date;
    }
  } else {
    header.first_date = from;
    header.last_date = to;
    header.open_date = options.period.first.plus_days(-1).iso();
  }
  if (!header.last_date.empty()) header.assert_date = util::parse_date(header.last_date)->plus_days(1).iso();
  return header;
}

// A period's balances brought forward: one entry on the assets and the Funds accounts.
std::optional<ExportEntry> period_opening(const ExportHeader& header) {
  ExportEntry entry;
  entry.kind = "period_opening";
  entry.date = header.open_date;
  entry.narration = header.lang == Lang::en ? fmt::format("opening balances at the end of {}", header.open_date)
                                            : fmt::format("期初余额（{} 日终）", header.open_date);
  entry.meta.push_back({"kind", entry.kind});
  for (const auto& line : header.accounts) {
    if (line.opening != 0) entry.postings.push_back({line.path, line.designation() ? -line.opening : line.opening});
  }
  if (entry.postings.empty()) return std::nullopt;
  return entry;
}

}  // namespace

std::string account_component(const std::string& code, const std::string& fallback) {
  std::string out;
  for (unsigned char c : code) {
    if (c >= 0x80) return fallback;
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';  // '_', '.', '-' and other ASCII punctuation separate words
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) return fallback;
  if (std::isdigit(static_cast<unsigned char>(out.front()))) return fallback.substr(0, 1) + out;
  out.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(out.front())));
  return out;
}

void export_books(storage::FundFile& file, const ExportOptions& options, ExportSink& sink) {
  storage::FundFile::ReadSnapshot snapshot(file);
  const bool whole = options.period.label.empty();
  ExportHeader header = make_header(file, options);
  AccountBook book(file, options.lang, header, whole);
  header.accounts = book.header_accounts();
  if (!whole) header.opening = period_opening(header);
  EntryBuilder builder(file, options.lang, book);
  sink.begin(header);
  storage::for_each_entry_dated(file, options.period.first.iso(), options.period.last.iso(),
                                [&](const storage::EntryRows& rows) { sink.entry(builder.build(rows)); });
  sink.end(header);
}

}  // namespace cfund::report
