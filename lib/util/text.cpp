#include "util/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include <utf8proc.h>

#include "error.hpp"

namespace cfund::util {

namespace {

// One decoding step: the code point at `pos` and how many bytes it takes. An invalid
// sequence yields cp = -1 and length 1, so callers can pass the byte through and
// resynchronise on the next one.
struct Step {
  std::int32_t cp;
  std::size_t length;
};

Step decode_at(std::string_view text, std::size_t pos) {
  utf8proc_int32_t cp = -1;
  // utf8proc rejects overlong forms, surrogates and values above U+10FFFF.
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                              static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return Step{-1, 1};
  return Step{cp, static_cast<std::size_t>(n)};
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

bool is_c0_c1_or_del(std::int32_t cp) { return (cp >= 0 && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F); }

bool is_tab_or_line_break(std::int32_t cp) { return cp == '\t' || cp == '\n' || cp == '\r'; }

// Levenshtein distance over bytes (keys, options, commands and settings are ASCII).
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string lower_ascii(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(0, n)), ' '); }

}  // namespace

std::vector<std::string_view> utf8_characters(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t pos = 0; pos < text.size();) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                                static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    const std::size_t length = n > 0 ? static_cast<std::size_t>(n) : 1;
    out.push_back(text.substr(pos, length));
    pos += length;
  }
  return out;
}

namespace {

// Whether the eight bytes from pos on are there and all ASCII (none has its high bit set).
bool eight_ascii_at(std::string_view text, std::size_t pos) {
  std::uint64_t eight = 0;
  if (text.size() - pos < sizeof eight) return false;
  std::memcpy(&eight, text.data() + pos, sizeof eight);
  return (eight & 0x8080808080808080ULL) == 0;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (eight_ascii_at(text, pos)) {
      pos += 8;
      continue;
    }
    if (static_cast<unsigned char>(text[pos]) < 0x80) {  // ASCII, as utf8proc reads it: one byte
      ++pos;
      continue;
    }
    const Step s = decode_at(text, pos);
    if (s.cp < 0) return false;
    pos += s.length;
  }
  return true;
}

TextFacts inspect_text(std::string_view text) {
  TextFacts facts;
  for (std::size_t pos = 0; pos < text.size(); ++facts.characters) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    std::int32_t cp = byte;
    if (byte < 0x80) {
      ++pos;
    } else {
      const Step s = decode_at(text, pos);
      pos += s.length;
      if (s.cp < 0) {
        facts.valid_utf8 = false;
        continue;
      }
      cp = s.cp;
    }
    if (facts.first_forbidden < 0 && is_forbidden_character(cp) && !is_tab_or_line_break(cp)) {
      facts.first_forbidden = cp;
    }
  }
  return facts;
}

bool is_forbidden_character(std::int32_t cp) {
  if (is_c0_c1_or_del(cp)) return true;
  if (cp >= 0x202A && cp <= 0x202E) return true;                  // LRE RLE PDF LRO RLO
  if (cp >= 0x2066 && cp <= 0x2069) return true;                  // LRI RLI FSI PDI
  if (cp == 0x200E || cp == 0x200F || cp == 0x061C) return true;  // LRM RLM ALM
  if (cp >= 0x200B && cp <= 0x200D) return true;                  // ZWSP ZWNJ ZWJ
  return cp == 0x2060 || cp == 0xFEFF;                            // WJ, BOM / ZWNBSP
}

std::int32_t first_forbidden_character(std::string_view text, bool line_breaks) {
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++pos;
      continue;
    }
    const Step s = decode_at(text, pos);
    pos += s.length;
    if (s.cp < 0 || (line_breaks && is_tab_or_line_break(s.cp))) continue;
    if (is_forbidden_character(s.cp)) return s.cp;
  }
  return -1;
}

Message forbidden_character_problem(std::int32_t cp) {
  return bilingual(
      "含有不可见的控制字符或方向、零宽字符（U+{0:04X}），这类字符会改变文字的显示，不能记入账目：请删去后重新输入",
      "contains an invisible control, direction or zero-width character (U+{0:04X}), which changes how "
      "text reads and cannot go into the books: remove it and try again",
      cp);
}

void require_clean_text(std::string_view field, std::string_view text, bool line_breaks) {
  const std::int32_t cp = first_forbidden_character(text, line_breaks);
  if (cp < 0) return;
  const Message problem = forbidden_character_problem(cp);
  throw InputError(bilingual("{0}：{1}", "{0}: {2}", field, problem.zh, problem.en));
}

std::size_t strip_forbidden_characters(std::string& text) {
  if (first_forbidden_character(text, true) < 0) return 0;
  std::string out;
  out.reserve(text.size());
  std::size_t removed = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Step s = decode_at(text, pos);
    if (s.cp >= 0 && is_forbidden_character(s.cp) && !is_tab_or_line_break(s.cp)) {
      ++removed;
    } else {
      out.append(text, pos, s.length);
    }
    pos += s.length;
  }
  text = std::move(out);
  return removed;
}

