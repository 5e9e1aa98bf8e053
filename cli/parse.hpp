#pragma once
// Parsing the command line in the user's language: every CLI11 error explained in
// the message catalogue's words (with "did you mean" for a mistyped command or
// option), and a missing required option asked for when a person is at the terminal.

#include <optional>

#include "util/message.hpp"

namespace CLI {
class App;
}

namespace cfund::cli {

// Parses and runs the command the line names (CLI11 calls its callback, which may
// throw cfund::Error). Returns an exit code when no command ran: 0 after --help or
// --version, 2 after a usage error (printed on stderr).
std::optional<int> parse_and_run(CLI::App& app, int argc, char** argv, Lang lang);

}  // namespace cfund::cli
