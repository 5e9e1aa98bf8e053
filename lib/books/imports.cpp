#include "books/imports.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "books/beneficiaries.hpp"
#include "books/classify.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/fund.hpp"
#include "books/import_problems.hpp"
#include "books/income.hpp"
#include "books/movements.hpp"
#include "books/rules.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "privacy/mask.hpp"
#include "storage/rows.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

constexpr std::int64_t kProgressEvery = 4096;
// A statement row is the entry recorded otherwise when their dates are at most this
// many days apart (a payment typed in on the day it was decided, booked by the bank
// the next working day).
constexpr long kMatchDays = 3;

using storage::ImportTable;

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::optional<std::string> donor_kind_of(const std::string& text) {
  if (text.empty() || text == "individual" || text == "个人") return std::string("individual");
  if (text == "organisation" || text == "organization" || text == "单位" || text == "企业")
    return std::string("organisation");
  return std::nullopt;
}

// A category as a file may write it: the registry's id or Chinese name, or a short form.
std::optional<std::string> category_of(const std::string& text) {
  for (const auto& category : model::payment_categories()) {
    if (text == category.id || text == category.name.zh) return category.id;
  }
  static const std::map<std::string, std::string> short_names = {
      {"项目", "project"}, {"管理", "management"}, {"筹款", "fundraising"}, {"银行手续费", "fee"}};
  const auto found = short_names.find(text);
  if (found == short_names.end()) return std::nullopt;
  return found->second;
}

// Recognises a row without a transaction number when it is imported again. A relief
// row adds its beneficiary: a roll pays many households the same amount on one day.
std::string content_key(const import::Record& row, const std::string& account, const std::string& beneficiary) {
  std::string content = row.date.iso() + '\x1f' + row.time + '\x1f' + std::to_string(row.amount) + '\x1f' +
                        row.counterparty + '\x1f' + row.note + '\x1f' + account;
  if (!beneficiary.empty()) content += '\x1f' + beneficiary;
  return util::sha256_hex(content).substr(0, 32);
}

bool same_name(const std::string& a, const std::string& b) {
  return !a.empty() && util::comparable_name(a) == util::comparable_name(b);
}

// Decides, row by row, whether the books already hold it, in any of the tables a
// row going its way may have been booked into (a row booked as a donation before
// the profile had rules stays that donation).
class PresenceCheck {
 public:
  PresenceCheck(storage::FundFile& file, std::vector<ImportTable> tables) : file_(file), tables_(std::move(tables)) {
    for (const auto table : tables_) {
      if (storage::import_table_has_rows(file, table)) had_rows_.insert(table);
    }
    active_ = had_rows_;
  }

  bool reference_present(std::int64_t account_id, const std::string& reference) {
    for (const auto table : tables_) {
      if (active_.count(table) != 0 && storage::reference_recorded(file_, table, account_id, reference)) return true;
    }
    return false;
  }
  // The n-th row of the file with this content is present when the books already
  // held at least n such rows before the import. Only keys the books held are
  // remembered: a row this import adds has a key first seen in the file, so the
  // books' rows are those of entries before the import, counted again when needed.
  bool content_present(const std::string& key) {
    auto found = seen_.find(key);
    if (found == seen_.end()) {
      std::int64_t in_books = 0;
      for (const auto table : had_rows_) in_books += storage::content_key_count(file_, table, key, before_entry_);
      if (in_books == 0) return false;
      found = seen_.emplace(key, Seen{in_books, 0}).first;
    }
    ++found->second.in_file;
    return found->second.in_file <= found->second.in_books;
  }
  void wrote(ImportTable table) { active_.insert(table); }
  // The first entry the import adds (read inside its transaction).
  void adds_from(std::int64_t entry_id) { before_entry_ = entry_id; }

 private:
  struct Seen {
    std::int64_t in_books = 0;
    std::int64_t in_file = 0;
  };
  storage::FundFile& file_;
  std::vector<ImportTable> tables_;
  std::int64_t before_entry_ = 0;   // the first entry the import adds
  std::set<ImportTable> had_rows_;  // the tables that held rows before the import
  std::set<ImportTable> active_;    // and those it wrote: the others need no lookup
  std::map<std::string, Seen> seen_;
};

// What a row of a payment import lacks to be recorded; empty when nothing.
struct Missing {
  std::optional<Message> why;
  explicit operator bool() const { return why.has_value(); }
};

