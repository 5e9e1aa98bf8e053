#include <catch2/catch.hpp>

#include <string>

#include "error.hpp"
#include "util/text.hpp"

using namespace cfund::util;
using namespace std::string_literals;

TEST_CASE("is_valid_utf8 accepts well-formed text", "[util][text]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII"));
  CHECK(is_valid_utf8("社区慈善基金"));
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  CHECK(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  CHECK(is_valid_utf8("a\0b"s));             // NUL is a valid character
}

TEST_CASE("is_valid_utf8 rejects malformed text", "[util][text]") {
  CHECK_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  CHECK_FALSE(is_valid_utf8("\xE4\xB8"));          // truncated 3-byte sequence
  CHECK_FALSE(is_valid_utf8("abc\xE4"));           // truncated at the end
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xC1\xBF"));          // overlong 2-byte
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong 4-byte
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800, a surrogate
  CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF, a surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000, out of range
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));  // lead byte never valid
  CHECK_FALSE(is_valid_utf8("\xFF"));
  CHECK_FALSE(is_valid_utf8("中\xE6\x96文"));  // broken sequence in the middle
}

TEST_CASE("is_valid_utf8 reads long ASCII runs eight bytes at a time and still sees every byte", "[util][text]") {
  const std::string ascii = "2025-06-01T10:00:00+08:00 bench";  // 31 bytes
  CHECK(is_valid_utf8(ascii));
  CHECK(is_valid_utf8(ascii + "社区" + ascii));
  for (std::size_t at = 0; at <= ascii.size(); ++at) {  // a bad byte in every place of a word and at the ends
    std::string bad = ascii;
    bad.insert(at, "\xFF");
    CHECK_FALSE(is_valid_utf8(bad));
    std::string truncated = ascii;
    truncated.insert(at, "\xE4\xB8");
    CHECK_FALSE(is_valid_utf8(truncated));
  }
}

TEST_CASE("display_width counts terminal columns", "[util][text]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("张三") == 4);
  CHECK(display_width("Li 华") == 5);
  CHECK(display_width("ＡＢ") == 4);              // full-width Latin letters are wide
  CHECK(display_width("，") == 2);                // full-width comma
  CHECK(display_width("e\xCC\x81") == 1);         // e + combining acute accent
  CHECK(display_width("\xF0\x9F\x98\x80") == 2);  // emoji
  CHECK(display_width("a\xFF"
                      "b") == 3);         // an invalid byte counts one
  CHECK(display_width("\xE4\xB8") == 2);  // each byte of a truncated sequence
  CHECK(display_width("\t\x01") >= 0);    // control characters never go negative
}

TEST_CASE("pad_right and pad_left pad by display width", "[util][text]") {
  CHECK(pad_right("ab", 5) == "ab   ");
  CHECK(pad_left("ab", 5) == "   ab");
  CHECK(pad_right("张三", 6) == "张三  ");
  CHECK(pad_left("张三", 6) == "  张三");
  CHECK(pad_right("张三明", 4) == "张三明");  // never truncates
  CHECK(pad_left("abc", 0) == "abc");
  CHECK(pad_left("abc", -3) == "abc");
  CHECK(pad_right("", 2) == "  ");
  CHECK(display_width(pad_right("欧阳娜娜 Li", 20)) == 20);
}

