#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "render/table.hpp"

using cfund::render::append_text_table;
using cfund::render::Column;
using cfund::render::text_table;
using cfund::render::TextCells;

TEST_CASE("text_table aligns by display width and keeps each cell on one line", "[render][table]") {
  const std::vector<Column> columns = {{"捐赠人"}, {"金额", true}, {"备注"}};
  const std::vector<std::vector<std::string>> rows = {
      {"张三", "¥5.00", ""},
      {"Li Hua", "¥1,234.56", "第一行\n第二行"},
      {"桂花里物流股份有限公司", "¥50.00"},  // a short row: the missing cell is empty
  };
  const std::string expected =
      "捐赠人                       金额  备注\n"
      "----------------------  ---------  -------------\n"
      "张三                        ¥5.00\n"
      "Li Hua                  ¥1,234.56  第一行 第二行\n"
      "桂花里物流股份有限公司     ¥50.00\n";
  CHECK(text_table(columns, rows) == expected);

  // Rows read in place give the same bytes, after what was there.
  std::string in_place = "公示\n";
  append_text_table(in_place, columns, rows.size(), [&rows](std::size_t row, std::size_t column) {
    return column < rows[row].size() ? std::string_view(rows[row][column]) : std::string_view();
  });
  CHECK(in_place == "公示\n" + expected);

  // Cells kept as one text (a long list, read once) give the same bytes too.
  TextCells cells(columns.size());
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < columns.size(); ++column) cells.add(column < row.size() ? row[column] : "");
  }
  CHECK(cells.rows() == 3);
  CHECK(cells.at(1, 2) == "第一行\n第二行");
  CHECK(cells.at(2, 2).empty());
  std::string kept;
  append_text_table(kept, columns, cells);
  CHECK(kept == expected);
  // Cells for another table's columns are cfund's own mistake, not a garbled table.
  CHECK_THROWS_AS(append_text_table(kept, {{"日期"}}, cells), std::logic_error);
}

TEST_CASE("text_table with no rows prints the header and the rule", "[render][table]") {
  CHECK(text_table({{"日期"}, {"金额", true}}, {}) == "日期  金额\n----  ----\n");
}
