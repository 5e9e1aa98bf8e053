#pragma once
// A fund file in a fresh temporary folder, for tests of the books.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "books/fund.hpp"
#include "books/journal.hpp"
#include "books/registry.hpp"
#include "model/settings.hpp"
#include "util/clock.hpp"

namespace cfund::testing {

inline model::FundDefinition small_fund_definition() {
  model::FundDefinition definition;
  definition.settings.name = "测试社区基金";
  definition.settings.approval_threshold = 300000;
  definition.settings.relief_window_days = 30;
  // The tests record a year of entries with one recorder (2025-03-10 by default): entries
  // ahead of it are allowed here; the limit itself is tested on its own.
  definition.settings.future_days = 366;
  definition.accounts = {{0, "bank", "银行", "bank"}, {0, "cash", "现金", "cash"}};
  definition.designations = {{0, "elderly", "独居老人关爱微基金", "special", true}};
  return definition;
}

class TempFund {
 public:
  TempFund() {
    char pattern[] = "/tmp/cfund-test-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    path_ = dir_ + "/fund.cfund";
    // Set up on New Year's Day 2025: entry 1 states its registries, the tests' own
    // entries start at 2.
    books::create_fund(path_, small_fund_definition(), recorder("2025-01-01"));
  }
  ~TempFund() { std::filesystem::remove_all(dir_); }
  TempFund(const TempFund&) = delete;
  TempFund& operator=(const TempFund&) = delete;

  const std::string& path() const { return path_; }
  const std::string& dir() const { return dir_; }
  storage::FundFile open() const { return storage::FundFile::open(path_); }

  static books::Recorder recorder(const char* day = "2025-03-10") {
    return books::Recorder{"测试员", *util::parse_moment(std::string(day) + "T09:00:00+08:00")};
  }

  // A setting changed as `cfund fund set` changes it: a registry entry on the chain.
  static void set_setting(storage::FundFile& file, const std::string& key, const std::string& value,
                          const char* day = "2025-03-10") {
    // A value the setting has already is left as it is (`fund set` refuses it).
    const auto stored = model::normalise_setting(key, value);
    if (stored && file.setting(key) == *stored) return;
    books::change_setting(file, recorder(day), key, value, {*util::parse_date(day), "议-设置", ""});
  }

  // A raw edit with the sqlite3 shell, as someone tampering with the file would make it.
  void raw_sql(const std::string& sql) const {
    const std::string command = "sqlite3 '" + path_ + "' \"" + sql + "\"";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("sqlite3 failed: " + sql);
  }

 private:
  std::string dir_;
  std::string path_;
};

// A file's bytes: what a test compares before and after a command that must not write.
inline std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes `text` to a file named `name` in the fund's folder and returns its path.
inline std::string write_file(const TempFund& fund, const std::string& name, const std::string& text) {
  const std::string path = fund.dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace cfund::testing
