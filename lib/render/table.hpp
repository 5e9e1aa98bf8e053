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

// The same table for rows not held anywhere: `rows(visit)` calls visit once per row, in
// order, with that row's cells (column -> text), and is called twice: once to measure the
// columns, once to write the lines. It must give the same rows both times.
using RowCells = std::function<std::string_view(std::size_t column)>;
using RowStream = std::function<void(const std::function<void(const RowCells&)>&)>;
void append_streamed_text_table(std::string& out, const std::vector<Column>& columns, const RowStream& rows);

}  // namespace cfund::render