class Importer {
 public:
  Importer(storage::FundFile& file, const Recorder& recorder, import::StatementReader& reader, ImportTarget target,
           const ImportOptions& options)
      : file_(file),
        recorder_(recorder),
        reader_(reader),
        target_(target),
        options_(options),
        problems_(reader.path(), reader.summary().sheet),
        presence_(file,
                  target == ImportTarget::donations
                      ? std::vector<ImportTable>{ImportTable::donations, ImportTable::incomes, ImportTable::transfers}
                      : std::vector<ImportTable>{ImportTable::disbursements, ImportTable::transfers}),
        own_(OwnNames::of(file)),
        settings_(load_settings(file)) {}

  ImportReport run();

 private:
  bool money_in() const { return target_ == ImportTarget::donations; }
  void take(const import::Record& row);
  bool wanted(const import::Record& row);
  void refuse_mixed_signs();
  std::string account_for(const import::Record& row);
  std::string designation_for(const import::Record& row);
  bool already_present(const import::Record& row, const model::Account& account, model::ImportSource& source,
                       const std::string& beneficiary = "");

  void take_donation(const import::Record& row, const model::Account& account);
  void take_income(const import::Record& row, const model::Account& account, const import::ClassifyRule& rule);
  void take_transfer(const import::Record& row, const model::Account& account, const import::ClassifyRule& rule);
  struct OtherAccount {
    std::optional<model::Account> account;
    Message why;  // when there is none
  };
  OtherAccount other_account(const import::Record& row, const model::Account& account,
                             const import::ClassifyRule& rule);
  bool matched_transfer(const import::Record& row, const model::Account& account, std::int64_t other);
  void take_payment(const import::Record& row, const model::Account& account, bool fee);
  bool beneficiary_of(const import::Record& row, const std::string& category, std::optional<std::int64_t>& number);
  Missing missing_for_payment(const import::Record& row, DisbursementInput& input, bool fee);
  bool matched_payment(const import::Record& row, const model::Account& account,
                       const std::optional<std::int64_t>& beneficiary);
  template <typename Candidate, typename Fits>
  bool claim_nearest(const import::Record& row, const std::vector<Candidate>& candidates, const std::string& kind,
                     Fits fits);

  storage::MatchWindow window(const import::Record& row) const;
  const model::Account& account_named(const std::string& name);
  void added(const import::Record& row, ImportedRow shown);
  void matched(const import::Record& row, std::int64_t entry_id, const std::string& kind);
  void unrecorded(const import::Record& row, const std::string& counterparty, const Message& why);
  void skipped(const std::string& reason);
  EntryDraft import_entry() const;

  storage::FundFile& file_;
  const Recorder& recorder_;
  import::StatementReader& reader_;
  ImportTarget target_;
  const ImportOptions& options_;
  ImportProblems problems_;
  PresenceCheck presence_;
  OwnNames own_;
  model::FundSettings settings_;
  std::map<std::string, model::Account> accounts_;
  std::set<std::int64_t> claimed_;  // entries recorded otherwise that a row of this file matched
  std::int64_t first_new_entry_ = 0;
  // Every entry is appended through one journal (fast for large files), donations
  // and payments through the writers that record_donation and record_disbursement use.
  JournalAppender* journal_ = nullptr;
  std::optional<DonationWriter> donations_;
  std::optional<DisbursementWriter> payments_;
  std::map<std::string, model::Beneficiary> beneficiaries_;  // by the text a row names them with
  // Payments recorded otherwise that a row may be, by account and amount (read once).
  std::optional<std::map<std::pair<std::int64_t, std::int64_t>, std::vector<storage::PaymentToMatch>>>
      payments_to_match_;
  int undirected_line_ = 0;  // the first row whose direction the command decided
  int signed_out_line_ = 0;  // the first row marked as money paid (payment imports)
  ImportReport report_;
};

