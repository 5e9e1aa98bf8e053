#pragma once
// The notice (公示) of a period as one model: every number and row, computed once
// from the books up to a cut-off entry, with the privacy rules already applied
// (lib/privacy/mask.hpp). The renderers in lib/render/notice_*.cpp only lay it out.
//
// How the numbers are made (docs/notices.md says the same for readers):
// - only entries with id <= cutoff count; the default cut-off is the last entry that
//   is not itself a publication record, so publishing twice gives the same bytes;
// - opening = balances of postings dated before the period; closing = balances of
//   postings dated up to its last day; closing = opening + income - spending
//   + transferred in - transferred out, per designation (checked when building);
// - opening balances brought forward from before cfund (kind opening) that are dated
//   in the period are part of the opening balance, never income;
// - income is money donations and other income (grants, interest, ..., the price of
//   goods sold) dated in the period; spending is disbursements dated in it. An entry voided inside the same period is
//   left out together with its void (both are counted in `voided_within_period`). A void dated in the period of an
//   entry dated before it shows as a negative row (a correction) in this period's list, so that the lists add up to the
//   summary. An entry dated in the period but voided later still counts here, with a note;
// - transfers between accounts are neither income nor spending; reallocations
//   between designations show as transferred in / out (调入/调出);
// - goods are listed separately at their estimated value and are not money: goods
//   received (among donations), given out and sold, and the stock on hand at the
//   period's end (物资收发);
// - the community side (report/community.hpp) is disclosed beside the money, never
//   counted as money: households and people helped, micro-wishes, volunteer hours,
//   credit points.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "report/community.hpp"
#include "storage/fund_file.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"

namespace cfund::report {

using util::Fen;

struct NoticeOptions {
  util::Period period;
  std::optional<std::int64_t> cutoff;  // default: the last entry that is not a publication
  std::int64_t generated_at = 0;       // seconds since 1970 (UTC): the caller decides (option or util::now())
  // For a period of more entries than this, or a list longer than this all the same, the
  // money donations are not kept in the model: they are read again from the books, line by
  // line, each time the list is laid out (NoticeModel::replay_donations), so that a year of
  // a large fund does not sit in memory. Only for a caller whose layouts take such a list
  // (render: text and Markdown). None: always kept. The payments are bounded the same way.
  std::optional<std::size_t> keep_donations_up_to;
  // Only the figures (a roll-up's): the summary and its check against the books, the
  // income, spending and goods lines, the projects; the donations are counted but not
  // listed; no corrections, community or chart.
  bool figures_only = false;
};

struct DesignationSummary {
  std::string code;
  std::string name;
  std::string kind;  // general, special, project
  bool restricted = false;
  Fen opening = 0;       // balances before the period, and opening balances brought forward in it
  Fen income = 0;        // money donations
  Fen other_income = 0;  // income that is not a donation
  Fen spending = 0;
  Fen transferred_in = 0;   // reallocations into it (调入)
  Fen transferred_out = 0;  // reallocations out of it (调出)
  Fen closing = 0;
};

struct SummaryTotals {
  Fen opening = 0;
  Fen income = 0;
  Fen other_income = 0;
  Fen spending = 0;
  Fen transferred_in = 0;
  Fen transferred_out = 0;
  Fen closing = 0;
};

// A donor as the notice may show them: anonymous donors only as anonymous.
struct ShownDonor {
  std::string name;  // empty when anonymous
  bool anonymous = false;
};

// A row of the donation list: one donation, or (negative) the void in this period of
// a donation listed in an earlier one.
struct DonationLine {
  std::string date;
  ShownDonor donor;
  Fen amount = 0;  // money, or the estimated value of goods
  bool goods = false;
  std::string goods_description;  // 大米 20袋
  std::string designation_code;
  std::string designation_name;
  std::string receipt_no;
  bool correction = false;    // a negative row voiding an earlier donation
  std::string original_date;  // for a correction: the voided donation's date
  std::string voided_on;      // dated in the period but voided later (not counted away here)
  std::string reason;         // for a correction: why it was voided
};

// Small money donations counted together: from <= amount < to.
struct DonationBand {
  Fen from = 0;
  Fen to = 0;
  int count = 0;
  Fen total = 0;
};

struct SpendingLine {
  std::string date;
  std::string category;  // relief, project, management, fundraising
  std::string purpose;
  std::string designation_code;
  std::string designation_name;
  std::string payee;  // as allowed: relief shows "独居老人 王*英", never id, phone or address
  Fen amount = 0;
  std::string approval_ref;
  std::string voucher;
  bool correction = false;
  std::string original_date;
  std::string voided_on;
  std::string reason;
};

// A row of the other-income list (grants, matching funds, interest, ...), or the
// void in this period of one listed in an earlier one.
struct IncomeLine {
  std::string date;
  std::string kind;    // an income kind (model/categories.hpp)
  std::string source;  // who paid it
  Fen amount = 0;
  std::string designation_code;
  std::string designation_name;
  std::string matches;  // matching funds: what they match ("第 12 号分录" is given as the entry number)
  bool correction = false;
  std::string original_date;
  std::string voided_on;
  std::string reason;
};

// Goods given out or sold (物资发放、义卖), or the void in this period of one listed before.
struct GoodsOutLine {
  std::string date;
  bool sold = false;
  std::string goods;       // 大米 50袋
  Fen amount = 0;          // the stock's estimated value that left
  Fen price = 0;           // sold: what it fetched
  std::string to;          // a beneficiary as relief shows them (独居老人 王*英), a project, a group, a buyer
  bool to_person = false;  // given to a beneficiary

