#include "command_tree.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

namespace cfund::cli {

std::vector<CLI::App*> selected_chain(CLI::App& root) {
  std::vector<CLI::App*> chain{&root};
  for (;;) {
    const auto selected = chain.back()->get_subcommands();
    if (selected.empty()) return chain;
    chain.push_back(selected.front());
  }
}

std::string command_path(const CLI::App& app) {
  const CLI::App* parent = app.get_parent();
  return parent == nullptr ? app.get_name() : command_path(*parent) + " " + app.get_name();
}

void for_each_command(CLI::App& root, const std::function<void(CLI::App&)>& visit) {
  visit(root);
  for (CLI::App* sub : subcommands_of(root)) for_each_command(*sub, visit);
}

std::vector<CLI::App*> subcommands_of(const CLI::App& app) {
  // CLI11 hands out mutable subcommands only from a mutable app; nothing here changes them.
  return const_cast<CLI::App&>(app).get_subcommands(
      [](CLI::App* sub) { return !sub->get_name().empty() && !sub->get_disabled(); });
}

std::vector<CLI::Option*> options_of(const CLI::App& app) {
  std::vector<CLI::Option*> options;
  for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return !o->get_group().empty(); })) {
    options.push_back(const_cast<CLI::Option*>(option));
  }
  return options;
}

std::string option_name(const CLI::Option& option) {
  if (!option.get_lnames().empty()) return "--" + option.get_lnames().front();
  if (!option.get_snames().empty()) return "-" + option.get_snames().front();
  return option.get_name(true, false);
}

std::vector<std::string> option_names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const auto& name : option.get_snames()) names.push_back("-" + name);
  for (const auto& name : option.get_lnames()) names.push_back("--" + name);
  return names;
}

bool takes_value(const CLI::Option& option) { return option.get_items_expected_max() != 0; }

std::vector<std::string> allowed_values(const CLI::Option& option) {
  // CLI::IsMember describes itself as "{zh,en}" after the type: "TEXT:{zh,en}".
  const std::string type = option.get_type_name();
  const auto open = type.find(":{");
  if (open == std::string::npos || type.back() != '}') return {};
  std::vector<std::string> values;
  std::string value;
  for (char c : type.substr(open + 2, type.size() - open - 3)) {
    if (c == ',') {
      values.push_back(value);
      value.clear();
    } else {
      value += c;
    }
  }
  values.push_back(value);
  return values;
}

std::string value_kind(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  return type.substr(0, type.find(':'));
}

}  // namespace cfund::cli
