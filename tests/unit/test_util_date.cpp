#include <catch2/catch.hpp>

#include <string>

#include "util/date.hpp"

using cfund::util::Date;
using cfund::util::days_in_month;
using cfund::util::is_leap_year;
using cfund::util::parse_date;
using cfund::util::parse_period;
using cfund::util::parse_statement_date;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

}  // namespace

TEST_CASE("Date::iso pads with zeros", "[util][date]") {
  CHECK(d(2025, 3, 5).iso() == "2025-03-05");
  CHECK(d(1900, 12, 31).iso() == "1900-12-31");
  CHECK(d(1, 1, 1).iso() == "0001-01-01");
}

TEST_CASE("leap years and month lengths", "[util][date]") {
  CHECK(is_leap_year(2024));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2025));
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2025, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2025, 4) == 30);
  CHECK(days_in_month(2025, 12) == 31);
  CHECK(days_in_month(2025, 0) == 0);
  CHECK(days_in_month(2025, 13) == 0);
}

TEST_CASE("days_since_epoch at known points", "[util][date]") {
  CHECK(d(1970, 1, 1).days_since_epoch() == 0);
  CHECK(d(1970, 1, 2).days_since_epoch() == 1);
  CHECK(d(1969, 12, 31).days_since_epoch() == -1);
  CHECK(d(2000, 3, 1).days_since_epoch() == 11017);
  CHECK(d(2025, 3, 5).days_since_epoch() == 20152);
  CHECK(d(1900, 1, 1).days_since_epoch() == -25567);
  CHECK(d(1, 1, 1).days_since_epoch() == -719162);
  CHECK(d(9999, 12, 31).days_since_epoch() == 2932896);
}

