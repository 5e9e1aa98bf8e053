// cfund rollup: the federation's roll-up of many funds (docs/rollup.md): one row per
// fund, totals by town and overall, the funds that miss a yearly ratio, and the
// funds left out; or with --annual, the consolidated annual statements. Reads the
// fund files only (read-only), never writes them.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "common.hpp"
#include "error.hpp"
#include "messages.hpp"
#include "render/rollup.hpp"
#include "report/rollup.hpp"
#include "util/clock.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

struct RollupOptions {
  std::vector<std::string> paths;
  std::string period;
  bool annual = false;
  std::string year;
  std::string formats = "md";
  std::string out;
  std::string by = "town";
  std::string check = "quick";
  std::string table;
  std::string generated_at;
  std::string jobs = "2";
};

std::vector<std::string> rollup_formats(const std::string& text) { return format_list(text, render::kRollupFormats); }

report::RollupOptions library_options(const RollupOptions& o) {
  report::RollupOptions options;
  if (o.annual) {
    if (o.year.empty()) {
      throw InputError(bilingual("--annual 须与 --year 一起用，如 --annual --year 2025",
                                 "--annual needs --year, e.g. --annual --year 2025"));
    }
    options.year = year_option("--year", o.year);
  } else {
    if (o.period.empty()) {
      throw InputError(bilingual("请用 --period 指定期间（如 2025-06、2025-Q2、2025），或用 --annual --year 年份",
                                 "name the period with --period (e.g. 2025-06, 2025-Q2, 2025), or use --annual --year "
                                 "YEAR"));
    }
    options.period = period_option("--period", o.period);
  }
  const auto now = util::now();
  options.generated_at =
      o.generated_at.empty() ? now.epoch_seconds : moment_option("--generated-at", o.generated_at).epoch_seconds;
  options.today = util::wall_time(now.epoch_seconds, "Asia/Shanghai").date;
  options.check = o.check == "full" ? report::RollupCheck::full : report::RollupCheck::quick;
  const std::string jobs = util::trim(o.jobs);
  if (jobs.size() != 1 || jobs[0] < '1' || jobs[0] > '8') {
    throw InputError(bilingual("--jobs：请写 1 到 8 之间的整数，收到“{0}”",
                               "--jobs: a whole number from 1 to 8, not '{0}'", o.jobs));
  }
  options.workers = static_cast<unsigned>(jobs[0] - '0');
  options.files = report::find_fund_files(o.paths);
  return options;
}

std::string pick_stdout(std::vector<render::RenderedFile>& files, const std::string& format, const std::string& stem,
                        const std::string& wanted) {
  if (format == "xlsx") {
    throw InputError(bilingual("--format xlsx：Excel 工作簿不能输出到屏幕，请用 --out 目录",
                               "--format xlsx: an Excel workbook cannot go to stdout; use --out DIR"));
  }
  if (format != "csv") return std::move(files.front().bytes);
  std::string names;
  for (auto& rendered : files) {
    const std::string table = rendered.name.substr(stem.size() + 1, rendered.name.size() - stem.size() - 5);
    names += (names.empty() ? "" : ", ") + table;
    if (table == wanted) return std::move(rendered.bytes);
  }
  throw InputError(
      bilingual("--table：CSV 每张表一个文件；输出到屏幕时请用 --table 选一张（{0}），或用 --out 目录写出全部",
                "--table: CSV has one file per table; for stdout choose one with --table ({0}), or write "
                "all with --out DIR",
                names));
}

std::string write_files(const std::vector<render::RenderedFile>& files, const std::string& out) {
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error) throw InputError(bilingual("--out：无法创建目录“{0}”", "--out: cannot create the folder '{0}'", out));
  std::string written;
  for (const auto& rendered : files) {
    const auto path = std::filesystem::path(out) / rendered.name;
    if (auto why = util::write_file_atomically(path.string(), rendered.bytes)) {
      throw InputError(
          bilingual("--out：无法写入“{0}”：{1}", "--out: cannot write '{0}': {2}", path.string(), why->zh, why->en));
    }
    written += path.string() + "\n";
  }
  return written;
}

