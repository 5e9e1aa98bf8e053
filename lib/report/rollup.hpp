#pragma once
// The roll-up (汇总) of many funds for their federation (cfund rollup): one row per
// fund, totals by town and overall, read fund by fund from each fund's own file,
// never merged (docs/rollup.md).
//
// - Every figure of a fund's row is its own notice's (report::build_notice for the
//   period, default cut-off: the same numbers and verification code as `cfund publish
//   --period P` would print) or its own annual report's (report::build_annual); the
//   yearly ratios are books::judge_ratios on books::year_figures, as `cfund audit`
//   judges them; relief households are books::relief_households. Nothing here does
//   the books' arithmetic again: it regroups a fund's notice lines by income kind and
//   payment category (checked to add up to the notice's totals) and adds rows up.
// - Files are opened read-only (storage::FundFile::open_read_only): nothing is ever
//   written, a writer holding a transaction does not block the roll-up (its fund is
//   read as last committed), and an older file is reported as needing to be opened
//   once with cfund.
// - A fund whose file cannot be read, whose chain is broken, whose figures do not add
//   up or whose check finds errors is listed with its problem and left out of every
//   total (`included` false): never silently summed.
// - Funds are read by `workers` threads, each with its own connection, one fund at
//   a time each; rows come back in the order of the files, so the output does not
//   depend on the threads. Memory holds one fund's notice per thread, whatever the
//   number of funds.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "books/ratios.hpp"
#include "report/annual.hpp"
#include "util/date.hpp"
#include "util/message.hpp"

namespace cfund::report {

using util::Fen;

// What is checked of each fund before its figures count (docs/rollup.md):
// quick: the hash chain recomputed from the first entry dated in the period (or the
//   year) to the last entry and the recorded chain head, the trial balance of the
//   whole file (all postings: accounts = designations, none outside an entry), and
//   the notice's own identity (each designation's closing = opening + flows = its
//   balance in the books);
// full: `cfund audit --period P` of each fund (every check of the registry, the whole
//   chain, PRAGMA quick_check), as that command reports it.
enum class RollupCheck { quick, full };

struct RollupOptions {
  std::vector<std::string> files;  // fund files, in the order they are shown
  util::Period period;             // the notice roll-up
  std::optional<int> year;         // set: the annual roll-up of that year instead
  RollupCheck check = RollupCheck::quick;
  std::int64_t generated_at = 0;  // seconds since 1970 (UTC)
  util::Date today;               // full check: the ratios of the years ended before it
  unsigned workers = 2;
};

enum class FundStatus {
  ok,
  unreadable,     // missing, not a fund, damaged, newer cfund
  needs_upgrade,  // older schema: open it once with cfund
  chain_broken,
  figures_wrong,  // the notice does not add up to the books
  audit_errors,
};

struct FundCheck {
  int errors = 0;
  int warnings = 0;
  std::vector<std::pair<std::string, int>> codes;  // finding codes with their counts (errors and warnings)
  std::int64_t entries_checked = 0;                // quick: entries whose hashes were recomputed
};

// The annual figures of one fund (the annual roll-up).
struct FundAnnual {
  Activities activities;
  BalanceSheet balance;
};

struct FundRollupRow {
  std::string file;  // as given
  FundStatus status = FundStatus::ok;
  Message problem;  // what is wrong, naming the file (status != ok)
  bool included = false;
  std::string name, host, region, town;
  std::string verification_code;
  std::int64_t cutoff_entry = 0;
  FundCheck check;

  // Notice roll-up.
  Fen opening = 0;
  Fen closing = 0;
  Fen restricted_closing = 0;
  Fen donations = 0;                        // money donations
  std::map<std::string, Fen> other_income;  // by income kind
  std::map<std::string, Fen> spending;      // by payment category
  Fen income_total = 0;                     // donations + other income
  Fen spending_total = 0;
  std::map<std::string, int> projects;  // by stage, as of the period's end
  std::int64_t relief_households = 0;
  books::YearRatios ratios;  // of RollupModel::ratio_year
  int charitable_min = 0;    // the fund's rules ([audit]), in per cent
  int management_max = 0;
  bool misses_ratio() const {
    return (ratios.charitable.applies && !ratios.charitable.ok) || (ratios.management.applies && !ratios.management.ok);
  }

  std::optional<FundAnnual> annual;  // annual roll-up
};

// Sums of included rows.
struct RollupTotals {
  std::string town;  // "" overall (or a fund without a town, by town)
  int funds = 0;
  Fen opening = 0, closing = 0, restricted_closing = 0, donations = 0, income_total = 0, spending_total = 0;
  std::map<std::string, Fen> other_income;
  std::map<std::string, Fen> spending;
  std::map<std::string, int> projects;
  std::int64_t relief_households = 0;
  std::optional<FundAnnual> annual;
};

struct RollupModel {
  util::Period period;
  std::optional<int> year;
  RollupCheck check = RollupCheck::quick;
  bool by_town = true;  // false (--by fund): the overall total without the towns' (render only)
  int ratio_year = 0;   // the year whose ratios the rows judge
  std::int64_t generated_at = 0;
  std::vector<FundRollupRow> rows;  // in file order
  std::vector<RollupTotals> towns;  // by town, sorted by its name ("" first: funds without a town)
  RollupTotals overall;
  int excluded = 0;
  int missing_ratios = 0;
  // The income kinds and payment categories that appear in any row, in registry order.
  std::vector<std::string> income_kinds;
  std::vector<std::string> categories;
  std::vector<std::string> stages;  // project stages that appear, in lifecycle order
};

// The fund files under `paths`: a file as it is, a folder's *.cfund files (its
// subfolders too), each folder's sorted by path. Throws InputError naming a path that
// does not exist, or when no fund file is found.
std::vector<std::string> find_fund_files(const std::vector<std::string>& paths);

// The year whose ratios a roll-up of `period` shows: the period's year when the
// period ends on 31 December, otherwise the year before (the last one that ended).
int ratio_year_for(const util::Period& period);

// Reads every fund and adds them up. Never throws for one fund's problem (it is in
// its row); throws InputError for bad options.
RollupModel build_rollup(const RollupOptions& options);

// One fund's row (what each worker does).
FundRollupRow roll_up_fund(const std::string& file, const RollupOptions& options, int ratio_year);

}  // namespace cfund::report
