#pragma once
// The tree of commands and options that CLI11 was given, as --help, the parse
// errors, the prompts and the completion script walk it: nothing about a command is
// written down twice, a new command appears in all of them.

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace cfund::cli {

// The root, then each subcommand the command line selected, down to the one it runs.
std::vector<CLI::App*> selected_chain(CLI::App& root);

// "cfund donate add"
std::string command_path(const CLI::App& app);

// Every command, the root first, parents before their subcommands.
void for_each_command(CLI::App& root, const std::function<void(CLI::App&)>& visit);

// The subcommands one can type after the command (named, not disabled).
std::vector<CLI::App*> subcommands_of(const CLI::App& app);

// The options shown in --help (not hidden), positionals included.
std::vector<CLI::Option*> options_of(const CLI::App& app);

// How an option is written: "--amount" (its first long name), "-q", or the
// positional's name ("ID").
std::string option_name(const CLI::Option& option);
// Every name an option answers to: "-f", "--fund".
std::vector<std::string> option_names(const CLI::Option& option);

// Whether the option takes a value (not a switch such as --json).
bool takes_value(const CLI::Option& option);

// The values a CLI::IsMember check allows ("zh", "en"); empty when any value goes.
std::vector<std::string> allowed_values(const CLI::Option& option);

// The kind of value, as set with ->type_name(): "TEXT", or a kind of code whose
// values completion reads from the fund file (kAccountCode ...).
std::string value_kind(const CLI::Option& option);
inline const char* const kAccountCode = "ACCOUNT";
inline const char* const kDesignationCode = "DESIGNATION";
inline const char* const kProjectCode = "PROJECT";

}  // namespace cfund::cli
