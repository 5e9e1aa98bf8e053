#pragma once
// The beneficiary registry (受助对象). Registration is a journal entry, so the
// registry is covered by the hash chain; the data itself is private (SPEC §6).
// A later phone or address is an entry of its own (kind beneficiary_update): the
// books read a beneficiary with the latest ones.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"
#include "util/expected.hpp"

namespace cfund::books {

struct BeneficiaryInput {
  std::string name;
  std::string id_number;  // 18-character resident ID; checked
  std::string phone;
  std::string address;
  std::string category;  // 困难学生, 独居老人, 隐形困难人群, ...
  std::string memo;
  std::optional<std::int64_t> household;  // H0001 is 1: recorded as a household_member entry right after
};

// One transaction; returns the new beneficiary's number (B0001 is 1). With a household,
// the beneficiary's membership is a second entry of the same transaction.
std::int64_t register_beneficiary(storage::FundFile& file, const Recorder& recorder, const BeneficiaryInput& input);
// The same inside the caller's write transaction (an import). The input is checked
// as register_beneficiary checks it.
std::int64_t append_beneficiary(storage::FundFile& file, JournalAppender& journal, const BeneficiaryInput& input);

// New details of a registered beneficiary; an empty one is unchanged.
struct BeneficiaryChange {
  std::string id_number;  // only for one registered without: an ID number never changes
  std::string phone;
  std::string address;
};
// Records what differs from the beneficiary's current details as an entry of kind
// beneficiary_update and returns its id; 0 when nothing differs. Refuses a different
// ID number for one who has one, and one registered for someone else.
std::int64_t append_beneficiary_update(storage::FundFile& file, JournalAppender& journal, std::int64_t number,
                                       const BeneficiaryChange& change);
// The same in one transaction (`cfund beneficiary update`).
std::int64_t update_beneficiary(storage::FundFile& file, const Recorder& recorder, const std::string& beneficiary,
                                const BeneficiaryChange& change);

std::vector<model::Beneficiary> list_beneficiaries(storage::FundFile& file);

// A beneficiary as people name one: the code (B0001, or 1), the 18-character resident
// ID number, or a name exactly one beneficiary has. Throws InputError saying what was
// not found, or, for a name several beneficiaries share, listing their codes; names
// and ID numbers appear masked in the message.
model::Beneficiary resolve_beneficiary(storage::FundFile& file, const std::string& text);

// What the registry accepts: the resident ID normalised (upper-case X; "" stays ""),
// and a phone number (digits, with +, spaces and dashes; full-width forms folded).
// The reasons show the values masked.
Expected<std::string> checked_id_number(const std::string& text);
Expected<std::string> checked_phone(const std::string& text);

// "B0007".
std::string beneficiary_code(std::int64_t number);

// Whether two phone numbers are the same digits ("138 1234-5678" = "13812345678").
bool same_phone(const std::string& a, const std::string& b);
// A phone number as people write it: digits with an optional leading +, spaces and
// dashes, 5 to 20 digits (mobile or landline). Beneficiaries' and volunteers'.
bool plausible_phone(const std::string& phone);
// The households that relief reached in a period, as the roll-up shows them (cfund
// rollup, "relief households"): books::people_served's count, the notice's.
std::int64_t relief_households(storage::FundFile& file, const util::Period& period, std::int64_t cutoff);

}  // namespace cfund::books
