// Fuzz target: the legacy .xls reader (libfreexl) behind the statement reader, and
// the detection of compound files (an encrypted .xlsx is one too). The first byte
// picks the built-in profile; the rest is the file. Every row it returns is clean;
// everything refused is an InputError naming the file.

#include "error.hpp"
#include "fuzz_target.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto names = cfund::config::builtin_import_profiles();
  if (size == 0) return 0;
  const auto profile = cfund::config::load_import_profile(names[data[0] % names.size()]);
  cfund::fuzz::InputFile file(data + 1, size - 1, ".xls");
  try {
    cfund::import::StatementReader reader(file.path(), profile);
    cfund::import::Record record;
    int last_line = 0;
    while (reader.next(record)) {
      FUZZ_CHECK(record.amount > 0);
      FUZZ_CHECK(record.line > last_line);
      last_line = record.line;
    }
    for (const auto& bad : reader.bad_rows()) FUZZ_CHECK(bad.line >= 1);
  } catch (const cfund::InputError& e) {
    FUZZ_CHECK(e.message().zh.find(file.path()) != std::string::npos);
  }
  return 0;
}
