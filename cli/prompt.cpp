#include "prompt.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "command_tree.hpp"
#include "error.hpp"
#include "messages.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

std::string question(const CLI::Option& option, Lang lang) {
  std::vector<std::string> hints;
  if (const auto values = allowed_values(option); !values.empty()) {
    std::string joined;
    for (const auto& value : values) joined += (joined.empty() ? "" : text(Msg::list_separator, lang)) + value;
    hints.push_back(say(lang, Msg::allowed, joined));
  }
  if (!option.get_default_str().empty()) hints.push_back(say(lang, Msg::default_value, option.get_default_str()));
  std::string hint;
  for (const auto& each : hints) hint += (hint.empty() ? "" : text(Msg::hint_separator, lang)) + each;
  if (!hint.empty()) hint = say(lang, Msg::prompt_hint, hint);
  return say(lang, Msg::prompt_question, option_name(option), option.get_description(), hint);
}

}  // namespace

bool at_terminal() { return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1; }

std::string ask_for(const CLI::Option& option, Lang lang) {
  const bool positional = option.get_lnames().empty() && option.get_snames().empty();
  for (;;) {
    std::cerr << question(option, lang) << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
      std::cerr << "\n";
      throw InputError(Message{say(Lang::zh, Msg::prompt_ended, option_name(option)),
                               say(Lang::en, Msg::prompt_ended, option_name(option))});
    }
    std::string answer = util::trim(line);
    if (answer.empty()) answer = option.get_default_str();
    if (!answer.empty()) return positional ? answer : option_name(option) + "=" + answer;
    std::cerr << text(Msg::prompt_empty, lang) << "\n";
  }
}

}  // namespace cfund::cli
