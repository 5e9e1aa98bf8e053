#include "books/beneficiaries.hpp"

#include "books/households.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "privacy/mask.hpp"
#include "privacy/resident_id.hpp"
#include "storage/notice_queries.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

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

namespace {

// The input as the registry stores it; throws InputError naming the option.
BeneficiaryInput checked_input(const BeneficiaryInput& input) {
  BeneficiaryInput out = input;
  out.name = util::trim(input.name);
  out.category = util::trim(input.category);
  out.address = util::trim(input.address);
  if (out.name.empty())
    throw InputError(bilingual("--name：请写受助对象姓名", "--name: the beneficiary's name is missing"));
  if (out.category.empty()) {
    throw InputError(bilingual("--category：请写受助类别，如 困难学生、独居老人、隐形困难人群",
                               "--category: give the kind of need, e.g. 困难学生, 独居老人, 隐形困难人群"));
  }
  const auto id = checked_id_number(input.id_number);
  if (!id) throw InputError(bilingual("--id-number：{0}", "--id-number: {1}", id.error().zh, id.error().en));
  out.id_number = *id;
  const auto phone = checked_phone(input.phone);
  if (!phone) throw InputError(bilingual("--phone：{0}", "--phone: {1}", phone.error().zh, phone.error().en));
  out.phone = *phone;
  return out;
}

// Codes the way people type them: B0007, b7, 7.
std::optional<std::int64_t> code_number(const std::string& text) {
  std::string digits = text;
  if (!digits.empty() && (digits[0] == 'B' || digits[0] == 'b')) digits.erase(0, 1);
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const std::int64_t number = std::stoll(digits);
  if (number <= 0) return std::nullopt;
  return number;
}

// Eighteen characters, the first seventeen digits: meant as a resident ID number.
bool looks_like_id_number(const std::string& text) {
  return text.size() == 18 && text.find_first_not_of("0123456789") >= 17;
}

}  // namespace

std::string beneficiary_code(std::int64_t number) { return fmt::format("B{:04d}", number); }

bool same_phone(const std::string& a, const std::string& b) {
  const auto digits = [](const std::string& text) {
    std::string out;
    for (char c : util::fold_full_width(text)) {
      if (c >= '0' && c <= '9') out += c;
    }
    return out;
  };
  return digits(a) == digits(b);
}

Expected<std::string> checked_id_number(const std::string& text) {
  if (util::trim(text).empty()) return std::string();
  return privacy::validate_resident_id(text, privacy::mask_id_number(util::trim(util::fold_full_width(text))));
}

Expected<std::string> checked_phone(const std::string& text) {
  const std::string phone = util::trim(util::fold_full_width(text));
  if (phone.empty() || plausible_phone(phone)) return phone;
  return bilingual("不像电话号码：只能有数字（5 到 20 位）、空格、- 和开头的 +",
                   "does not look like a phone number: digits (5 to 20), spaces, - and a leading + only");
}

std::int64_t append_beneficiary(storage::FundFile& file, JournalAppender& journal, const BeneficiaryInput& input) {
  const BeneficiaryInput checked = checked_input(input);
  if (!checked.id_number.empty()) {
    if (auto existing = storage::beneficiary_by_id_number(file, checked.id_number)) {
      throw Refused(bilingual("该身份证号已登记为受助对象 {0}",
                              "this ID number is already registered as beneficiary {0}",
                              beneficiary_code(existing->number)));
    }
  }
  const std::int64_t number = storage::next_beneficiary_number(file);
  EntryDraft draft;
  draft.kind = model::entry_kind::beneficiary;
  draft.date = journal.recorder().now.today;
  draft.memo = input.memo;
  draft.detail.set("number", number)
      .set("name", checked.name)
      .set_text("id_number", checked.id_number)
      .set_text("phone", checked.phone)
      .set_text("address", checked.address)
      .set("category", checked.category);
  journal.append(draft);
  return number;
}

std::int64_t register_beneficiary(storage::FundFile& file, const Recorder& recorder, const BeneficiaryInput& input) {
  checked_input(input);  // before the transaction: a typo never waits for the lock
  storage::FundFile::WriteTransaction tx(file);
  if (input.household) require_household(file, *input.household);
  std::int64_t number = 0;
  {
    JournalAppender journal(file, recorder);
    number = append_beneficiary(file, journal, input);
    journal.finish();
  }
  if (input.household) append_household_member(file, recorder, *input.household, number);
  tx.commit();
  return number;
}

