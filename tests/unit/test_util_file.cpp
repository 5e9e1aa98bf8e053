#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/file.hpp"

using cfund::util::write_file_atomically;

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct TempDir {
  TempDir() {
    char pattern[] = "/tmp/cfund-file-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

std::size_t entries_in(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

}  // namespace

TEST_CASE("a file written atomically holds all the bytes and nothing else is left", "[util][file]") {
  TempDir dir;
  const auto path = dir.path / "notice-2025-03.md";
  std::string bytes(100000, 'x');
  bytes += "公示\n";
  REQUIRE_FALSE(write_file_atomically(path.string(), bytes).has_value());
  CHECK(read(path) == bytes);
  // Replacing a longer file leaves none of its old tail.
  REQUIRE_FALSE(write_file_atomically(path.string(), "短\n").has_value());
  CHECK(read(path) == "短\n");
  CHECK(entries_in(dir.path) == 1);  // no temporary file left
}

TEST_CASE("a file that cannot be written says why and leaves nothing behind", "[util][file]") {
  TempDir dir;
  const auto missing = dir.path / "no-such-folder" / "notice.md";
  const auto why = write_file_atomically(missing.string(), "x");
  REQUIRE(why.has_value());
  CHECK(why->zh == "目录不存在");
  CHECK(why->en == "the folder does not exist");

  // A folder in the way of the file: the rename fails, the temporary file goes.
  std::filesystem::create_directory(dir.path / "notice.md");
  REQUIRE(write_file_atomically((dir.path / "notice.md").string(), "x").has_value());
  CHECK(entries_in(dir.path) == 1);
  CHECK(std::filesystem::is_directory(dir.path / "notice.md"));
}

TEST_CASE("a streamed file that fails half-way leaves neither it nor a temporary file") {
  TempDir dir;
  const auto path = dir.path / "export.ledger";
  CHECK_THROWS_AS(cfund::util::write_file_atomically(path.string(),
                                                     [](std::ostream& out) {
                                                       out << "half of it\n";
                                                       throw std::runtime_error("stopped");
                                                     }),
                  std::runtime_error);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator()) == 0);
  REQUIRE_FALSE(cfund::util::write_file_atomically(path.string(), [](std::ostream& out) { out << "all of it\n"; }));
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  CHECK(line == "all of it");
}
