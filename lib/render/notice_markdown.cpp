// The notice as Markdown, for pasting into a WeChat post (mdnice and the like):
// plain pipe tables, every piece of text escaped.

#include "render/notice_document.hpp"
#include "render/notice_escape.hpp"

namespace cfund::render {

namespace {

// Appended in place: a long table is not built apart and then copied.
void append_table_markdown(std::string& out, const NoticeTable& table) {
  if (!table.caption.empty()) out += "**" + markdown_escape(table.caption) + "**\n\n";
  out += "|";
  for (const auto& column : table.columns) out += " " + markdown_escape(column.header) + " |";
  out += "\n|";
  for (const auto& column : table.columns) out += column.numeric ? " ---: |" : " --- |";
  out += "\n";
  const auto line_of = [](const std::vector<NoticeCell>& row, bool total) {
    std::string line = "|";
    for (const auto& cell : row) {
      const std::string shown = markdown_escape(cell.text);
      line += " " + (total && !shown.empty() ? "**" + shown + "**" : shown) + " |";
    }
    return line + "\n";
  };
  for (std::size_t r = 0; r < table.rows.size(); ++r) out += line_of(table.rows[r], table.is_total(r));
  if (table.stream) {
    // A list read again from the books is measured first and room made for it at once (and
    // an eighth more for what follows), as the text layout does: a long list doubling `out`
    // would hold the old and the new copy.
    std::size_t bytes = 0;
    table.stream([&](std::vector<NoticeCell>& row) { bytes += line_of(row, false).size(); });
    out.reserve(out.size() + bytes + bytes / 8);
    table.stream([&](std::vector<NoticeCell>& row) { out += line_of(row, false); });
  }
  out += "\n";
  for (const auto& note : table.notes) out += markdown_escape(note, true) + "\n\n";
}

}  // namespace

std::vector<RenderedFile> notice_markdown(const NoticeDocument& doc) {
  std::string out = "# " + markdown_escape(doc.title) + "\n\n";
  for (const auto& line : doc.header_lines) out += markdown_escape(line, true) + "  \n";
  out += "\n";
  for (const auto& section : doc.sections) {
    out += "## " + markdown_escape(section.heading) + "\n\n";
    for (const auto& paragraph : section.before) out += markdown_escape(paragraph, true) + "\n\n";
    for (const auto& table : section.tables) append_table_markdown(out, table);
    for (const auto& paragraph : section.after) out += markdown_escape(paragraph, true) + "\n\n";
  }
  out += "---\n\n";
  for (const auto& line : doc.footer_lines) out += markdown_escape(line, true) + "  \n";
  return single_file(doc.file_stem + ".md", std::move(out));
}

}  // namespace cfund::render
