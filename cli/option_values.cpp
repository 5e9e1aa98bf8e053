#include "option_values.hpp"

#include <CLI/CLI.hpp>

#include "command_tree.hpp"
#include "error.hpp"
#include "util/text.hpp"

namespace cfund::cli {

void check_option_values(CLI::App& root) {
  for_each_command(root, [](CLI::App& app) {
    for (CLI::Option* option : app.get_options()) {
      if (!takes_value(*option)) continue;
      const std::string name = option_name(*option);
      option->check(CLI::Validator(
          [name](std::string& value) {
            if (value.empty()) {
              throw InputError(bilingual("{0} 的值不能为空：请写上值，或者不写这个选项",
                                         "{0}: the value is empty: "
                                         "give a value or leave the option out",
                                         name));
            }
            util::require_clean_text(name, value);
            return std::string();
          },
          ""));
    }
  });
}

}  // namespace cfund::cli
