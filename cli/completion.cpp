// cfund completion bash|zsh: the shell completion script, generated from the tree
// of commands (a new command or option appears in it by itself); --codes KIND
// lists the fund's account, designation or project codes for that script; --list
// prints the tree for the tests (tests/cli/).

#include <CLI/CLI.hpp>

#include <algorithm>

#include "books/fund.hpp"
#include "command_tree.hpp"
#include "common.hpp"
#include "error.hpp"
#include "messages.hpp"

namespace cfund::cli {

namespace {

struct CompletionOptions {
  std::string shell;
  std::string codes;
  bool list = false;
};

const std::vector<std::pair<std::string, books::CodeKind>> kCodeKinds = {
    {"accounts", books::CodeKind::accounts},
    {"designations", books::CodeKind::designations},
    {"projects", books::CodeKind::projects}};

// What completes the value of an option: its allowed values, "@accounts" (codes
// read from the fund file when completing), or nothing (free text, a file).
std::string value_words(const CLI::Option& option) {
  std::string words;
  for (const auto& value : allowed_values(option)) words += (words.empty() ? "" : " ") + value;
  const std::string kind = value_kind(option);
  if (kind == kAccountCode) return "@accounts";
  if (kind == kDesignationCode) return "@designations";
  if (kind == kProjectCode) return "@projects";
  return words;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const auto& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

// The path of a command below the root: "" or "donate add".
std::string path_below_root(const CLI::App& app) {
  const std::string path = command_path(app);
  const auto space = path.find(' ');
  return space == std::string::npos ? "" : path.substr(space + 1);
}

// The tables of the script: one case arm per command and kind of word.
std::string tables(CLI::App& root) {
  std::string words_case, values_case;
  for_each_command(root, [&](CLI::App& app) {
    const std::string path = path_below_root(app);
    std::vector<std::string> subs, options, valued, arguments;
    for (const CLI::App* sub : subcommands_of(app)) subs.push_back(sub->get_name());
    for (const CLI::Option* option : options_of(app)) {
      if (option->get_positional()) {
        const std::string words = value_words(*option);
        std::string kind = words.empty() ? "-" : words;  // one word per argument: "bash,zsh"
        std::replace(kind.begin(), kind.end(), ' ', ',');
        arguments.push_back(kind);
        continue;
      }
      for (const auto& name : option_names(*option)) {
        options.push_back(name);
        if (!takes_value(*option)) continue;
        valued.push_back(name);
        if (const std::string words = value_words(*option); !words.empty())
          values_case += fmt::format("    \"{} {}\") REPLY=\"{}\" ;;\n", path, name, words);
      }
    }
    words_case += fmt::format("    \"subs {0}\") REPLY=\"{1}\" ;;\n    \"opts {0}\") REPLY=\"{2}\" ;;\n", path,
                              join_words(subs), join_words(options));
    words_case += fmt::format("    \"valued {0}\") REPLY=\"{1}\" ;;\n    \"args {0}\") REPLY=\"{2}\" ;;\n", path,
                              join_words(valued), join_words(arguments));
  });
  return "_cfund_words() {\n  case \"$2 $1\" in\n" + words_case + "    *) REPLY=\"\" ;;\n  esac\n}\n" +
         "_cfund_values() {\n  case \"$1 $2\" in\n" + values_case + "    *) REPLY=\"\" ;;\n  esac\n}\n";
}

// The part that is the same for every tree: find the command being typed, then
// offer its subcommands, options, an option's values or the fund's codes. Runs in
// bash and, through bashcompinit, in zsh (ksharrays: arrays count from 0 there too;
// no variable is called "path", which zsh ties to PATH).
const char* kFunctions = R"sh(
# Whether $2 is an option taking a value of the command $1 (e.g. "donate add") or one above it.
_cfund_valued() {
  local under=$1
  while :; do
    _cfund_words "$under" valued
    [[ " $REPLY " == *" $2 "* ]] && return 0
    [[ -z $under ]] && return 1
    if [[ $under == *" "* ]]; then under=${under% *}; else under=""; fi
  done
}
# The values of option $2 of the command $1 or of one above it.
_cfund_option_values() {
  local under=$1
  while :; do
    _cfund_values "$under" "$2"
    [[ -n $REPLY || -z $under ]] && return
    if [[ $under == *" "* ]]; then under=${under% *}; else under=""; fi
  done
}
# Adds the words starting with $cur to COMPREPLY; "@accounts" asks cfund for the codes.
_cfund_offer() {
  local candidates=$1 c
  if [[ $candidates == @* ]]; then
    candidates=$("${COMP_WORDS[0]}" "${fund[@]}" completion --codes "${candidates#@}" 2>/dev/null)
  fi
  for c in $candidates; do
    [[ $c == "$cur"* ]] && COMPREPLY+=("$c")
  done
  return 0
}
_cfund() {
  [[ -n ${ZSH_VERSION-} ]] && setopt localoptions ksharrays shwordsplit
  # under: the command typed so far ("donate add"); arguments: its positionals so far.
  local cur=${COMP_WORDS[COMP_CWORD]} prev="" under="" word i=1 arguments=0
  local -a fund=()
  COMPREPLY=()
  (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
  # bash splits --option=value at "=".
  if [[ $cur == "=" ]]; then cur=""; elif [[ $prev == "=" && COMP_CWORD -gt 1 ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
  while (( i < COMP_CWORD )); do
    word=${COMP_WORDS[i]}
    if [[ $word == -* ]]; then
      if _cfund_valued "$under" "$word"; then
        (( i++ ))
        [[ ${COMP_WORDS[i]} == "=" ]] && (( i++ ))
        [[ $word == -f || $word == --fund ]] && fund=(-f "${COMP_WORDS[i]}")
      fi
    else
      _cfund_words "$under" subs
      if [[ " $REPLY " == *" $word "* ]]; then under=${under:+$under }$word; else (( arguments++ )); fi
    fi
    (( i++ ))
  done
  if [[ $prev == -* ]] && _cfund_valued "$under" "$prev"; then
    _cfund_option_values "$under" "$prev"
    _cfund_offer "$REPLY"
    return 0
  fi
  if [[ $cur == -* ]]; then
    _cfund_words "$under" opts
    _cfund_offer "$REPLY"
    return 0
  fi
  _cfund_words "$under" subs
  if [[ -n $REPLY ]]; then
    _cfund_offer "$REPLY"
    return 0
  fi
  _cfund_words "$under" args
  local -a kinds=($REPLY)
  local kind=${kinds[arguments]-}
  [[ -n $kind && $kind != - ]] && _cfund_offer "${kind//,/ }"
  return 0
}
)sh";

std::string script(CLI::App& root, const std::string& shell) {
  std::string out = shell == "zsh"
                        ? "#compdef cfund\n# cfund completion zsh\nautoload -U +X bashcompinit && bashcompinit\n"
                        : "# cfund completion bash\n";
  out += tables(root) + kFunctions;
  return out + "complete -o default -F _cfund cfund\n";
}

// One line per command and per option, tab-separated, for the tests:
//   command PATH SUBCOMMANDS
//   option|argument PATH NAMES value|switch required|optional ALLOWED KIND
std::string listing(CLI::App& root) {
  std::string out;
  for_each_command(root, [&](CLI::App& app) {
    const std::string path = path_below_root(app);
    std::vector<std::string> subs;
    for (const CLI::App* sub : subcommands_of(app)) subs.push_back(sub->get_name());
    out += fmt::format("command\t{}\t{}\n", path, join_words(subs));
    for (const CLI::Option* option : options_of(app)) {
      const bool positional = option->get_positional() && option_names(*option).empty();
      out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", positional ? "argument" : "option", path,
                         positional ? option->get_name() : join_words(option_names(*option)),
                         takes_value(*option) ? "value" : "switch", option->get_required() ? "required" : "optional",
                         join_words(allowed_values(*option)), value_kind(*option));
    }
  });
  return out;
}

std::string run_codes(const std::string& kind, const Context& ctx) {
  auto file = open_fund(ctx);
  std::string out;
  for (const auto& [name, code_kind] : kCodeKinds) {
    if (name != kind) continue;
    for (const auto& code : books::codes(file, code_kind)) out += code + "\n";
  }
  return out;
}

}  // namespace

void setup_completion(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<CompletionOptions>();
  auto* cmd = app.add_subcommand("completion", text(Msg::completion_command, ctx.lang));
  cmd->add_option("SHELL", options->shell, text(Msg::completion_shell, ctx.lang))
      ->check(CLI::IsMember({"bash", "zsh"}));
  std::vector<std::string> kinds;
  for (const auto& [name, kind] : kCodeKinds) kinds.push_back(name);
  cmd->add_option("--codes", options->codes, text(Msg::completion_codes, ctx.lang))->check(CLI::IsMember(kinds));
  cmd->add_flag("--list", options->list, text(Msg::completion_list, ctx.lang));
  cmd->callback([options, cmd, &ctx] {
    CLI::App& root = *cmd->get_parent();
    if (!options->codes.empty()) {
      ctx.output = run_codes(options->codes, ctx);
    } else if (options->list) {
      ctx.output = listing(root);
    } else if (!options->shell.empty()) {
      ctx.output = script(root, options->shell);
    } else {
      throw InputError(
          Message{text(Msg::completion_shell_missing, Lang::zh), text(Msg::completion_shell_missing, Lang::en)});
    }
  });
}

}  // namespace cfund::cli
