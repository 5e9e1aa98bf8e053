// cfund report annual: the year's accounts (业务活动表, 资产负债表, 现金流量表) and the
// annual work report (年度工作报告), as Markdown, CSV, print HTML or an Excel workbook
// (docs/annual.md). Reads the books only: nothing is recorded.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iterator>

#include "books/fund.hpp"
#include "common.hpp"
#include "error.hpp"
#include "render/annual.hpp"
#include "report/annual.hpp"
#include "util/clock.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

struct AnnualOptions {
  std::string year;
  std::string formats = "md";
  std::string out;
  std::string generated_at;
};

std::vector<std::string> annual_formats(const std::string& text) { return format_list(text, render::kAnnualFormats); }

std::string run_annual(const AnnualOptions& o, const Context& ctx) {
  const int year = year_option("--year", o.year);
  const auto formats = annual_formats(o.formats);
  // stdout takes one text document: Markdown or HTML.
  if (o.out.empty() && (formats.size() > 1 || formats.front() == "csv" || formats.front() == "xlsx")) {
    throw InputError(bilingual("--out：CSV、xlsx 和多种格式须写入目录，请用 --out 目录（屏幕只输出 md 或 html）",
                               "--out: CSV, xlsx and several formats are written into a folder: give --out DIR "
                               "(stdout takes md or html only)"));
  }
  if (!o.out.empty()) output_folder_option("--out", o.out);
  auto file = open_fund(ctx);
  const Lang lang = ctx.lang_option.empty() ? books::load_settings(file).report_language : ctx.lang;
  report::AnnualOptions options;
  options.year = year;
  options.generated_at = o.generated_at.empty() ? util::now().epoch_seconds
                                                : moment_option("--generated-at", o.generated_at).epoch_seconds;
  const auto document = render::annual_document(report::build_annual(file, options), lang);

  std::vector<render::RenderedFile> files;
  for (const auto& format : formats) {
    auto rendered = render::render_annual(document, format);
    files.insert(files.end(), std::make_move_iterator(rendered.begin()), std::make_move_iterator(rendered.end()));
  }
  if (o.out.empty()) return std::move(files.front().bytes);
  std::error_code error;
  std::filesystem::create_directories(o.out, error);
  if (error) throw InputError(bilingual("--out：无法创建目录“{0}”", "--out: cannot create the folder '{0}'", o.out));
  std::string written;
  for (const auto& rendered : files) {
    const auto path = std::filesystem::path(o.out) / rendered.name;
    if (auto why = util::write_file_atomically(path.string(), rendered.bytes)) {
      throw InputError(
          bilingual("--out：无法写入“{0}”：{1}", "--out: cannot write '{0}': {2}", path.string(), why->zh, why->en));
    }
    written += path.string() + "\n";
  }
  return written;
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
  auto* report =
      app.add_subcommand("report", ctx.tr("年度会计报表与年度工作报告（见 docs/annual.md）",
                                          "the year's accounts and annual work report (see docs/annual.md)"));
  report->require_subcommand(1);
  auto options = std::make_shared<AnnualOptions>();
  auto* cmd = report->add_subcommand(
      "annual", ctx.tr("年度报告：业务活动表、资产负债表、现金流量表和年度工作报告（只读账目，不记录）",
                       "the annual report: statement of activities, balance sheet, cash flows and the work report "
                       "(reads the books, records nothing)"));
  cmd->add_option("--year", options->year, ctx.tr("年份，如 2025", "the year, e.g. 2025"))->required();
  cmd->add_option("--format", options->formats,
                  ctx.tr("格式：md（默认）、csv、html、xlsx，逗号分隔多个，或 all",
                         "format: md (default), csv, html, xlsx, several separated by commas, or all"));
  cmd->add_option("--out", options->out,
                  ctx.tr("写入此目录（文件名如 annual-2025.md、annual-2025-activities.csv），不写则输出到屏幕",
                         "write files into this folder (named like annual-2025.md, annual-2025-activities.csv) "
                         "instead of stdout"));
  cmd->add_option("--generated-at", options->generated_at,
                  ctx.tr("页脚的生成时间（默认当前时间或 CFUND_NOW）",
                         "the generated-at time in the footer (default: now, or CFUND_NOW)"));
  cmd->callback([options, &ctx] { ctx.output = run_annual(*options, ctx); });
}

}  // namespace cfund::cli
