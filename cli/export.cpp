// cfund export: the journal (or a period of it) as a ledger-cli / hledger journal, a
// beancount file or JSON, for accountants and supervisors (docs/export.md).

#include <CLI/CLI.hpp>

#include <sstream>

#include "books/fund.hpp"
#include "common.hpp"
#include "error.hpp"
#include "render/export.hpp"
#include "report/export.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

struct ExportOptions {
  std::string format;
  std::string period;
  std::string out;
};

std::string run_export(const ExportOptions& o, const Context& ctx) {
  const std::string format = util::trim(o.format);
  report::ExportOptions options;
  options.period = period_option("--period", o.period);
  auto file = open_fund(ctx);
  options.lang = ctx.lang_option.empty() ? books::load_settings(file).report_language : ctx.lang;

  if (o.out.empty()) {
    std::ostringstream text;
    auto writer = render::export_writer(format, text);
    report::export_books(file, options, *writer);
    return text.str();
  }
  // Written beside the target and renamed into place: a failed export leaves no half file.
  const auto why = util::write_file_atomically(o.out, [&](std::ostream& out) {
    auto writer = render::export_writer(format, out);
    report::export_books(file, options, *writer);
  });
  if (why)
    throw InputError(bilingual("--out：无法写入“{0}”：{1}", "--out: cannot write '{0}': {2}", o.out, why->zh, why->en));
  return o.out + "\n";
}

}  // namespace

void setup_export(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export",
      ctx.tr("导出账目：ledger / hledger 账本、beancount 文件或 JSON（见 docs/export.md）",
             "export the books as a ledger / hledger journal, a beancount file or JSON (see docs/export.md)"));
  cmd->add_option("--format", options->format,
                  ctx.tr("格式：ledger、beancount 或 json", "format: ledger, beancount or json"))
      ->required()
      ->check(CLI::IsMember(render::kExportFormats));
  cmd->add_option("--period", options->period,
                  ctx.tr("只导出一个期间（2025-03、2025-Q1、2025 或 起..止），并以期初余额开头；默认全部",
                         "export one period only (2025-03, 2025-Q1, 2025 or FROM..TO), starting with its opening "
                         "balances; default: everything"));
  cmd->add_option("--out", options->out,
                  ctx.tr("写入此文件，不写则输出到屏幕", "write to this file instead of stdout"));
  cmd->callback([options, &ctx] { ctx.output = run_export(*options, ctx); });
}

}  // namespace cfund::cli
