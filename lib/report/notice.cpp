#include "report/notice.hpp"

#include "books/projects.hpp"
#include "model/categories.hpp"
#include "storage/fund_file.hpp"
#include "storage/project_queries.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include "books/fund.hpp"
#include "books/goods.hpp"
#include "books/journal.hpp"
#include "books/registry.hpp"
#include "books/verification.hpp"
#include "error.hpp"
#include "privacy/mask.hpp"
#include "report/secrets.hpp"
#include "storage/community_queries.hpp"
#include "storage/economy_queries.hpp"
#include "storage/notice_queries.hpp"
#include "storage/queries.hpp"
#include "storage/rows.hpp"
#include "util/hours.hpp"

namespace cfund::report {

namespace {

bool in_period(const util::Period& period, const std::string& iso) {
  auto date = util::parse_date(iso);
  return date && period.contains(*date);
}

std::string goods_description(const model::DonationRow& row) {
  std::string text = row.item;
  if (!row.quantity.empty()) text += " " + row.quantity + row.unit;
  return text;
}

class Scrubber {
 public:
  explicit Scrubber(const privacy::Secrets& secrets) : masker_(secrets) {}
  std::string operator()(const std::string& text) const { return masker_(text); }
  const privacy::MentionMasker& masker() const { return masker_; }

