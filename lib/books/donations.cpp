#include "books/donations.hpp"

#include <algorithm>

#include "books/fund.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "storage/economy_queries.hpp"
#include "storage/queries.hpp"
#include "storage/registry_queries.hpp"
#include "util/quantity.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// What a donation needs before anything is looked up.
void check_donation_input(const DonationInput& input) {
  if (input.amount <= 0) {
    throw InputError(
        input.goods
            ? bilingual("--value：物资估价必须大于零", "--value: the estimated value of goods must be above zero")
            : bilingual("--amount：捐赠金额必须大于零", "--amount: the donation must be above zero"));
  }
  if (util::trim(input.donor).empty() && !input.anonymous) {
    throw InputError(bilingual("--donor：请写捐赠人姓名或单位；捐赠人不愿留名时用 --anonymous",
                               "--donor: name the donor, or use --anonymous when the donor wishes to stay anonymous"));
  }
  if (input.donor_kind != "individual" && input.donor_kind != "organisation") {
    throw InputError(bilingual("--donor-type：应为 individual（个人）或 organisation（单位）",
                               "--donor-type: expected individual or organisation"));
  }
  if (input.goods) {
    if (util::trim(input.item).empty()) {
      throw InputError(bilingual("--item：请写捐赠物资的名称", "--item: say what goods were given"));
    }
    if (!input.account.empty()) {
      throw InputError(bilingual("--account：捐物不进入资金账户，请去掉 --account",
                                 "--account: goods do not go into an account; drop --account"));
    }
    if (auto quantity = util::parse_quantity(input.quantity); !quantity) {
      throw InputError(bilingual("--quantity：{0}（物资按数量入库）",
                                 "--quantity: {1} (goods enter the stock by quantity)", quantity.error().zh,
                                 quantity.error().en));
    }

  } else if (!input.quantity.empty() || !input.item.empty() || !input.unit.empty()) {
    const char* option = !input.quantity.empty() ? "--quantity" : !input.item.empty() ? "--item" : "--unit";
    throw InputError(bilingual("{0} 只用于捐物：捐物请加 --goods，捐款请去掉 {0}",
                               "{0} is for goods only: add --goods for goods, or drop {0} for money", option));
  } else if (input.account.empty()) {
    throw InputError(bilingual("--account：请写收款账户（如 bank、cash、wechat）",
                               "--account: name the account the money went into (e.g. bank, cash, wechat)"));
  }
}

}  // namespace

RecordedDonation record_donation(storage::FundFile& file, const Recorder& recorder, const DonationInput& input) {
  check_donation_input(input);
  storage::FundFile::WriteTransaction tx(file);
  JournalAppender journal(file, recorder);
  const RecordedDonation recorded = DonationWriter(file, journal).record(input);
  journal.finish();
  if (!input.host_receipt.empty()) record_host_receipt(file, recorder, recorded.entry_id, input.host_receipt);
  tx.commit();
  return recorded;
}

DonationWriter::DonationWriter(storage::FundFile& file, JournalAppender& journal) : file_(file), journal_(journal) {}

const model::Account& DonationWriter::account(const std::string& code_or_name) {
  auto found = accounts_.find(code_or_name);
  if (found == accounts_.end()) found = accounts_.emplace(code_or_name, find_account(file_, code_or_name)).first;
  return found->second;
}

const model::Designation& DonationWriter::designation(const std::string& code_or_name) {
  auto found = designations_.find(code_or_name);
  if (found == designations_.end()) {
    const model::Designation designation = find_designation(file_, code_or_name);
    // A project takes money only in some stages; the stage cannot change during
    // one writer's transaction, so the check is made once per designation.
    require_project_accepts_money(file_, designation);
    found = designations_.emplace(code_or_name, designation).first;
  }
  return found->second;
}

std::int64_t DonationWriter::donor(const std::string& name, const std::string& kind) {
  auto found = donors_.find(name);
  if (found == donors_.end()) found = donors_.emplace(name, Donor{storage::donor_id(file_, name, kind), ""}).first;
  // The kind as given with the latest gift (on the chain in the donation's row); the
  // row is updated only when the kind differs from the one this writer last set.
  if (found->second.kind != kind) {
    storage::set_donor_kind(file_, found->second.id, kind);
    found->second.kind = kind;
  }
  return found->second.id;
}

