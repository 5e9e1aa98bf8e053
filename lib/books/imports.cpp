#include "books/imports.hpp"

#include <algorithm>
#include <map>

#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/fund.hpp"
#include "error.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

constexpr std::size_t kReportedProblems = 50;
constexpr std::int64_t kProgressEvery = 4096;

storage::ImportTable table_of(ImportTarget target) {
  return target == ImportTarget::donations ? storage::ImportTable::donations : storage::ImportTable::disbursements;
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// What went wrong on the rows of one file: every bad row counted, the first few in
// full, in the order of their lines.
class Problems {
 public:
  Problems(std::string path, std::string sheet) : path_(std::move(path)), sheet_(std::move(sheet)) {}

  void add(int line, const Message& message, bool refused) {
    ++count_;
    refused_only_ = refused_only_ && refused;
    // Kept from two sources (the reader's bad rows come last): twice the limit, so
    // that after sorting the first lines of the file are the ones shown.
    if (shown_.size() < 2 * kReportedProblems) shown_.emplace_back(line, message);
  }
  void add_row(int line, const Error& error) {
    const Message at = import::row_location(path_, sheet_, line);
    add(line, bilingual("{0}：{1}", "{2}: {3}", at.zh, error.message().zh, at.en, error.message().en),
        error.code() == ExitCode::refused);
  }
  void add_field(int line, const std::string& field, const std::string& value, const Message& why) {
    add(line, import::describe(path_, import::BadRow{line, sheet_, field, value, why}), false);
  }
  void add_unshown(std::int64_t rows) {
    if (rows <= 0) return;
    count_ += rows;
    refused_only_ = false;
  }
  std::int64_t count() const { return count_; }

  // InputError when any row was unreadable or bad, Refused when rules refused them all.
  [[noreturn]] void raise() {
    std::stable_sort(shown_.begin(), shown_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (shown_.size() > kReportedProblems) shown_.resize(kReportedProblems);
    Message text =
        bilingual("{0}：{1} 行有问题，本次导入没有写入任何一行，请改正后重新导入：",
                  "{0}: {1} rows have problems; nothing was imported, correct them and import again:", path_, count_);
    for (const auto& [line, shown] : shown_) {
      text.zh += "\n  " + shown.zh;
      text.en += "\n  " + shown.en;
    }
    if (count_ > static_cast<std::int64_t>(shown_.size())) {
      const Message more =
          bilingual("…… 另有 {0} 行", "... and {0} more", count_ - static_cast<std::int64_t>(shown_.size()));
      text.zh += "\n  " + more.zh;
      text.en += "\n  " + more.en;
    }
    if (refused_only_) throw Refused(text);
    throw InputError(text);
  }

 private:
  std::string path_;
  std::string sheet_;  // a spreadsheet's worksheet ("" for CSV)
  std::int64_t count_ = 0;
  bool refused_only_ = true;
  std::vector<std::pair<int, Message>> shown_;
};

std::optional<std::string> donor_kind_of(const std::string& text) {
  if (text.empty() || text == "individual" || text == "个人") return std::string("individual");
  if (text == "organisation" || text == "organization" || text == "单位" || text == "企业")
    return std::string("organisation");
  return std::nullopt;
}

std::optional<std::string> category_of(const std::string& text) {
  static const std::map<std::string, std::string> names = {
      {"relief", "relief"},    {"救助", "relief"},          {"project", "project"},
      {"项目", "project"},     {"项目支出", "project"},     {"management", "management"},
      {"管理", "management"},  {"管理费用", "management"},  {"fundraising", "fundraising"},
      {"筹款", "fundraising"}, {"筹款费用", "fundraising"},
  };
  const auto found = names.find(text);
  if (found == names.end()) return std::nullopt;
  return found->second;
}

std::optional<std::int64_t> beneficiary_of(const std::string& text) {
  std::string digits = text;
  if (!digits.empty() && (digits[0] == 'B' || digits[0] == 'b')) digits.erase(0, 1);
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::int64_t number = std::stoll(digits);
  if (number <= 0) return std::nullopt;
  return number;
}

// Recognises a row without a transaction number when it is imported again.
std::string content_key(const import::Record& row, const std::string& account) {
  const std::string content = row.date.iso() + '\x1f' + row.time + '\x1f' + std::to_string(row.amount) + '\x1f' +
                              row.counterparty + '\x1f' + row.note + '\x1f' + account;
  return util::sha256_hex(content).substr(0, 32);
}

// Decides, row by row, whether the books already hold it.
class PresenceCheck {
 public:
  PresenceCheck(storage::FundFile& file, storage::ImportTable table) : file_(file), table_(table) {}

  bool reference_present(std::int64_t account_id, const std::string& reference) {
    return storage::reference_recorded(file_, table_, account_id, reference);
  }
  // The n-th row of the file with this content is present when the books already
  // held at least n such rows before the import.
  bool content_present(const std::string& key) {
    auto found = seen_.find(key);
    if (found == seen_.end()) found = seen_.emplace(key, Seen{storage::content_key_count(file_, table_, key), 0}).first;
    ++found->second.in_file;
    return found->second.in_file <= found->second.in_books;
  }

 private:
  struct Seen {
    std::int64_t in_books = 0;
    std::int64_t in_file = 0;
  };
  storage::FundFile& file_;
  storage::ImportTable table_;
  std::map<std::string, Seen> seen_;
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
        presence_(file, table_of(target)) {}

  ImportReport run() {
    report_.target = target_;
    report_.dry_run = options_.dry_run;
    report_.path = reader_.path();
    report_.profile = reader_.profile().name;
    report_.sha256 = reader_.summary().sha256;
    report_.encoding = reader_.summary().encoding;
    report_.format = reader_.summary().format;
    report_.sheet = reader_.summary().sheet;

    storage::FundFile::WriteTransaction tx(file_);
    report_.same_file_before = storage::previous_import(file_, table_of(target_), report_.sha256);
    JournalAppender journal(file_, recorder_);
    DonationWriter donations(file_, journal);

    import::Record row;
    while (reader_.next(row)) {
      ++report_.rows_read;
      if (options_.progress && report_.rows_read % kProgressEvery == 0) {
        options_.progress(reader_.bytes_consumed(), reader_.summary().bytes);
      }
      try {
        if (target_ == ImportTarget::donations) {
          take_donation(row, donations);
        } else {
          take_payment(row);
        }
      } catch (const Error& error) {
        problems_.add_row(row.line, error);
      }
    }
    if (options_.progress) options_.progress(reader_.summary().bytes, reader_.summary().bytes);
    for (const auto& bad : reader_.bad_rows()) problems_.add(bad.line, import::describe(report_.path, bad), false);
    // Bad rows beyond the reader's reporting limit still count.
    problems_.add_unshown(reader_.summary().bad_rows - static_cast<std::int64_t>(reader_.bad_rows().size()));
    refuse_mixed_signs();
    if (problems_.count() > 0) problems_.raise();
    report_.rows_filtered = reader_.summary().rows_filtered;
    report_.characters_removed = reader_.summary().characters_removed;
    report_.lines_with_characters_removed = reader_.summary().lines_with_characters_removed;

    if (report_.rows_added > 0) {
      if (target_ == ImportTarget::donations) {
        report_.import_entry = journal.append(import_entry());
        journal.finish();
      } else {
        report_.import_entry = append_entry(file_, recorder_, import_entry());
      }
    }
    if (options_.dry_run) {
      report_.import_entry = 0;
      return report_;  // the transaction rolls back
    }
    tx.commit();
    return report_;
  }

 private:
  // The direction the command takes; false for a row going the other way. A row
  // that does not say (a positive amount, no direction column) goes the command's way.
  bool wanted(const import::Record& row) {
    const import::Direction want = target_ == ImportTarget::donations ? import::Direction::in : import::Direction::out;
    if (row.direction == import::Direction::unspecified) {
      if (undirected_line_ == 0) undirected_line_ = row.line;
      return true;
    }
    if (row.direction == want) {
      if (target_ == ImportTarget::disbursements && signed_out_line_ == 0) signed_out_line_ = row.line;
      return true;
    }
    ++report_.rows_other_direction;
    return false;
  }

  // A payment import of a file with negative amounts is a signed statement: its
  // positive amounts are money received, not payments. Taking them as payments would
  // be wrong, so such a file needs a direction column (收/支) or negative amounts only.
  void refuse_mixed_signs() {
    if (target_ != ImportTarget::disbursements || undirected_line_ == 0 || signed_out_line_ == 0) return;
    throw InputError(bilingual(
        "{0}：第 {1} 行是负数金额（支出），第 {2} 行是正数金额，文件没有收/支列，正数行是收入还是支出无法确定；请加 "
        "direction（收/支）列，或支出一律写负数，收入用 cfund donate import 导入；没有写入任何一行",
        "{0}: line {1} has a negative amount (money paid) and line {2} a positive one, and there is no direction "
        "column, so it is unclear whether the positive rows are payments; add a direction column (in/out), or write "
        "every payment as a negative amount and import money received with cfund donate import; nothing was imported",
        reader_.path(), signed_out_line_, undirected_line_));
  }

  std::string account_for(const import::Record& row) {
    if (!row.account.empty()) return row.account;
    if (!options_.account.empty()) return options_.account;
    return reader_.profile().account;
  }

  std::string designation_for(const import::Record& row) {
    if (!row.designation.empty()) return row.designation;
    if (!options_.designation.empty()) return options_.designation;
    return reader_.profile().designation;
  }

  // True when the books already hold the row (counted as present).
  bool already_present(const import::Record& row, const model::Account& account, model::ImportSource& source) {
    source.line = row.line;
    if (!row.reference.empty()) {
      if (!presence_.reference_present(account.id, row.reference)) return false;
    } else {
      source.content_key = content_key(row, account.code);
      if (!presence_.content_present(source.content_key)) return false;
    }
    ++report_.rows_present;
    return true;
  }

  void take_donation(const import::Record& row, DonationWriter& writer) {
    if (!wanted(row)) return;
    const std::string account_name = account_for(row);
    if (account_name.empty()) {
      problems_.add_field(row.line, "account", "",
                          bilingual("没有收款账户：请用 --account 指定（如 wechat、bank）",
                                    "no account: name it with --account (e.g. wechat, bank)"));
      return;
    }
    const auto kind = donor_kind_of(row.donor_type);
    if (!kind) {
      problems_.add_field(
          row.line, "donor_type", row.donor_type,
          bilingual("应为 individual（个人）或 organisation（单位）", "expected individual or organisation"));
      return;
    }
    const model::Account& account = account_named(account_name);
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
    const RecordedDonation recorded = writer.record(input);
    added(row, input.anonymous, account.code, input.designation, "", recorded.receipt_no, recorded.entry_id);
    if (report_.first_receipt.empty()) report_.first_receipt = recorded.receipt_no;
    report_.last_receipt = recorded.receipt_no;
  }

  void take_payment(const import::Record& row) {
    if (!wanted(row)) return;
    const std::string account_name = account_for(row);
    if (account_name.empty()) {
      problems_.add_field(row.line, "account", "",
                          bilingual("没有付款账户：请用 --account 指定（如 bank、cash）",
                                    "no account: name it with --account (e.g. bank, cash)"));
      return;
    }
    const std::string category_text = row.category.empty() ? options_.category : row.category;
    const auto category = category_of(category_text);
    if (!category) {
      problems_.add_field(
          row.line, "category", category_text,
          category_text.empty()
              ? bilingual("没有支出类别：请在文件中给出，或用 --category 指定",
                          "no category: give it in the file or with --category")
              : bilingual("应为 relief（救助）、project（项目支出）、management（管理费用）或 fundraising（筹款费用）",
                          "expected relief, project, management or fundraising"));
      return;
    }
    const std::string purpose = row.purpose.empty() ? row.note : row.purpose;
    if (purpose.empty()) {
      problems_.add_field(row.line, "purpose", "",
                          bilingual("没有用途：支出须写明用途（purpose 或备注列）",
                                    "no purpose: a payment says what it was for (a purpose or note column)"));
      return;
    }
    std::optional<std::int64_t> beneficiary;
    if (!row.beneficiary.empty()) {
      beneficiary = beneficiary_of(row.beneficiary);
      if (!beneficiary) {
        problems_.add_field(row.line, "beneficiary", row.beneficiary,
                            bilingual("受助对象编号应形如 B0001", "a beneficiary number looks like B0001"));
        return;
      }
    }
    const model::Account& account = account_named(account_name);
    DisbursementInput input;
    input.source.emplace();
    if (already_present(row, account, *input.source)) return;
    input.date = row.date;
    input.amount = row.amount;
    input.account = account.code;
    input.designation = designation_for(row);
    input.category = *category;
    input.payee = row.counterparty;
    input.purpose = purpose;
    input.beneficiary = beneficiary;
    input.approval_ref = row.approval_ref;
    input.voucher = row.voucher;
    input.external_ref = row.reference;
    input.memo = row.purpose.empty() ? std::string() : row.note;
    const std::int64_t id = record_disbursement(file_, recorder_, input);
    import::Record shown = row;
    // Relief names the beneficiary by number only: the operator's screen and logs
    // need not show who was helped.
    if (beneficiary && shown.counterparty.empty()) shown.counterparty = fmt::format("B{:04d}", *beneficiary);
    added(shown, false, account.code, input.designation, input.category, "", id);
  }

  const model::Account& account_named(const std::string& name) {
    auto found = accounts_.find(name);
    if (found == accounts_.end()) found = accounts_.emplace(name, find_account(file_, name)).first;
    return found->second;
  }

  void added(const import::Record& row, bool anonymous, const std::string& account, const std::string& designation,
             const std::string& category, const std::string& receipt_no, std::int64_t entry_id) {
    ++report_.rows_added;
    report_.amount_added += row.amount;
    if (report_.first_entry == 0) report_.first_entry = entry_id;
    report_.last_entry = entry_id;
    if (report_.first_rows.size() < ImportReport::kShownRows) {
      report_.first_rows.push_back(ImportedRow{row.line, row.date.iso(), row.amount, row.counterparty, anonymous,
                                               row.reference, account, designation, category, receipt_no, entry_id});
    }
  }

  EntryDraft import_entry() const {
    EntryDraft draft;
    draft.kind = model::entry_kind::import;
    draft.date = recorder_.now.today;
    draft.memo = base_name(report_.path);
    draft.detail.set("target", std::string(target_ == ImportTarget::donations ? "donations" : "disbursements"))
        .set("file_name", base_name(report_.path))
        .set("file_sha256", report_.sha256)
        .set("profile", report_.profile)
        .set("first_entry", report_.first_entry)
        .set("last_entry", report_.last_entry)
        .set("rows_added", report_.rows_added)
        .set("rows_present", report_.rows_present)
        .set("rows_filtered", reader_.summary().rows_filtered + report_.rows_other_direction);
    return draft;
  }

  storage::FundFile& file_;
  const Recorder& recorder_;
  import::StatementReader& reader_;
  ImportTarget target_;
  const ImportOptions& options_;
  Problems problems_;
  PresenceCheck presence_;
  std::map<std::string, model::Account> accounts_;
  int undirected_line_ = 0;  // the first row whose direction the command decided
  int signed_out_line_ = 0;  // the first row marked as money paid (payment imports)
  ImportReport report_;
};

}  // namespace

ImportReport import_statement(storage::FundFile& file, const Recorder& recorder, import::StatementReader& reader,
                              ImportTarget target, const ImportOptions& options) {
  return Importer(file, recorder, reader, target, options).run();
}

}  // namespace cfund::books
