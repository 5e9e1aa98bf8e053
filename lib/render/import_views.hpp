#pragma once
// What `cfund donate import` and `cfund disburse import` print: the counts a
// worker checks against the statement, and the first rows added.

#include <nlohmann/json.hpp>
#include <string>

#include "books/imports.hpp"
#include "util/message.hpp"

namespace cfund::render {

std::string import_report_text(const books::ImportReport& report, Lang lang);
nlohmann::json import_report_json(const books::ImportReport& report);

// One line of a progress bar for a terminal: "导入中 [#####     ]  45%  12.3/27.0 MB".
std::string import_progress_line(std::uint64_t done, std::uint64_t total, Lang lang);

}  // namespace cfund::render