TEST_CASE("from_days_since_epoch inverts days_since_epoch for years 1..9999", "[util][date]") {
  const long first = d(1, 1, 1).days_since_epoch();
  const long last = d(9999, 12, 31).days_since_epoch();
  // Walk every day and check it follows the previous one on the calendar.
  Date prev = Date::from_days_since_epoch(first);
  REQUIRE(prev == d(1, 1, 1));
  long mismatches = 0;
  for (long n = first + 1; n <= last; ++n) {
    const Date cur = Date::from_days_since_epoch(n);
    Date expected = prev;
    if (++expected.day > days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
    if (cur != expected || cur.days_since_epoch() != n) ++mismatches;
    prev = cur;
  }
  CHECK(mismatches == 0);
  CHECK(prev == d(9999, 12, 31));
}

TEST_CASE("plus_days and comparisons", "[util][date]") {
  CHECK(d(2024, 2, 28).plus_days(1) == d(2024, 2, 29));
  CHECK(d(2025, 2, 28).plus_days(1) == d(2025, 3, 1));
  CHECK(d(2025, 12, 31).plus_days(1) == d(2026, 1, 1));
  CHECK(d(2025, 1, 1).plus_days(-1) == d(2024, 12, 31));
  CHECK(d(2025, 3, 5).plus_days(0) == d(2025, 3, 5));
  CHECK(d(2025, 3, 5).plus_days(365) == d(2026, 3, 5));
  CHECK(d(2025, 3, 5) < d(2025, 3, 6));
  CHECK(d(2024, 12, 31) < d(2025, 1, 1));
  CHECK(d(2025, 3, 5) <= d(2025, 3, 5));
  CHECK(d(2025, 3, 6) > d(2025, 3, 5));
  CHECK(d(2025, 3, 5) >= d(2025, 3, 5));
  CHECK(d(2025, 3, 5) != d(2025, 3, 6));
}

TEST_CASE("parse_date accepts strict YYYY-MM-DD", "[util][date]") {
  auto r = parse_date("2025-03-05");
  REQUIRE(r.ok());
  CHECK(*r == d(2025, 3, 5));
  CHECK(parse_date("2024-02-29").ok());
  CHECK(parse_date("1900-01-01").ok());
  CHECK(parse_date("9999-12-31").ok());
}

TEST_CASE("parse_date rejects other forms", "[util][date]") {
  for (const char* text : {"", "2025-3-5", "2025/03/05", "20250305", " 2025-03-05", "2025-03-05 ", "2025-03-05T00:00",
                           "25-03-05", "2025-03-5x", "+025-03-05", "2025-0a-05", "2025--3-05", "２０２５-03-05"}) {
    CAPTURE(text);
    auto r = parse_date(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().en.find("expected YYYY-MM-DD") != std::string::npos);
    CHECK(r.error().zh.find("应为 YYYY-MM-DD") != std::string::npos);
  }
  auto r = parse_date("2025/03/05");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025/03/05' is not valid: expected YYYY-MM-DD");
  CHECK(r.error().zh == "日期“2025/03/05”无效：应为 YYYY-MM-DD");
}

TEST_CASE("parse_date says what is wrong with the calendar", "[util][date]") {
  auto r = parse_date("2025-02-30");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-02-30' is not valid: February 2025 has no day 30");
  CHECK(r.error().zh == "日期“2025-02-30”无效：2025年2月没有30日");

  r = parse_date("2025-02-29");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-02-29' is not valid: February 2025 has no day 29");

  r = parse_date("2025-04-31");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-04-31' is not valid: April 2025 has no day 31");

  r = parse_date("2025-01-00");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-01-00' is not valid: January 2025 has no day 0");

  r = parse_date("2025-13-01");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-13-01' is not valid: there is no month 13");
  CHECK(r.error().zh == "日期“2025-13-01”无效：没有13月");

  r = parse_date("2025-00-10");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-00-10' is not valid: there is no month 0");

  r = parse_date("1899-12-31");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '1899-12-31' is not valid: the year must be from 1900 to 9999");
  CHECK(r.error().zh == "日期“1899-12-31”无效：年份应在 1900 到 9999 之间");
  CHECK_FALSE(parse_date("0000-01-01").ok());
}

TEST_CASE("parse_statement_date accepts what statements write", "[util][date]") {
  const Date march5 = d(2025, 3, 5);
  for (const char* text : {"2025-03-05",
                           "2025/3/5",
                           "2025/03/05",
                           "2025/3/05",
                           "2025.3.5",
                           "2025.03.05",
                           "2025年3月5日",
                           "2025年03月05日",
                           "20250305",
                           "  2025-03-05  ",
                           "\t2025/3/5\n",
                           "2025-03-05 14:22:01",
                           "2025-03-05T14:22:01",
                           "2025/3/5 9:05",
                           "2025.3.5 09:05",
                           "2025年3月5日 14:22",
                           "20250305 00:00:00",
                           "2025-03-05  23:59:59",
                           "2025-03-05T0:00",
                           "2025-03-05 14:22 ",
                           "２０２５－０３－０５",
                           "２０２５年３月５日",
                           "２０２５／３／５　１４：２２",
                           "\xE3\x80\x80"
                           "2025-03-05"
                           "\xE3\x80\x80"}) {
    CAPTURE(text);
    auto r = parse_statement_date(text);
    REQUIRE(r.ok());
    CHECK(*r == march5);
  }
  auto r = parse_statement_date("2024/2/29");
  REQUIRE(r.ok());
  CHECK(*r == d(2024, 2, 29));
  r = parse_statement_date("2025/12/31");
  REQUIRE(r.ok());
  CHECK(*r == d(2025, 12, 31));
}

TEST_CASE("parse_statement_date rejects unknown forms", "[util][date]") {
  for (const char* text : {"",
                           "   ",
                           "2025-3-5",
                           "2025-03",
                           "2025/3",
                           "2025/3/5/",
                           "2025/3.5",
                           "2025-03/05",
                           "2025年3月5",
                           "2025年3-5日",
                           "2025/003/5",
                           "2025/3/005",
                           "250305",
                           "2025030",
                           "202503051",
                           "5/3/2025",
                           "March 5, 2025",
                           "2025-03-05x",
                           "2025-03-05t14:22",
                           "2025-03-05_14:22",
                           "2025 年 3 月 5 日"}) {
    CAPTURE(text);
    auto r = parse_statement_date(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().en.find("expected a form such as") != std::string::npos);
  }
  auto r = parse_statement_date(" 5/3/2025 ");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en ==
        "date '5/3/2025' is not valid: expected a form such as 2025-03-05, 2025/3/5, 2025.3.5, "
        "2025年3月5日 or 20250305");
}

TEST_CASE("parse_statement_date checks the calendar", "[util][date]") {
  auto r = parse_statement_date("2025/2/30");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025/2/30' is not valid: February 2025 has no day 30");
  r = parse_statement_date("20251301");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '20251301' is not valid: there is no month 13");
  r = parse_statement_date("1899年12月31日");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().zh == "日期“1899年12月31日”无效：年份应在 1900 到 9999 之间");
  CHECK_FALSE(parse_statement_date("2025.0.5").ok());
  CHECK_FALSE(parse_statement_date("2025年3月0日").ok());
}

