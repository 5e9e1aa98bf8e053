// Fuzz target: the bank statement CSV reader of `cfund audit reconcile`
// (import::read_statement_csv). It reads the file or refuses it with InputError.

#include "error.hpp"
#include "fuzz_target.hpp"
#include "import/statement_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cfund::fuzz::InputFile file(data, size, ".csv");
  try {
    const auto statement = cfund::import::read_statement_csv(file.path());
    FUZZ_CHECK(!statement.lines.empty());
    for (const auto& line : statement.lines) FUZZ_CHECK(line.line >= 2);
  } catch (const cfund::InputError& e) {
    FUZZ_CHECK(e.message().zh.find(file.path()) != std::string::npos);
  }
  return 0;
}
