// The notice as plain text for a terminal: tables aligned by display width.

#include "render/notice_document.hpp"
#include "render/table.hpp"
#include "util/text.hpp"

namespace cfund::render {

std::vector<RenderedFile> notice_text(const NoticeDocument& doc) {
  const std::string title = util::single_line(doc.title);
  std::string out = title + "\n" + std::string(static_cast<std::size_t>(util::display_width(title)), '=') + "\n";
  for (const auto& line : doc.header_lines) out += util::single_line(line) + "\n";
  for (const auto& section : doc.sections) {
    out += "\n" + util::single_line(section.heading) + "\n";
    for (const auto& paragraph : section.before) out += util::single_line(paragraph) + "\n";
    for (const auto& table : section.tables) {
      if (!table.caption.empty()) out += "\n" + util::single_line(table.caption) + "\n";
      std::vector<Column> columns;
      for (const auto& column : table.columns) columns.push_back({column.header, column.numeric});
      const auto& rows = table.rows;
      if (table.stream) {
        append_streamed_text_table(out, columns, [&table](const std::function<void(const RowCells&)>& visit) {
          table.stream([&visit](std::vector<NoticeCell>& row) {
            visit([&row](std::size_t column) {
              return column < row.size() ? std::string_view(row[column].text) : std::string_view();
            });
          });
        });
      } else {
        append_text_table(out, columns, rows.size(), [&rows](std::size_t row, std::size_t column) {
          return column < rows[row].size() ? std::string_view(rows[row][column].text) : std::string_view();
        });
      }
      for (const auto& note : table.notes) out += util::single_line(note) + "\n";
    }
    for (const auto& paragraph : section.after) out += util::single_line(paragraph) + "\n";
  }
  out += "\n";
  for (const auto& line : doc.footer_lines) out += util::single_line(line) + "\n";
  return single_file(doc.file_stem + ".txt", std::move(out));
}

}  // namespace cfund::render
