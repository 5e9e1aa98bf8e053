#include "util/clock.hpp"

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
  if (!m[2].matched) return Moment{*date, m[1].str() + "T00:00:00+08:00"};
  if (std::stoi(m[2].str()) > 23 || std::stoi(m[3].str()) > 59 || std::stoi(m[4].str()) > 59) {
    return bilingual("时间“{0}”无效", "time '{0}' is not valid", s);
  }
  std::string zone = m[5].matched ? m[5].str() : "+08:00";
  if (zone == "Z") zone = "+00:00";
  return Moment{*date, fmt::format("{}T{}:{}:{}{}", m[1].str(), m[2].str(), m[3].str(), m[4].str(), zone)};
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
  return Moment{Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, iso};
}

}  // namespace cfund::util