ImportReport Importer::run() {
  report_.target = target_;
  report_.dry_run = options_.dry_run;
  report_.path = reader_.path();
  report_.profile = reader_.profile().name;
  report_.sha256 = reader_.summary().sha256;
  report_.encoding = reader_.summary().encoding;
  report_.format = reader_.summary().format;
  report_.sheet = reader_.summary().sheet;

  storage::FundFile::WriteTransaction tx(file_);
  const ImportTable table = money_in() ? ImportTable::donations : ImportTable::disbursements;
  report_.same_file_before = storage::previous_import(file_, table, report_.sha256);
  first_new_entry_ = storage::last_entry_id(file_) + 1;
  presence_.adds_from(first_new_entry_);
  JournalAppender journal(file_, recorder_);
  journal_ = &journal;
  if (money_in()) {
    donations_.emplace(file_, journal);
  } else {
    payments_.emplace(file_, journal);
  }

  import::Record row;
  while (reader_.next(row)) {
    ++report_.rows_read;
    if (options_.progress && report_.rows_read % kProgressEvery == 0) {
      options_.progress(reader_.bytes_consumed(), reader_.summary().bytes);
    }
    try {
      take(row);
    } catch (const Error& error) {
      problems_.add_row(row.line, error);
    }
  }
  if (options_.progress) options_.progress(reader_.summary().bytes, reader_.summary().bytes);
  problems_.add_reader_rows(reader_);
  refuse_mixed_signs();
  if (problems_.count() > 0) problems_.raise();
  report_.rows_filtered = reader_.summary().rows_filtered;
  report_.characters_removed = reader_.summary().characters_removed;
  report_.lines_with_characters_removed = reader_.summary().lines_with_characters_removed;

  if (report_.rows_added > 0) {
    report_.import_entry = journal.append(import_entry());
    journal.finish();
  }
  if (options_.dry_run) {
    report_.import_entry = 0;
    return report_;  // the transaction rolls back
  }
  tx.commit();
  return report_;
}

// What the row is booked as: its profile's first matching rule decides; without one,
// money in is a donation and money out a payment.
void Importer::take(const import::Record& row) {
  if (!wanted(row)) return;
  const std::string account_name = account_for(row);
  if (account_name.empty()) {
    problems_.add_field(row.line, "account", "",
                        money_in() ? bilingual("没有收款账户：请用 --account 指定（如 wechat、bank）",
                                               "no account: name it with --account (e.g. wechat, bank)")
                                   : bilingual("没有付款账户：请用 --account 指定（如 bank、cash）",
                                               "no account: name it with --account (e.g. bank, cash)"));
    return;
  }
  const model::Account& account = account_named(account_name);
  const import::ClassifyRule* rule = matching_rule(reader_.profile(), row, money_in(), own_);
  const import::BookAs as = rule != nullptr ? rule->as : import::BookAs::donation;
  if (as == import::BookAs::skip) {
    skipped(rule->reason);
  } else if (as == import::BookAs::transfer) {
    take_transfer(row, account, *rule);
  } else if (!money_in()) {
    take_payment(row, account, as == import::BookAs::fee);
  } else if (as == import::BookAs::income) {
    take_income(row, account, *rule);
  } else {
    take_donation(row, account);
  }
}

// The direction the command takes; false for a row going the other way. A row
// that does not say (a positive amount, no direction column) goes the command's way.
bool Importer::wanted(const import::Record& row) {
  const import::Direction want = money_in() ? import::Direction::in : import::Direction::out;
  if (row.direction == import::Direction::unspecified) {
    if (undirected_line_ == 0) undirected_line_ = row.line;
    return true;
  }
  if (row.direction == want) {
    if (!money_in() && signed_out_line_ == 0) signed_out_line_ = row.line;
    return true;
  }
  ++report_.rows_other_direction;
  return false;
}

// A payment import of a file with negative amounts is a signed statement: its
// positive amounts are money received, not payments. Taking them as payments would
// be wrong, so such a file needs a direction column (收/支) or negative amounts only.
void Importer::refuse_mixed_signs() {
  if (money_in() || undirected_line_ == 0 || signed_out_line_ == 0) return;
  throw InputError(bilingual(
      "{0}：第 {1} 行是负数金额（支出），第 {2} 行是正数金额，文件没有收/支列，正数行是收入还是支出无法确定；请加 "
      "direction（收/支）列，或支出一律写负数，收入用 cfund donate import 导入；没有写入任何一行",
      "{0}: line {1} has a negative amount (money paid) and line {2} a positive one, and there is no direction "
      "column, so it is unclear whether the positive rows are payments; add a direction column (in/out), or write "
      "every payment as a negative amount and import money received with cfund donate import; nothing was imported",
      reader_.path(), signed_out_line_, undirected_line_));
}

