// Fuzz target: the import profile loader of `--profile FILE`
// (config::load_import_profile). It loads the TOML or refuses it with InputError.

#include "error.hpp"
#include "fuzz_target.hpp"
#include "import/profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cfund::fuzz::InputFile file(data, size, ".toml");
  try {
    const auto profile = cfund::config::load_import_profile(file.path());
    FUZZ_CHECK(profile.name == file.path());
  } catch (const cfund::InputError& e) {
    FUZZ_CHECK(e.message().zh.find(file.path()) != std::string::npos);
  }
  return 0;
}
