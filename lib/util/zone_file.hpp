#pragma once
// One zone of the system's tzdata read on its own, with the answers of the date
// library's time zone database (date/tz.h built with USE_OS_TZDB, as Debian ships it),
// without that database's start-up: it lists every file under /usr/share/zoneinfo (about
// 700 stat calls and the leap-second files, 1.5 ms of every notice) before it answers
// for one zone. util/clock.cpp asks here first.

#include <cstdint>
#include <optional>
#include <string>

namespace cfund::util::zone_file {

// Whether date's database lists `zone`: a path under the zone folder whose every part
// its walk of the folder keeps (not starting with '.' or "posix", not one of its data
// files), through readable folders, to a file that is not a folder.
bool listed(const std::string& zone);

// The zone's offset from UTC at the instant, in seconds, as date finds it in the zone's
// file: the transition in force then (64-bit data of a version 2 file), or before the
// first one the first standard time; the file's closing rule is not read (date does not
// read it either). Nothing when date would need its database to answer (a file that
// counts leap seconds). A file that is not a zone file throws std::runtime_error, as
// date does.
std::optional<std::int32_t> offset_seconds(const std::string& zone, std::int64_t epoch_seconds);

}  // namespace cfund::util::zone_file
