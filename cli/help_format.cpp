#include "help_format.hpp"

#include <CLI/CLI.hpp>

#include "command_tree.hpp"
#include "messages.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(Lang lang) {
    label("Usage", text(Msg::usage, lang));
    label("OPTIONS", text(Msg::options, lang));
    label("SUBCOMMAND", text(Msg::subcommands, lang));
    label("SUBCOMMANDS", text(Msg::subcommands, lang));
    label("Positionals", text(Msg::positionals, lang));
    label("REQUIRED", text(Msg::required, lang));
    label("Env", text(Msg::environment, lang));
    label("TEXT", text(Msg::value_text, lang));
    label(kAccountCode, text(Msg::value_account, lang));
    label(kDesignationCode, text(Msg::value_designation, lang));
    label(kProjectCode, text(Msg::value_project, lang));
    column_width(26);
  }

  // The name column padded by display width, so that Chinese value names align.
  std::string make_option(const CLI::Option* option, bool is_positional) const override {
    return line(make_option_name(option, is_positional) + make_option_opts(option), make_option_desc(option));
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return line(sub->get_display_name(true), sub->get_description());
  }

  // The kind of value (or the allowed values), "...", the default, REQUIRED, the
  // environment variable.
  std::string make_option_opts(const CLI::Option* option) const override {
    std::string out;
    if (takes_value(*option)) {
      const auto values = allowed_values(*option);
      if (values.empty()) {
        out += " " + get_label(value_kind(*option));
      } else {
        std::string joined;
        for (const auto& value : values) joined += (joined.empty() ? "" : "|") + value;
        out += " " + joined;
      }
      if (!option->get_default_str().empty()) out += "=" + option->get_default_str();
      if (option->get_expected_max() == CLI::detail::expected_max_vector_size) out += " ...";
      if (option->get_required()) out += " " + get_label("REQUIRED");
    }
    if (!option->get_envname().empty()) out += " (" + get_label("Env") + ": " + option->get_envname() + ")";
    return out;
  }

  // The description alone: cfund uses none of CLI11's option-count rules.
  std::string make_description(const CLI::App* app) const override {
    const std::string& description = app->get_description();
    return description.empty() ? std::string() : description + "\n";
  }

 private:
  std::string line(const std::string& name, const std::string& description) const {
    const int width = static_cast<int>(column_width_);
    std::string out = "  " + name;
    if (description.empty()) return out + "\n";
    if (util::display_width(name) + 2 >= width) return out + "\n" + std::string(width, ' ') + description + "\n";
    return util::pad_right(out, width) + description + "\n";
  }
};

}  // namespace

void localise(CLI::App& root, Lang lang) {
  const auto formatter = std::make_shared<HelpFormatter>(lang);
  for_each_command(root, [&](CLI::App& app) {
    app.formatter(formatter);
    app.group(text(Msg::subcommands, lang));
    app.footer(text(Msg::help_footer, lang));
    if (CLI::Option* help = app.get_help_ptr()) help->description(text(Msg::help_flag, lang));
    for (CLI::Option* option : options_of(app)) {
      if (option->get_group() == "Options") option->group(text(Msg::options, lang));
    }
  });
}

}  // namespace cfund::cli