std::string Importer::account_for(const import::Record& row) {
  if (!row.account.empty()) return row.account;
  if (!options_.account.empty()) return options_.account;
  return reader_.profile().account;
}

std::string Importer::designation_for(const import::Record& row) {
  if (!row.designation.empty()) return row.designation;
  if (!options_.designation.empty()) return options_.designation;
  return reader_.profile().designation;
}

// True when the books already hold the row (counted as present).
bool Importer::already_present(const import::Record& row, const model::Account& account, model::ImportSource& source,
                               const std::string& beneficiary) {
  source.line = row.line;
  if (!row.reference.empty()) {
    if (!presence_.reference_present(account.id, row.reference)) return false;
  } else {
    source.content_key = content_key(row, account.code, beneficiary);
    if (!presence_.content_present(source.content_key)) return false;
  }
  ++report_.rows_present;
  return true;
}

void Importer::take_donation(const import::Record& row, const model::Account& account) {
  const auto kind = donor_kind_of(row.donor_type);
  if (!kind) {
    problems_.add_field(
        row.line, "donor_type", row.donor_type,
        bilingual("应为 individual（个人）或 organisation（单位）", "expected individual or organisation"));
    return;
  }
  DonationInput input;
  input.source.emplace();
  if (already_present(row, account, *input.source)) return;
  input.donor = row.counterparty;
  input.donor_kind = *kind;
  // A gift with no name on the statement is shown as anonymous.
  input.anonymous = row.anonymous.value_or(row.counterparty.empty());
  input.date = row.date;
  input.amount = row.amount;
  input.account = account.code;
  input.designation = designation_for(row);
  input.external_ref = row.reference;
  input.memo = row.note;
  const RecordedDonation recorded = donations_->record(input);
  presence_.wrote(ImportTable::donations);
  report_.donations.rows++;
  report_.donations.amount += row.amount;
  if (report_.first_receipt.empty()) report_.first_receipt = recorded.receipt_no;
  report_.last_receipt = recorded.receipt_no;
  ImportedRow shown;
  shown.counterparty = row.counterparty;
  shown.anonymous = input.anonymous;
  shown.designation = input.designation;
  shown.receipt_no = recorded.receipt_no;
  shown.entry_id = recorded.entry_id;
  shown.booked_as = model::entry_kind::donation;
  added(row, shown);
}

void Importer::take_income(const import::Record& row, const model::Account& account, const import::ClassifyRule& rule) {
  IncomeInput input;
  input.source_line.emplace();
  if (already_present(row, account, *input.source_line)) return;
  input.kind = rule.income_kind;
  // Who paid: the counterparty, unless it is the fund itself or none (a bank writes
  // either on its interest rows); then the rule's source, else the account's name.
  const bool named = !row.counterparty.empty() && !own_.is_own(row.counterparty);
  input.source = named ? row.counterparty : !rule.source.empty() ? rule.source : account.name;
  input.date = row.date;
  input.amount = row.amount;
  input.account = account.code;
  input.designation = designation_for(row);
  input.external_ref = row.reference;
  input.memo = row.note.empty() ? row.summary : row.note;
  const std::int64_t id = append_income(file_, *journal_, input);
  presence_.wrote(ImportTable::incomes);
  report_.incomes.rows++;
  report_.incomes.amount += row.amount;
  ImportedRow shown;
  shown.counterparty = input.source;
  shown.designation = input.designation;
  shown.entry_id = id;
  shown.booked_as = model::entry_kind::income;
  shown.income_kind = rule.income_kind;
  added(row, shown);
}

// The other account of a transfer: the rule's, else the one the counterparty names;
// why there is none.
Importer::OtherAccount Importer::other_account(const import::Record& row, const model::Account& account,
                                               const import::ClassifyRule& rule) {
  OtherAccount other;
  if (!rule.account.empty()) {
    try {
      other.account = account_named(rule.account);
    } catch (const InputError&) {
      other.why = bilingual("导入格式把这一行记为与账户“{0}”之间的转账，但本基金没有这个账户：请用 cfund transfer 登记",
                            "the profile books this row as a transfer with account '{0}', which the fund does not "
                            "have: record it with cfund transfer",
                            rule.account);
      return other;
    }
  } else {
    other.account = own_.account_named(row.counterparty);
  }
  if (!other.account || other.account->id == account.id) {
    other.account.reset();
    other.why = bilingual(
        "对方是本基金自己，是账户之间的转账，但看不出是哪个账户：请用 cfund transfer 登记（再导入时"
        "按金额和日期对上）",
        "the counterparty is the fund itself, a transfer between its accounts, but which account is "
        "not known: record it with cfund transfer (importing again then matches it)");
  }
  return other;
}