TEST_CASE("parse_statement_date checks the time", "[util][date]") {
  for (const char* text : {"2025-03-05 24:00", "2025-03-05 23:60", "2025-03-05 23:59:60", "2025/3/5 99:99"}) {
    CAPTURE(text);
    auto r = parse_statement_date(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().en.find("is out of range") != std::string::npos);
  }
  for (const char* text :
       {"2025-03-05T", "2025-03-05 14", "2025-03-05 14:2", "2025-03-05 14:22:1", "2025-03-05 14:22:01.5",
        "2025-03-05 123:00", "2025-03-05 :22", "2025-03-05 14-22", "2025-03-05 14:22:01:00", "2025-03-05T 14:22"}) {
    CAPTURE(text);
    auto r = parse_statement_date(text);
    REQUIRE_FALSE(r.ok());
  }
  auto r = parse_statement_date("2025-03-05 14:2");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-03-05 14:2' is not valid: the time '14:2' should be HH:MM or HH:MM:SS");
  CHECK(r.error().zh == "日期“2025-03-05 14:2”无效：时间“14:2”应为 HH:MM 或 HH:MM:SS");
  r = parse_statement_date("2025-03-05 24:00");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "date '2025-03-05 24:00' is not valid: the time '24:00' is out of range");
}

TEST_CASE("parse_period: months", "[util][date]") {
  auto p = parse_period("2025-03");
  REQUIRE(p.ok());
  CHECK(p->first == d(2025, 3, 1));
  CHECK(p->last == d(2025, 3, 31));
  CHECK(p->label == "2025-03");
  p = parse_period("2024-02");
  REQUIRE(p.ok());
  CHECK(p->last == d(2024, 2, 29));
  p = parse_period("2025-02");
  REQUIRE(p.ok());
  CHECK(p->last == d(2025, 2, 28));
  CHECK(p->contains(d(2025, 2, 1)));
  CHECK(p->contains(d(2025, 2, 28)));
  CHECK_FALSE(p->contains(d(2025, 1, 31)));
  CHECK_FALSE(p->contains(d(2025, 3, 1)));
}

TEST_CASE("parse_period: quarters", "[util][date]") {
  struct Case {
    const char* text;
    const char* label;
    Date first;
    Date last;
  };
  for (const Case& c : {Case{"2025-Q1", "2025-Q1", d(2025, 1, 1), d(2025, 3, 31)},
                        Case{"2025-Q2", "2025-Q2", d(2025, 4, 1), d(2025, 6, 30)},
                        Case{"2025-q3", "2025-Q3", d(2025, 7, 1), d(2025, 9, 30)},
                        Case{"2025-Q4", "2025-Q4", d(2025, 10, 1), d(2025, 12, 31)}}) {
    CAPTURE(c.text);
    auto p = parse_period(c.text);
    REQUIRE(p.ok());
    CHECK(p->label == c.label);
    CHECK(p->first == c.first);
    CHECK(p->last == c.last);
  }
  auto p = parse_period("2025-Q5");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().en == "period '2025-Q5' is not valid: there is no quarter 5");
  CHECK(p.error().zh == "期间“2025-Q5”无效：没有第5季度");
  CHECK_FALSE(parse_period("2025-Q0").ok());
  CHECK_FALSE(parse_period("2025-Q").ok());
  CHECK_FALSE(parse_period("2025-Q12").ok());
}

TEST_CASE("parse_period: years", "[util][date]") {
  auto p = parse_period("2025");
  REQUIRE(p.ok());
  CHECK(p->first == d(2025, 1, 1));
  CHECK(p->last == d(2025, 12, 31));
  CHECK(p->label == "2025");
  p = parse_period("1899");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().en == "period '1899' is not valid: the year must be from 1900 to 9999");
}

