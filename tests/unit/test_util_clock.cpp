#include <catch2/catch.hpp>

#include "error.hpp"
#include "util/clock.hpp"

using cfund::Lang;
using cfund::util::parse_moment;
using cfund::util::TimeZonePreload;
using cfund::util::wall_time;
using cfund::util::wall_time_in_words;

TEST_CASE("parse_moment: the instant of each form", "[util][clock]") {
  auto m = parse_moment("2026-11-30T14:36:55+00:00");
  REQUIRE(m.ok());
  CHECK(m->epoch_seconds == 1796049415);
  CHECK(parse_moment("2026-11-30T14:36:55Z")->epoch_seconds == 1796049415);
  CHECK(parse_moment("2026-11-30T22:36:55+08:00")->epoch_seconds == 1796049415);
  CHECK(parse_moment("2026-11-30 22:36:55")->epoch_seconds == 1796049415);  // no offset: +08:00
  CHECK(parse_moment("2026-11-30T09:36:55-05:00")->epoch_seconds == 1796049415);
  CHECK(parse_moment("2026-12-01")->epoch_seconds == 1796054400);  // midnight in China
  auto bad = parse_moment("30/11/2026");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().en == "time '30/11/2026' is not valid: expected YYYY-MM-DDTHH:MM:SS+08:00");
  CHECK_FALSE(parse_moment("2026-11-30T24:00:00+08:00").ok());
}

TEST_CASE("parse_moment: the written form, and what is refused", "[util][clock]") {
  CHECK(parse_moment("2026-11-30T14:36:55Z")->iso == "2026-11-30T14:36:55+00:00");
  CHECK(parse_moment("2026-11-30 22:36:55")->iso == "2026-11-30T22:36:55+08:00");
  CHECK(parse_moment("2026-11-30T09:36:55-05:00")->iso == "2026-11-30T09:36:55-05:00");
  CHECK(parse_moment("2026-12-01")->iso == "2026-12-01T00:00:00+08:00");
  CHECK(parse_moment("2026-12-01")->today.day == 1);
  for (const char* bad : {"", "2026-11-30T", "2026-11-30T14:36", "2026-11-30T14:36:55+8:00", "2026-11-30T14:36:55+08",
                          "2026-11-30T14:36:55 +08:00", "2026-11-30T14:36:55Zx", "2026-11-3O", "2026/11/30",
                          "2026-11-30X14:36:55", "2026-11-30T14:60:00", "2026-02-30", "２０２６-11-30"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_moment(bad).ok());
  }
}

TEST_CASE("wall_time: an instant in a fund's time zone, from the system's tzdata", "[util][clock]") {
  const auto beijing = wall_time(1796049415, "Asia/Shanghai");  // 2026-11-30T14:36:55Z
  CHECK(beijing.date == cfund::util::Date{2026, 11, 30});
  CHECK(beijing.hour == 22);
  CHECK(beijing.minute == 36);
  CHECK(beijing.offset_minutes == 480);
  CHECK(wall_time_in_words(beijing, Lang::zh) == "2026年11月30日 22:36");
  CHECK(wall_time_in_words(beijing, Lang::en) == "30 Nov 2026 22:36 (UTC+08:00)");

  // Across midnight, and summer time where a zone has it.
  const auto late = wall_time(1796054400 - 60, "Asia/Shanghai");  // 23:59 in China
  CHECK(wall_time_in_words(late, Lang::zh) == "2026年11月30日 23:59");
  const auto new_york_summer = wall_time(1751371200, "America/New_York");  // 2025-07-01T12:00Z
  CHECK(new_york_summer.offset_minutes == -240);
  CHECK(wall_time_in_words(new_york_summer, Lang::en) == "1 Jul 2025 08:00 (UTC-04:00)");
  CHECK(wall_time(1735732800, "America/New_York").offset_minutes == -300);  // 2025-01-01T12:00Z
  CHECK(wall_time(1796049415, "Asia/Kolkata").offset_minutes == 330);
}

TEST_CASE("time zones: only those the system's database knows", "[util][clock]") {
  CHECK(cfund::util::is_time_zone("Asia/Shanghai"));
  CHECK(cfund::util::is_time_zone("Asia/Urumqi"));
  CHECK_FALSE(cfund::util::is_time_zone("Asia/Beijing"));
  CHECK_FALSE(cfund::util::is_time_zone(""));
  CHECK_FALSE(cfund::util::is_time_zone("+08:00"));
  CHECK_THROWS_AS(wall_time(0, "Mars/Olympus"), cfund::InputError);
  CHECK(cfund::util::unknown_time_zone("Asia/Beijing").zh ==
        "时区“Asia/Beijing”在系统时区数据库（tzdata）中不存在，应写成 Asia/Shanghai 这样的名称");
}

TEST_CASE("TimeZonePreload: the database loaded beside the caller, the lookups as before", "[util][clock]") {
  {
    const TimeZonePreload first;
    const TimeZonePreload second;  // while the first may still be loading
    CHECK(wall_time(1796049415, "Asia/Shanghai").hour == 22);
  }
  const TimeZonePreload after;  // loaded: nothing to start
  CHECK(wall_time(1751371200, "America/New_York").offset_minutes == -240);
  CHECK_FALSE(cfund::util::is_time_zone("Nowhere/Zone"));
}
