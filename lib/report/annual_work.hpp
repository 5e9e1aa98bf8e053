#pragma once
// The annual work report's parts (年度工作报告), built from the same year's flows as
// the statements: private to report/annual.cpp, which puts the model together.

#include <cstdint>
#include <vector>

#include "report/annual.hpp"
#include "storage/statement_queries.hpp"

namespace cfund::report {

// Throws std::logic_error when relief by beneficiary or goods by item disagree with
// the statements' flows and 存货.
WorkReport build_work_report(storage::FundFile& file, int year, std::int64_t cutoff,
                             const std::vector<storage::Flow>& flows, const BalanceSheet& sheet);

}  // namespace cfund::report
