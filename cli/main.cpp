// cfund: the books and public notices of a community charity fund.
// This file only wires the subcommands and holds the one catch that maps failures
// to the exit codes of docs/exit-codes.md.

#include <CLI/CLI.hpp>

#include <iostream>

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

  cfund::cli::setup_init(app, ctx);
  cfund::cli::setup_fund(app, ctx);
  cfund::cli::setup_account(app, ctx);
  cfund::cli::setup_special_fund(app, ctx);
  cfund::cli::setup_donate(app, ctx);
  cfund::cli::setup_income(app, ctx);
  cfund::cli::setup_opening(app, ctx);
  cfund::cli::setup_disburse(app, ctx);
  cfund::cli::setup_beneficiary(app, ctx);
  cfund::cli::setup_goods(app, ctx);
  cfund::cli::setup_household(app, ctx);
  cfund::cli::setup_wish(app, ctx);
  cfund::cli::setup_volunteer(app, ctx);
  cfund::cli::setup_service(app, ctx);
  cfund::cli::setup_points(app, ctx);
  cfund::cli::setup_movements(app, ctx);
  cfund::cli::setup_project(app, ctx);
  cfund::cli::setup_audit(app, ctx);
  cfund::cli::setup_publish(app, ctx);
  cfund::cli::setup_export(app, ctx);
  cfund::cli::setup_completion(app, ctx);
  cfund::cli::setup_report(app, ctx);
  cfund::cli::check_option_values(app);
  cfund::cli::setup_rollup(app, ctx);
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
