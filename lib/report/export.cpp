#include "report/export.hpp"

#include <map>
#include <set>

#include "books/disbursements.hpp"
#include "books/fund.hpp"
#include "books/journal.hpp"
#include "books/projects.hpp"
#include "privacy/mask.hpp"
#include "report/secrets.hpp"
#include "storage/export_queries.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::report {

namespace {

const char* pick(Lang lang, const char* zh, const char* en) { return lang == Lang::en ? en : zh; }

std::string kind_component(const std::string& kind) {
  if (kind == "bank") return "Bank";
  if (kind == "cash") return "Cash";
  if (kind == "wechat") return "WeChat";
  if (kind == "alipay") return "Alipay";
  return "Other";
}

std::string kind_name(const std::string& kind, Lang lang) {
  using namespace books::entry_kind;
  if (kind == donation) return pick(lang, "捐赠", "donation");
  if (kind == disbursement) return pick(lang, "支出", "payment");
  if (kind == transfer) return pick(lang, "账户间转账", "transfer");
  if (kind == reallocation) return pick(lang, "用途调整", "reallocation");
  return kind;
}

std::string beneficiary_number(std::int64_t number) { return fmt::format("B{:04d}", number); }

// Builds one entry after another from the rows storage reads, with the names of
// accounts and designations and the privacy rules at hand.
class EntryBuilder {
 public:
  EntryBuilder(Lang lang, const privacy::Secrets& secrets, std::map<std::int64_t, const ExportAccount*> accounts,
               std::map<std::int64_t, const ExportAccount*> designations)
      : lang_(lang), masker_(secrets), accounts_(std::move(accounts)), designations_(std::move(designations)) {}

