#pragma once
// A plain-text table aligned by display width (a Chinese character takes two
// columns), for terminals and the text notice. Cells are kept on one line.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cfund::render {

struct Column {
  std::string header;
  bool right_aligned = false;  // amounts
};

std::string text_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows);

// The same table appended to `out`, for rows held elsewhere: `cell(row, column)` gives
// each cell's text, read in place (a month's notice lays out tens of thousands of
// rows). The text must stay valid until the call returns.
using CellText = std::function<std::string_view(std::size_t row, std::size_t column)>;
void append_text_table(std::string& out, const std::vector<Column>& columns, std::size_t row_count,
                       const CellText& cell);

// The cells of a long table kept as one text, a row of `columns` cells after another,
// instead of as rows of strings (a year's list is hundreds of thousands of rows).
class TextCells {
 public:
  explicit TextCells(std::size_t columns) : columns_(columns) {}
  void add(std::string_view text) {
    text_ += text;
    ends_.push_back(text_.size());
  }
  std::size_t columns() const { return columns_; }
  std::size_t rows() const { return ends_.size() / columns_; }
  std::string_view at(std::size_t row, std::size_t column) const {
    const std::size_t i = row * columns_ + column;
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }

 private:
  std::size_t columns_;
  std::string text_;
  std::vector<std::size_t> ends_;  // where each cell's text ends
};
void append_text_table(std::string& out, const std::vector<Column>& columns, const TextCells& cells);

// The same table for rows not held anywhere: `rows(visit)` calls visit once per row, in
// order, with that row's cells (column -> text), and is called twice: once to measure the
// columns, once to write the lines. It must give the same rows both times.
using RowCells = std::function<std::string_view(std::size_t column)>;
using RowStream = std::function<void(const std::function<void(const RowCells&)>&)>;
void append_streamed_text_table(std::string& out, const std::vector<Column>& columns, const RowStream& rows);

}  // namespace cfund::render
