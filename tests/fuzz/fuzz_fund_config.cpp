// Fuzz target: the fund definition loader of `cfund init --config`
// (config::load_fund_definition). It loads the TOML or refuses it with InputError.

#include "config/fund_config.hpp"
#include "error.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cfund::fuzz::InputFile file(data, size, ".toml");
  try {
    const auto definition = cfund::config::load_fund_definition(file.path());
    FUZZ_CHECK(!definition.settings.name.empty());
  } catch (const cfund::InputError& e) {
    FUZZ_CHECK(e.message().zh.find(file.path()) != std::string::npos);
  }
  return 0;
}