  ExportEntry build(const storage::ExportEntryRow& row) const {
    using namespace books::entry_kind;
    ExportEntry entry;
    entry.id = row.id;
    entry.kind = row.kind;
    entry.date = row.date;
    add(entry, "entry", std::to_string(row.id));
    add(entry, "kind", row.kind);
    for (const auto& posting : row.postings) {
      const auto& targets = posting.side == storage::Side::account ? accounts_ : designations_;
      entry.postings.push_back({targets.at(posting.target_id)->path, posting.amount});
    }
    if (row.kind == donation) {
      donation_entry(row, entry);
    } else if (row.kind == disbursement) {
      disbursement_entry(row, entry);
    } else if (row.kind == transfer) {
      entry.narration = pick(lang_, "账户间转账", "transfer between accounts");
    } else if (row.kind == reallocation) {
      entry.narration = fmt::format("{}{}", pick(lang_, "调整资金用途：", "reallocation: "), scrub(row.reason));
      add(entry, "approval", scrub(row.approval_ref));
    } else if (row.kind == void_entry) {
      entry.narration = lang_ == Lang::en ? fmt::format("void of entry {} ({}): {}", row.voids_entry.value_or(0),
                                                        kind_name(row.voided_kind, lang_), scrub(row.reason))
                                          : fmt::format("红冲第 {} 号分录（{}）：{}", row.voids_entry.value_or(0),
                                                        kind_name(row.voided_kind, lang_), scrub(row.reason));
      if (row.voids_entry) {
        add(entry, "voids", std::to_string(*row.voids_entry));
        entry.link = fmt::format("cfund-{}", *row.voids_entry);
      }
    } else {
      note_entry(row, entry);
    }
    if (row.kind != void_entry) add(entry, "reason", scrub(row.reason));
    add(entry, "memo", scrub(row.memo));
    if (row.voided_by) {
      add(entry, "voided_by", std::to_string(*row.voided_by));
      entry.link = fmt::format("cfund-{}", row.id);
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
  std::string designation_name(const std::optional<std::int64_t>& id) const {
    if (!id) return {};
    auto found = designations_.find(*id);
    if (found == designations_.end()) return {};
    if (lang_ == Lang::en && found->second->code == model::kGeneralFund) return "general fund";
    return found->second->name;
  }
  std::string designation_code(const std::optional<std::int64_t>& id) const {
    if (!id) return {};
    auto found = designations_.find(*id);
    return found == designations_.end() ? std::string() : found->second->code;
  }

  void donation_entry(const storage::ExportEntryRow& row, ExportEntry& entry) const {
    entry.code = row.receipt_no;
    entry.payee = row.anonymous ? pick(lang_, "匿名", "anonymous") : scrub(row.donor_name);
    const std::string to = designation_name(row.designation_id);
    if (row.form == "goods") {
      std::string goods = scrub(row.item);
      if (!row.quantity.empty()) goods += " " + scrub(row.quantity) + scrub(row.unit);
      entry.narration =
          lang_ == Lang::en
              ? fmt::format("goods donation: {} (valued at {}) for {}", goods, util::format_amount(row.amount), to)
              : fmt::format("物资捐赠：{}（估价 {}）→ {}", goods, util::format_amount(row.amount), to);
    } else {
      entry.narration = fmt::format("{}{}", pick(lang_, "捐赠 → ", "donation for "), to);
    }
    add(entry, "receipt", row.receipt_no);
    add(entry, "designation", designation_code(row.designation_id));
    add(entry, "reference", scrub(row.external_ref));
    add(entry, "host_receipt", scrub(row.host_receipt));
  }

  void disbursement_entry(const storage::ExportEntryRow& row, ExportEntry& entry) const {
    entry.code = scrub(row.voucher);
    entry.payee = row.beneficiary ? beneficiary_number(*row.beneficiary) : scrub(row.payee);
    entry.narration = fmt::format("{}{}{}", books::category_name(row.category).in(lang_), pick(lang_, "：", ": "),
                                  scrub(row.purpose));
    add(entry, "category", row.category);
    if (row.beneficiary) add(entry, "beneficiary", beneficiary_number(*row.beneficiary));
    add(entry, "approval", scrub(row.approval_ref));
    add(entry, "voucher", scrub(row.voucher));
    add(entry, "reference", scrub(row.external_ref));
  }

  // Entries that move no money: what happened, in one line.
  void note_entry(const storage::ExportEntryRow& row, ExportEntry& entry) const {
    using namespace books::entry_kind;
    const bool en = lang_ == Lang::en;
    const std::string project = fmt::format("{} {}", row.project_code, scrub(row.project_name));
    if (row.kind == beneficiary) {
      const std::string number = beneficiary_number(row.beneficiary.value_or(0));
      entry.narration = en ? fmt::format("beneficiary {} registered ({})", number, scrub(row.beneficiary_category))
                           : fmt::format("登记受助对象 {}（{}）", number, scrub(row.beneficiary_category));
    } else if (row.kind == host_receipt) {
      entry.narration = en ? fmt::format("official receipt {} for donation entry {}", scrub(row.receipt_number),
                                         row.receipt_for.value_or(0))
                           : fmt::format("第 {} 号分录捐赠的慈善会收据号：{}", row.receipt_for.value_or(0),
                                         scrub(row.receipt_number));
    } else if (row.kind == books::entry_kind::project) {
      entry.narration = en ? fmt::format("project {} proposed ({}, budget {})", project, row.project_category,
                                         util::format_amount(row.budget))
                           : fmt::format("项目立项征集：{}（{}，预算 {}）", project, row.project_category,
                                         util::format_amount(row.budget));
    } else if (row.kind == project_stage) {
      const auto from = books::project_stage_name(row.from_stage).in(lang_);
      const auto to = books::project_stage_name(row.to_stage).in(lang_);
      entry.narration = en ? fmt::format("project {}: {} → {}", project, from, to)
                           : fmt::format("项目 {}：{} → {}", project, from, to);
      add(entry, "approval", scrub(row.approval_ref));
    } else if (row.kind == project_budget) {
      entry.narration = en ? fmt::format("project {}: budget {} → {}", project,
                                         util::format_amount(row.previous_budget), util::format_amount(row.budget))
                           : fmt::format("项目 {} 预算调整：{} → {}", project, util::format_amount(row.previous_budget),
                                         util::format_amount(row.budget));
      add(entry, "approval", scrub(row.approval_ref));
    } else if (row.kind == period_close) {
      entry.narration = en ? fmt::format("books closed through {}", row.closed_through)
                           : fmt::format("结账至 {}", row.closed_through);
    } else if (row.kind == publication) {
      entry.narration = en ? fmt::format("notice for {} published, verification code {}", row.publication_period,
                                         row.publication_code)
                           : fmt::format("发布 {} 公示，校验码 {}", row.publication_period, row.publication_code);
    } else if (row.kind == books::entry_kind::import) {
      const bool donations = row.import_target == "donations";
      entry.narration = en ? fmt::format("{} {} imported from {} (profile {}): entries {}..{}", row.import_rows,
                                         donations ? "donations" : "payments", scrub(row.import_file),
                                         row.import_profile, row.import_first, row.import_last)
                           : fmt::format("从 {} 导入{} {} 笔（导入格式 {}）：第 {}–{} 号分录", scrub(row.import_file),
                                         donations ? "捐赠" : "支出", row.import_rows, row.import_profile,
                                         row.import_first, row.import_last);
    } else {
      entry.narration = row.kind;
    }
  }

  Lang lang_;
  privacy::MentionMasker masker_;
  std::map<std::int64_t, const ExportAccount*> accounts_;
  std::map<std::int64_t, const ExportAccount*> designations_;
};

// A name not yet taken: the code's own, else with the id appended.
std::string unique_path(std::set<std::string>& taken, const std::string& prefix, const std::string& component,
                        std::int64_t id) {
  std::string path = prefix + component;
  if (!taken.insert(path).second) {
    path = fmt::format("{}{}-{}", prefix, component, id);
    taken.insert(path);
  }
  return path;
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
  const bool whole = options.period.label.empty();
  ExportHeader header;
  header.fund_name = books::load_settings(file).name;
  header.period_label = options.period.label;
  header.lang = options.lang;
  const std::string from = options.period.first.iso();
  const std::string to = options.period.last.iso();
  if (whole) {
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

  const auto opening = whole ? storage::BalancesAt{} : storage::balances_at(file, header.open_date);
  const auto closing = storage::balances_at(file, whole ? to : header.last_date);
  auto value_of = [](const std::map<std::int64_t, Fen>& balances, std::int64_t id) {
    auto found = balances.find(id);
    return found == balances.end() ? Fen{0} : found->second;
  };

  std::set<std::string> taken;
  const auto accounts = storage::accounts(file);
  const auto designations = storage::designations(file);
  header.accounts.reserve(accounts.size() + designations.size());
  for (const auto& account : accounts) {
    ExportAccount line;
    line.path = unique_path(taken, "Assets:" + kind_component(account.kind) + ":",
                            account_component(account.code, fmt::format("A{}", account.id)), account.id);
    line.code = account.code;
    line.name = account.name;
    line.kind = account.kind;
    line.opening = value_of(opening.accounts, account.id);
    line.closing = value_of(closing.accounts, account.id);
    header.accounts.push_back(line);
  }
  for (const auto& designation : designations) {
    ExportAccount line;
    const std::string prefix = designation.restricted ? "Funds:Restricted:" : "Funds:Unrestricted:";
    line.path = unique_path(taken, prefix, account_component(designation.code, fmt::format("D{}", designation.id)),
                            designation.id);
    line.code = designation.code;
    line.name = designation.name;
    line.kind = designation.kind;
    line.designation = true;
    line.restricted = designation.restricted;
    line.opening = value_of(opening.designations, designation.id);
    line.closing = value_of(closing.designations, designation.id);
    header.accounts.push_back(line);
  }

  if (!whole) {
    ExportEntry entry;
    entry.kind = "opening";
    entry.date = header.open_date;
    entry.narration = options.lang == Lang::en ? fmt::format("opening balances at the end of {}", header.open_date)
                                               : fmt::format("期初余额（{} 日终）", header.open_date);
    entry.meta.push_back({"kind", "opening"});
    for (const auto& line : header.accounts) {
      if (line.opening != 0) entry.postings.push_back({line.path, line.designation ? -line.opening : line.opening});
    }
    if (!entry.postings.empty()) header.opening = entry;
  }

  std::map<std::int64_t, const ExportAccount*> by_account;
  std::map<std::int64_t, const ExportAccount*> by_designation;
  for (std::size_t i = 0; i < accounts.size(); ++i) by_account[accounts[i].id] = &header.accounts[i];
  for (std::size_t i = 0; i < designations.size(); ++i) {
    by_designation[designations[i].id] = &header.accounts[accounts.size() + i];
  }
  const EntryBuilder builder(options.lang, fund_secrets(file), by_account, by_designation);

  sink.begin(header);
  storage::for_each_export_entry(file, from, to,
                                 [&](const storage::ExportEntryRow& row) { sink.entry(builder.build(row)); });
  sink.end(header);
}

}  // namespace cfund::report
