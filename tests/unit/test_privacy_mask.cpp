#include <catch2/catch.hpp>

#include <string>

#include "privacy/mask.hpp"

using cfund::privacy::mask_id_number;
using cfund::privacy::mask_name;
using cfund::privacy::mask_phone;

TEST_CASE("mask_name keeps the first and, from three characters, the last", "[privacy][mask]") {
  CHECK(mask_name("张三明") == "张*明");
  CHECK(mask_name("王英") == "王*");
  CHECK(mask_name("欧阳娜娜") == "欧**娜");
  CHECK(mask_name("李") == "*");
  CHECK(mask_name("Li Hua") == "L****a");
  CHECK(mask_name("Li") == "L*");
  CHECK(mask_name("Al") == "A*");
  CHECK(mask_name("阿卜杜·热合曼") == "阿*****曼");
  CHECK(mask_name("") == "");
}

TEST_CASE("mask_name trims first", "[privacy][mask]") {
  CHECK(mask_name("  张三明  ") == "张*明");
  CHECK(mask_name("\xE3\x80\x80王英\xE3\x80\x80") == "王*");
  CHECK(mask_name("   ") == "");
  CHECK(mask_name(" 李\t") == "*");
}

TEST_CASE("mask_name never lets a byte of a hidden character through", "[privacy][mask]") {
  // Invalid bytes count as characters of their own.
  CHECK(mask_name("a\xFF"
                  "b") == "a*b");
  CHECK(mask_name("\xFF\xFE") == "\xFF*");
  // A combining mark is a code point of its own.
  CHECK(mask_name("e\xCC\x81"
                  "z") == "e*z");
}

TEST_CASE("mask_id_number keeps the first 3 and last 4 of long values", "[privacy][mask]") {
  CHECK(mask_id_number("110105194912310021") == "110***********0021");
  CHECK(mask_id_number("11010519491231002X") == "110***********002X");
  CHECK(mask_id_number("12345678901234") == "123*******1234");  // 14: exactly half shown
  CHECK(mask_id_number("12345678901234567890") == "123*************7890");
  CHECK(mask_id_number(" 110105194912310021 ") == "110***********0021");  // trimmed
  CHECK(mask_id_number("") == "");
}

TEST_CASE("mask_id_number hides at least half of short values", "[privacy][mask]") {
  CHECK(mask_id_number("1234567890123") == "12*******0123");  // 13 → 2 + 4
  CHECK(mask_id_number("123456789012") == "12******9012");    // 12 → 2 + 4
  CHECK(mask_id_number("12345678901") == "12******901");      // 11 → 2 + 3
  CHECK(mask_id_number("1234567890") == "12*****890");        // 10 → 2 + 3
  CHECK(mask_id_number("123456789") == "1*****789");          // 9 → 1 + 3
  CHECK(mask_id_number("12345678") == "1****678");            // 8 → 1 + 3
  CHECK(mask_id_number("1234567") == "1****67");              // 7 → 1 + 2
  CHECK(mask_id_number("123456") == "1***56");                // 6 → 1 + 2
  CHECK(mask_id_number("12345") == "***45");                  // 5 → 0 + 2
  CHECK(mask_id_number("1234") == "**34");                    // 4 → 0 + 2
  CHECK(mask_id_number("123") == "**3");
  CHECK(mask_id_number("12") == "*2");
  CHECK(mask_id_number("1") == "*");

  // The property itself, for every length up to 30.
  std::string id;
  for (int n = 1; n <= 30; ++n) {
    id += static_cast<char>('0' + n % 10);
    const std::string masked = mask_id_number(id);
    CAPTURE(n, masked);
    REQUIRE(masked.size() == id.size());
    int hidden = 0;
    for (char c : masked) hidden += c == '*';
    CHECK(hidden * 2 >= n);
    CHECK(n - hidden <= 7);
  }
}

TEST_CASE("mask_phone keeps the first 3 and last 4 digits", "[privacy][mask]") {
  CHECK(mask_phone("13812345678") == "138****5678");
  CHECK(mask_phone("138 1234 5678") == "138****5678");
  CHECK(mask_phone("138-1234-5678") == "138****5678");
  CHECK(mask_phone("+86 138 1234 5678") == "138****5678");
  CHECK(mask_phone("+8613812345678") == "138****5678");
  CHECK(mask_phone("8613812345678") == "138****5678");
  CHECK(mask_phone("86-138-1234-5678") == "138****5678");
  CHECK(mask_phone("１３８１２３４５６７８") == "138****5678");  // full-width digits
  CHECK(mask_phone("  13812345678  ") == "138****5678");
  CHECK(mask_phone("") == "");
  CHECK(mask_phone(" - ") == "");
}

TEST_CASE("mask_phone handles landlines and other lengths", "[privacy][mask]") {
  CHECK(mask_phone("0571-88881234") == "057*****1234");
  CHECK(mask_phone("010-87654321") == "010****4321");  // 11 digits
  CHECK(mask_phone("0755-2345-6789") == "075*****6789");
  CHECK(mask_phone("+86 0571 88881234") == "+86********1234");  // not the 13-digit mobile form
  CHECK(mask_phone("86123456789") == "861****6789");            // 11 digits: no prefix to strip
  CHECK(mask_phone("88881234") == "****1234");                  // 8..10: last 4 only
  CHECK(mask_phone("0105551234") == "******1234");
  CHECK(mask_phone("1234567") == "*****67");  // short: last 2 at most
  CHECK(mask_phone("12345") == "***45");
  CHECK(mask_phone("110") == "**0");
  CHECK(mask_phone("12") == "*2");
  CHECK(mask_phone("1") == "*");
}

TEST_CASE("a MentionMasker masks exactly as mask_mentions does", "[privacy]") {
  cfund::privacy::Secrets secrets;
  secrets.names = {"王秀英", "王秀", "欧阳娜娜", "Li Hua", "  "};
  secrets.hidden = {"11010519491231002X", "13812345678", "桂花里3栋2单元101", "138"};
  const cfund::privacy::MentionMasker masker(secrets);
  for (const char* text : {"", "冬季慰问金", "王秀英冬季慰问金（王秀英）", "王秀和欧阳娜娜", "电话13812345678，138",
                           "住桂花里3栋2单元101", "Li Hua, 11010519491231002X", "王秀英王秀王"}) {
    INFO(text);
    CHECK(masker(text) == cfund::privacy::mask_mentions(text, secrets));
  }
  CHECK(masker("王秀英冬季慰问金") == "王*英冬季慰问金");
  CHECK(masker("电话13812345678") == "电话***");
}
