#include "util/clock.hpp"

#include <date/tz.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <string_view>
#include <system_error>

#include "error.hpp"

namespace cfund::util {

namespace {

// Whether text[at, at + count) is ASCII digits; their value in *value.
bool digits_at(std::string_view text, std::size_t at, std::size_t count, int* value) {
  if (at + count > text.size()) return false;
  int n = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    n = n * 10 + (text[i] - '0');
  }
  *value = n;
  return true;
}

// The parts of YYYY-MM-DD[(T| )HH:MM:SS[Z|(+|-)HH:MM]] (a fixed layout: no regex, which
// would cost every command that reads CFUND_NOW about a third of a millisecond to compile).
struct MomentParts {
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::string zone = "+08:00";
  int offset_minutes = 8 * 60;
};

bool split_moment(std::string_view text, MomentParts& parts) {
  int ignored = 0;
  if (text.size() < 10 || !digits_at(text, 0, 4, &ignored) || text[4] != '-' || !digits_at(text, 5, 2, &ignored) ||
      text[7] != '-' || !digits_at(text, 8, 2, &ignored)) {
    return false;
  }
  if (text.size() == 10) return true;
  parts.has_time = true;
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || !digits_at(text, 11, 2, &parts.hour) ||
      text[13] != ':' || !digits_at(text, 14, 2, &parts.minute) || text[16] != ':' ||
      !digits_at(text, 17, 2, &parts.second)) {
    return false;
  }
  const std::string_view zone = text.substr(19);
  if (zone.empty()) return true;
  if (zone == "Z") {
    parts.zone = "Z";
    parts.offset_minutes = 0;
    return true;
  }
  int hours = 0, minutes = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits_at(zone, 1, 2, &hours) || zone[3] != ':' ||
      !digits_at(zone, 4, 2, &minutes)) {
    return false;
  }
  parts.zone = std::string(zone);
  parts.offset_minutes = (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  return true;
}

}  // namespace

Expected<Moment> parse_moment(std::string_view text) {
  const std::string s(text);
  MomentParts parts;
  if (!split_moment(text, parts)) {
    return bilingual("时间“{0}”无效：应为 YYYY-MM-DDTHH:MM:SS+08:00",
                     "time '{0}' is not valid: expected YYYY-MM-DDTHH:MM:SS+08:00", s);
  }
  const std::string day = s.substr(0, 10);
  auto date = parse_date(day);
  if (!date) return date.error();
  if (!parts.has_time) return Moment{*date, day + "T00:00:00+08:00", date->days_since_epoch() * 86400 - 8 * 3600};
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
    return bilingual("时间“{0}”无效", "time '{0}' is not valid", s);
  }
  const std::string zone = parts.zone == "Z" ? "+00:00" : parts.zone;
  const std::int64_t epoch = std::int64_t{date->days_since_epoch()} * 86400 + parts.hour * 3600 + parts.minute * 60 +
                             parts.second - parts.offset_minutes * 60;
  return Moment{*date, fmt::format("{}T{}{}", day, s.substr(11, 8), zone), epoch};
}

Moment now() {
  if (const char* fixed = std::getenv("CFUND_NOW"); fixed != nullptr && *fixed != '\0') {
    auto moment = parse_moment(fixed);
    if (!moment) {
      throw InputError(bilingual("环境变量 CFUND_NOW：{0}", "environment variable CFUND_NOW: {1}", moment.error().zh,
                                 moment.error().en));
    }
    return *moment;
  }
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S%z", &local);
  std::string iso(stamp);
  iso.insert(iso.size() - 2, ":");  // +0800 -> +08:00
  return Moment{Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, iso, static_cast<std::int64_t>(t)};
}

namespace {
std::atomic<bool> zones_loaded{false};  // once loaded, by a preload or a lookup, for the whole process
}  // namespace

TimeZonePreload::TimeZonePreload() {
  if (zones_loaded.load()) return;
  try {
    loading_ = std::thread([] {
      try {
        (void)date::get_tzdb();
        zones_loaded.store(true);
      } catch (const std::exception&) {  // no database: the lookup itself reports it
      }
    });
  } catch (const std::system_error&) {  // no thread to be had: the lookup loads the database itself
  }
}

TimeZonePreload::~TimeZonePreload() {
  if (loading_.joinable()) loading_.join();
}

bool is_time_zone(const std::string& zone) {
  try {
    if (zone.empty()) return false;
    const bool known = date::locate_zone(zone) != nullptr;
    zones_loaded.store(true);
    return known;
  } catch (const std::exception&) {  // date throws std::runtime_error for a zone it does not know
    return false;
  }
}

Message unknown_time_zone(const std::string& zone) {
  return bilingual("时区“{0}”在系统时区数据库（tzdata）中不存在，应写成 Asia/Shanghai 这样的名称",
                   "the time zone '{0}' is not in the system's time zone database (tzdata); write a name such as "
                   "Asia/Shanghai",
                   zone);
}

WallTime wall_time(std::int64_t epoch_seconds, const std::string& zone) {
  if (!is_time_zone(zone)) throw InputError(unknown_time_zone(zone));
  const auto info = date::make_zoned(date::locate_zone(zone), date::sys_seconds{std::chrono::seconds{epoch_seconds}});
  const auto local = info.get_local_time();
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<std::chrono::seconds> clock{std::chrono::duration_cast<std::chrono::seconds>(local - day)};
  const auto offset = info.get_info().offset;
  return WallTime{Date::from_days_since_epoch(day.time_since_epoch().count()), static_cast<int>(clock.hours().count()),
                  static_cast<int>(clock.minutes().count()),
                  static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(offset).count())};
}

std::string wall_time_in_words(const WallTime& time, Lang lang) {
  static const char* kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (lang != Lang::en) {
    return fmt::format("{}年{}月{}日 {:02d}:{:02d}", time.date.year, time.date.month, time.date.day, time.hour,
                       time.minute);
  }
  const int offset = time.offset_minutes < 0 ? -time.offset_minutes : time.offset_minutes;
  return fmt::format("{} {} {} {:02d}:{:02d} (UTC{}{:02d}:{:02d})", time.date.day, kShortMonths[time.date.month - 1],
                     time.date.year, time.hour, time.minute, time.offset_minutes < 0 ? '-' : '+', offset / 60,
                     offset % 60);
}

}  // namespace cfund::util