void run_rollup(const RollupOptions& o, Context& ctx) {
  const auto formats = rollup_formats(o.formats);
  if (o.out.empty() && formats.size() > 1) {
    throw InputError(bilingual("--format：输出到屏幕时只能选一种格式；多种格式请用 --out 目录",
                               "--format: only one format can go to stdout; use --out DIR for several"));
  }
  auto model = report::build_rollup(library_options(o));
  model.by_town = o.by != "fund";
  const auto document = render::rollup_document(model, ctx.lang);
  std::vector<render::RenderedFile> files;
  for (const auto& format : formats) {
    auto rendered = render::render_rollup(document, format);
    files.insert(files.end(), std::make_move_iterator(rendered.begin()), std::make_move_iterator(rendered.end()));
  }
  ctx.output =
      o.out.empty() ? pick_stdout(files, formats.front(), document.file_stem, o.table) : write_files(files, o.out);
  // What was left out, on stderr, and exit 1: a nightly script must notice.
  for (const auto& row : model.rows) {
    if (row.included) continue;
    ctx.notice += ctx.tr(bilingual("未计入合计：{0}（{1}）：{2}\n", "left out of the totals: {0} ({1}): {2}\n",
                                   row.file, render::rollup_status_words(row, ctx.lang), row.problem.in(ctx.lang)));
    ctx.exit_code = ExitCode::findings;
  }
}

}  // namespace

void setup_rollup(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<RollupOptions>();
  auto* cmd = app.add_subcommand(
      "rollup", ctx.tr("多个基金的汇总：每个基金一行、按镇街合计、未达比例与未计入的基金（只读，见 docs/rollup.md）",
                       "roll many funds up: one row per fund, totals by town, funds that miss a ratio or are left "
                       "out (reads only; see docs/rollup.md)"));
  cmd->add_option("FILES", options->paths,
                  ctx.tr("基金账套文件或目录（目录中的 *.cfund，含子目录），可写多个",
                         "fund files or folders (their *.cfund files, subfolders included); several allowed"))
      ->required();
  cmd->add_option("--period", options->period, text(Msg::period_help, ctx.lang));
  cmd->add_flag("--annual", options->annual,
                ctx.tr("汇总年度报表（合并业务活动表、资产负债表），须与 --year 同用",
                       "roll up the annual statements (activities, balance sheet); needs --year"));
  cmd->add_option("--year", options->year, ctx.tr("--annual 的年份，如 2025", "the year of --annual, e.g. 2025"));
  cmd->add_option("--format", options->formats,
                  ctx.tr("格式：md（默认）、csv、html、xlsx（须用 --out），逗号分隔多个，或 all",
                         "format: md (default), csv, html, xlsx (needs --out), several separated by commas, or all"));
  cmd->add_option("--out", options->out,
                  ctx.tr("写入此目录（文件名如 rollup-2025-06.md），不写则输出到屏幕",
                         "write files into this folder (named like rollup-2025-06.md) instead of stdout"));
  cmd->add_option("--by", options->by,
                  ctx.tr("合计方式：town（按镇街，默认）或 fund（只列各基金和总计）",
                         "totals: town (by town, default) or fund (each fund and the total only)"))
      ->check(CLI::IsMember({"town", "fund"}));
  cmd->add_option("--check", options->check,
                  ctx.tr("每个基金的检查：quick（默认，本期哈希链、试算平衡）或 full（完整审计，较慢）",
                         "what is checked of each fund: quick (default: the period's hash chain, the trial balance) "
                         "or full (its whole audit, slower)"))
      ->check(CLI::IsMember({"quick", "full"}));
  cmd->add_option("--table", options->table,
                  ctx.tr("CSV 输出到屏幕时选一张表：info、towns、funds、ratios、excluded（--annual："
                         "activities、balance、activities_by_fund、balance_by_fund、funds）",
                         "with CSV to stdout, the one table to print: info, towns, funds, ratios, excluded (--annual: "
                         "activities, balance, activities_by_fund, balance_by_fund, funds)"));
  cmd->add_option("--jobs", options->jobs,
                  ctx.tr("同时读取的基金数，1 到 8（默认 2）", "funds read at once, 1 to 8 (default 2)"));
  cmd->add_option("--generated-at", options->generated_at,
                  ctx.tr("生成时间（默认当前时间或 CFUND_NOW）", "the generated-at time (default: now, or CFUND_NOW)"));
  cmd->callback([options, &ctx] { run_rollup(*options, ctx); });
}

}  // namespace cfund::cli
