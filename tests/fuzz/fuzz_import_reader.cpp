// Fuzz target: the statement reader behind `donate import`, `disburse import` and
// `audit reconcile` (import::StatementReader), with its encoding detection (UTF-8,
// BOM, GB18030) and CSV parsing. The first byte picks the built-in profile; the rest
// is the file. Every row it returns is clean; every bad row names its line.

#include "statement_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto names = cfund::config::builtin_import_profiles();
  if (size == 0) return 0;
  auto profile = cfund::config::load_import_profile(names[data[0] % names.size()]);
  // Small chunks (from the second byte) make chunk boundaries fall everywhere.
  if (data[0] & 0x80) profile.read_chunk_bytes = 1 + data[0] % 7;
  cfund::fuzz::InputFile file(data + 1, size - 1, ".csv");
  cfund::fuzz::read_and_check(file.path(), profile, false);
  return 0;
}