// The same transfer recorded by hand, or from the other account's statement (with
// any other account when the row does not say which).
bool Importer::matched_transfer(const import::Record& row, const model::Account& account, std::int64_t other) {
  const std::int64_t from = money_in() ? other : account.id;
  const std::int64_t to = money_in() ? account.id : other;
  const auto candidates = storage::transfers_to_match(file_, from, to, row.amount, window(row), account.id);
  return claim_nearest(row, candidates, model::entry_kind::transfer, [](const auto&) { return true; });
}

void Importer::take_transfer(const import::Record& row, const model::Account& account,
                             const import::ClassifyRule& rule) {
  TransferInput input;
  input.source.emplace();
  if (already_present(row, account, *input.source)) return;
  const auto other = other_account(row, account, rule);
  if (!other.account) {
    // Recorded by hand with the account it was: the row is that transfer.
    if (!matched_transfer(row, account, 0)) unrecorded(row, row.counterparty, other.why);
    return;
  }
  if (matched_transfer(row, account, other.account->id)) return;
  const model::Account& from = money_in() ? *other.account : account;
  const model::Account& to = money_in() ? account : *other.account;
  input.date = row.date;
  input.amount = row.amount;
  input.from_account = from.code;
  input.to_account = to.code;
  input.memo = row.note.empty() ? row.summary : row.note;
  input.statement_account = account.code;
  input.external_ref = row.reference;
  const std::int64_t id = append_transfer(file_, *journal_, input);
  presence_.wrote(ImportTable::transfers);
  report_.transfers.rows++;
  report_.transfers.amount += row.amount;
  ImportedRow shown;
  shown.counterparty = row.counterparty;
  shown.entry_id = id;
  shown.booked_as = model::entry_kind::transfer;
  shown.other_account = other.account->code;
  added(row, shown);
}

// The beneficiary a row names: its beneficiary column (a code, an ID number or a
// name), else, for relief, its name column. The name column, when both are given,
// must agree with the name registered. False when the row is bad (reported).
bool Importer::beneficiary_of(const import::Record& row, const std::string& category,
                              std::optional<std::int64_t>& number) {
  const bool by_name = row.beneficiary.empty() && category == "relief";
  const std::string& text = by_name ? row.name : row.beneficiary;
  if (text.empty()) return true;
  try {
    auto known = beneficiaries_.find(text);
    if (known == beneficiaries_.end()) known = beneficiaries_.emplace(text, resolve_beneficiary(file_, text)).first;
    const model::Beneficiary& person = known->second;
    if (!by_name && !row.name.empty() && !same_name(row.name, person.name)) {
      problems_.add_field(row.line, "name", privacy::mask_name(row.name),
                          bilingual("与 {0} 登记的姓名（{1}）不符：请核对姓名和身份证号",
                                    "differs from the name registered for {0} ({1}): check the name and the ID number",
                                    beneficiary_code(person.number), privacy::mask_name(person.name)));
      return false;
    }
    number = person.number;
    return true;
  } catch (const InputError& error) {
    problems_.add_field(row.line, by_name ? "name" : "beneficiary", "", error.message());
    return false;
  }
}

