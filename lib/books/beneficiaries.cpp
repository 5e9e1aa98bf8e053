#include "books/beneficiaries.hpp"

#include "error.hpp"
#include "model/categories.hpp"
#include "privacy/resident_id.hpp"
#include "storage/notice_queries.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// Mobile or landline: digits with optional +, spaces and dashes, 5 to 20 digits.
bool plausible_phone(const std::string& phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == ' ' || c == '-' || (c == '+' && i == 0))) {
      return false;
    }
  }
  return digits >= 5 && digits <= 20;
}

}  // namespace

std::int64_t register_beneficiary(storage::FundFile& file, const Recorder& recorder, const BeneficiaryInput& input) {
  const std::string name = util::trim(input.name);
  const std::string category = util::trim(input.category);
  if (name.empty())
    throw InputError(bilingual("--name：请写受助对象姓名", "--name: the beneficiary's name is missing"));
  if (category.empty()) {
    throw InputError(bilingual("--category：请写受助类别，如 困难学生、独居老人、隐形困难人群",
                               "--category: give the kind of need, e.g. 困难学生, 独居老人, 隐形困难人群"));
  }
  std::string id_number;
  if (!util::trim(input.id_number).empty()) {
    auto checked = privacy::validate_resident_id(input.id_number);
    if (!checked) {
      throw InputError(bilingual("--id-number：{0}", "--id-number: {1}", checked.error().zh, checked.error().en));
    }
    id_number = *checked;
  }
  const std::string phone = util::trim(util::fold_full_width(input.phone));
  if (!phone.empty() && !plausible_phone(phone)) {
    throw InputError(
        bilingual("--phone：“{0}”不像电话号码", "--phone: '{0}' does not look like a phone number", phone));
  }

  storage::FundFile::WriteTransaction tx(file);
  if (!id_number.empty()) {
    if (auto existing = storage::beneficiary_by_id_number(file, id_number)) {
      throw Refused(bilingual("该身份证号已登记为受助对象 B{0:04d}",
                              "this ID number is already registered as beneficiary B{0:04d}", existing->number));
    }
  }
  const std::int64_t number = storage::next_beneficiary_number(file);
  EntryDraft draft;
  draft.kind = model::entry_kind::beneficiary;
  draft.date = recorder.now.today;
  draft.memo = input.memo;
  draft.detail.set("number", number)
      .set("name", name)
      .set_text("id_number", id_number)
      .set_text("phone", phone)
      .set_text("address", util::trim(input.address))
      .set("category", category);
  append_entry(file, recorder, draft);
  tx.commit();
  return number;
}

std::vector<model::Beneficiary> list_beneficiaries(storage::FundFile& file) { return storage::beneficiaries(file); }

std::int64_t relief_households(storage::FundFile& file, const util::Period& period, std::int64_t cutoff) {
  std::vector<std::string> categories;
  for (const auto& category : model::payment_categories()) {
    if (category.needs_beneficiary) categories.push_back(category.id);
  }
  return storage::beneficiaries_paid(file, categories, period.first.iso(), period.last.iso(), cutoff);
}

}  // namespace cfund::books
