#pragma once
// A fund file in a fresh temporary folder, for tests of the books.

#include <cstdlib>
#include <filesystem>
#include <string>

#include "books/fund.hpp"
#include "books/journal.hpp"
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
    books::create_fund(path_, small_fund_definition());
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

  // A raw edit with the sqlite3 shell, as someone tampering with the file would make it.
  void raw_sql(const std::string& sql) const {
    const std::string command = "sqlite3 '" + path_ + "' \"" + sql + "\"";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("sqlite3 failed: " + sql);
  }

 private:
  std::string dir_;
  std::string path_;
};

}  // namespace cfund::testing
