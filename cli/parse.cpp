#include "parse.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <regex>

#include "command_tree.hpp"
#include "error.hpp"
#include "messages.hpp"
#include "prompt.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

// The kind of error, by its class: CLI11 names some errors after the app that threw them.
template <typename Kind>
bool is(const CLI::ParseError& error) {
  return dynamic_cast<const Kind*>(&error) != nullptr;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : separator) + item;
  return joined;
}

// The words of the command line that no command or option took.
std::vector<std::string> leftovers(const std::vector<CLI::App*>& chain) {
  std::vector<std::string> words;
  for (const CLI::App* app : chain) {
    for (auto& word : app->remaining(false)) words.push_back(std::move(word));
  }
  return words;
}

std::string suggestion(const std::vector<std::string>& names, Lang lang) {
  if (names.empty()) return "";
  return text(Msg::sentence_gap, lang) + say(lang, Msg::did_you_mean, join(names, text(Msg::or_word, lang)));
}

std::string command_list(const CLI::App& app, Lang lang) {
  std::vector<std::string> names;
  for (const CLI::App* sub : subcommands_of(app)) names.push_back(sub->get_name());
  return say(lang, Msg::command_required, command_path(app), join(names, text(Msg::list_separator, lang)));
}

// A mistyped option or command among the leftovers: the first one, with the names
// nearest to it.
std::optional<std::string> mistyped_word(const std::vector<CLI::App*>& chain, Lang lang) {
  const CLI::App& deepest = *chain.back();
  for (const auto& word : leftovers(chain)) {
    if (word.size() > 1 && word[0] == '-') {
      const std::string name = word.substr(0, word.find('='));
      std::vector<std::string> names;
      for (auto app = chain.rbegin(); app != chain.rend(); ++app) {
        for (const CLI::Option* option : options_of(**app)) {
          for (auto& each : option_names(*option)) names.push_back(std::move(each));
        }
      }
      return say(lang, Msg::no_such_option, name) + suggestion(util::nearest(name, names), lang);
    }
    if (!subcommands_of(deepest).empty() && deepest.get_subcommands().empty()) {
      std::vector<std::string> names;
      for (const CLI::App* sub : subcommands_of(deepest)) names.push_back(sub->get_name());
      const auto near = util::nearest(word, names);
      return say(lang, Msg::no_such_command, word) +
             (near.empty() ? text(Msg::sentence_gap, lang) + command_list(deepest, lang) : suggestion(near, lang));
    }
  }
  return std::nullopt;
}

const CLI::Option* find_option(const std::vector<CLI::App*>& chain, const std::string& name) {
  for (auto app = chain.rbegin(); app != chain.rend(); ++app) {
    for (const CLI::Option* option : options_of(**app)) {
      if (option->get_name() == name) return option;
    }
  }
  return nullptr;
}

// The required option that is missing, when that is all that is wrong.
const CLI::Option* missing_required(CLI::App& root, const CLI::ParseError& error) {
  static const std::regex required("^(.+) is required$");
  std::smatch m;
  const std::string what = error.what();
  if (!is<CLI::RequiredError>(error) || !std::regex_match(what, m, required)) return nullptr;
  const auto chain = selected_chain(root);
  if (!leftovers(chain).empty()) return nullptr;
  return find_option(chain, m[1].str());
}

std::string explain_required(const std::vector<CLI::App*>& chain, const std::string& what, Lang lang) {
  static const std::regex required("^(.+) is required$");
  std::smatch m;
  if (what == "A subcommand is required" || what.rfind("Requires at least", 0) == 0) {
    return command_list(*chain.back(), lang);
  }
  if (std::regex_match(what, m, required)) {
    const std::string name = m[1].str();
    const CLI::Option* option = find_option(chain, name);
    const std::string description = option != nullptr ? option->get_description() : "";
    const bool positional = option != nullptr && option->get_lnames().empty() && option->get_snames().empty();
    return say(lang, positional ? Msg::argument_required : Msg::option_required, name, description);
  }
  return say(lang, Msg::unreadable_command_line, what);
}

