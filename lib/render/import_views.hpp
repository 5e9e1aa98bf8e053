#pragma once
// What `cfund donate import` and `cfund disburse import` print: the counts a
// worker checks against the statement, the first rows added, the rows matched to
// entries recorded otherwise and the rows left unrecorded.

#include <nlohmann/json.hpp>
#include <string>

#include "books/beneficiary_import.hpp"
#include "books/imports.hpp"
#include "util/message.hpp"

namespace cfund::render {

std::string import_report_text(const books::ImportReport& report, Lang lang);
nlohmann::json import_report_json(const books::ImportReport& report, Lang lang);

// What `cfund beneficiary import` prints: the counts, and each person registered or
// updated, masked (SPEC §6); JSON lists every row.
std::string register_report_text(const books::BeneficiaryImportReport& report, Lang lang);
nlohmann::json register_report_json(const books::BeneficiaryImportReport& report);

// One line of a progress bar for a terminal: "导入中 [#####     ]  45%  12.3/27.0 MB".
std::string import_progress_line(std::uint64_t done, std::uint64_t total, Lang lang);

}  // namespace cfund::render
