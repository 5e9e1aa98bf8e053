// Fuzz target: the legacy .xls reader (libfreexl) behind the statement reader, and
// the detection of compound files (an encrypted .xlsx is one too). The first byte
// picks the built-in profile; the rest is the file. Every row it returns is clean;
// everything refused is an InputError naming the file.

#include "statement_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto names = cfund::config::builtin_import_profiles();
  if (size == 0) return 0;
  const auto profile = cfund::config::load_import_profile(names[data[0] % names.size()]);
  cfund::fuzz::InputFile file(data + 1, size - 1, ".xls");
  cfund::fuzz::read_and_check(file.path(), profile, true);
  return 0;
}
