#include "util/zone_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace cfund::util::zone_file {

namespace {

// The folder date reads (its discover_tz_dir): uclibc's, else the usual one.
std::optional<std::string> zone_folder() {
  for (const char* folder : {"/usr/share/zoneinfo/uclibc", "/usr/share/zoneinfo"}) {
    struct stat st {};
    if (::stat(folder, &st) == 0 && S_ISDIR(st.st_mode)) return std::string(folder);
  }
  return std::nullopt;
}

// What date's walk of the folder skips (its init_tzdb).
bool kept_by_walk(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {"Factory",     "iso3166.tab",      "right",        "+VERSION",
                                                  "version",     "zone.tab",         "zone1970.tab", "tzdata.zi",
                                                  "leapseconds", "leap-seconds.list"};
  if (name.empty() || name.front() == '.' || name.substr(0, 5) == "posix") return false;
  return std::find(std::begin(kSkipped), std::end(kSkipped), name) == std::end(kSkipped);
}

// A big-endian signed number of `size` bytes at `at`, or a runtime_error past the end.
std::int64_t number(const std::string& bytes, std::size_t at, std::size_t size) {
  if (at + size > bytes.size()) throw std::runtime_error("zone file ends early");
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < size; ++i) value = value << 8U | static_cast<unsigned char>(bytes[at + i]);
  if (size < 8 && (value >> (size * 8 - 1)) != 0) value |= ~std::uint64_t{0} << (size * 8);  // sign
  return static_cast<std::int64_t>(value);
}

// Days from 1970-01-01 to the civil date (proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Counts {
  std::int64_t isut, isstd, leap, time, type, chars;
};

Counts counts_at(const std::string& bytes, std::size_t at) {
  return {number(bytes, at, 4),      number(bytes, at + 4, 4),  number(bytes, at + 8, 4),
          number(bytes, at + 12, 4), number(bytes, at + 16, 4), number(bytes, at + 20, 4)};
}

}  // namespace

bool listed(const std::string& zone) {
  const auto folder = zone_folder();
  if (!folder || zone.find('\0') != std::string::npos || ::access(folder->c_str(), R_OK) != 0) return false;
  std::string path = *folder;
  std::size_t start = 0;
  for (;;) {
    const std::size_t slash = zone.find('/', start);
    const std::string_view part = std::string_view(zone).substr(start, slash - start);
    if (!kept_by_walk(part)) return false;
    path += '/';
    path += part;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    if (slash == std::string::npos) return !S_ISDIR(st.st_mode);
    if (!S_ISDIR(st.st_mode) || ::access(path.c_str(), R_OK) != 0) return false;  // walked only if it opens
    start = slash + 1;
  }
}

std::optional<std::int32_t> offset_seconds(const std::string& zone, std::int64_t epoch_seconds) {
  const auto folder = zone_folder();
  if (!folder) return std::nullopt;
  std::ifstream in(*folder + "/" + zone, std::ios::binary);
  if (!in) throw std::runtime_error("Unable to open " + *folder + "/" + zone);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.compare(0, 4, "TZif") != 0) throw std::runtime_error("zone file does not start with TZif");
  Counts n = counts_at(bytes, 20);
  std::size_t at = 44;
  std::size_t time_size = 4;
  if (bytes.size() > 4 && bytes[4] != '\0') {  // version 2 or later: skip to the 64-bit data
    at += 5 * n.time + 6 * n.type + n.chars + 8 * n.leap + n.isstd + n.isut + 20;
    n = counts_at(bytes, at);
    at += 24;
    time_size = 8;
  }
  if (n.leap > 0) return std::nullopt;  // date moves the transitions by its leap seconds
  if (n.type <= 0 || n.time < 0) throw std::runtime_error("zone file without local time types");
  const std::size_t indices = at + static_cast<std::size_t>(n.time) * time_size;
  const std::size_t types = indices + static_cast<std::size_t>(n.time);
  auto type_offset = [&](std::int64_t type) {
    if (type >= n.type) throw std::runtime_error("zone file names a type it lacks");
    return static_cast<std::int32_t>(number(bytes, types + static_cast<std::size_t>(type) * 6, 4));
  };
  // As date: transitions clamped to its earliest time; one there first (the first
  // standard time) unless the file starts there.
  const std::int64_t earliest = days_from_civil(-32767, 1, 1) * 86400;
  std::vector<std::pair<std::int64_t, std::int64_t>> transitions;  // time, type
  for (std::int64_t i = 0; i < n.time; ++i) {
    const std::int64_t time = number(bytes, at + static_cast<std::size_t>(i) * time_size, time_size);
    transitions.emplace_back(std::max(time, earliest), number(bytes, indices + static_cast<std::size_t>(i), 1) & 0xFF);
  }
  if (transitions.empty() || transitions.front().first != earliest) {
    std::int64_t standard = 0;
    for (std::int64_t type = n.type - 1; type >= 0; --type) {
      if (number(bytes, types + static_cast<std::size_t>(type) * 6 + 4, 1) == 0) standard = type;
    }
    transitions.emplace(transitions.begin(), earliest, standard);
  }
  auto after = std::upper_bound(transitions.begin(), transitions.end(), epoch_seconds,
                                [](std::int64_t time, const auto& transition) { return time < transition.first; });
  return type_offset(after == transitions.begin() ? after->second : std::prev(after)->second);
}

}  // namespace cfund::util::zone_file
