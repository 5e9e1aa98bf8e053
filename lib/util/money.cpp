#include "util/money.hpp"

#include <cstddef>
#include <limits>

namespace cfund::util {

namespace {

using U64 = std::uint64_t;

constexpr char32_t kInvalid = 0xFFFD;  // replacement character for bad UTF-8

// Decodes one UTF-8 sequence at text[i]; advances i. Malformed input (overlong,
// surrogate, truncated, out of range) yields kInvalid and consumes one byte, so
// that garbage can never be mistaken for a digit.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kInvalid;
  }
  if (i + len > text.size()) {
    ++i;
    return kInvalid;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return kInvalid;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kInvalid;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Blank around an amount: ASCII white space, U+3000 (ideographic space, typed by
// Chinese input methods) and U+00A0 (no-break space, common in copied statements).
bool is_blank(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' || cp == 0x3000 ||
         cp == 0x00A0;
}

std::string_view trim_blank(std::string_view text) {
  // Leading: decode forward.
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    if (!is_blank(next_code_point(text, next))) break;
    begin = next;
  }
  // Trailing: the blanks are 1-3 bytes long; test the possible encodings directly.
  std::size_t end = text.size();
  for (;;) {
    std::string_view rest = text.substr(begin, end - begin);
    const unsigned char last = rest.empty() ? 0 : static_cast<unsigned char>(rest.back());
    if (last != 0 && last < 0x80 && is_blank(last)) {
      --end;
    } else if (rest.size() >= 3 && rest.substr(rest.size() - 3) == "\u3000") {
      end -= 3;
    } else if (rest.size() >= 2 && rest.substr(rest.size() - 2) == "\u00A0") {
      end -= 2;
    } else {
      break;
    }
  }
  return text.substr(begin, end - begin);
}

// The offending text as shown inside an error message: valid UTF-8, one line and
// short, whatever the input was.
std::string shown(std::string_view text) {
  constexpr std::size_t kMaxChars = 40;
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (count == kMaxChars) {
      out += "…";
      break;
    }
    char32_t cp = next_code_point(text, i);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) cp = kInvalid;
    append_utf8(out, cp);
    ++count;
  }
  return out;
}

