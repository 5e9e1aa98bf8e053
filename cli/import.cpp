// cfund donate import FILE | cfund disburse import FILE: one importer, two directions.

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "books/imports.hpp"
#include "command_tree.hpp"
#include "common.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"
#include "model/categories.hpp"
#include "render/import_views.hpp"

namespace cfund::cli {

namespace {

struct ImportOptions {
  std::string file;
  std::string profile = "cfund";
  std::string sheet;
  std::string account;
  std::string designation;
  std::string category;
  std::string approval;
  bool dry_run = false;
  bool quiet = false;
  bool json = false;
};

std::string run_import(const ImportOptions& o, books::ImportTarget target, Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const import::Profile profile = config::load_import_profile(o.profile);
  import::require_kind(profile, import::ProfileKind::statement);
  import::StatementReader reader(o.file, profile, o.sheet);

  books::ImportOptions options;
  options.account = o.account;
  options.designation = o.designation;
  options.category = o.category;
  options.approval_ref = o.approval;
  options.dry_run = o.dry_run;
  // A progress bar only for a person watching: not in scripts, logs or with --quiet.
  const bool show_progress = !o.quiet && ::isatty(STDERR_FILENO) == 1;
  if (show_progress) {
    options.progress = [&ctx](std::uint64_t done, std::uint64_t total) {
      std::cerr << '\r' << render::import_progress_line(done, total, ctx.lang) << std::flush;
    };
  }
  books::ImportReport report;
  try {
    report = books::import_statement(file, recorder, reader, target, options);
  } catch (...) {
    if (show_progress) std::cerr << '\n';
    throw;
  }
  if (show_progress) std::cerr << '\n';
  // Rows left for a person to record: a script must notice them.
  if (report.rows_unrecorded > 0) ctx.exit_code = ExitCode::findings;
  return o.json ? render::import_report_json(report, ctx.lang).dump(2) + "\n"
                : render::import_report_text(report, ctx.lang);
}

}  // namespace

void add_import_command(CLI::App& parent, Context& ctx, books::ImportTarget target) {
  const bool donations = target == books::ImportTarget::donations;
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = parent.add_subcommand(
      "import",
      donations
          ? ctx.tr("从银行、微信支付、支付宝对账单或 cfund CSV 导入收入：捐赠、其他收入、转入（全部成功或全部不写）",
                   "import money received from a bank, WeChat Pay or Alipay statement or a cfund CSV: donations, "
                   "other income, transfers in (all or nothing)")
          : ctx.tr("从银行、微信支付、支付宝对账单或 cfund CSV "
                   "导入支出、手续费、转出；对不上也记不了的行列为未记账（退出码 1）",
                   "import payments, fees and transfers out from a bank, WeChat Pay or Alipay statement or a cfund "
                   "CSV; rows that match nothing and cannot be recorded are listed as unrecorded (exit 1)"));
  cmd->add_option(
         "FILE", o->file,
         ctx.tr("对账单：CSV、Excel 工作簿（.xlsx 或 .xls）", "statement: CSV or an Excel workbook (.xlsx or .xls)"))
      ->required();
  cmd->add_option("--sheet", o->sheet,
                  ctx.tr("Excel 工作簿中要读的工作表名称（默认第一个）",
                         "the worksheet to read in an Excel workbook (default: the first)"));
  cmd->add_option(
      "--profile", o->profile,
      ctx.tr("导入配置：cfund（默认）、wechat、alipay、bank，或自己写的配置文件路径",
             "import profile: cfund (default), wechat, alipay, bank, or the path of your own profile file"));
  cmd->add_option("--account", o->account,
                  donations ? ctx.tr("收款账户（文件中没有写明账户的行；默认取导入配置的账户）",
                                     "account for rows that name none (default: the profile's)")
                            : ctx.tr("付款账户（文件中没有写明账户的行；默认取导入配置的账户）",
                                     "account for rows that name none (default: the profile's)"))
      ->type_name(kAccountCode);
  cmd->add_option(donations ? "--to,--designation" : "--from,--designation", o->designation,
                  ctx.tr("资金用途：专项基金或项目（文件中没有写明的行；默认非限定性资金）",
                         "designation for rows that name none (default: the general fund)"))
      ->type_name(kDesignationCode);
  if (!donations) {
    cmd->add_option("--category", o->category,
                    ctx.tr("支出类别（文件中没有写明的行）：", "category for rows that name none: ") +
                        ctx.tr(model::payment_category_choices()));
    cmd->add_option("--approval", o->approval,
                    ctx.tr("议事会决议编号（文件中没有写明的行；超过审批限额的支出需要）",
                           "council decision number for rows that name none (needed above the approval threshold)"));
  }
  cmd->add_flag("--dry-run", o->dry_run,
                ctx.tr("只检查并显示将导入的内容，不写入", "check and show what would be imported; write nothing"));
  cmd->add_flag("--quiet,-q", o->quiet, ctx.tr("不显示进度条", "no progress bar"));
  cmd->add_flag("--json", o->json, ctx.tr("输出 JSON", "print JSON"));
  cmd->callback([o, target, &ctx] { ctx.output = run_import(*o, target, ctx); });
}

}  // namespace cfund::cli
