#pragma once
// What no published or exported text may show in full (SPEC §6): the beneficiaries'
// names, ID numbers, phones and addresses, the names given with anonymous donations,
// households' names and addresses, and volunteers' phones. The notice and the export
// mask free text with these.

#include <optional>
#include <vector>

#include "books/donations.hpp"
#include "model/types.hpp"
#include "privacy/mask.hpp"
#include "storage/fund_file.hpp"

namespace cfund::report {

privacy::Secrets fund_secrets(storage::FundFile& file);

// The free text of lists (donate list, disburse list and their --json) and receipts,
// masked with the fund's secrets as a notice masks it: a purpose, memo, void or repeat
// reason, payee or item that names a beneficiary shows 王*英, an ID number or phone
// "***". `--full` skips this (the worker who needs the text as typed). A list is masked a
// row at a time as it is read; the fund's secrets are read, and the masker built, at the
// first row whose free text is not empty (most imported donations carry none).
class FreeTextMasker {
 public:
  explicit FreeTextMasker(storage::FundFile& file) : file_(file) {}
  void operator()(model::DonationRow& row);
  void operator()(model::DisbursementRow& row);

 private:
  template <typename Texts>
  void mask(const Texts& texts);
  storage::FundFile& file_;
  std::optional<privacy::MentionMasker> masker_;
};

void mask_free_text(storage::FundFile& file, books::Receipt& receipt);

}  // namespace cfund::report
