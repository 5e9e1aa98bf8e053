#pragma once
// The words the command line itself says: the layout of --help, every CLI11 parse
// error, "did you mean", prompts and completion. One catalogue (messages.cpp), one
// row per message with its Chinese and English text side by side; the library's
// messages stay with the code that raises them (cfund::bilingual).

#include <string>

#include <fmt/format.h>

#include "util/message.hpp"

namespace cfund::cli {

enum class Msg {
  // --help
  usage,
  options,
  positionals,
  subcommands,
  help_flag,
  version_flag,
  required,
  environment,
  allowed,
  default_value,
  hint_separator,
  help_footer,
  value_text,
  value_account,
  value_designation,
  value_project,
  period_help,
  // Errors
  error,
  usage_error,
  see_help,
  no_such_command,
  no_such_option,
  did_you_mean,
  sentence_gap,
  or_word,
  list_separator,
  command_required,
  option_required,
  argument_required,
  value_missing,
  value_count,
  value_not_allowed,
  switch_takes_no_value,
  unexpected_arguments,
  excludes,
  needs,
  unreadable_command_line,
  // Prompts
  prompt_question,
  prompt_hint,
  prompt_empty,
  prompt_ended,
  // cfund completion
  completion_command,
  completion_shell,
  completion_codes,
  completion_list,
  completion_shell_missing,
  count_  // the number of messages; keep last
};

// The text of a message in one language: a fmt template ({0}, {1}, ...).
const char* text(Msg id, Lang lang);

// The message with its fields filled in.
template <typename... Args>
std::string say(Lang lang, Msg id, Args&&... args) {
  return fmt::format(fmt::runtime(text(id, lang)), std::forward<Args>(args)...);
}

}  // namespace cfund::cli
