#pragma once
// What every fuzz target shares. A target is one LLVMFuzzerTestOneInput: libFuzzer
// calls it in `make fuzz` (clang, -fsanitize=fuzzer,address,undefined), and
// regression_main.cpp calls it for every kept input in the normal (g++) build.
//
// A target feeds the bytes to one reader of user input. The reader may refuse them
// with cfund::Error (that is its job); any other exception, a crash, a sanitizer
// report or a broken round trip (checked with FUZZ_CHECK) is a finding.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

namespace cfund::fuzz {

// The input as a file, for readers that take a path (the suffix matters to some).
class InputFile {
 public:
  InputFile(const std::uint8_t* data, std::size_t size, const char* suffix) {
    path_ = std::string("/tmp/cfund-fuzz-") + std::to_string(::getpid()) + suffix;
    std::FILE* out = std::fopen(path_.c_str(), "wb");
    if (out == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, out) != size) std::abort();
    std::fclose(out);
  }
  ~InputFile() { std::remove(path_.c_str()); }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace cfund::fuzz
