#include "report/rollup.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "books/audit.hpp"
#include "books/beneficiaries.hpp"
#include "books/fund.hpp"
#include "books/journal.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "report/notice.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"
#include "storage/rows.hpp"

namespace cfund::report {

namespace {

namespace fs = std::filesystem;

void add_count(std::vector<std::pair<std::string, int>>& codes, const std::string& code) {
  auto found = std::find_if(codes.begin(), codes.end(), [&code](const auto& c) { return c.first == code; });
  if (found == codes.end()) {
    codes.emplace_back(code, 1);
  } else {
    ++found->second;
  }
}

// Runs of a period's entries closer than this are checked as one, the entries between
// them too.
constexpr std::int64_t kRunJoinGap = 64;

// The quick check (RollupCheck::quick): the chain of the entries dated in the period
// and the recorded head; and the day totals the notice's balances come from in balance.
void quick_check(storage::FundFile& file, const util::Period& period, FundRollupRow& row) {
  auto runs = storage::entry_runs_dated(file, period.first.iso(), period.last.iso(), kRunJoinGap);
  const books::ChainReport chain = books::verify_chain_runs(file, std::move(runs));
  row.check.entries_checked = chain.entries;
  if (!chain.ok()) {
    row.status = FundStatus::chain_broken;
    row.problem = *chain.problem;
    ++row.check.errors;
    add_count(row.check.codes, books::finding_code::chain_broken);
    return;
  }
  const auto totals = storage::day_totals_by_side(file);
  if (totals.accounts != totals.designations) {
    row.status = FundStatus::audit_errors;
    row.problem = bilingual("试算不平：各资金账户的逐日合计 {0}，各资金用途的逐日合计 {1}",
                            "the trial balance fails: accounts' day totals {0}, designations' day totals {1}",
                            util::format_amount(totals.accounts), util::format_amount(totals.designations));
    ++row.check.errors;
    add_count(row.check.codes, books::finding_code::trial_balance);
  }
}

// The full check (RollupCheck::full): the fund's own audit of the period.
void full_check(storage::FundFile& file, const util::Period& period, const util::Date& today, FundRollupRow& row) {
  books::AuditOptions options;
  options.period = period;
  options.today = today;
  // The roll-up's workers already share the cores fund by fund: a fund's checks run in
  // turn (a second connection each would only add threads and memory).
  options.share_from = 0;
  const auto report = books::run_audit(file, options);
  row.check.entries_checked = report.entries;
  for (const auto& finding : report.findings) {
    if (finding.severity == books::Severity::info) continue;
    add_count(row.check.codes, finding.code);
    if (finding.severity == books::Severity::warning) {
      ++row.check.warnings;
      continue;
    }
    ++row.check.errors;
    if (row.status != FundStatus::ok) continue;
    row.status =
        finding.code == books::finding_code::chain_broken ? FundStatus::chain_broken : FundStatus::audit_errors;
    row.problem = finding.message;
  }
}

// The notice's figures regrouped by income kind and payment category; they must add
// up to the notice's own totals.
void take_notice(NoticeModel notice, FundRollupRow& row) {
  row.verification_code = notice.verification_code;
  row.cutoff_entry = notice.cutoff_entry;
  row.opening = notice.total.opening;
  row.closing = notice.total.closing;
  row.restricted_closing = notice.restricted.closing;
  row.donations = notice.total.income;
  Fen other = 0;
  for (const auto& line : notice.income) {
    row.other_income[line.kind] += line.amount;
    other += line.amount;
  }
  Fen spent = 0;
  for (const auto& line : notice.spending) {
    row.spending[line.category] += line.amount;
    spent += line.amount;
  }
  if (other != notice.total.other_income || spent != notice.total.spending) {
    throw std::logic_error(fmt::format("notice lines of '{}' do not add up to its summary", row.file));
  }
  row.income_total = notice.total.income + notice.total.other_income;
  row.spending_total = notice.total.spending;
  for (const auto& project : notice.projects) ++row.projects[project.stage];
}

void read_fund(storage::FundFile& file, const RollupOptions& options, int ratio_year, FundRollupRow& row) {
  storage::FundFile::ReadSnapshot snapshot(file);  // one view of the books, even while a writer commits
  const auto settings = books::load_settings(file);
  row.name = settings.name;
  row.host = settings.host;
  row.region = settings.region;
  row.town = settings.town;
  const util::Period period = options.year
                                  ? util::Period{util::Date{*options.year, 1, 1}, util::Date{*options.year, 12, 31},
                                                 std::to_string(*options.year)}
                                  : options.period;
  if (options.check == RollupCheck::full) {
    full_check(file, period, options.today, row);
  } else {
    quick_check(file, period, row);
  }
  if (row.status == FundStatus::chain_broken) return;  // no figure of it can be trusted
  try {
    if (options.year) {
      AnnualOptions annual;
      annual.year = *options.year;
      annual.generated_at = options.generated_at;
      annual.work_report = false;
      auto model = build_annual(file, annual);
      row.verification_code = model.verification_code;
      row.cutoff_entry = model.cutoff_entry;
      row.annual = FundAnnual{std::move(model.activities), std::move(model.balance)};
    } else {
      NoticeOptions notice;
      notice.period = options.period;
      notice.generated_at = options.generated_at;
      notice.figures_only = true;
      take_notice(build_notice(file, notice), row);
      row.relief_households = books::relief_households(file, options.period, row.cutoff_entry);
    }
  } catch (const std::logic_error& e) {
    row.status = FundStatus::figures_wrong;
    row.problem = bilingual("账目合计对不上（{0}）：请运行 cfund audit",
                            "the figures do not add up ({0}): run cfund audit", e.what());
    return;
  }
  row.charitable_min = settings.audit.charitable_ratio_min;
  row.management_max = settings.audit.management_ratio_max;
  // The year judged gives its costs, the year before it its income.
  row.ratios =
      books::judge_ratios(settings.audit, ratio_year, books::year_figures(file, ratio_year, books::YearPart::costs),
                          books::year_figures(file, ratio_year - 1, books::YearPart::income));
}

void add_split(Split& to, const Split& from) {
  to.unrestricted += from.unrestricted;
  to.restricted += from.restricted;
}
void add_balance(Balance& to, const Balance& from) {
  to.start += from.start;
  to.end += from.end;
}

// The annual statements of many funds, line by line (the lines are the registry's,
// in the same order in every fund).
void add_annual(FundAnnual& to, const FundAnnual& from) {
  auto& a = to.activities;
  const auto& b = from.activities;
  if (a.income.empty()) {
    a.income = b.income;
    a.expenses = b.expenses;
    for (auto& line : a.income) line.amount = {};
    for (auto& line : a.expenses) line.amount = {};
  }
  for (std::size_t i = 0; i < a.income.size() && i < b.income.size(); ++i)
    add_split(a.income[i].amount, b.income[i].amount);
  for (std::size_t i = 0; i < a.expenses.size() && i < b.expenses.size(); ++i) {
    add_split(a.expenses[i].amount, b.expenses[i].amount);
  }
  add_split(a.income_total, b.income_total);
  add_split(a.expense_total, b.expense_total);
  a.restricted_expenses += b.restricted_expenses;
  a.allocated_to_restricted += b.allocated_to_restricted;
  a.released += b.released;
  add_split(a.change, b.change);
  add_split(a.brought_forward, b.brought_forward);
  auto& s = to.balance;
  const auto& t = from.balance;
  add_balance(s.money_total, t.money_total);
  add_balance(s.goods, t.goods);
  add_balance(s.assets, t.assets);
  add_balance(s.liabilities, t.liabilities);
  add_balance(s.unrestricted, t.unrestricted);
  add_balance(s.restricted, t.restricted);
  add_balance(s.net_assets, t.net_assets);
}

void add_row(RollupTotals& totals, const FundRollupRow& row) {
  ++totals.funds;
  totals.opening += row.opening;
  totals.closing += row.closing;
  totals.restricted_closing += row.restricted_closing;
  totals.donations += row.donations;
  totals.income_total += row.income_total;
  totals.spending_total += row.spending_total;
  for (const auto& [kind, amount] : row.other_income) totals.other_income[kind] += amount;
  for (const auto& [category, amount] : row.spending) totals.spending[category] += amount;
  for (const auto& [stage, count] : row.projects) totals.projects[stage] += count;
  totals.relief_households += row.relief_households;
  if (row.annual) {
    if (!totals.annual) totals.annual.emplace();
    add_annual(*totals.annual, *row.annual);
  }
}

// The ids of `registry` that appear in any row's map, in the registry's order; ids
// no registry knows (only a raw edit stores one) after them.
template <typename Registry, typename Pick>
std::vector<std::string> present(const Registry& registry, const std::vector<FundRollupRow>& rows, Pick pick) {
  std::vector<std::string> ids;
  auto seen = [&](const std::string& id) {
    return std::any_of(rows.begin(), rows.end(), [&](const FundRollupRow& row) { return pick(row).count(id) > 0; });
  };
  for (const auto& item : registry) {
    if (seen(item)) ids.push_back(item);
  }
  for (const auto& row : rows) {
    for (const auto& [id, value] : pick(row)) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  return ids;
}

}  // namespace

std::vector<std::string> find_fund_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      throw InputError(bilingual("找不到“{0}”（请写基金账套文件或存放账套的目录）",
                                 "'{0}' not found (name fund files or folders that hold them)", path));
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
      if (it->is_regular_file(error) && it->path().extension() == ".cfund") found.push_back(it->path().string());
    }
    if (error) throw InputError(bilingual("无法读取目录“{0}”", "cannot read the folder '{0}'", path));
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  if (files.empty()) {
    std::string named;
    for (const auto& path : paths) named += (named.empty() ? "" : ", ") + path;
    throw InputError(
        bilingual("在 {0} 中没有找到基金账套文件（*.cfund）", "no fund files (*.cfund) found in {0}", named));
  }
  return files;
}