std::int64_t append_beneficiary_update(storage::FundFile& file, JournalAppender& journal, std::int64_t number,
                                       const BeneficiaryChange& change) {
  const auto current = storage::beneficiary_by_number(file, number);
  if (!current) {
    throw InputError(bilingual("没有编号为 {0} 的受助对象", "there is no beneficiary {0}", beneficiary_code(number)));
  }
  const auto id = checked_id_number(change.id_number);
  if (!id) throw InputError(bilingual("身份证号：{0}", "ID number: {1}", id.error().zh, id.error().en));
  const auto phone = checked_phone(change.phone);
  if (!phone) throw InputError(bilingual("电话：{0}", "phone: {1}", phone.error().zh, phone.error().en));
  const std::string address = util::trim(change.address);
  const std::string new_id = *id == current->id_number ? "" : *id;
  if (!new_id.empty() && !current->id_number.empty()) {
    throw Refused(bilingual("{0} 已登记身份证号 {1}，身份证号不能更改",
                            "{0} is registered with the ID number {1}, which cannot change", beneficiary_code(number),
                            privacy::mask_id_number(current->id_number)));
  }
  if (!new_id.empty()) {
    if (auto other = storage::beneficiary_by_id_number(file, new_id)) {
      throw Refused(bilingual("该身份证号已登记为受助对象 {0}",
                              "this ID number is already registered as beneficiary {0}",
                              beneficiary_code(other->number)));
    }
  }
  const std::string new_phone = phone->empty() || same_phone(*phone, current->phone) ? "" : *phone;
  const std::string new_address = address == current->address ? "" : address;  // "" stays unchanged
  if (new_id.empty() && new_phone.empty() && new_address.empty()) return 0;
  EntryDraft draft;
  draft.kind = model::entry_kind::beneficiary_update;
  draft.date = journal.recorder().now.today;
  draft.detail.set("number", number)
      .set_text("id_number", new_id)
      .set_text("phone", new_phone)
      .set_text("address", new_address);
  return journal.append(draft);
}

std::int64_t update_beneficiary(storage::FundFile& file, const Recorder& recorder, const std::string& beneficiary,
                                const BeneficiaryChange& change) {
  storage::FundFile::WriteTransaction tx(file);
  JournalAppender journal(file, recorder);
  const std::int64_t id =
      append_beneficiary_update(file, journal, resolve_beneficiary(file, beneficiary).number, change);
  if (id == 0) return 0;  // nothing to write: the transaction rolls back
  journal.finish();
  tx.commit();
  return id;
}

std::vector<model::Beneficiary> list_beneficiaries(storage::FundFile& file) { return storage::beneficiaries(file); }

model::Beneficiary resolve_beneficiary(storage::FundFile& file, const std::string& typed) {
  const std::string text = util::trim(util::fold_full_width(typed));
  if (const auto number = code_number(text)) {
    if (auto found = storage::beneficiary_by_number(file, *number)) return *found;
    throw InputError(bilingual("没有编号为 {0} 的受助对象（cfund beneficiary list）",
                               "there is no beneficiary {0} (cfund beneficiary list)", beneficiary_code(*number)));
  }
  if (looks_like_id_number(text)) {
    const auto id = checked_id_number(text);
    if (!id) throw InputError(id.error());
    if (auto found = storage::beneficiary_by_id_number(file, *id)) return *found;
    throw InputError(bilingual("没有登记身份证号为 {0} 的受助对象（先用 cfund beneficiary add 或 import 登记）",
                               "no beneficiary is registered with the ID number {0} (register one first with cfund "
                               "beneficiary add or import)",
                               privacy::mask_id_number(*id)));
  }
  const auto named = storage::beneficiaries_named(file, text);
  if (named.size() == 1) return named.front();
  if (named.empty()) {
    throw InputError(bilingual("没有名叫 {0} 的受助对象（也可以写编号 B0001 或身份证号）",
                               "there is no beneficiary named {0} (a code such as B0001 or an ID number will do too)",
                               privacy::mask_name(text)));
  }
  Message codes;
  for (const auto& person : named) {
    codes.zh += (codes.zh.empty() ? "" : "、") + beneficiary_code(person.number);
    codes.en += (codes.en.empty() ? "" : ", ") + beneficiary_code(person.number);
  }
  throw InputError(bilingual("有 {0} 位受助对象叫 {1}（{2}）：请写编号或身份证号",
                             "{0} beneficiaries are named {1} ({3}): give the code or the ID number", named.size(),
                             privacy::mask_name(text), codes.zh, codes.en));
}

std::int64_t relief_households(storage::FundFile& file, const util::Period& period, std::int64_t cutoff) {
  // Counted as the notice counts them: households at the period's end, a beneficiary in
  // none a household of one.
  return people_served(file, period, cutoff).relief.households;
}

}  // namespace cfund::books
