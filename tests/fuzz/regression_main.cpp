// The normal build's driver for a fuzz target: runs every file in the folders given
// (the seed corpus and the kept regressions, tests/fuzz/) through the target once.
// Registered with ctest as fuzz.<target>; a crash input found by `make fuzz` is kept
// in tests/fuzz/regressions/<target>/ and so stays a test.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "fuzz_target.hpp"

int main(int argc, char** argv) {
  std::size_t inputs = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::filesystem::is_directory(argv[i])) continue;  // no regressions kept yet
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[i])) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::cerr << "input " << path.string() << "\n";
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++inputs;
    }
  }
  if (inputs == 0) {
    std::cerr << "no inputs found\n";
    return 1;
  }
  std::cout << inputs << " inputs ran through the target without a finding\n";
  return 0;
}