  std::string purpose;
  bool correction = false;
  std::string original_date;
  std::string voided_on;
  std::string reason;
};

// Project progress, one line per project (filled by load_project_progress).
struct ProjectProgress {
  std::string code;
  std::string name;
  std::string stage;  // books::project_stage::..., as of the period's end
  Fen budget = 0;     // as amended by then
  Fen spent = 0;
  Fen remaining = 0;                          // budget - spent; 0 once the project has ended
  std::optional<std::int64_t> people_served;  // once evaluated
};

// An entry voided after the period it belongs to was published (更正说明).
struct Correction {
  std::string void_date;
  std::string original_date;
  std::string original_kind;  // donation, disbursement, reallocation, transfer
  std::string description;    // what it was, privacy applied
  ShownDonor donor;           // for donations
  Fen amount = 0;
  std::string reason;
  std::string published_in;  // the period label of the notice that showed it
};

// One bar group of the chart: a month (for a quarter or a year) or a designation.
struct ChartBar {
  std::string label;  // "2025-03" or the designation's code
  std::string name;   // designation name ("" for months)
  Fen income = 0;
  Fen spending = 0;
};

struct NoticeModel {
  // Header.
  std::string fund_name;
  std::string organisation;
  std::string host;
  std::string supervision_phone;
  util::Period period;
  std::int64_t cutoff_entry = 0;  // 0: the journal was empty
  std::string cutoff_recorded;    // when the cut-off entry was recorded (date part)
  util::WallTime generated_at;    // in the fund's time zone
  std::string verification_code;
  std::string notice_url;  // [notice] url: where the notice is online (may be empty)

  // Summary (资金概况).
  std::vector<DesignationSummary> designations;
  SummaryTotals total;
  SummaryTotals restricted;
  SummaryTotals unrestricted;
  Fen goods_value = 0;  // goods received (donations) this period
  int goods_count = 0;
  Fen brought_forward = 0;  // opening balances (kind opening) dated in the period, in `opening`

  // Lists.
  std::vector<DonationLine> donations;  // money: named (and all, without bands), corrections
  // When the money list was longer than NoticeOptions::keep_donations_up_to: `donations`
  // is empty and this visits its lines again, in the same order and the same words, while
  // the model lives (it holds the fund file's read snapshot, so the books read the same).
  std::function<void(const std::function<void(DonationLine&)>&)> replay_donations;
  int listed_gifts = 0;       // money lines listed that are not corrections (either way)
  bool listed_notes = false;  // some listed money line has a note (a correction or a later void)
  // The same for the payments, past as many lines.
  std::function<void(const std::function<void(SpendingLine&)>&)> replay_spending;
  int listed_payments = 0;          // spending lines that are not corrections (either way)
  bool spending_approvals = false;  // some spending line has an approval number
  bool spending_vouchers = false;   // some spending line has a voucher number
  bool spending_notes = false;      // some spending line has a note
  std::vector<DonationBand> bands;  // money donations below band_below
  Fen band_below = 0;               // 0: no bands
  std::vector<DonationLine> goods;
  std::vector<IncomeLine> income;  // other income; the price of goods sold is among it
  std::vector<SpendingLine> spending;
  std::vector<GoodsOutLine> goods_out;
  std::vector<model::StockLine> stock;  // on hand at the period's end
  Fen stock_value = 0;
  Fen stock_opening_value = 0;   // on hand before the period (goods brought forward in it included)
  int voided_within_period = 0;  // entries voided in the same period: left out of lists and sums
  std::vector<ProjectProgress> projects;
  std::vector<Correction> corrections;
  std::vector<ChartBar> chart;
  bool chart_by_month = false;

  // What the fund did besides money (never in the money figures): households and
  // people helped, micro-wishes, volunteer service, credit points.
  CommunityReport community;
};

// Builds the notice. Throws InputError for a cut-off that is not an entry, and
// std::logic_error if the summary does not add up to the balances (a bug).
NoticeModel build_notice(storage::FundFile& file, const NoticeOptions& options);

// Project progress for the notice; empty when the fund has no projects. A stand-in
// until the project module (issue 3) is merged: see the TODO in notice.cpp.
std::vector<ProjectProgress> load_project_progress(storage::FundFile& file, const util::Period& period,
                                                   std::int64_t cutoff);

// Band edges below `below`: 0, 50, 100, 200, 500, 1000, 2000, 5000 ... yuan, the last
// band ending at `below`.
std::vector<std::pair<Fen, Fen>> donation_band_edges(Fen below);

}  // namespace cfund::report