int ratio_year_for(const util::Period& period) {
  return period.last.month == 12 && period.last.day == 31 ? period.last.year : period.last.year - 1;
}

FundRollupRow roll_up_fund(const std::string& path, const RollupOptions& options, int ratio_year) {
  FundRollupRow row;
  row.file = path;
  try {
    auto file = storage::FundFile::open_read_only(path);
    bool changed = false;
    try {
      read_fund(file, options, ratio_year, row);
      changed = file.changed_since_open();
    } catch (...) {
      if (!file.changed_since_open()) throw;
      changed = true;  // what failed was read from a file a writer was changing
    }
    if (changed) {  // a writer changed it meanwhile: read it again as a WAL reader
      row = FundRollupRow{};
      row.file = path;
      auto again = storage::FundFile::open_read_only(path, false);
      read_fund(again, options, ratio_year, row);
    }
  } catch (const storage::FundFileNeedsUpgrade& e) {
    row.status = FundStatus::needs_upgrade;
    row.problem = e.message();
  } catch (const Error& e) {
    row.status = FundStatus::unreadable;
    row.problem = e.message();
  } catch (const std::logic_error&) {
    throw;  // a bug in cfund, not a problem of this fund
  } catch (...) {
    row.status = FundStatus::unreadable;
    const auto explained = storage::explain_storage_failure(std::current_exception(), path);
    if (!explained) throw;
    row.problem = explained->message();
  }
  row.included = row.status == FundStatus::ok;
  return row;
}

