// cfund: the books and public notices of a community charity fund.
// This file only wires the subcommands and holds the one catch that maps failures
// to the exit codes of docs/exit-codes.md.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "command_tree.hpp"
#include "common.hpp"
#include "error.hpp"
#include "help_format.hpp"
#include "messages.hpp"
#include "option_values.hpp"
#include "parse.hpp"
#include "storage/fund_file.hpp"
#include "util/heap.hpp"

namespace {

void print_error(cfund::Lang lang, const cfund::Message& message) {
  std::cerr << cfund::cli::say(lang, cfund::cli::Msg::error, message.in(lang)) << "\n";
}

struct TopCommand {
  std::string_view names[2];  // the top-level commands the function adds (one or two)
  void (*setup)(CLI::App&, cfund::cli::Context&);
};

// Every top-level command, in the order `cfund --help` lists them; rollup comes after the
// check that an option's value is not empty or unclean (check_option_values). A name here
// that its function does not add fails every test of that command (the command is not
// found); a command missing here is only wired with the whole tree.
constexpr TopCommand kCommands[] = {{{"init"}, cfund::cli::setup_init},
                                    {{"fund"}, cfund::cli::setup_fund},
                                    {{"account"}, cfund::cli::setup_account},
                                    {{"special-fund"}, cfund::cli::setup_special_fund},
                                    {{"donate"}, cfund::cli::setup_donate},
                                    {{"income"}, cfund::cli::setup_income},
                                    {{"opening"}, cfund::cli::setup_opening},
                                    {{"disburse"}, cfund::cli::setup_disburse},
                                    {{"beneficiary"}, cfund::cli::setup_beneficiary},
                                    {{"goods"}, cfund::cli::setup_goods},
                                    {{"household"}, cfund::cli::setup_household},
                                    {{"wish"}, cfund::cli::setup_wish},
                                    {{"volunteer"}, cfund::cli::setup_volunteer},
                                    {{"service"}, cfund::cli::setup_service},
                                    {{"points"}, cfund::cli::setup_points},
                                    {{"transfer", "reallocate"}, cfund::cli::setup_movements},
                                    {{"project"}, cfund::cli::setup_project},
                                    {{"audit"}, cfund::cli::setup_audit},
                                    {{"publish"}, cfund::cli::setup_publish},
                                    {{"export"}, cfund::cli::setup_export},
                                    {{"completion"}, cfund::cli::setup_completion},
                                    {{"report"}, cfund::cli::setup_report}};
constexpr TopCommand kUnchecked = {{"rollup"}, cfund::cli::setup_rollup};

// Every name of the root's options that take a value: "-f", "--fund", "--lang", "--operator".
std::vector<std::string> value_option_names(const CLI::App& root) {
  std::vector<std::string> names;
  for (const CLI::Option* option : cfund::cli::options_of(root)) {
    if (!cfund::cli::takes_value(*option)) continue;
    for (auto& name : cfund::cli::option_names(*option)) names.push_back(std::move(name));
  }
  return names;
}

// `--fund=x`, `-fx`: one of those options with its value in the same word.
bool carries_value(std::string_view word, const std::vector<std::string>& options) {
  for (const std::string_view option : options) {
    const bool fits = word.size() > option.size() && word.substr(0, option.size()) == option;
    if (fits && (option.size() == 2 || word[option.size()] == '=')) return true;
  }
  return false;
}

bool names(const TopCommand& command, std::string_view word) {
  return command.names[0] == word || command.names[1] == word;
}

// The top-level command the command line runs, when it is plain which: the first word
// that is not one of cfund's own options (those `root` has so far) or their values, and a
// command's name. Empty
// otherwise (no command, a typo, --help before the command, an option cfund does not
// have): then every command is wired, for the help, the suggestions and the errors.
std::string_view invoked_command(const CLI::App& root, int argc, char** argv) {
  const std::vector<std::string> options = value_option_names(root);
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (std::find(options.begin(), options.end(), word) != options.end()) {
      ++i;
    } else if (carries_value(word, options)) {
      continue;
    } else if (word.empty() || word[0] == '-') {
      return {};
    } else {
      const bool known = names(kUnchecked, word) || std::any_of(std::begin(kCommands), std::end(kCommands),
                                                                [&](const auto& c) { return names(c, word); });
      // completion writes its script from the whole tree.
      return known && word != "completion" ? word : std::string_view{};
    }
  }
  return {};
}

// Wires the command the command line runs, or every command when it is not plain which:
// building CLI11's tree of all of them is about a millisecond of every run.
void wire_commands(CLI::App& app, cfund::cli::Context& ctx, std::string_view invoked) {
  for (const auto& command : kCommands) {
    if (invoked.empty() || names(command, invoked)) command.setup(app, ctx);
  }
  cfund::cli::check_option_values(app);
  if (invoked.empty() || names(kUnchecked, invoked)) kUnchecked.setup(app, ctx);
}

}  // namespace

int main(int argc, char** argv) {
  using cfund::ExitCode;
  cfund::util::reserve_heap_with_huge_pages();
  cfund::cli::Context ctx;
  ctx.lang = cfund::cli::detect_language(argc, argv);

  CLI::App app{ctx.tr("cfund：社区基金的账目与公示", "cfund: the books and public notices of a community fund"),
               "cfund"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", "cfund 0.1.0", cfund::cli::text(cfund::cli::Msg::version_flag, ctx.lang));
  app.add_option("-f,--fund", ctx.fund_path, ctx.tr("基金账套文件（*.cfund）", "fund file (*.cfund)"))
      ->envname("CFUND_FUND");
  app.add_option("--lang", ctx.lang_option,
                 ctx.tr("输出语言：zh（默认）或 en", "language of output: zh (default) or en"))
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option(
      "--operator", ctx.operator_option,
      ctx.tr("经办人（默认取 CFUND_OPERATOR 或个人配置）", "operator (default: CFUND_OPERATOR or your config)"));

  wire_commands(app, ctx, invoked_command(app, argc, argv));
  cfund::cli::localise(app, ctx.lang);

  try {
    if (auto ended = cfund::cli::parse_and_run(app, argc, argv, ctx.lang)) return *ended;
  } catch (const cfund::Error& e) {
    print_error(ctx.lang, e.message());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    if (auto storage = cfund::storage::explain_storage_failure(std::current_exception(), ctx.fund_path)) {
      print_error(ctx.lang, storage->message());
      return static_cast<int>(storage->code());
    }
    print_error(ctx.lang,
                cfund::bilingual("内部错误：{0}（请把这条信息报告给 cfund 的维护者）",
                                 "internal error: {0} (please report this to cfund's maintainers)", e.what()));
    return static_cast<int>(ExitCode::internal);
  }
  std::cout << ctx.output;
  std::cerr << ctx.notice;
  return static_cast<int>(ctx.exit_code);
}
