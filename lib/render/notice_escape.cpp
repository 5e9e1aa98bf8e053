#include "render/notice_escape.hpp"

#include "util/text.hpp"

namespace cfund::render {

std::string markdown_escape(std::string_view text, bool paragraph) {
  const std::string line = util::single_line(text);
  std::string out;
  for (char c : line) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '~':
        out += '\\';
        out += c;
        break;
      case '#':
      case '+':
      case '-':
        // Only at the start can these make a heading or a list item.
        if (paragraph && out.empty()) out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        if (byte < 0x20 || byte == 0x7F) break;
        out += c;
    }
  }
  return out;
}

std::string csv_text_field(std::string_view text) {
  std::string value = util::single_line(text);
  // Spreadsheets may skip leading blanks (a tab or CR became one in single_line).
  const std::size_t first = value.find_first_not_of(' ');
  if (first != std::string::npos && std::string("=+-@").find(value[first]) != std::string::npos) value.insert(0, "'");
  const bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_number_field(std::string_view number) { return std::string(number); }

}  // namespace cfund::render
