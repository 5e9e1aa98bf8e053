#include "books/import_problems.hpp"

#include <algorithm>

namespace cfund::books {

void ImportProblems::add(int line, const Message& message, bool refused) {
  ++count_;
  refused_only_ = refused_only_ && refused;
  // Kept from two sources (the reader's bad rows come last): twice the limit, so
  // that after sorting the first lines of the file are the ones shown.
  if (shown_.size() < 2 * kShown) shown_.emplace_back(line, message);
}

void ImportProblems::add_row(int line, const Error& error) {
  const Message at = import::row_location(path_, sheet_, line);
  add(line, bilingual("{0}：{1}", "{2}: {3}", at.zh, error.message().zh, at.en, error.message().en),
      error.code() == ExitCode::refused);
}

void ImportProblems::add_field(int line, const std::string& field, const std::string& value, const Message& why) {
  add(line, import::describe(path_, import::BadRow{line, sheet_, field, value, why}), false);
}

void ImportProblems::add_reader_rows(const import::StatementReader& reader) {
  for (const auto& bad : reader.bad_rows()) add(bad.line, import::describe(path_, bad), false);
  // Bad rows beyond the reader's reporting limit still count.
  const auto unshown = reader.summary().bad_rows - static_cast<std::int64_t>(reader.bad_rows().size());
  if (unshown <= 0) return;
  count_ += unshown;
  refused_only_ = false;
}

void ImportProblems::raise() {
  std::stable_sort(shown_.begin(), shown_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (shown_.size() > kShown) shown_.resize(kShown);
  Message text =
      bilingual("{0}：{1} 行有问题，本次导入没有写入任何一行，请改正后重新导入：",
                "{0}: {1} rows have problems; nothing was imported, correct them and import again:", path_, count_);
  for (const auto& [line, shown] : shown_) {
    text.zh += "\n  " + shown.zh;
    text.en += "\n  " + shown.en;
  }
  if (count_ > static_cast<std::int64_t>(shown_.size())) {
    const Message more =
        bilingual("…… 另有 {0} 行", "... and {0} more", count_ - static_cast<std::int64_t>(shown_.size()));
    text.zh += "\n  " + more.zh;
    text.en += "\n  " + more.en;
  }
  if (refused_only_) throw Refused(text);
  throw InputError(text);
}

}  // namespace cfund::books
