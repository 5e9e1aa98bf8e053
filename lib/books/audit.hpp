#pragma once
// The audit (审计): everything a supervisor checks before signing off a period, as
// a list of findings. Each finding has a stable code (docs/audit.md), a severity,
// a message in both languages, the entries involved and the amount at stake.
//
// The checks form a registry (audit_checks() in audit.cpp): a new check is one
// function and one line there.

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "storage/statement_queries.hpp"
#include "util/date.hpp"
#include "util/message.hpp"

namespace cfund::books {

namespace finding_code {
inline const std::string integrity = "INTEGRITY";
inline const std::string chain_broken = "CHAIN_BROKEN";
inline const std::string trial_balance = "TRIAL_BALANCE";
inline const std::string posting_mismatch = "POSTING_MISMATCH";
inline const std::string day_totals = "DAY_TOTALS";
inline const std::string overdrawn = "OVERDRAWN";
inline const std::string approval_missing = "APPROVAL_MISSING";
inline const std::string receipt_gap = "RECEIPT_GAP";
inline const std::string receipt_duplicate = "RECEIPT_DUPLICATE";
inline const std::string ref_duplicate = "REF_DUPLICATE";
inline const std::string likely_duplicate = "LIKELY_DUPLICATE";
inline const std::string relief_repeated = "RELIEF_REPEATED";
inline const std::string ratio_charitable = "RATIO_CHARITABLE";
inline const std::string ratio_management = "RATIO_MANAGEMENT";
inline const std::string closed_period_entry = "CLOSED_PERIOD_ENTRY";
inline const std::string project_stage = "PROJECT_STAGE";
inline const std::string project_budget = "PROJECT_BUDGET";
inline const std::string goods_stock = "GOODS_STOCK";
inline const std::string opening_order = "OPENING_ORDER";
inline const std::string registry = "REGISTRY";
}  // namespace finding_code

// error: the books break a rule (exit code 1); warning: worth a look, the audit is
// still clean; info: the figures behind an indicator that passed.
enum class Severity { error, warning, info };
std::string severity_name(Severity severity);  // "error", "warning", "info"

struct Finding {
  std::string code;
  Severity severity = Severity::error;
  Message message;
  std::vector<std::int64_t> entries;  // the entries involved, ascending
  std::optional<util::Fen> amount;    // the amount at stake
  // The dates the finding is about (ISO, inclusive); empty for the whole file
  // (integrity, chain), which every audit reports whatever its period.
  std::string from;
  std::string to;
};

struct AuditOptions {
  // Only findings about dates inside the period; file-wide findings always.
  std::optional<util::Period> period;
  // Yearly ratios are computed for the years that ended before this day.
  util::Date today;
  // SQLite's full PRAGMA integrity_check, which also compares every index with its
  // table; otherwise PRAGMA quick_check (the file's structure, pages and records,
  // several times faster on a large fund).
  bool deep = false;
  // From this many entries on, a second connection in a thread of its own takes checks
  // in turn with the caller's (beside the chain's threads); 0: every check on the
  // caller's connection. The report is the same either way.
  std::int64_t share_from = kChainSegment;
};

struct AuditReport {
  std::string fund_name;
  std::string period_label;          // "" when the whole of the books was audited
  std::string as_of;                 // today, ISO
  std::int64_t entries = 0;          // entries in the journal
  std::vector<std::string> checked;  // the codes that were checked, in order
  std::vector<Finding> findings;     // in the order of the checks

  int count(Severity severity) const;
  bool clean() const { return count(Severity::error) == 0; }
};

AuditReport run_audit(storage::FundFile& file, const AuditOptions& options);

// What one check reads for a later one in the registry (run_audit), whichever
// connection each runs on: the yearly ratios' flows, read with the postings
// (check_postings) and waited for by the ratios (check_ratios); nothing in them when
// the postings were read by the queries. The checks are taken in the registry's order
// and every audit runs check_postings, so the wait always ends (a unit test holds the
// order).
struct SharedReads {
  std::promise<std::optional<storage::YearFlows>> year_flows;
  std::shared_future<std::optional<storage::YearFlows>> year_flows_read = year_flows.get_future().share();
};

// What a check sees, and the registry of checks.
struct AuditScope {
  storage::FundFile& file;
  const model::FundSettings& settings;
  const AuditOptions& options;
  // The hash chain as verified on a second connection in its own thread while the
  // other checks run (run_audit); nothing when it is verified on `file` in turn.
  std::future<ChainReport>* chain_beside = nullptr;
  SharedReads* shared = nullptr;  // nothing: each check reads what it needs itself
};
using CheckFunction = void (*)(AuditScope& scope, std::vector<Finding>& findings);
struct AuditCheck {
  std::vector<std::string> codes;  // the codes its findings carry
  CheckFunction run;
};
const std::vector<AuditCheck>& audit_checks();

}  // namespace cfund::books
