#pragma once
// What the statement-reader tests share: read a whole file through a profile (and a
// sheet), and the Chinese message of the InputError a call throws.

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "error.hpp"
#include "fund_fixture.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"

namespace cfund::testing {

struct Read {
  std::vector<import::Record> records;
  std::vector<import::BadRow> bad;
  import::ReadSummary summary;
};

inline Read read_all(const std::string& path, import::Profile profile, std::size_t chunk = 64 * 1024,
                     const std::string& sheet = "") {
  profile.read_chunk_bytes = chunk;
  import::StatementReader reader(path, profile, sheet);
  Read out;
  import::Record record;
  while (reader.next(record)) out.records.push_back(record);
  out.bad = reader.bad_rows();
  out.summary = reader.summary();
  return out;
}

inline Read read_all(const std::string& path, const std::string& profile, std::size_t chunk = 64 * 1024) {
  return read_all(path, config::load_import_profile(profile), chunk);
}

inline Read read_sheet(const std::string& path, const std::string& profile, const std::string& sheet) {
  return read_all(path, config::load_import_profile(profile), 64 * 1024, sheet);
}

inline util::Date day(const char* iso) { return *util::parse_date(iso); }

// The Chinese message of the InputError the call throws ("no error" when none).
template <typename F>
std::string error_of(F&& call) {
  try {
    call();
  } catch (const InputError& e) {
    return e.message().zh;
  }
  return "no error";
}

}  // namespace cfund::testing
