#pragma once
// How the books' lists and receipts are shown to the community worker: as aligned
// text (in Chinese or English) or as JSON for scripts. Beneficiaries appear masked
// (SPEC §6) except in the registry's own --full view.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "books/donations.hpp"
#include "books/fund.hpp"
#include "books/registry.hpp"
#include "model/types.hpp"
#include "render/table.hpp"
#include "util/message.hpp"

namespace cfund::render {

// The text lists (donate list, disburse list) laid out as they are read: `add` each row in order, then `finish`. Only
// the cells' text is kept, not the rows (a year of a large fund lists hundreds of
// thousands of donations).
class DonationsText {
 public:
  explicit DonationsText(Lang lang);
  void add(const model::DonationRow& row);
  std::string finish() const;  // the table and the totals under it

 private:
  Lang lang_;
  TextCells cells_;
  util::Fen money_ = 0;
  util::Fen goods_ = 0;  // estimated value
};

class DisbursementsText {
 public:
  explicit DisbursementsText(Lang lang);
  void add(const model::DisbursementRow& row);
  std::string finish() const;

 private:
  Lang lang_;
  TextCells cells_;
  util::Fen total_ = 0;
};

// One row of the --json lists; a JSON list written an element at a time, the same bytes
// as the whole array's dump(2), with a line break after it.
nlohmann::json donation_json(const model::DonationRow& row);
nlohmann::json disbursement_json(const model::DisbursementRow& row);
nlohmann::json disbursements_json(const std::vector<model::DisbursementRow>& rows);  // a project's payments

class JsonListText {
 public:
  void add(const nlohmann::json& element);
  std::string finish();  // once

 private:
  std::string out_;
};

std::string beneficiaries_text(const std::vector<model::Beneficiary>& rows, bool full, Lang lang);
nlohmann::json beneficiaries_json(const std::vector<model::Beneficiary>& rows, bool full);

std::string overview_text(const books::FundOverview& view, Lang lang);
nlohmann::json overview_json(const books::FundOverview& view);

// cfund fund settings: every setting, its value, what it means and which entry set it.
std::string settings_text(const std::vector<books::SettingLine>& lines, Lang lang);
nlohmann::json settings_json(const std::vector<books::SettingLine>& lines);

// The printable donation receipt (捐赠收据), with the capital amount.
std::string receipt_text(const books::Receipt& receipt, Lang lang);

// Names of things in the reader's language.
std::string category_name(const std::string& category, Lang lang);
std::string beneficiary_label(const model::DisbursementRow& row);  // 独居老人 王*英 (B0003)

}  // namespace cfund::render