RecordedDonation DonationWriter::record(const DonationInput& input) {
  check_donation_input(input);
  const std::string donor = util::trim(input.donor);
  const model::Designation& to = designation(input.designation);
  const model::Account* into = input.goods ? nullptr : &account(input.account);
  // An import has already skipped every row whose reference is recorded, voided or not.
  if (into != nullptr && !input.external_ref.empty() && !input.source) {
    if (auto existing = storage::live_donation_with_ref(file_, into->id, input.external_ref)) {
      throw Refused(
          bilingual("交易流水号“{0}”已记录在第 {1} 号分录：同一笔捐赠不能记两次",
                    "reference '{0}' is already recorded in entry {1}: the same gift cannot be recorded twice",
                    input.external_ref, *existing));
    }
  }

  EntryDraft draft;
  draft.kind = model::entry_kind::donation;
  draft.date = input.date;
  draft.memo = input.memo;
  if (into != nullptr) {
    draft.postings = {{PostingDraft::Side::account, into->id, input.amount},
                      {PostingDraft::Side::designation, to.id, -input.amount}};
  } else {
    // Goods enter the stock at their estimated value; the designation named is what
    // they are for (shown in notices), the money designations are not touched.
    if (!goods_) goods_ = storage::goods_targets(file_);
    draft.postings = {{PostingDraft::Side::account, goods_->account_id, input.amount},
                      {PostingDraft::Side::designation, goods_->designation_id, -input.amount}};
  }
  auto seq = next_receipt_seq_.find(input.date.year);
  if (seq == next_receipt_seq_.end()) {
    seq = next_receipt_seq_.emplace(input.date.year, storage::next_receipt_seq(file_, input.date.year)).first;
  }
  const std::int64_t receipt_seq = seq->second;
  draft.detail.set("receipt_year", std::int64_t{input.date.year})
      .set("receipt_seq", receipt_seq)
      .set("donor_id", donor.empty() ? storage::Value{} : storage::Value{this->donor(donor, input.donor_kind)})
      .set("donor_name", donor)
      .set_text("donor_kind", donor.empty() ? "" : input.donor_kind)
      .set("anonymous", std::int64_t{input.anonymous ? 1 : 0})
      .set("form", std::string(input.goods ? "goods" : "money"))
      .set("amount", input.amount)
      .set("account_id", into != nullptr ? storage::Value{into->id} : storage::Value{})
      .set("designation_id", to.id)
      .set_text("item", util::trim(input.item))
      .set_text("quantity", input.goods ? util::format_quantity(*util::parse_quantity(input.quantity)) : "")
      .set_text("unit", util::trim(input.unit))
      .set_text("external_ref", input.external_ref);
  if (input.source) {
    draft.detail.set("source_line", std::int64_t{input.source->line})
        .set_text("content_key", input.source->content_key);
  }
  RecordedDonation recorded;
  recorded.entry_id = journal_.append(draft);
  ++seq->second;  // only once the entry is in: a refused donation takes no number
  recorded.receipt_no = model::receipt_number(input.date.year, receipt_seq);
  return recorded;
}

std::vector<model::DonationRow> list_donations(storage::FundFile& file, const util::Period& period,
                                               storage::DonationColumns columns) {
  return storage::donation_rows(file, period.first.iso(), period.last.iso(), columns);
}

void for_each_donation(storage::FundFile& file, const util::Period& period, storage::DonationColumns columns,
                       const std::function<void(model::DonationRow&)>& visit) {
  storage::for_each_donation_row(file, period.first.iso(), period.last.iso(), columns, visit);
}

model::DonationRow find_donation(storage::FundFile& file, std::int64_t entry_id) {
  auto row = storage::donation_row(file, entry_id);
  if (!row) {
    throw InputError(bilingual("没有编号为 {0} 的捐赠（用 cfund donate list 查看编号）",
                               "there is no donation with entry number {0} (see cfund donate list)", entry_id));
  }
  return *row;
}

std::int64_t record_host_receipt(storage::FundFile& file, const Recorder& recorder, std::int64_t donation_entry_id,
                                 const std::string& number) {
  const std::string trimmed = util::trim(number);
  if (trimmed.empty()) throw InputError(bilingual("缺少慈善会收据编号", "missing the official receipt number"));
  storage::FundFile::WriteTransaction tx(file);
  const model::DonationRow donation = find_donation(file, donation_entry_id);
  if (auto existing = storage::host_receipt_of(file, donation_entry_id)) {
    throw Refused(bilingual("第 {0} 号捐赠已登记慈善会收据编号“{1}”",
                            "donation {0} already has the official receipt number '{1}'", donation_entry_id,
                            *existing));
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::host_receipt;
  // Dated today, but never before the donation it annotates.
  draft.date = std::max(recorder.now.today, *util::parse_date(donation.date));
  draft.detail.set("donation_entry_id", donation_entry_id).set("number", trimmed);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

Receipt make_receipt(storage::FundFile& file, std::int64_t entry_id) {
  Receipt receipt;
  const model::FundSettings settings = load_settings(file);
  receipt.fund_name = settings.name;
  receipt.organisation = settings.organisation;
  receipt.host = settings.host;
  receipt.donation = find_donation(file, entry_id);
  receipt.amount_in_words = util::capital_amount(receipt.donation.amount);
  return receipt;
}

}  // namespace cfund::books