TEST_CASE("trim removes ASCII white space and U+3000", "[util][text]") {
  CHECK(trim("") == "");
  CHECK(trim("   ") == "");
  CHECK(trim(" \t\r\n abc \v\f") == "abc");
  CHECK(trim("\xE3\x80\x80张三\xE3\x80\x80") == "张三");
  CHECK(trim(" \xE3\x80\x80 a b \xE3\x80\x80 ") == "a b");
  CHECK(trim("张 三") == "张 三");  // inner spaces stay
  CHECK(trim("\xE3\x80\x80") == "");
  CHECK(trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // no-break space is not trimmed
  CHECK(trim("\xE3\x80") == "\xE3\x80");                    // a partial U+3000 is not a space
}

TEST_CASE("single_line replaces control characters and line breaks", "[util][text]") {
  CHECK(single_line("") == "");
  CHECK(single_line("no change 中文") == "no change 中文");
  CHECK(single_line("a\tb") == "a b");
  CHECK(single_line("a\nb") == "a b");
  CHECK(single_line("a\r\nb") == "a b");        // CR LF is one break
  CHECK(single_line("a\r\n\r\n\nb") == "a b");  // a run of breaks is one space
  CHECK(single_line("\nab\n") == " ab ");
  CHECK(single_line("a\x01\x02"
                    "b") == "a  b");  // other controls: one space each
  CHECK(single_line("a\0b"s) == "a b");
  CHECK(single_line("a\x7F"
                    "b") == "a b");  // DEL
  CHECK(single_line("a\xC2\x85"
                    "b") == "a b");  // U+0085 (C1)
  CHECK(single_line("a\xC2\x9F"
                    "b") == "a b");  // U+009F (C1)
  CHECK(single_line("a\xC2\xA0"
                    "b") ==
        "a\xC2\xA0"
        "b");  // U+00A0 is not a control
  CHECK(single_line("a\xE2\x80\xA8"
                    "b\xE2\x80\xA9"
                    "c") == "a b c");         // U+2028, U+2029
  CHECK(single_line("a\xFF\n") == "a\xFF ");  // invalid bytes pass through
}

TEST_CASE("is_single_line is true exactly when single_line changes nothing", "[util][text]") {
  for (const std::string text :
       {""s, "no change 中文"s, "a\tb"s, "a\nb"s, "\r"s, "a\0b"s, "a\x7F"s, "a\xC2\x85"s, "a\xC2\x9F"s, "a\xC2\xA0"s,
        "a\xC2"s, "\xE2\x80\xA8"s, "\xE2\x80\xA9"s, "\xE2\x80\xAA"s, "\xE2\x80"s, "a\xFF"s, "¥1,234.56"s}) {
    INFO(text);
    CHECK(is_single_line(text) == (single_line(text) == text));
  }
}

TEST_CASE("fold_full_width turns full-width ASCII variants into ASCII", "[util][text]") {
  CHECK(fold_full_width("") == "");
  CHECK(fold_full_width("２０２５－０３－０５") == "2025-03-05");
  CHECK(fold_full_width("！") == "!");  // U+FF01, the first
  CHECK(fold_full_width("～") == "~");  // U+FF5E, the last
  CHECK(fold_full_width("ＡＢｃ１２３．５") == "ABc123.5");
  CHECK(fold_full_width("\xE3\x80\x80x") == " x");  // U+3000
  CHECK(fold_full_width("中文，不变") == "中文,不变");
  CHECK(fold_full_width("\xEF\xBD\x9F") == "\xEF\xBD\x9F");  // U+FF5F is outside the range
  CHECK(fold_full_width("¥￥") == "¥￥");                    // U+FFE5 is not in FF01..FF5E
  CHECK(fold_full_width("１\xFF２") ==
        "1\xFF"
        "2");                                        // invalid bytes pass through
  CHECK(fold_full_width("\xEF\xBC") == "\xEF\xBC");  // truncated sequence unchanged
}

TEST_CASE("inspect_text counts characters and finds the first forbidden character in one pass") {
  CHECK(inspect_text("张伟 abc").characters == 6);
  CHECK(inspect_text("张伟 abc").valid_utf8);
  CHECK(inspect_text("张伟 abc").first_forbidden == -1);
  CHECK(inspect_text("tab\tand\nline\r").first_forbidden == -1);
  CHECK(inspect_text("esc\x1b[31m").first_forbidden == 0x1b);
  CHECK(inspect_text("del\x7f").first_forbidden == 0x7f);
  CHECK(inspect_text("c1 \xc2\x85 next").first_forbidden == 0x85);
  CHECK(inspect_text(std::string("nul\0", 4)).first_forbidden == 0);
  CHECK_FALSE(inspect_text("gbk \xd5\xc5").valid_utf8);
  CHECK(inspect_text("\xff\xfe").characters == 2);
}

TEST_CASE("is_forbidden_character: controls, direction and zero-width characters", "[util][text]") {
  for (const std::int32_t cp :
       {0x00,   0x07,   0x1B,   0x7F,   0x85,   0x9F,   0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
        0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060}) {
    CHECK(is_forbidden_character(cp));
  }
  for (const std::int32_t cp : {0x20, 0x41, 0xA0, 0x4E2D, 0x3000, 0x2028, 0x2010, 0x2070, 0x200A, 0x1F600}) {
    CHECK_FALSE(is_forbidden_character(cp));
  }
}

TEST_CASE("first_forbidden_character finds the first and leaves line breaks to the caller", "[util][text]") {
  CHECK(first_forbidden_character("张伟", false) == -1);
  CHECK(first_forbidden_character("", false) == -1);
  CHECK(first_forbidden_character("捐款\xE2\x80\xAE"
                                  "00.005",
                                  false) == 0x202E);                        // U+202E, right-to-left override
  CHECK(first_forbidden_character("王\xE2\x80\x8B秀英", false) == 0x200B);  // zero-width space
  CHECK(first_forbidden_character("\xEF\xBB\xBFname", false) == 0xFEFF);    // a byte order mark
  CHECK(first_forbidden_character("a\x1B[31mb", false) == 0x1B);
  CHECK(first_forbidden_character("a\xC2\x9B"
                                  "b",
                                  false) == 0x9B);  // C1 CSI
  CHECK(first_forbidden_character("line\nbreak\ttab", false) == '\n');
  CHECK(first_forbidden_character("line\nbreak\ttab", true) == -1);
  CHECK(first_forbidden_character("\xFF\xFE", false) == -1);  // invalid UTF-8 is another check's concern
}

TEST_CASE("require_clean_text names the field and the character", "[util][text]") {
  CHECK_NOTHROW(require_clean_text("--purpose", "冬季慰问金"));
  try {
    require_clean_text("--donor", "张\xE2\x80\xAE伟");
    FAIL("not refused");
  } catch (const cfund::InputError& e) {
    CHECK(e.message().zh.find("--donor") != std::string::npos);
    CHECK(e.message().zh.find("U+202E") != std::string::npos);
    CHECK(e.message().en.find("direction") != std::string::npos);
  }
  CHECK_THROWS_AS(require_clean_text("--memo", "a\nb"), cfund::InputError);
  CHECK_NOTHROW(require_clean_text("--memo", "a\nb", true));
}

TEST_CASE("strip_forbidden_characters removes them and counts them", "[util][text]") {
  std::string nickname = "\xE2\x80\xAE小\xE2\x80\x8B明\xE2\x81\xA9";
  CHECK(strip_forbidden_characters(nickname) == 3);
  CHECK(nickname == "小明");
  std::string plain = "张伟\t备注\n第二行";
  CHECK(strip_forbidden_characters(plain) == 0);
  CHECK(plain == "张伟\t备注\n第二行");
  std::string escape =
      "a\x1B"
      "b\x7F";
  CHECK(strip_forbidden_characters(escape) == 2);
  CHECK(escape == "ab");
}

TEST_CASE("inspect_text reports the first forbidden character", "[util][text]") {
  CHECK(inspect_text("正常的文字\n第二行").first_forbidden == -1);
  CHECK(inspect_text("a\xE2\x81\xA6"
                     "b")
            .first_forbidden == 0x2066);
  CHECK(inspect_text("a\x01").first_forbidden == 0x01);
}

TEST_CASE("nearest gives the known word a misspelt key meant", "[util][text]") {
  const std::vector<std::string> keys = {"approval_threshold", "relief_window_days", "name", "max_amount",
                                         "future_days"};
  CHECK(nearest("approval_treshold", keys) == std::vector<std::string>{"approval_threshold"});
  CHECK(nearest("Relief_Window_Day", keys) == std::vector<std::string>{"relief_window_days"});
  CHECK(nearest("futuredays", keys) == std::vector<std::string>{"future_days"});
  CHECK(nearest("nmae", keys) == std::vector<std::string>{"name"});
  CHECK(nearest("colour", keys).empty());
  CHECK(nearest("x", {}).empty());
}