 private:
  privacy::MentionMasker masker_;
};

// What the notice may say about a beneficiary paid by a relief payment: the
// category and the masked name (独居老人 王*英), never the ID, phone or address.
std::string relief_payee(const model::DisbursementRow& row, const Scrubber& scrub) {
  const std::string masked = privacy::mask_name(row.beneficiary_name);
  const std::string category = scrub(row.beneficiary_category);
  return category.empty() ? masked : category + " " + masked;
}

ShownDonor shown_donor(const model::DonationRow& row, const Scrubber& scrub) {
  if (row.anonymous) return {"", true};
  return {scrub(row.donor_name), false};
}

std::string month_label(const util::Date& date) { return fmt::format("{:04d}-{:02d}", date.year, date.month); }

void add_to(SummaryTotals& totals, const DesignationSummary& line) {
  totals.opening += line.opening;
  totals.income += line.income;
  totals.other_income += line.other_income;
  totals.spending += line.spending;
  totals.transferred_in += line.transferred_in;
  totals.transferred_out += line.transferred_out;
  totals.closing += line.closing;
}

std::string goods_text(const model::GoodsMovement& movement) {
  return movement.item + " " + movement.quantity + movement.unit;
}

// What a voided service or points redemption was (no money: its amount is 0).
std::string community_description(storage::FundFile& file, std::int64_t entry_id) {
  if (auto service = storage::service_row(file, entry_id)) {
    return service->activity + " " + util::format_hours(service->hours) + "h";
  }
  for (const auto& redemption : storage::redemptions(file)) {
    if (redemption.entry_id == entry_id) return redemption.purpose + " " + std::to_string(redemption.points);
  }
  return "";
}

// Voids of entries that belong to a period already published, not yet explained in
// an earlier notice of this series: the notice's corrections (更正说明).
std::vector<Correction> find_corrections(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                                         const Scrubber& scrub) {
  std::vector<Correction> corrections;
  const auto published = storage::publications(file);
  const std::string first = period.first.iso();
  const std::string last = period.last.iso();
  for (const auto& void_record : storage::voids_through(file, last, cutoff)) {
    const storage::PublicationRecord* shown_in = nullptr;
    bool explained = false;
    for (const auto& record : published) {
      if (record.cutoff_entry > cutoff) continue;  // made from a later state than this notice
      if (record.entry_id < void_record.id && record.first_date <= void_record.original_date &&
          void_record.original_date <= record.last_date && shown_in == nullptr) {
        shown_in = &record;
      }
      if (record.cutoff_entry >= void_record.id && void_record.date <= record.last_date && record.last_date < first) {
        explained = true;
      }
    }
    if (shown_in == nullptr || explained) continue;

    Correction correction;
    correction.void_date = void_record.date;
    correction.original_date = void_record.original_date;
    correction.original_kind = void_record.original_kind;
    correction.reason = scrub(void_record.reason);
    correction.published_in = shown_in->period_label;
    if (void_record.original_kind == model::entry_kind::donation) {
      if (auto row = storage::donation_row(file, void_record.original_id)) {
        correction.donor = shown_donor(*row, scrub);
        correction.amount = row->amount;
        correction.description = row->receipt_no;
        if (row->form == "goods") correction.description += " " + scrub(goods_description(*row));
      }
    } else if (void_record.original_kind == model::entry_kind::disbursement) {
      if (auto row = storage::disbursement_row(file, void_record.original_id)) {
        correction.amount = row->amount;
        const std::string payee = row->beneficiary ? relief_payee(*row, scrub) : scrub(row->payee);
        correction.description = scrub(row->purpose) + (payee.empty() ? "" : " / " + payee);
        if (!row->voucher.empty()) correction.description += " / " + scrub(row->voucher);
      }
    } else if (void_record.original_kind == model::entry_kind::income) {
      if (auto row = storage::income_row(file, void_record.original_id)) {
        correction.amount = row->amount;
        correction.description = model::find_income_kind(row->income_kind) != nullptr
                                     ? scrub(row->source)
                                     : scrub(row->income_kind + " " + row->source);
      }
    } else if (void_record.original_kind == model::entry_kind::service ||
               void_record.original_kind == model::entry_kind::points_redemption) {
      correction.description = scrub(community_description(file, void_record.original_id));
    } else if (auto goods = storage::goods_movement(file, void_record.original_id)) {
      correction.amount = goods->kind == model::entry_kind::goods_sale ? goods->price : goods->value;
      correction.description = scrub(goods_text(*goods));
    } else {
      for (const auto& posting : storage::postings_of(file, void_record.original_id)) {
        if (posting.amount > 0) correction.amount += posting.amount;
      }
    }
    corrections.push_back(std::move(correction));
  }
  return corrections;
}

// A line dated in the period shows the entry (and when it was voided, if it was);
// otherwise the entry is listed for its void in the period: a negative line on the
// void's date, with the original date and the reason.
template <typename Line>
void place_in_period(Line& line, std::string date, Fen amount, const std::optional<storage::VoidMark>& void_mark,
                     bool dated_here, const Scrubber& scrub) {
  if (dated_here) {
    line.date = std::move(date);
    line.amount = amount;
    if (void_mark) line.voided_on = void_mark->date;
    return;
  }
  line.date = void_mark->date;
  line.amount = -amount;
  line.correction = true;
  line.original_date = std::move(date);
  line.reason = scrub(void_mark->reason);
}

// Recorded and voided both within the period: the notice lists neither (it counts them).
bool voided_within(const util::Period& period, const std::string& date,
                   const std::optional<storage::VoidMark>& void_mark) {
  return in_period(period, date) && void_mark && in_period(period, void_mark->date);
}

// Where the summary keeps each money designation (the goods designation is not money).
struct SummaryIndex {
  std::map<std::string, std::size_t> by_code;
  std::map<std::int64_t, std::size_t> by_id;
};

// Opening balances brought forward (kind opening) dated in the period join the opening
// balance; a void of one dated in the period takes it out again.
void add_brought_forward(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                         const SummaryIndex& index, NoticeModel& model) {
  for (const auto& row : storage::opening_rows(file)) {
    if (row.entry_id > cutoff || !row.item.empty()) continue;  // goods are in the stock's figures
    auto found = index.by_code.find(row.designation_code);
    if (found == index.by_code.end()) continue;
    Fen change = in_period(period, row.date) ? row.amount : 0;
    if (row.voided_by && *row.voided_by <= cutoff && in_period(period, row.void_date)) change -= row.amount;
    model.designations[found->second].opening += change;
    model.brought_forward += change;
  }
}

void add_income(storage::FundFile& file, const util::Period& period, std::int64_t cutoff, const SummaryIndex& index,
                const Scrubber& scrub, NoticeModel& model) {
  storage::notice_income(file, period.first.iso(), period.last.iso(), cutoff, [&](storage::NoticeIncome& found) {
    auto& row = found.row;
    if (voided_within(period, row.date, found.void_mark)) {
      ++model.voided_within_period;
      return;
    }
    const bool dated_here = in_period(period, row.date);
    IncomeLine line;
    line.kind = row.income_kind;
    line.source = scrub(row.source);
    line.designation_code = row.designation_code;
    line.designation_name = row.designation_name;
    line.matches = row.matches_entry ? std::to_string(*row.matches_entry) : scrub(row.matches_campaign);
    place_in_period(line, std::move(row.date), row.amount, found.void_mark, dated_here, scrub);
    model.designations[index.by_code.at(line.designation_code)].other_income += line.amount;
    model.income.push_back(std::move(line));
  });
}

// Goods given out or sold in the period (the price of goods sold is income), and the
// stock before and after it. Goods received are among the donations.
void add_goods(storage::FundFile& file, const util::Period& period, std::int64_t cutoff, const SummaryIndex& index,
               const Scrubber& scrub, NoticeModel& model) {
  for (auto& movement : storage::goods_movements(file, "0000-01-01", period.last.iso(), cutoff)) {
    const bool dated_here = in_period(period, movement.date);
    const bool voided_here = movement.voided_by && in_period(period, movement.void_date);
    if (movement.in && movement.kind == model::entry_kind::opening && dated_here) {
      model.stock_opening_value += movement.value;  // brought forward in the period
    }
    if (movement.in || (!dated_here && !voided_here)) continue;
    if (dated_here && voided_here) {
      ++model.voided_within_period;
      continue;
    }
    std::optional<storage::VoidMark> void_mark;
    if (movement.voided_by)
      void_mark = storage::VoidMark{*movement.voided_by, movement.void_date, movement.void_reason};
    GoodsOutLine line;
    line.sold = movement.kind == model::entry_kind::goods_sale;
    line.goods = scrub(goods_text(movement));
    line.purpose = scrub(movement.purpose);
    if (movement.beneficiary) {
      line.to_person = true;
      const std::string masked = privacy::mask_name(movement.beneficiary_name);

      const std::string category = scrub(movement.beneficiary_category);
      line.to = category.empty() ? masked : category + " " + masked;
    } else if (!movement.project_code.empty()) {
      line.to = scrub(movement.project_name);
    } else {
      line.to = scrub(line.sold ? movement.buyer : movement.recipient);
    }
    const std::string date = movement.date;
    place_in_period(line, movement.date, movement.value, void_mark, dated_here, scrub);
    if (line.sold) {
      line.price = line.correction ? -movement.price : movement.price;
      IncomeLine income;
      income.kind = "sales";
      income.source = line.to.empty() ? line.goods : line.to + " / " + line.goods;
      income.designation_code = movement.designation_code;
      income.designation_name = movement.designation_name;
      place_in_period(income, date, movement.price, void_mark, dated_here, scrub);
      model.designations[index.by_code.at(income.designation_code)].other_income += income.amount;
      model.income.push_back(std::move(income));
    }
    model.goods_out.push_back(std::move(line));
  }
  std::stable_sort(model.income.begin(), model.income.end(),
                   [](const IncomeLine& a, const IncomeLine& b) { return a.date < b.date; });
  for (const auto& line : books::goods_stock(file, period.first.plus_days(-1).iso(), cutoff)) {
    model.stock_opening_value += line.value;
  }
  model.stock = books::goods_stock(file, period.last.iso(), cutoff);
  for (const auto& line : model.stock) model.stock_value += line.value;
}

}  // namespace

std::vector<std::pair<Fen, Fen>> donation_band_edges(Fen below) {
  std::vector<std::pair<Fen, Fen>> edges;
  if (below <= 0) return edges;
  std::vector<Fen> ladder = {5000};  // 50 yuan, then 100, 200, 500, 1000, 2000, 5000 ...
  for (Fen decade = 10000; ladder.back() < below; decade *= 10) {
    for (Fen times : {1, 2, 5}) ladder.push_back(decade * times);
  }
  Fen from = 0;
  for (Fen edge : ladder) {
    if (from >= below) break;
    const Fen to = std::min(edge, below);
    edges.emplace_back(from, to);
    from = to;
  }
  return edges;
}

std::vector<ProjectProgress> load_project_progress(storage::FundFile& file, const util::Period& period,
                                                   std::int64_t cutoff) {
  // Each project as the books stood at the period's end and the cut-off: its stage,
  // budget (as amended) and evaluation then, so that a notice stays reproducible.
  const std::string end = period.last.iso();
  auto counts = [&](std::int64_t entry, const std::string& date) { return entry <= cutoff && date <= end; };
  const auto rows = storage::project_rows(file);
  std::vector<std::int64_t> designation_ids;
  for (const auto& project : rows) designation_ids.push_back(project.designation_id);
  const auto spent = storage::spending_through(file, designation_ids, end, cutoff);
  std::vector<ProjectProgress> projects;
  for (const auto& project : rows) {
    if (!counts(project.entry_id, project.date)) continue;
    ProjectProgress progress;
    progress.code = project.code;
    progress.name = project.name;
    progress.stage = books::project_stage::proposed;
    progress.budget = project.budget;
    for (const auto& step : storage::project_stage_rows(file, project.designation_id)) {
      if (!counts(step.entry_id, step.date)) continue;
      progress.stage = step.to_stage;
      if (step.people_served) progress.people_served = *step.people_served;
    }
    for (const auto& amendment : storage::project_budget_rows(file, project.designation_id)) {
      if (counts(amendment.entry_id, amendment.date)) progress.budget = amendment.budget;
    }
    progress.spent = spent.at(project.designation_id);
    // A project that has ended will spend nothing more: nothing of its budget remains.
    const bool ended = progress.stage == books::project_stage::closed ||
                       progress.stage == books::project_stage::rejected ||
                       progress.stage == books::project_stage::cancelled;
    progress.remaining = ended ? 0 : progress.budget - progress.spent;
    projects.push_back(progress);
  }
  return projects;
}

namespace {

// The designations the chain knows at the cut-off, with their names then, in the
// books' order (a fund from an older cfund not yet stated: the table's).
std::vector<model::Designation> designations_as_of(storage::FundFile& file, std::int64_t cutoff) {
  const auto state = books::registry_as_of(file, cutoff);
  if (!state.stated) return storage::designations(file);
  std::vector<model::Designation> found;
  for (const auto& [id, designation] : state.designations) found.push_back(designation);
  return found;
}

// Each line names its designation as the chain did at the cut-off (a special fund
// renamed since keeps its old name in this notice).
void name_as_of(NoticeModel& model) {
  std::map<std::string, std::string> names;
  for (const auto& line : model.designations) names[line.code] = line.name;
  const auto rename = [&names](auto& lines) {
    for (auto& line : lines) {
      const auto found = names.find(line.designation_code);
      if (found != names.end()) line.designation_name = found->second;
    }
  };
  rename(model.donations);
  rename(model.goods);
  rename(model.income);
  rename(model.spending);
}

// A donation as the notice lists it (privacy applied, placed in the period), or nothing
// when it was recorded and voided within the period.
std::optional<DonationLine> donation_line(storage::NoticeDonation& found, const util::Period& period,
                                          const Scrubber& scrub) {
  auto& row = found.row;
  if (voided_within(period, row.date, found.void_mark)) return std::nullopt;
  const bool dated_here = in_period(period, row.date);
  DonationLine line;
  line.donor = shown_donor(row, scrub);
  line.goods = row.form == "goods";
  if (line.goods) line.goods_description = scrub(goods_description(row));
  line.designation_code = std::move(row.designation_code);
  line.designation_name = std::move(row.designation_name);
  line.receipt_no = std::move(row.receipt_no);
  place_in_period(line, std::move(row.date), row.amount, found.void_mark, dated_here, scrub);
  return line;
}

// A small money donation is counted in its band (from <= amount < to) instead of listed.
bool in_a_band(const DonationLine& line, Fen band_below) {
  return !line.correction && line.amount >= 0 && line.amount < band_below;
}

bool count_in_band(const DonationLine& line, NoticeModel& model) {
  if (!in_a_band(line, model.band_below)) return false;
  for (auto& band : model.bands) {
    if (band.from <= line.amount && line.amount < band.to) {
      ++band.count;
      band.total += line.amount;
    }
  }
  return true;
}

// A payment as the notice lists it, or nothing when recorded and voided within the period.
std::optional<SpendingLine> spending_line(storage::NoticeDisbursement& found, const util::Period& period,
                                          const Scrubber& scrub) {
  auto& row = found.row;
  if (voided_within(period, row.date, found.void_mark)) return std::nullopt;
  const bool dated_here = in_period(period, row.date);
  SpendingLine line;
  line.category = std::move(row.category);
  line.purpose = scrub(row.purpose);
  line.designation_code = std::move(row.designation_code);
  line.designation_name = std::move(row.designation_name);
  line.payee = row.beneficiary ? relief_payee(row, scrub) : scrub(row.payee);
  line.approval_ref = scrub(row.approval_ref);
  line.voucher = scrub(row.voucher);
  place_in_period(line, std::move(row.date), row.amount, found.void_mark, dated_here, scrub);
  return line;
}

// The payments read again, as DonationReplay reads the donations.
struct SpendingReplay {
  storage::FundFile* file;
  std::shared_ptr<storage::FundFile::ReadSnapshot> snapshot;
  std::shared_ptr<const Scrubber> scrub;
  util::Period period;
  std::int64_t cutoff;
  std::map<std::string, std::string> names;

