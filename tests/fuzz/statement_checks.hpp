#pragma once
// What the statement-reader fuzz targets check, whatever the file's format: every row
// returned is clean (an amount above zero, lines going forward), every bad row names
// its line, and a refusal is an InputError naming the file.

#include <string>

#include "error.hpp"
#include "fuzz_target.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"

namespace cfund::fuzz {

// strictly: a spreadsheet's rows only go forward; a CSV's lines never go back.
inline void read_and_check(const std::string& path, const import::Profile& profile, bool strictly) {
  try {
    import::StatementReader reader(path, profile);
    import::Record record;
    int last_line = 0;
    while (reader.next(record)) {
      FUZZ_CHECK(record.amount > 0);
      FUZZ_CHECK(strictly ? record.line > last_line : record.line >= last_line);
      last_line = record.line;
    }
    for (const auto& bad : reader.bad_rows()) {
      FUZZ_CHECK(bad.line >= 1);
      FUZZ_CHECK(!import::describe(path, bad).zh.empty());
    }
    FUZZ_CHECK(reader.summary().bad_rows >= static_cast<std::int64_t>(reader.bad_rows().size()));
  } catch (const InputError& e) {
    FUZZ_CHECK(e.message().zh.find(path) != std::string::npos);
  }
}

}  // namespace cfund::fuzz
