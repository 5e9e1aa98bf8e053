#pragma once
// Writing an output file so that a reader (or a crash) never sees half of it.

#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "util/message.hpp"

namespace cfund::util {

// What an output path given by --out may be: nothing yet, or a regular file (a folder
// when `folder` is true). A device (/dev/stdout), a FIFO, a socket or a symbolic link
// (never followed: it could lead anywhere) is refused, and so is a folder where a file
// is wanted and the reverse. Returns why not, without naming the path.
std::optional<Message> unfit_output_path(const std::string& path, bool folder);

// Writes the bytes to a temporary file in the same folder (".NAME.tmp-PID-N"),
// flushes it to disk and renames it over `path`: afterwards the file holds either
// its old content (or is absent) or all of the new bytes, even if the process is
// killed or the disk fills up midway. Returns nothing on success, else why not
// (disk full, no permission, ...), in both languages, without naming the file: the
// caller adds that. The temporary file is removed on failure. A path that
// unfit_output_path refuses is not written.
std::optional<Message> write_file_atomically(const std::string& path, const std::string& bytes);

// The same, for output too large to hold in memory (an export): `write` streams the
// content into the temporary file. If it throws, the temporary file is removed and
// the exception goes on.
std::optional<Message> write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace cfund::util
