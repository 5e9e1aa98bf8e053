#pragma once
// Asking a person at the terminal for a required option they left out. Never
// used by scripts: only when both stdin and stderr are terminals.

#include <string>

#include "util/message.hpp"

namespace CLI {
class Option;
}

namespace cfund::cli {

// Whether a person is there to answer: stdin and stderr are both terminals.
bool at_terminal();

// Asks for the option on stderr (its description, the allowed values and the
// default) and reads the answer from stdin; returns the argument to add to the
// command line ("--reason=录错" or, for a positional, the value). Empty answers are
// asked again; the end of input is an InputError.
std::string ask_for(const CLI::Option& option, Lang lang);

}  // namespace cfund::cli