TEST_CASE("parse_period: ranges", "[util][date]") {
  auto p = parse_period("2025-01-10..2025-02-20");
  REQUIRE(p.ok());
  CHECK(p->first == d(2025, 1, 10));
  CHECK(p->last == d(2025, 2, 20));
  CHECK(p->label == "2025-01-10..2025-02-20");
  CHECK(p->contains(d(2025, 1, 10)));
  CHECK(p->contains(d(2025, 2, 20)));
  CHECK_FALSE(p->contains(d(2025, 2, 21)));

  p = parse_period("2025-03-05..2025-03-05");  // a single day
  REQUIRE(p.ok());
  CHECK(p->first == p->last);

  p = parse_period("2025-02-20..2025-01-10");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().en ==
        "period '2025-02-20..2025-01-10' is not valid: the start 2025-02-20 is after the end "
        "2025-01-10");
  CHECK(p.error().zh == "期间“2025-02-20..2025-01-10”无效：开始日期 2025-02-20 晚于结束日期 2025-01-10");

  p = parse_period("2025-01-10..2025-02-30");  // the bad date is named
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().en == "date '2025-02-30' is not valid: February 2025 has no day 30");

  CHECK_FALSE(parse_period("2025-01-10..").ok());
  CHECK_FALSE(parse_period("..2025-01-10").ok());
  CHECK_FALSE(parse_period("2025-01-10...2025-02-20").ok());
  CHECK_FALSE(parse_period("2025..2026").ok());
  CHECK_FALSE(parse_period("2025-Q1..2025-Q2").ok());
}

TEST_CASE("parse_period: month ranges and mixed ends", "[util][date]") {
  auto p = parse_period("2023-10..2024-09");  // a fund's year that starts in October
  REQUIRE(p.ok());
  CHECK(p->first == d(2023, 10, 1));
  CHECK(p->last == d(2024, 9, 30));
  CHECK(p->label == "2023-10..2024-09");

  p = parse_period("2024-02..2024-02");  // one month, to its last day (a leap year)
  REQUIRE(p.ok());
  CHECK(p->last == d(2024, 2, 29));

  p = parse_period("2025-01..2025-02-20");
  REQUIRE(p.ok());
  CHECK(p->first == d(2025, 1, 1));
  CHECK(p->last == d(2025, 2, 20));

  p = parse_period("2025-01-10..2025-03");
  REQUIRE(p.ok());
  CHECK(p->last == d(2025, 3, 31));

  p = parse_period("2024-09..2023-10");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().en == "period '2024-09..2023-10' is not valid: the start 2024-09-01 is after the end 2023-10-31");

  p = parse_period("2023-13..2024-09");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().zh == "期间“2023-13..2024-09”无效：没有13月");
  CHECK_FALSE(parse_period("2023-1..2024-09").ok());
  CHECK_FALSE(parse_period("1899-12..1900-01").ok());
}

TEST_CASE("period_in_words: a title for every form", "[util][date]") {
  using cfund::Lang;
  using cfund::util::period_in_words;
  const auto words = [](const char* text, Lang lang) { return period_in_words(*parse_period(text), lang); };
  CHECK(words("2025-03", Lang::zh) == "2025年3月");
  CHECK(words("2025-Q1", Lang::zh) == "2025年第一季度");
  CHECK(words("2025-Q4", Lang::zh) == "2025年第四季度");
  CHECK(words("2025", Lang::zh) == "2025年度");
  CHECK(words("2023-10..2024-09", Lang::zh) == "2023年10月至2024年9月");
  CHECK(words("2025-03-05..2025-04-20", Lang::zh) == "2025年3月5日至2025年4月20日");
  CHECK(words("2025-01..2025-02-20", Lang::zh) == "2025年1月至2025年2月20日");
  CHECK(words("2025-03", Lang::en) == "March 2025");
  CHECK(words("2025-Q1", Lang::en) == "Q1 2025");
  CHECK(words("2025", Lang::en) == "the year 2025");
  CHECK(words("2023-10..2024-09", Lang::en) == "October 2023 to September 2024");
  CHECK(words("2025-03-05..2025-04-20", Lang::en) == "5 March 2025 to 20 April 2025");
  CHECK(cfund::util::date_in_words(d(2025, 3, 31), Lang::zh) == "2025年3月31日");
  CHECK(cfund::util::date_in_words(d(2025, 3, 31), Lang::en) == "31 March 2025");
}

TEST_CASE("parse_period rejects other forms", "[util][date]") {
  for (const char* text : {"", "25", "20250", "2025-3", "2025-003", "2025-13", "2025-00", "2025-H1", "Q1-2025", " 2025",
                           "2025 ", "2025-03-05", "abcd"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_period(text).ok());
  }
  auto p = parse_period("2025-13");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().en == "period '2025-13' is not valid: there is no month 13");
  p = parse_period("2025-H1");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().en ==
        "period '2025-H1' is not valid: expected YYYY, YYYY-MM, YYYY-Qn or FROM..TO (each end "
        "YYYY-MM or YYYY-MM-DD)");
}
