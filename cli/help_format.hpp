#pragma once
// --help in the user's language: CLI11's layout with the words of the message
// catalogue, columns aligned by display width (a Chinese character takes two).

#include "util/message.hpp"

namespace CLI {
class App;
}

namespace cfund::cli {

// Call once every command is set up: gives each command the formatter, the names
// of its option and subcommand groups, the help flag's description and the footer.
void localise(CLI::App& root, Lang lang);

}  // namespace cfund::cli