// Reduces the text to one ASCII token per code point, so that full-width and
// ASCII forms parse alike: digits, '.', ',', '-', 'Y' for a yuan sign (¥/￥),
// 'U' for the unit 元, and '?' for anything else (including inner spaces).
std::string tokens_of(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    char token = '?';
    if (cp >= '0' && cp <= '9') {
      token = static_cast<char>(cp);
    } else if (cp >= 0xFF10 && cp <= 0xFF19) {  // full-width digits
      token = static_cast<char>('0' + (cp - 0xFF10));
    } else if (cp == '.' || cp == 0xFF0E) {
      token = '.';
    } else if (cp == ',' || cp == 0xFF0C) {
      token = ',';
    } else if (cp == '-' || cp == 0x2212 || cp == 0xFF0D) {  // hyphen, minus sign, full-width
      token = '-';
    } else if (cp == 0x00A5 || cp == 0xFFE5) {
      token = 'Y';
    } else if (cp == 0x5143) {
      token = 'U';
    }
    out += token;
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Thousands separators: a first group of 1-3 digits (not starting with 0), then
// groups of exactly three. Called only when the integer part contains a comma.
bool separators_well_placed(std::string_view integer) {
  std::size_t first = integer.find(',');
  if (first == 0 || first > 3 || integer[0] == '0') return false;
  std::size_t i = first;
  while (i < integer.size()) {
    // integer[i] is a comma: exactly three digits must follow before the next one.
    if (i + 4 > integer.size()) return false;
    for (std::size_t k = 1; k <= 3; ++k) {
      if (!is_digit(integer[i + k])) return false;
    }
    i += 4;
    if (i < integer.size() && integer[i] != ',') return false;
  }
  return true;
}

Message not_an_amount(const std::string& s) {
  return bilingual("“{0}”不是有效的金额", "'{0}' is not a valid amount", s);
}

// Magnitude of an amount, safe for INT64_MIN (whose magnitude is no int64).
U64 magnitude(Fen amount) { return amount < 0 ? U64{0} - static_cast<U64>(amount) : static_cast<U64>(amount); }

std::string two_digits(U64 n) { return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

constexpr const char* kCapitalDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr const char* kCapitalPlaces[] = {"", "拾", "佰", "仟"};

// State while writing the yuan part in capitals. A zero digit after a written digit
// leaves a 零 pending; the next non-zero digit writes it (so a run of zeros gives one
// 零). Writing 万 or 亿 drops it: zeros at the end of a section are absorbed by the
// section's unit (壹拾万柒仟, not 壹拾万零柒仟, as in the PBoC example ¥107,000.53).
struct CapitalWriter {
  std::string out;
  bool started = false;
  bool zero_pending = false;

  // Writes the four digits of one section (0..9999) with 仟佰拾 places.
  void section(U64 n) {
    static constexpr U64 kPlaceValue[] = {1, 10, 100, 1000};
    for (int place = 3; place >= 0; --place) {
      const U64 d = n / kPlaceValue[place] % 10;
      if (d == 0) {
        if (started) zero_pending = true;
        continue;
      }
      if (zero_pending) out += "零";
      zero_pending = false;
      out += kCapitalDigits[d];
      out += kCapitalPlaces[place];
      started = true;
    }
  }

  // Writes a number below 10^8: a 万 section then a units section.
  void below_yi(U64 n) {
    const U64 wan = n / 10000;
    section(wan);
    if (wan != 0) {
      out += "万";
      zero_pending = false;
    }
    section(n % 10000);
  }

  // Writes any number. Above 10^8 the count of 亿 is itself written as a number
  // (壹万亿 for 10^12, 壹亿亿 for 10^16), as Chinese reads large numbers.
  void number(U64 n) {
    constexpr U64 kYi = 100000000;
    if (n >= kYi) {
      number(n / kYi);
      out += "亿";
      zero_pending = false;
      n %= kYi;
    }
    below_yi(n);
  }
};

}  // namespace

Expected<Fen> parse_amount(std::string_view text, bool allow_negative) {
  const std::string_view trimmed = trim_blank(text);
  if (trimmed.empty()) return bilingual("金额为空", "amount is empty");
  const std::string s = shown(trimmed);
  const std::string t = tokens_of(trimmed);

  // Shape: [-][Y][-] integer [. decimals] [U], one sign at most, and a yuan sign
  // and 元 not both.
  std::size_t i = 0;
  bool negative = false;
  bool yuan_sign = false;
  const auto take = [&](char token) {
    if (i < t.size() && t[i] == token) {
      ++i;
      return true;
    }
    return false;
  };
  negative = take('-');
  yuan_sign = take('Y');
  if (yuan_sign && !negative) negative = take('-');  // "¥-12.30" as well as "-¥12.30"

  const std::size_t int_begin = i;
  while (i < t.size() && (is_digit(t[i]) || t[i] == ',')) ++i;
  const std::string_view integer = std::string_view(t).substr(int_begin, i - int_begin);

  bool has_point = false;
  std::string_view decimals;
  if (take('.')) {
    has_point = true;
    const std::size_t dec_begin = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    decimals = std::string_view(t).substr(dec_begin, i - dec_begin);
  }
  if (!yuan_sign) take('U');
  if (i != t.size()) return not_an_amount(s);

  if (integer.empty()) {
    if (decimals.empty()) return not_an_amount(s);  // "¥", "-", "." and the like
    return bilingual("金额“{0}”缺少整数部分（应写作 0.5 而非 .5）",
                     "amount '{0}' is missing its integer part (write 0.5, not .5)", s);
  }
  if (integer.find(',') != std::string_view::npos && !separators_well_placed(integer)) {
    return bilingual("金额“{0}”的千位分隔符位置不正确", "amount '{0}' has misplaced thousands separators", s);
  }
  // "12." could be a typo for 12.5 as easily as meaning 12.00: refuse it.
  if (has_point && decimals.empty()) {
    return bilingual("金额“{0}”的小数点后没有数字", "amount '{0}' has no digits after the decimal point", s);
  }
  if (decimals.size() > 2) {
    return bilingual("金额“{0}”超过两位小数", "amount '{0}' has more than two decimal places", s);
  }

  // Accumulate the magnitude in fen, unsigned, checking before each step that it
  // stays within the limit: INT64_MAX, or its successor for a negative amount.
  const U64 limit = static_cast<U64>(std::numeric_limits<Fen>::max()) + (negative ? 1 : 0);
  U64 fen = 0;
  bool overflow = false;
  const auto push = [&](char c) {
    const U64 d = static_cast<U64>(c - '0');
    if (fen > (limit - d) / 10) overflow = true;
    if (!overflow) fen = fen * 10 + d;
  };
  for (char c : integer) {
    if (c != ',') push(c);
  }
  push(decimals.size() > 0 ? decimals[0] : '0');
  push(decimals.size() > 1 ? decimals[1] : '0');

  // A sign on zero ("-0.00") does not make it negative, so it is accepted.
  if (negative && fen != 0 && !allow_negative) {
    return bilingual("金额“{0}”为负数，此处不允许负数", "amount '{0}' is negative; negatives are not allowed here", s);
  }
  if (overflow) {
    return bilingual("金额“{0}”超出可记录的范围", "amount '{0}' is out of range", s);
  }
  if (!negative) return static_cast<Fen>(fen);
  // -(fen) without signed overflow: fen may be 2^63, i.e. INT64_MIN.
  return fen == 0 ? Fen{0} : -static_cast<Fen>(fen - 1) - 1;
}

std::string format_plain(Fen amount) {
  const U64 mag = magnitude(amount);
  return (amount < 0 ? "-" : "") + std::to_string(mag / 100) + "." + two_digits(mag % 100);
}

std::string format_amount(Fen amount) {
  const U64 mag = magnitude(amount);
  const std::string digits = std::to_string(mag / 100);
  std::string grouped;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k != 0 && (digits.size() - k) % 3 == 0) grouped += ',';
    grouped += digits[k];
  }
  return (amount < 0 ? "-¥" : "¥") + grouped + "." + two_digits(mag % 100);
}