int display_width(std::string_view text) {
  // Printable ASCII, the most common text in a table, takes one column a byte.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
    return static_cast<int>(text.size());
  }
  int width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Step s = decode_at(text, pos);
    // An invalid byte is usually shown as one replacement glyph.
    width += s.cp < 0 ? 1 : std::max(0, utf8proc_charwidth(s.cp));
    pos += s.length;
  }
  return width;
}

std::string pad_right(std::string_view text, int width) {
  std::string out(text);
  out += spaces(width - display_width(text));
  return out;
}

std::string pad_left(std::string_view text, int width) {
  std::string out = spaces(width - display_width(text));
  out += text;
  return out;
}

std::string_view trim_view(std::string_view text) {
  for (;;) {
    if (!text.empty() && is_ascii_space(text.front())) {
      text.remove_prefix(1);
    } else if (text.substr(0, kIdeographicSpace.size()) == kIdeographicSpace) {
      text.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() && is_ascii_space(text.back())) {
      text.remove_suffix(1);
    } else if (text.size() >= kIdeographicSpace.size() &&
               text.substr(text.size() - kIdeographicSpace.size()) == kIdeographicSpace) {
      text.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return text;
}

std::string trim(std::string_view text) { return std::string(trim_view(text)); }

std::string single_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const Step s = decode_at(text, pos);
    if (s.cp == '\r' || s.cp == '\n') {
      // A whole run of CR/LF ("\r\n", "\n\n", ...) is one line break: one space.
      while (pos < text.size() && (text[pos] == '\r' || text[pos] == '\n')) ++pos;
      out += ' ';
      continue;
    }
    if (is_c0_c1_or_del(s.cp) || s.cp == 0x2028 || s.cp == 0x2029) {
      out += ' ';
    } else {
      // Valid characters and invalid bytes alike are kept as they were.
      out.append(text.substr(pos, s.length));
    }
    pos += s.length;
  }
  return out;
}

bool is_single_line(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    const auto next = pos + 1 < text.size() ? static_cast<unsigned char>(text[pos + 1]) : 0;
    if (byte < 0x20 || byte == 0x7F) return false;                   // C0 (line breaks too) and DEL
    if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) return false;  // C1
    // U+2028, U+2029 (line and paragraph separators)
    if (byte == 0xE2 && next == 0x80 && pos + 2 < text.size() &&
        (static_cast<unsigned char>(text[pos + 2]) == 0xA8 || static_cast<unsigned char>(text[pos + 2]) == 0xA9)) {
      return false;
    }
  }
  return true;
}

bool is_plain_code(std::string_view code) {
  if (code.empty() || code.front() == '-' || !is_valid_utf8(code) || display_width(code) > 24) return false;
  for (std::size_t pos = 0; pos < code.size();) {
    const Step s = decode_at(code, pos);
    const bool ascii_ok = (s.cp >= 'a' && s.cp <= 'z') || (s.cp >= 'A' && s.cp <= 'Z') ||
                          (s.cp >= '0' && s.cp <= '9') || s.cp == '-' || s.cp == '_' || s.cp == '.';
    // Beyond ASCII: letters and ideographs, not spaces (U+3000, U+00A0) or controls.
    const bool other_ok = s.cp > 0xA0 && s.cp != 0x3000 && s.cp != 0x2028 && s.cp != 0x2029 && s.cp != 0xFEFF;
    if (!(s.cp < 0x80 ? ascii_ok : other_ok)) return false;
    pos += s.length;
  }
  return true;
}

std::string fold_full_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const Step s = decode_at(text, pos);
    if (s.cp >= 0xFF01 && s.cp <= 0xFF5E) {
      // The full-width block mirrors ASCII 0x21..0x7E at a fixed offset.
      out += static_cast<char>(s.cp - 0xFF01 + 0x21);
    } else if (s.cp == 0x3000) {
      out += ' ';
    } else {
      out.append(text.substr(pos, s.length));
    }
    pos += s.length;
  }
  return out;
}

std::vector<std::string> nearest(const std::string& typed, const std::vector<std::string>& candidates) {
  // Close enough: a third of the word may be wrong (at least two letters), or the
  // word is the start of a candidate.
  const std::size_t letters = typed.size() - std::min<std::size_t>(typed.find_first_not_of('-'), typed.size());
  const std::size_t limit = std::max<std::size_t>(2, letters / 3);
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const auto& candidate : candidates) {
    const bool prefix = typed.size() >= 3 && candidate.compare(0, typed.size(), typed) == 0;
    const std::size_t distance = prefix ? 1 : edit_distance(lower_ascii(typed), lower_ascii(candidate));
    if (distance <= limit) near.emplace_back(distance, candidate);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> names;
  for (const auto& [distance, name] : near) {
    if (names.size() == 3 || distance > near.front().first) break;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::string comparable_name(std::string_view text) {
  std::string out;
  for (char c : fold_full_width(text)) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace cfund::util