  void operator()(const std::function<void(SpendingLine&)>& take) const {
    storage::notice_disbursements(*file, period.first.iso(), period.last.iso(), cutoff,
                                  [&](storage::NoticeDisbursement& found) {
                                    auto line = spending_line(found, period, *scrub);
                                    if (!line) return;
                                    const auto name = names.find(line->designation_code);
                                    if (name != names.end()) line->designation_name = name->second;
                                    take(*line);
                                  });
  }
};

// The money list read again from the books, line by line, as build_notice listed it: the
// same lines in the same order, named as of the cut-off. Holds the read snapshot.
struct DonationReplay {
  storage::FundFile* file;
  std::shared_ptr<storage::FundFile::ReadSnapshot> snapshot;
  std::shared_ptr<const Scrubber> scrub;
  util::Period period;
  std::int64_t cutoff;
  Fen band_below;
  std::map<std::string, std::string> names;

  void operator()(const std::function<void(DonationLine&)>& take) const {
    storage::notice_donations(*file, period.first.iso(), period.last.iso(), cutoff,
                              [&](storage::NoticeDonation& found) {
                                auto line = donation_line(found, period, *scrub);
                                if (!line || line->goods || in_a_band(*line, band_below)) return;
                                const auto name = names.find(line->designation_code);
                                if (name != names.end()) line->designation_name = name->second;
                                take(*line);
                              });
  }
};

// The chart: months for a period longer than one month, designations otherwise.
void add_chart(std::map<std::string, Fen>& income_by_month, std::map<std::string, Fen>& spending_by_month,
               NoticeModel& model) {
  const auto& period = model.period;
  model.chart_by_month = !(period.first.year == period.last.year && period.first.month == period.last.month);
  if (model.chart_by_month) {
    for (util::Date month{period.first.year, period.first.month, 1}; month <= period.last;) {
      ChartBar bar;
      bar.label = month_label(month);
      bar.income = income_by_month[bar.label];
      bar.spending = spending_by_month[bar.label];
      model.chart.push_back(bar);
      month = month.month == 12 ? util::Date{month.year + 1, 1, 1} : util::Date{month.year, month.month + 1, 1};
    }
  } else {
    for (const auto& line : model.designations) {
      if (line.income + line.other_income == 0 && line.spending == 0) continue;
      model.chart.push_back({line.code, line.name, line.income + line.other_income, line.spending});
    }
  }
}

// The cut-off entry (the last before any publication unless given) and the notice's
// verification code, made from the chain's hash at that entry.
std::int64_t stamp_cutoff(storage::FundFile& file, const NoticeOptions& options, NoticeModel& model) {
  const std::int64_t last = storage::last_entry_id(file);
  const std::int64_t cutoff = options.cutoff.value_or(storage::last_entry_before_publications(file));
  if (cutoff < 0 || cutoff > last) {
    throw InputError(bilingual("--cutoff：没有第 {0} 号分录（账套共 {1} 条分录）",
                               "--cutoff: there is no entry {0} (the fund has {1} entries)", cutoff, last));
  }
  model.cutoff_entry = cutoff;
  std::string head = books::kGenesisHash;
  if (cutoff > 0) {
    const auto stamp = storage::entry_stamp(file, cutoff);
    head = stamp->hash;
    model.cutoff_recorded = stamp->recorded_at.substr(0, 10);
  }
  model.verification_code = books::verification_code(head);
  return cutoff;
}

// The fund's settings and names as the chain states them at the cut-off, so that the
// code covers them too.
model::FundSettings add_fund_details(storage::FundFile& file, const NoticeOptions& options, std::int64_t cutoff,
                                     NoticeModel& model) {
  auto settings = books::settings_as_of(file, cutoff);
  model.fund_name = settings.name;
  model.organisation = settings.organisation;
  model.host = settings.host;
  model.supervision_phone = settings.supervision_phone;
  model.period = options.period;
  model.notice_url = settings.notice_url;
  model.band_below = settings.band_donations_below;
  return settings;
}

// One summary line for each designation but goods, in the books' order, with its
// opening balance; returns the designations the lines are for.
std::vector<model::Designation> add_summary_lines(storage::FundFile& file, std::int64_t cutoff,
                                                  const std::map<std::int64_t, Fen>& opening, SummaryIndex& index,
                                                  NoticeModel& model) {
  std::vector<model::Designation> designations;
  for (auto& designation : designations_as_of(file, cutoff)) {
    if (designation.kind != model::kGoodsKind) designations.push_back(std::move(designation));
  }
  for (const auto& designation : designations) {
    DesignationSummary line;
    line.code = designation.code;
    line.name = designation.name;
    line.kind = designation.kind;
    line.restricted = designation.restricted;
    auto found = opening.find(designation.id);
    line.opening = found == opening.end() ? 0 : found->second;
    index.by_code[designation.code] = model.designations.size();
    index.by_id[designation.id] = model.designations.size();
    model.designations.push_back(line);
  }
  return designations;
}

// How the lists are read, decided before they are: the period's entries (a bound on
// the lines listed; not counted for the figures only), and whether the lists are read
// again when laid out, when there are more than options.keep_donations_up_to. A list
// held and then dropped part way would leave its memory behind; one within the bound
// is read once, into room made for it at once.
struct ListPlan {
  std::size_t dated = 0;
  bool read_again = false;
};

ListPlan plan_lists(storage::FundFile& file, const NoticeOptions& options) {
  if (options.figures_only) return {};
  const auto& period = options.period;
  const std::size_t dated = storage::entries_dated_between(file, period.first.iso(), period.last.iso());
  const auto& keep_up_to = options.keep_donations_up_to;
  return {dated, keep_up_to && dated > *keep_up_to};
}

// Donations: each money line is listed, or counted in its band when small. Returns
// whether the list is read again when laid out: as planned (a long period), or the
// list grew past options.keep_donations_up_to all the same.
bool add_donations(storage::FundFile& file, const NoticeOptions& options, std::int64_t cutoff, const Scrubber& scrub,
                   const SummaryIndex& index, const ListPlan& plan, std::map<std::string, Fen>& income_by_month,
                   NoticeModel& model) {
  const auto& period = options.period;
  for (const auto& [band_from, band_to] : donation_band_edges(model.band_below)) {
    model.bands.push_back({band_from, band_to, 0, 0});
  }
  const auto keep_up_to = options.keep_donations_up_to;
  bool replayed = plan.read_again;
  std::size_t listed = 0;                                                       // lines for the list, held or not
  if (!replayed && !options.figures_only) model.donations.reserve(plan.dated);  // most, in a large fund
  storage::notice_donations(file, period.first.iso(), period.last.iso(), cutoff, [&](storage::NoticeDonation& found) {
    auto line = donation_line(found, period, scrub);
    if (!line) {
      ++model.voided_within_period;
      return;
    }
    if (line->goods) {
      model.goods_value += line->amount;
      if (!line->correction) ++model.goods_count;
      model.goods.push_back(std::move(*line));
      return;
    }
    model.designations[index.by_code.at(line->designation_code)].income += line->amount;
    income_by_month[line->date.substr(0, 7)] += line->amount;
    if (count_in_band(*line, model)) return;
    if (!line->correction) ++model.listed_gifts;
    model.listed_notes = model.listed_notes || line->correction || !line->voided_on.empty();
    ++listed;
    if (replayed || options.figures_only) return;
    model.donations.push_back(std::move(*line));
    if (keep_up_to && model.donations.size() > *keep_up_to) {
      replayed = true;
      std::vector<DonationLine>().swap(model.donations);
    }
  });
  model.bands.erase(
      std::remove_if(model.bands.begin(), model.bands.end(), [](const DonationBand& b) { return b.count == 0; }),
      model.bands.end());
  return replayed && listed > 0;  // an empty list is laid out as held: none
}

// Spending, each payment listed; returns whether the list is read again when laid out,
// as for the donations.
bool add_spending(storage::FundFile& file, const NoticeOptions& options, std::int64_t cutoff, const Scrubber& scrub,
                  const SummaryIndex& index, bool read_again, std::map<std::string, Fen>& spending_by_month,
                  NoticeModel& model) {
  const auto& period = options.period;
  const auto keep_up_to = options.keep_donations_up_to;
  bool replayed = read_again;
  std::size_t listed = 0;
  storage::notice_disbursements(
      file, period.first.iso(), period.last.iso(), cutoff, [&](storage::NoticeDisbursement& found) {
        auto line = spending_line(found, period, scrub);
        if (!line) {
          ++model.voided_within_period;
          return;
        }
        model.designations[index.by_code.at(line->designation_code)].spending += line->amount;
        spending_by_month[line->date.substr(0, 7)] += line->amount;
        if (!line->correction) ++model.listed_payments;
        model.spending_approvals = model.spending_approvals || !line->approval_ref.empty();
        model.spending_vouchers = model.spending_vouchers || !line->voucher.empty();
        model.spending_notes = model.spending_notes || line->correction || !line->voided_on.empty();
        ++listed;
        if (replayed) return;
        model.spending.push_back(std::move(*line));
        if (keep_up_to && model.spending.size() > *keep_up_to) {
          replayed = true;
          std::vector<SpendingLine>().swap(model.spending);
        }
      });
  return replayed && listed > 0;
}

// Reallocations between designations: transferred in / out.
void add_reallocations(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                       const SummaryIndex& index, NoticeModel& model) {
  for (const auto& found : storage::notice_reallocations(file, period.first.iso(), period.last.iso(), cutoff)) {
    if (voided_within(period, found.date, found.void_mark)) {
      ++model.voided_within_period;
      continue;
    }
    const Fen sign = in_period(period, found.date) ? 1 : -1;  // a void in this period of an earlier one reverses it
    for (const auto& [designation_id, amount] : found.postings) {
      const Fen change = -amount * sign;  // designations are credit-normal
      auto& line = model.designations[index.by_id.at(designation_id)];
      if (change > 0) {
        line.transferred_in += change;
      } else {
        line.transferred_out += -change;
      }
    }
  }
}

// Closing balances, checked against the books, and the totals.
void close_summary(const std::vector<model::Designation>& designations, const std::map<std::int64_t, Fen>& closing,
                   NoticeModel& model) {
  for (std::size_t i = 0; i < designations.size(); ++i) {
    auto& line = model.designations[i];
    line.closing =
        line.opening + line.income + line.other_income - line.spending + line.transferred_in - line.transferred_out;
    auto found = closing.find(designations[i].id);
    const Fen booked = found == closing.end() ? 0 : found->second;
    if (booked != line.closing) {
      throw std::logic_error(fmt::format("notice summary of '{}' does not add up: {} computed, {} in the books",
                                         line.code, line.closing, booked));
    }
    add_to(model.total, line);
    add_to(line.restricted ? model.restricted : model.unrestricted, line);
  }
}

}  // namespace

NoticeModel build_notice(storage::FundFile& file, const NoticeOptions& options) {
  // Every number of the notice from one view of the books, even while others write.
  auto snapshot = std::make_shared<storage::FundFile::ReadSnapshot>(file);
  const util::TimeZonePreload zones;  // for generated_at, last
  NoticeModel model;
  const std::int64_t cutoff = stamp_cutoff(file, options, model);
  const auto settings = add_fund_details(file, options, cutoff, model);
  const auto scrubber = std::make_shared<const Scrubber>(fund_secrets(file));
  const Scrubber& scrub = *scrubber;
  const auto& period = options.period;

  SummaryIndex index;
  const auto balances = storage::designation_balances_around(file, period.first.iso(), period.last.iso(), cutoff);
  const auto designations = add_summary_lines(file, cutoff, balances.opening, index, model);
  add_brought_forward(file, period, cutoff, index, model);
  std::map<std::string, Fen> income_by_month;
  std::map<std::string, Fen> spending_by_month;
  const ListPlan plan = plan_lists(file, options);
  const bool replayed = add_donations(file, options, cutoff, scrub, index, plan, income_by_month, model);
  const bool spending_replayed =
      add_spending(file, options, cutoff, scrub, index, plan.read_again, spending_by_month, model);
  add_income(file, period, cutoff, index, scrub, model);
  add_goods(file, period, cutoff, index, scrub, model);
  add_reallocations(file, period, cutoff, index, model);
  close_summary(designations, balances.closing, model);

  model.projects = load_project_progress(file, period, cutoff);
  if (!options.figures_only) {
    for (const auto& line : model.income) income_by_month[line.date.substr(0, 7)] += line.amount;
    model.corrections = find_corrections(file, period, cutoff, scrub);
    model.community = build_community(file, period, cutoff, scrub.masker(), settings.points.notice_top);
    add_chart(income_by_month, spending_by_month, model);
  }
  name_as_of(model);
  model.generated_at = util::wall_time(options.generated_at, settings.time_zone);
  if (replayed || spending_replayed) {
    std::map<std::string, std::string> names;
    for (const auto& line : model.designations) names[line.code] = line.name;
    if (replayed) {
      model.replay_donations = DonationReplay{&file, snapshot, scrubber, period, cutoff, model.band_below, names};
    }
    if (spending_replayed) model.replay_spending = SpendingReplay{&file, snapshot, scrubber, period, cutoff, names};
  }
  return model;
}

}  // namespace cfund::report
