#pragma once
// UTF-8 text helpers: validity, display width in a terminal, padding, cleaning.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/message.hpp"

namespace cfund::util {

bool is_valid_utf8(std::string_view text);

// The text split into characters (code points), each kept as its UTF-8 bytes. An
// invalid byte counts as one character of its own, so nothing is ever revealed or
// miscounted through a decoding error.
std::vector<std::string_view> utf8_characters(std::string_view text);

// What a record's text must be checked for, in one pass and without allocating
// (the journal checks every text of every entry it appends, a million in an import).
struct TextFacts {
  bool valid_utf8 = true;
  std::size_t characters = 0;  // code points (an invalid byte counts as one)
  // The first character no recorded text may hold (is_forbidden_character; tab, CR and
  // LF are allowed here), -1 for none.
  std::int32_t first_forbidden = -1;
};
TextFacts inspect_text(std::string_view text);

// Characters that no text cfund takes in may hold, because they change how other text
// reads without showing themselves: C0 controls, DEL, C1 controls (a terminal escape
// sequence is not a name), the bidirectional overrides, embeddings, isolates and marks
// (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C: a donor of ¥500 shown as
// "¥10,000"), and the zero-width characters (U+200B..U+200D, U+2060, U+FEFF: two names
// that look the same but differ). Tab, CR and LF are the caller's to allow.
bool is_forbidden_character(std::int32_t cp);

// The first forbidden character of the text (tab, CR and LF allowed only when
// line_breaks is true), or -1 for none. Invalid UTF-8 is not this function's concern.
std::int32_t first_forbidden_character(std::string_view text, bool line_breaks);

// What is wrong with a text holding the forbidden character cp, without naming the
// field (the caller does: an option, a line and key of a file).
Message forbidden_character_problem(std::int32_t cp);

// Refuses (InputError, naming the field and the character as U+XXXX) text holding a
// forbidden character: the one check for every text that enters cfund from a person
// (command-line options, the fund TOML). Nothing is removed silently.
void require_clean_text(std::string_view field, std::string_view text, bool line_breaks = false);

// Removes forbidden characters (tab, CR, LF kept) from text written by outsiders
// (a WeChat nickname, a bank memo in an imported statement); returns how many it removed,
// so the caller can say so.
std::size_t strip_forbidden_characters(std::string& text);

// Columns the text takes in a terminal: a Chinese character (or any East Asian
// wide / full-width character) takes two, combining marks none (uses utf8proc).
int display_width(std::string_view text);

// Pads with spaces to the given display width (never truncates).
std::string pad_right(std::string_view text, int width);
std::string pad_left(std::string_view text, int width);

// Removes leading and trailing ASCII white space and U+3000 (ideographic space).
std::string trim(std::string_view text);
// The same, as a view into the text (no copy).
std::string_view trim_view(std::string_view text);

// Replaces control characters (C0 except none, DEL, C1) and line breaks by a single
// space each, so that one value stays on one line of a table or a notice.
std::string single_line(std::string_view text);
// Whether single_line would leave the text as it is (checked without copying).
bool is_single_line(std::string_view text);

// A code people type on the command line and that notices and spreadsheets show
// (an account, a special fund, a project): letters of any script, digits, and
// - _ . inside, at most 24 columns wide. Nothing that means something in Markdown,
// HTML, CSV or a shell (| < > & " ' ` * # , ; = + @ ...), no spaces or control
// characters, no leading - (it would read as an option).
bool is_plain_code(std::string_view code);

// Converts full-width ASCII variants (U+FF01..U+FF5E) to ASCII and U+3000 to a space.
std::string fold_full_width(std::string_view text);

// The candidates nearest to a mistyped word by edit distance (a prefix of a
// candidate counts as near): at most three, nearest first; none when nothing is close.
std::vector<std::string> nearest(const std::string& typed, const std::vector<std::string>& candidates);
// A name as compared with another: full-width forms folded, every space and tab left
// out, ASCII lower case ("青溪 农商银行" = "青溪农商银行", "ＡＢＣ" = "abc").
std::string comparable_name(std::string_view text);

}  // namespace cfund::util