void Importer::take_payment(const import::Record& row, const model::Account& account, bool fee) {
  const std::string category_text = fee ? "fee" : row.category.empty() ? options_.category : row.category;
  const auto category = category_of(category_text);
  if (!category_text.empty() && !category) {
    const Message choices = model::payment_category_choices();
    problems_.add_field(row.line, "category", category_text,
                        bilingual("应为 {0}", "expected {1}", choices.zh, choices.en));
    return;
  }
  std::optional<std::int64_t> beneficiary;
  if (!beneficiary_of(row, category.value_or(""), beneficiary)) return;
  DisbursementInput input;
  input.source.emplace();
  if (already_present(row, account, *input.source, beneficiary ? beneficiary_code(*beneficiary) : "")) return;
  if (matched_payment(row, account, beneficiary)) return;
  input.category = category.value_or("");
  input.beneficiary = beneficiary;
  const Missing missing = missing_for_payment(row, input, fee);
  // Relief names the beneficiary by code only: the operator's screen and logs need
  // not show who was helped.
  const std::string shown_party = !row.counterparty.empty() ? row.counterparty
                                  : beneficiary             ? beneficiary_code(*beneficiary)
                                                            : "";
  if (missing) {
    unrecorded(row, shown_party, *missing.why);
    return;
  }
  input.date = row.date;
  input.amount = row.amount;
  input.account = account.code;
  input.designation = designation_for(row);
  input.voucher = row.voucher;
  input.external_ref = row.reference;
  if (fee && input.payee.empty()) input.payee = account.name;  // the bank that charged it
  const std::int64_t id = payments_->record(input);
  presence_.wrote(ImportTable::disbursements);
  report_.payments.rows++;
  report_.payments.amount += row.amount;
  ImportedRow shown;
  shown.counterparty = input.payee.empty() ? shown_party : input.payee;
  shown.designation = input.designation;
  shown.category = input.category;
  shown.entry_id = id;
  shown.booked_as = model::entry_kind::disbursement;
  added(row, shown);
}

// Fills the purpose, payee and decision of a payment; what is missing for want of
// which a person must record the row.
Missing Importer::missing_for_payment(const import::Record& row, DisbursementInput& input, bool fee) {
  if (input.category.empty()) {
    return {bilingual("没有支出类别：文件中没有，也没有用 --category 指定",
                      "no category: the file gives none and there is no --category")};
  }
  // A fee says what the bank charged for in its own words (短信通知费); the note, if
  // any, stays as the memo.
  const std::string& stated = fee && !row.summary.empty() ? row.summary : row.note;
  input.purpose = !row.purpose.empty() ? row.purpose : stated;
  if (fee && input.purpose.empty()) input.purpose = model::category_name("fee").zh;
  input.memo = input.purpose == row.note ? std::string() : row.note;
  if (util::trim(input.purpose).empty()) {
    return {bilingual("没有用途：支出须写明用途（purpose 或备注列）",
                      "no purpose: a payment says what it was for (a purpose or note column)")};
  }
  input.payee = row.counterparty;
  const bool relief = model::find_payment_category(input.category)->needs_beneficiary;
  if (relief && !input.beneficiary) {
    return {bilingual("救助须写明受助对象（编号、身份证号或姓名）",
                      "relief names its beneficiary (code, ID number or name)")};
  }
  if (relief) input.payee.clear();
  if (!relief && !fee && util::trim(input.payee).empty()) {
    return {bilingual("没有收款方", "no payee")};
  }
  input.approval_ref = !row.approval_ref.empty() ? row.approval_ref : options_.approval_ref;
  if (input.approval_ref.empty() && needs_approval(settings_, input.category, row.amount)) {
    return {bilingual("需要决议编号：金额超过{0}的审批限额 {1}（文件中写 approval 列，或用 --approval）",
                      "needs a decision number: above the approval threshold {2} for {3} (an approval column in the "
                      "file, or --approval)",
                      model::category_name(input.category).zh,
                      util::format_amount(settings_.approval_threshold_for(input.category)),
                      util::format_amount(settings_.approval_threshold_for(input.category)),
                      model::category_name(input.category).en)};
  }
  return {};
}

// A payment recorded otherwise that the row is: same account, same amount, dated at
// most kMatchDays apart, paid to the row's counterparty (payee or beneficiary) when it
// names one, to its beneficiary and of its category when the file gives them; the
// nearest in date first.
bool Importer::matched_payment(const import::Record& row, const model::Account& account,
                               const std::optional<std::int64_t>& beneficiary) {
  const auto category = category_of(row.category);
  if (!payments_to_match_) {
    payments_to_match_.emplace();
    for (auto& payment : storage::payments_to_match(file_, first_new_entry_, reader_.profile().name)) {
      (*payments_to_match_)[{payment.account_id, payment.amount}].push_back(std::move(payment));
    }
  }
  const auto same = payments_to_match_->find({account.id, row.amount});
  if (same == payments_to_match_->end()) return false;
  const storage::MatchWindow dates = window(row);
  std::vector<storage::PaymentToMatch> candidates;
  for (const auto& payment : same->second) {
    if (payment.date >= dates.from && payment.date <= dates.to) candidates.push_back(payment);
  }
  return claim_nearest(row, candidates, model::entry_kind::disbursement, [&](const storage::PaymentToMatch& paid) {
    if (beneficiary && paid.beneficiary != beneficiary) return false;
    if (category && *category != paid.category) return false;
    return row.counterparty.empty() || same_name(row.counterparty, paid.payee) ||
           same_name(row.counterparty, paid.beneficiary_name);
  });
}