std::string capital_amount(Fen amount) {
  const U64 mag = magnitude(amount);
  const U64 yuan = mag / 100;
  const U64 jiao = mag / 10 % 10;
  const U64 fen = mag % 10;

  std::string out = amount < 0 ? "负" : "";
  if (mag == 0) return out + "零元整";

  if (yuan != 0) {
    CapitalWriter writer;
    writer.number(yuan);
    out += writer.out;
    out += "元";
    if (jiao == 0 && fen == 0) return out + "整";  // 整 only when the amount stops at 元
    // PBoC: 角 zero with 分 non-zero needs 零 after 元 (¥325.04 → 叁佰贰拾伍元零肆分);
    // yuan ending in 0 with 角 non-zero takes the form with 零 after 元
    // (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分).
    if (jiao == 0 || yuan % 10 == 0) out += "零";
  }
  // With no yuan the amount starts at 角 or 分: ¥0.05 → 伍分, ¥0.57 → 伍角柒分.
  if (jiao != 0) out += std::string(kCapitalDigits[jiao]) + "角";
  if (fen != 0) out += std::string(kCapitalDigits[fen]) + "分";
  return out;
}

std::optional<Fen> checked_add(Fen a, Fen b) {
  Fen sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return std::nullopt;
  return sum;
}

}  // namespace cfund::util
