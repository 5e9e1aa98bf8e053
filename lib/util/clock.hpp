#pragma once
// The moment a command runs. Taken once per command and passed down, so that tests
// (and reproducible notices) can fix it with the CFUND_NOW environment variable.

#include <cstdint>
#include <string>
#include <thread>

#include "util/date.hpp"

namespace cfund::util {

struct Moment {
  Date today;
  std::string iso;                 // "2026-11-23T09:30:00+08:00"
  std::int64_t epoch_seconds = 0;  // the same instant: seconds since 1970-01-01T00:00:00Z
};

// Local time now, or CFUND_NOW when set ("2026-11-23T09:30:00+08:00",
// "2026-11-23 09:30:00" or "2026-11-23"). A malformed CFUND_NOW is an InputError.
Moment now();

// Parses a moment in one of the forms above (without an offset: +08:00).
Expected<Moment> parse_moment(std::string_view text);

// An instant as a clock on the wall shows it in one time zone.
struct WallTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int offset_minutes = 0;  // the zone's offset from UTC at that instant
};

// Whether the system's time zone database (tzdata) knows the IANA zone ("Asia/Shanghai").
bool is_time_zone(const std::string& zone);
// What is wrong with a zone is_time_zone refuses.
Message unknown_time_zone(const std::string& zone);

// The instant in the zone, by the system's tzdata (summer time included); an unknown
// zone is an InputError.
WallTime wall_time(std::int64_t epoch_seconds, const std::string& zone);

// Loads the system's time zone database on a thread of its own while the caller goes on,
// for work that ends by printing a time in the fund's zone (a notice): on its first lookup
// the date library lists every zone in /usr/share/zoneinfo (some 600 files, about 1.5 ms),
// which then overlaps the caller's queries on the other core. The destructor waits for it.
// Nothing is started once the database is loaded, or when no thread can be had.
class TimeZonePreload {
 public:
  TimeZonePreload();
  TimeZonePreload(const TimeZonePreload&) = delete;
  TimeZonePreload& operator=(const TimeZonePreload&) = delete;
  ~TimeZonePreload();

 private:
  std::thread loading_;
};

// 2026年11月30日 22:36 / 30 Nov 2026 22:36 (UTC+08:00)
std::string wall_time_in_words(const WallTime& time, Lang lang);

}  // namespace cfund::util