// Of the entries in the window that fit and no row of this file matched yet, the one
// dated nearest the row (the earliest of equals) is the row's: claimed and reported.
template <typename Candidate, typename Fits>
bool Importer::claim_nearest(const import::Record& row, const std::vector<Candidate>& candidates,
                             const std::string& kind, Fits fits) {
  const Candidate* best = nullptr;
  long best_distance = 0;
  for (const auto& candidate : candidates) {
    if (claimed_.count(candidate.entry_id) != 0 || !fits(candidate)) continue;
    const auto date = util::parse_date(candidate.date);
    const long distance = date ? std::labs(date->days_since_epoch() - row.date.days_since_epoch()) : kMatchDays;
    if (best == nullptr || distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  if (best == nullptr) return false;
  claimed_.insert(best->entry_id);
  matched(row, best->entry_id, kind);
  return true;
}

storage::MatchWindow Importer::window(const import::Record& row) const {
  return {row.date.plus_days(-kMatchDays).iso(), row.date.plus_days(kMatchDays).iso(), first_new_entry_};
}

const model::Account& Importer::account_named(const std::string& name) {
  auto found = accounts_.find(name);
  if (found == accounts_.end()) found = accounts_.emplace(name, find_account(file_, name)).first;
  return found->second;
}

void Importer::added(const import::Record& row, ImportedRow shown) {
  ++report_.rows_added;
  report_.amount_added += row.amount;
  if (report_.first_entry == 0) report_.first_entry = shown.entry_id;
  report_.last_entry = shown.entry_id;
  if (report_.first_rows.size() >= ImportReport::kShownRows) return;
  shown.line = row.line;
  shown.date = row.date.iso();
  shown.amount = row.amount;
  shown.reference = row.reference;
  shown.account = account_named(account_for(row)).code;
  report_.first_rows.push_back(std::move(shown));
}

void Importer::matched(const import::Record& row, std::int64_t entry_id, const std::string& kind) {
  ++report_.rows_present;
  ++report_.rows_matched;
  if (report_.matched.size() < ImportReport::kListed) {
    report_.matched.push_back(MatchedRow{row.line, row.date.iso(), row.amount, row.counterparty, entry_id, kind});
  }
}

void Importer::unrecorded(const import::Record& row, const std::string& counterparty, const Message& why) {
  ++report_.rows_unrecorded;
  if (report_.unrecorded.size() < ImportReport::kListed) {
    report_.unrecorded.push_back(UnrecordedRow{row.line, row.date.iso(), row.amount, counterparty, row.reference, why});
  }
}

void Importer::skipped(const std::string& reason) {
  ++report_.rows_skipped;
  for (auto& [listed, rows] : report_.skipped) {
    if (listed == reason) {
      ++rows;
      return;
    }
  }
  report_.skipped.emplace_back(reason, 1);
}

EntryDraft Importer::import_entry() const {
  EntryDraft draft;
  draft.kind = model::entry_kind::import;
  draft.date = recorder_.now.today;
  draft.memo = base_name(report_.path);
  draft.detail.set("target", std::string(money_in() ? "donations" : "disbursements"))
      .set("file_name", base_name(report_.path))
      .set("file_sha256", report_.sha256)
      .set("profile", report_.profile)
      .set("first_entry", report_.first_entry)
      .set("last_entry", report_.last_entry)
      .set("rows_added", report_.rows_added)
      .set("rows_present", report_.rows_present)
      .set("rows_filtered", reader_.summary().rows_filtered + report_.rows_other_direction + report_.rows_skipped);
  return draft;
}

}  // namespace

ImportReport import_statement(storage::FundFile& file, const Recorder& recorder, import::StatementReader& reader,
                              ImportTarget target, const ImportOptions& options) {
  import::require_kind(reader.profile(), import::ProfileKind::statement);
  return Importer(file, recorder, reader, target, options).run();
}

}  // namespace cfund::books
