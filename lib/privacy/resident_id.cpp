#include "privacy/resident_id.hpp"

#include <algorithm>
#include <vector>

#include "error.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace cfund::privacy {

namespace {

constexpr std::size_t kLength = 18;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

char resident_id_check_char(std::string_view first17) {
  // ISO 7064 MOD 11-2: weight of position i is 2^(17 - i) mod 11.
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kCheck[] = "10X98765432";
  // Anything but 17 digits is a caller bug (validate first), not bad input.
  const bool seventeen_digits = first17.size() == 17 && std::all_of(first17.begin(), first17.end(), is_digit);
  if (!seventeen_digits) {
    throw Error(ExitCode::internal, bilingual("内部错误：计算身份证号码校验位需要17位数字",
                                              "internal error: the resident ID check character needs 17 digits"));
  }
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

Expected<std::string> validate_resident_id(std::string_view text, std::string_view shown) {
  // Full-width digits and Ｘ fold to ASCII; the message shows what was given.
  std::string id = util::trim(util::fold_full_width(text));
  const std::string given = shown.empty() ? util::trim(util::single_line(text)) : std::string(shown);

  const auto chars = util::utf8_characters(id);
  if (chars.size() != kLength) {
    return bilingual("身份证号码“{0}”无效：应为18位，这里是{1}位",
                     "resident ID '{0}' is not valid: it has {1} characters, expected 18", given, chars.size());
  }
  for (std::size_t i = 0; i < 17; ++i) {
    if (chars[i].size() != 1 || !is_digit(chars[i][0])) {
      return bilingual("身份证号码“{0}”无效：第{1}位“{2}”不是数字",
                       "resident ID '{0}' is not valid: character {1} ('{2}') is not a digit", given, i + 1,
                       util::single_line(chars[i]));
    }
  }
  // All of the first 17 are single bytes, so a one-byte last character makes
  // id exactly 18 bytes.
  if (chars[17].size() != 1 || !(is_digit(id[17]) || id[17] == 'X' || id[17] == 'x')) {
    return bilingual("身份证号码“{0}”无效：最后一位“{1}”应为数字或 X",
                     "resident ID '{0}' is not valid: the last character ('{1}') must be a digit or X", given,
                     util::single_line(chars[17]));
  }
  if (id[17] == 'x') id[17] = 'X';

  // YYYYMMDD at positions 7-14.
  const std::string_view birth = std::string_view(id).substr(6, 8);
  const int year = digits(birth.substr(0, 4));
  const int month = digits(birth.substr(4, 2));
  const int day = digits(birth.substr(6, 2));
  if (year < 1900) {
    return bilingual("身份证号码“{0}”无效：出生年份{1}早于1900年",
                     "resident ID '{0}' is not valid: the birth year {1} is before 1900", given, year);
  }
  if (month < 1 || month > 12 || day < 1 || day > util::days_in_month(year, month)) {
    return bilingual("身份证号码“{0}”无效：出生日期 {1} 不存在",
                     "resident ID '{0}' is not valid: the birth date {1} does not exist", given, std::string(birth));
  }

  const char expected = resident_id_check_char(std::string_view(id).substr(0, 17));
  if (id[17] != expected) {
    return bilingual("身份证号码“{0}”无效：校验位应为 {1}，而不是 {2}",
                     "resident ID '{0}' is not valid: the check character should be {1}, not {2}", given,
                     std::string(1, expected), std::string(1, id[17]));
  }
  return id;
}

}  // namespace cfund::privacy