RollupModel build_rollup(const RollupOptions& options) {
  RollupModel model;
  model.period = options.period;
  model.year = options.year;
  model.check = options.check;
  model.generated_at = options.generated_at;
  model.ratio_year = options.year ? *options.year : ratio_year_for(options.period);
  model.rows.resize(options.files.size());

  // Each worker takes the next fund; rows land at their file's place.
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    for (std::size_t i = next++; i < options.files.size(); i = next++) {
      try {
        model.rows[i] = roll_up_fund(options.files[i], options, model.ratio_year);
      } catch (...) {
        std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  const unsigned workers = std::max(1U, std::min<unsigned>(options.workers, options.files.size()));
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);

  std::map<std::string, RollupTotals> towns;
  for (const auto& row : model.rows) {
    if (!row.included) {
      ++model.excluded;
      continue;
    }
    if (row.misses_ratio()) ++model.missing_ratios;
    add_row(model.overall, row);
    auto& town = towns[row.town];
    town.town = row.town;
    add_row(town, row);
  }
  for (auto& [name, totals] : towns) model.towns.push_back(std::move(totals));

  model.income_kinds = present(
      model::income_kind_ids(), model.rows, [](const FundRollupRow& r) -> const auto& { return r.other_income; });
  model.categories = present(
      model::payment_category_ids(), model.rows, [](const FundRollupRow& r) -> const auto& { return r.spending; });
  model.stages = present(
      books::project_stages(), model.rows, [](const FundRollupRow& r) -> const auto& { return r.projects; });
  return model;
}

}  // namespace cfund::report