std::string explain_values(const CLI::ParseError& error, const std::string& what, Lang lang) {
  static const std::regex missing(R"(^(\S+): \d+ required \S+ missing$)");
  static const std::regex count(R"(^Expected (?:exactly|at least) (\d+) arguments to (\S+), got (\d+)$)");
  static const std::regex bounds(R"(^(\S+): At (?:least|Most) (\d+) required but received (\d+)$)");
  static const std::regex override_flag(R"(^(\S+) was given a disallowed flag override$)");
  static const std::regex not_member(R"(^(\S+): (.*) not in \{(.*)\}$)");
  static const std::regex not_converted(R"(^Could not convert: (\S+) = (.*)$)");
  static const std::regex flag_inputs(R"(^(\S+): (?:too many inputs for a flag|Should be true/false or a number)$)");
  static const std::regex not_allowed(R"(^The value (.*) is not an allowed value for (\S+)$)");
  static const std::regex excludes(R"(^(\S+) excludes (\S+)$)");
  static const std::regex needs(R"(^(\S+) requires (\S+)$)");
  std::smatch m;
  if (is<CLI::ArgumentMismatch>(error) && std::regex_match(what, m, missing))
    return say(lang, Msg::value_missing, m[1].str());
  if (is<CLI::ArgumentMismatch>(error) && std::regex_match(what, m, count))
    return say(lang, Msg::value_count, m[2].str(), m[1].str(), m[3].str());
  if (is<CLI::ArgumentMismatch>(error) && std::regex_match(what, m, bounds))
    return say(lang, Msg::value_count, m[1].str(), m[2].str(), m[3].str());
  if (is<CLI::ArgumentMismatch>(error) && std::regex_match(what, m, override_flag))
    return say(lang, Msg::switch_takes_no_value, m[1].str(), "");
  if (is<CLI::ValidationError>(error) && std::regex_match(what, m, not_member)) {
    std::vector<std::string> values;
    std::string list = m[3].str();
    for (std::size_t start = 0;;) {
      const auto comma = list.find(',', start);
      values.push_back(list.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return say(lang, Msg::value_not_allowed, m[1].str(), m[2].str(),
               say(lang, Msg::allowed, join(values, text(Msg::list_separator, lang))));
  }
  if (is<CLI::ConversionError>(error) && std::regex_match(what, m, not_converted))
    return say(lang, Msg::switch_takes_no_value, m[1].str(), m[2].str());
  if (is<CLI::ConversionError>(error) && std::regex_match(what, m, flag_inputs))
    return say(lang, Msg::switch_takes_no_value, m[1].str(), "");
  if (is<CLI::ConversionError>(error) && std::regex_match(what, m, not_allowed))
    return say(lang, Msg::switch_takes_no_value, m[2].str(), m[1].str());
  if (is<CLI::ExcludesError>(error) && std::regex_match(what, m, excludes))
    return say(lang, Msg::excludes, m[1].str(), m[2].str());
  if (is<CLI::RequiresError>(error) && std::regex_match(what, m, needs))
    return say(lang, Msg::needs, m[1].str(), m[2].str());
  return say(lang, Msg::unreadable_command_line, what);
}

// What was wrong with the command line, in one language. `root` is the app that
// failed to parse, still holding what it had read.
std::string explain_parse_error(CLI::App& root, const CLI::ParseError& error, Lang lang) {
  const auto chain = selected_chain(root);
  const std::string what = error.what();
  if (is<CLI::ExtrasError>(error) || is<CLI::RequiredError>(error)) {
    if (auto mistyped = mistyped_word(chain, lang)) return *mistyped;
  }
  if (is<CLI::RequiredError>(error)) return explain_required(chain, what, lang);
  if (is<CLI::ExtrasError>(error)) {
    auto words = leftovers(chain);
    if (words.empty()) words.push_back(what.substr(what.find(": ") + 2));
    return say(lang, Msg::unexpected_arguments, join(words, " "));
  }
  return explain_values(error, what, lang);
}

}  // namespace

std::optional<int> parse_and_run(CLI::App& app, int argc, char** argv, Lang lang) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (;;) {
    try {
      app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
      return std::nullopt;
    } catch (const CLI::Success& e) {  // --help, --version
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      if (const CLI::Option* missing = missing_required(app, e); missing != nullptr && at_terminal()) {
        args.push_back(ask_for(*missing, lang));
        continue;
      }
      std::cerr << say(lang, Msg::usage_error, explain_parse_error(app, e, lang)) << "\n"
                << say(lang, Msg::see_help, command_path(*selected_chain(app).back())) << "\n";
      return static_cast<int>(ExitCode::usage);
    }
  }
}

}  // namespace cfund::cli
