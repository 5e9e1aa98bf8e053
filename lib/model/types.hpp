#pragma once
// The nouns of the books, as the rest of cfund sees them.

#include <cstdint>

#include <fmt/format.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/message.hpp"
#include "util/money.hpp"

namespace cfund::model {

using util::Fen;

// Where money physically sits (a kind of model/categories.hpp: bank, cash, wechat,
// alipay, other), or the stock of donated goods (kind goods, one per fund).
struct Account {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string kind;
  std::string closed_on;  // the date it was closed ("" while open): it takes no more entries
};

// What money may be used for: the general fund (unrestricted), a special fund or
// micro-fund, or one project (restricted).
struct Designation {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string kind;  // general, special, project, goods
  bool restricted = false;
  std::string closed_on;  // the date it was closed ("" while open): it takes no more money
};

inline const std::string kGeneralFund = "general";
// The designation that holds the value of donated goods in stock (kind goods): the
// goods commands move it, so that money designations hold money only and a payment
// can never be covered by goods.
inline const std::string kGoodsKind = "goods";

// The yearly ratios that `cfund audit` reports as advisory indicators ([audit] in the
// fund TOML). Percentages are whole numbers.
struct AuditSettings {
  bool charitable_ratio_check = true;
  int charitable_ratio_min = 70;  // charitable spending >= this % of last year's income
  bool management_ratio_check = true;
  int management_ratio_max = 10;          // management cost <= this % of the year's spending
  Fen management_ratio_floor = 20000000;  // ¥200,000.00: below this much management cost, no check
};

// [points] in the fund TOML: credit points (积分) earned by donating and by volunteer
// service, redeemed for services or goods (books/points.hpp). Points are whole
// numbers, never money: they touch no money total. Kept together so that they move
// into the settings registry as one group.
struct PointsSettings {
  std::int64_t per_yuan = 0;  // points for each whole yuan donated (money, or goods at their value); 0: none
  std::int64_t per_hour = 0;  // points for each hour of volunteer service (pro rata for parts); 0: none
  int expiry_months = 0;      // points expire this many months after the day they were earned; 0: never
  int notice_top = 10;        // a notice names at most this many of the year's top contributors who agreed; 0: none
};

struct FundSettings {
  std::string name;
  std::string organisation;  // who runs the fund (e.g. a residents' committee)
  std::string host;          // the charity federation that issues official receipts
  // Where the fund sits among its family ([fund] region and town): a district's
  // federation rolls its funds up by town (cfund rollup --by town). Free text.
  std::string region;             // 区/县 (e.g. 临江区)
  std::string town;               // 镇/街道 (e.g. 青溪镇)
  std::string supervision_phone;  // printed on every notice
  std::string default_operator;
  Lang report_language = Lang::zh;
  Fen approval_threshold = 500000;  // payments above it need an approval reference
  int relief_window_days = 365;     // a second relief inside it needs a reason
  // [approval] in the fund TOML: a threshold per payment category (relief "0",
  // management "3,000"); categories left out use approval_threshold.
  std::map<std::string, Fen> approval_thresholds;
  // [relief_windows]: a window per beneficiary category (困难学生 = 120, student aid
  // paid each term); categories left out use relief_window_days.
  std::map<std::string, int> relief_windows;
  Fen approval_threshold_for(const std::string& category) const;
  int relief_window_for(const std::string& beneficiary_category) const;
  AuditSettings audit;
  // The IANA time zone of the fund's clocks ([fund] time_zone): notices print their
  // time in it.
  std::string time_zone = "Asia/Shanghai";
  // [notice]: money donations below this are listed in bands (count and total per
  // band) instead of one line each; 0 lists every donation.
  Fen band_donations_below = 0;
  // [notice] url: where the notice is published online; the print notice's QR code
  // leads there (with its verification code). Empty: the QR code holds the code alone.
  std::string notice_url;
  // [fund] max_amount: the most one entry may move or value; lower than, never above,
  // util::kMaxEntryAmount (¥1,000,000,000.00).
  Fen max_amount = util::kMaxEntryAmount;
  // [fund] future_days: how many days after today an entry may be dated (0: none, so a
  // mistyped year cannot hide an entry from this year's notice).
  int future_days = 0;
  // Project categories beyond the six every fund has (books/projects.hpp).
  std::vector<std::string> project_categories;
  PointsSettings points;
};

// Everything `cfund init` needs to create a fund.
// A balance brought forward when a fund that existed before cfund starts using it
// ([opening] in the fund TOML, or `cfund opening add`): money in an account for a
// designation, or goods in stock (item set).
struct OpeningBalance {
  std::string account;      // money: account code
  std::string designation;  // money: designation code ("" = the general fund)
  Fen amount = 0;           // money, or the estimated value of goods
  std::string item;         // goods
  std::string unit;
  std::string quantity;
};

struct FundDefinition {
  FundSettings settings;
  std::vector<Account> accounts;          // id unused
  std::vector<Designation> designations;  // special funds; the general fund is always created
  std::string opening_date;               // ISO; set when openings are
  std::vector<OpeningBalance> openings;
};

// Where an imported donation or payment came from (books/imports.hpp): its line in
// the statement, and for a row without a transaction number, the key that
// recognises it when an overlapping statement is imported again.
struct ImportSource {
  int line = 0;
  std::string content_key;
};

// A receipt number as printed: the year and the sequence within it, "2025-000123".
inline std::string receipt_number(int year, std::int64_t seq) { return fmt::format("{}-{:06d}", year, seq); }

// A donation as the books hold it (private fields included: callers that publish
// must go through the privacy rules).
struct DonationRow {
  std::int64_t entry_id = 0;
  std::string date;
  std::string receipt_no;  // 2025-000123
  std::string donor_name;  // as given; may be empty when anonymous
  bool anonymous = false;
  std::string form;  // money, goods
  Fen amount = 0;    // money, or the estimated value of goods
  std::string item;
  std::string quantity;
  std::string unit;
  std::string account_code;  // empty for goods
  std::string account_name;
  std::string designation_code;
  std::string designation_name;
  std::string external_ref;
  std::string memo;
  std::string host_receipt;
  std::string operator_name;
  std::string recorded_at;
  std::optional<std::int64_t> voided_by;
  std::string void_reason;
};

struct DisbursementRow {
  std::int64_t entry_id = 0;
  std::string date;
  std::string category;  // relief, project, management, fundraising
  Fen amount = 0;
  std::string account_code;
  std::string account_name;
  std::string designation_code;
  std::string designation_name;
  std::string payee;
  std::string purpose;
  std::optional<std::int64_t> beneficiary;  // number
  std::string beneficiary_name;             // private
  std::string beneficiary_category;
  std::string approval_ref;
  std::string voucher;
  std::string external_ref;
  std::string memo;
  std::string repeat_reason;
  std::string operator_name;
  std::string recorded_at;
  std::optional<std::int64_t> voided_by;
  std::string void_reason;
};

// Income other than a donation (grants, matching funds, interest, ...).
struct IncomeRow {
  std::int64_t entry_id = 0;
  std::string date;
  std::string income_kind;  // model/categories.hpp: grant, matching, interest, service, sales, other
  std::string source;
  Fen amount = 0;
  std::string account_code;
  std::string account_name;
  std::string designation_code;
  std::string designation_name;
  std::string external_ref;
  std::optional<std::int64_t> matches_entry;
  std::string matches_campaign;
  std::string memo;
  std::string operator_name;
  std::string recorded_at;
  std::optional<std::int64_t> voided_by;
  std::string void_reason;
};

// A balance brought forward (期初余额): money into an account and a designation, or
// goods into stock.
struct OpeningRow {
  std::int64_t entry_id = 0;
  std::string date;
  Fen amount = 0;  // money, or the estimated value of goods
  std::string account_code;
  std::string account_name;
  std::string designation_code;
  std::string designation_name;
  std::string item;  // goods only
  std::string unit;
  std::string quantity;
  std::string memo;
  std::string approval_ref;
  std::optional<std::int64_t> voided_by;
  std::string void_date;
  std::string void_reason;
};

// What the stock holds of one item (by name and unit), at its estimated value.
struct StockLine {
  std::string item;
  std::string unit;
  std::int64_t quantity = 0;  // thousandths of a unit (util/quantity.hpp)
  Fen value = 0;
};

// Goods coming into or leaving the stock: a goods donation, a goods opening, goods
// given out or sold. Quantities are as stored ("50", "2.5").
struct GoodsMovement {
  std::int64_t entry_id = 0;
  std::string kind;  // entry kind: donation, opening, goods_given, goods_sale
  std::string date;
  std::string item;
  std::string unit;
  std::string quantity;
  Fen value = 0;   // the stock's value that came in or left
  bool in = true;  // into stock
  // goods given: to whom (a beneficiary's name is private)
  std::optional<std::int64_t> beneficiary;
  std::string beneficiary_name;
  std::string beneficiary_category;
  std::string project_code;
  std::string project_name;
  std::string recipient;
  std::string purpose;
  // goods sold
  Fen price = 0;
  std::string account_code;
  std::string designation_code;
  std::string designation_name;
  std::string buyer;
  // goods donation
  std::string receipt_no;
  std::string donor_name;  // private when anonymous
  bool anonymous = false;
  std::string approval_ref;
  std::string memo;
  std::optional<std::int64_t> voided_by;
  std::string void_date;
  std::string void_reason;
};

// A person or household helped. Every field but number and category is private.
struct Beneficiary {
  std::int64_t number = 0;
  std::int64_t entry_id = 0;
  std::string name;
  std::string id_number;
  std::string phone;
  std::string address;
  std::string category;  // 困难学生, 独居老人, 隐形困难人群, ...
};

}  // namespace cfund::model
