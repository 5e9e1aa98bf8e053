#pragma once
// What went wrong on the rows of one imported file (a statement, a register of
// beneficiaries): every bad row counted, the first ones in full and in the order of
// their lines, raised as one error when the import ends, so that one run names them
// all and nothing is written.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "error.hpp"
#include "import/reader.hpp"

namespace cfund::books {

class ImportProblems {
 public:
  ImportProblems(std::string path, std::string sheet) : path_(std::move(path)), sheet_(std::move(sheet)) {}

  // A row a rule refused (refused) or that is bad, with its message placed already.
  void add(int line, const Message& message, bool refused);
  // A row whose recording threw: "file 第 N 行：why".
  void add_row(int line, const Error& error);
  // A bad field: "file 第 N 行，字段 F（值“V”）：why".
  void add_field(int line, const std::string& field, const std::string& value, const Message& why);
  // The reader's bad rows, and those beyond its reporting limit as a count.
  void add_reader_rows(const import::StatementReader& reader);
  std::int64_t count() const { return count_; }

  // InputError when any row was unreadable or bad, Refused when rules refused them all.
  [[noreturn]] void raise();

  static constexpr std::size_t kShown = 50;

 private:
  std::string path_;
  std::string sheet_;  // a spreadsheet's worksheet ("" for CSV)
  std::int64_t count_ = 0;
  bool refused_only_ = true;
  std::vector<std::pair<int, Message>> shown_;
};

}  // namespace cfund::books
