#include "util/clock.hpp"

#include <date/tz.h>

#include <cstdlib>
#include <ctime>
#include <regex>

#include "error.hpp"

namespace cfund::util {

Expected<Moment> parse_moment(std::string_view text) {
  static const std::regex form(R"(^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$)");
  std::string s(text);
  std::smatch m;
  if (!std::regex_match(s, m, form)) {
    return bilingual("时间“{0}”无效：应为 YYYY-MM-DDTHH:MM:SS+08:00",
                     "time '{0}' is not valid: expected YYYY-MM-DDTHH:MM:SS+08:00", s);
  }
  auto date = parse_date(m[1].str());
  if (!date) return date.error();
  if (!m[2].matched) return Moment{*date, m[1].str() + "T00:00:00+08:00", date->days_since_epoch() * 86400 - 8 * 3600};
  const int hour = std::stoi(m[2].str()), minute = std::stoi(m[3].str()), second = std::stoi(m[4].str());
  if (hour > 23 || minute > 59 || second > 59) {
    return bilingual("时间“{0}”无效", "time '{0}' is not valid", s);
  }
  std::string zone = m[5].matched ? m[5].str() : "+08:00";
  if (zone == "Z") zone = "+00:00";
  const int offset = (zone[0] == '-' ? -1 : 1) * (std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(4, 2)));
  const std::int64_t epoch =
      std::int64_t{date->days_since_epoch()} * 86400 + hour * 3600 + minute * 60 + second - offset * 60;
  return Moment{*date, fmt::format("{}T{}:{}:{}{}", m[1].str(), m[2].str(), m[3].str(), m[4].str(), zone), epoch};
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

bool is_time_zone(const std::string& zone) {
  try {
    return !zone.empty() && date::locate_zone(zone) != nullptr;
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
