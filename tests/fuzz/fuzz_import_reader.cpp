// Fuzz target: the statement reader behind `donate import`, `disburse import` and
// `audit reconcile` (import::StatementReader), with its encoding detection (UTF-8,
// BOM, GB18030) and CSV parsing. The first byte picks the built-in profile; the rest
// is the file. Every row it returns is clean; every bad row names its line.

#include "error.hpp"
#include "fuzz_target.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto names = cfund::config::builtin_import_profiles();
  if (size == 0) return 0;
  auto profile = cfund::config::load_import_profile(names[data[0] % names.size()]);
  // Small chunks (from the second byte) make chunk boundaries fall everywhere.
  if (data[0] & 0x80) profile.read_chunk_bytes = 1 + data[0] % 7;
  cfund::fuzz::InputFile file(data + 1, size - 1, ".csv");
  try {
    cfund::import::StatementReader reader(file.path(), profile);
    cfund::import::Record record;
    int last_line = 0;
    while (reader.next(record)) {
      FUZZ_CHECK(record.amount > 0);
      FUZZ_CHECK(record.line >= last_line);
      last_line = record.line;
    }
    for (const auto& bad : reader.bad_rows()) {
      FUZZ_CHECK(bad.line >= 1);
      FUZZ_CHECK(!cfund::import::describe(file.path(), bad).zh.empty());
    }
    FUZZ_CHECK(reader.summary().bad_rows >= static_cast<std::int64_t>(reader.bad_rows().size()));
  } catch (const cfund::InputError& e) {
    FUZZ_CHECK(e.message().zh.find(file.path()) != std::string::npos);
  }
  return 0;
}
