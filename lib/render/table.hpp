#pragma once
// A plain-text table aligned by display width (a Chinese character takes two
// columns), for terminals and the text notice. Cells are kept on one line.

#include <string>
#include <vector>

namespace cfund::render {

struct Column {
  std::string header;
  bool right_aligned = false;  // amounts
};

std::string text_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows);

}  // namespace cfund::render
