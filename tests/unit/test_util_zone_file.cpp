#include <catch2/catch.hpp>

#include <date/tz.h>

#include <string>
#include <vector>

#include "util/clock.hpp"
#include "util/zone_file.hpp"

using namespace cfund::util;

namespace {

// The date library's own answers (its whole database), which zone_file must give.
bool date_knows(const std::string& zone) {
  try {
    return !zone.empty() && date::locate_zone(zone) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

TEST_CASE("zone_file: the zones date's database lists, and no others", "[util][clock]") {
  for (const std::string zone : {"Asia/Shanghai",
                                 "America/New_York",
                                 "UTC",
                                 "Etc/GMT+8",
                                 "Asia",
                                 "Asia//Shanghai",
                                 "/Asia/Shanghai",
                                 "Asia/Shanghai/",
                                 "./UTC",
                                 "Asia/../UTC",
                                 "Asia/Nowhere",
                                 "posixrules",
                                 "posix/Asia/Shanghai",
                                 "right/UTC",
                                 "Factory",
                                 "zone.tab",
                                 "zone1970.tab",
                                 "iso3166.tab",
                                 "tzdata.zi",
                                 "leapseconds",
                                 "leap-seconds.list",
                                 "+VERSION",
                                 "SECURITY",
                                 "zonenow.tab",
                                 "localtime",
                                 "asia/shanghai",
                                 "",
                                 "."}) {
    INFO(zone);
    CHECK(zone_file::listed(zone) == date_knows(zone));
    CHECK(is_time_zone(zone) == date_knows(zone));
  }
  for (const auto& zone : date::get_tzdb().zones) {
    INFO(zone.name());
    CHECK(zone_file::listed(zone.name()));
  }
}

TEST_CASE("zone_file: every zone's offset at many instants is date's", "[util][clock]") {
  const std::vector<std::int64_t> instants = {-4000000000LL, -2208988800LL, -1000000000LL, 0,
                                              500000000,     1000000000,    1743469200,    1751371200,
                                              1796049415,    2147483647,    2200000000LL,  4000000000LL};
  int compared = 0;
  for (const auto& zone : date::get_tzdb().zones) {
    for (const auto instant : instants) {
      std::optional<std::int32_t> ours;
      try {
        ours = zone_file::offset_seconds(zone.name(), instant);
      } catch (const std::runtime_error&) {
        CHECK_THROWS(zone.get_info(date::sys_seconds{std::chrono::seconds{instant}}));
        continue;
      }
      if (!ours) continue;  // left to date (leap seconds)
      INFO(zone.name() << " at " << instant);
      CHECK(*ours == zone.get_info(date::sys_seconds{std::chrono::seconds{instant}}).offset.count());
      ++compared;
    }
  }
  CHECK(compared > 1000);
}
