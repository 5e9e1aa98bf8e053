// cfund audit [--period P] [--json] [--deep] | audit reconcile | audit close | audit verify

#include <CLI/CLI.hpp>

#include "books/audit.hpp"
#include "books/fund.hpp"
#include "books/notice_check.hpp"
#include "books/periods.hpp"
#include "books/reconcile.hpp"
#include "command_tree.hpp"
#include "common.hpp"
#include "import/statement.hpp"
#include "render/audit_views.hpp"
#include "util/clock.hpp"

namespace cfund::cli {

namespace {

struct AuditOptions {
  std::string period;
  bool json = false;
  bool deep = false;
};

struct ReconcileOptions {
  std::string account;
  std::string statement;
  std::string profile = "cfund";
  std::string sheet;
  std::string closing_balance;
  std::string tolerance_days = "3";
  bool json = false;
};

struct CloseOptions {
  std::string period;
};

struct VerifyOptions {
  std::string code;
  bool json = false;
};

ExitCode findings_if(bool found) { return found ? ExitCode::findings : ExitCode::ok; }

std::string run_audit(const AuditOptions& o, Context& ctx) {
  auto file = open_fund(ctx);
  books::AuditOptions options;
  if (!o.period.empty()) options.period = period_option("--period", o.period);
  options.today = util::now().today;
  options.deep = o.deep;
  const auto report = books::run_audit(file, options);
  ctx.exit_code = findings_if(!report.clean());
  return o.json ? render::audit_json(report, ctx.lang).dump(2) + "\n" : render::audit_text(report, ctx.lang);
}

std::string run_reconcile(const ReconcileOptions& o, Context& ctx) {
  books::ReconcileOptions options;
  options.account = o.account;
  options.tolerance_days = day_count_option("--tolerance-days", o.tolerance_days);
  if (!o.closing_balance.empty()) {
    auto amount = util::parse_amount(o.closing_balance, true);
    if (!amount)
      throw InputError(
          bilingual("--closing-balance：{0}", "--closing-balance: {1}", amount.error().zh, amount.error().en));
    options.closing_balance = *amount;
  }
  auto file = open_fund(ctx);
  const auto statement = import::read_statement(o.statement, config::load_import_profile(o.profile), o.sheet);
  const auto report = books::reconcile(file, statement, options);
  ctx.exit_code = findings_if(!report.clean());
  return o.json ? render::reconcile_json(report).dump(2) + "\n" : render::reconcile_text(report, ctx.lang);
}

std::string run_close(const CloseOptions& o, Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  return render::closed_period_text(books::close_period(file, recorder, o.period), ctx.lang);
}

std::string run_verify(const VerifyOptions& o, Context& ctx) {
  auto file = open_fund(ctx);
  const auto check = books::check_notice(file, o.code);
  ctx.exit_code = findings_if(!check.ok());
  return o.json ? render::notice_check_json(check, ctx.lang).dump(2) + "\n"
                : render::notice_check_text(check, ctx.lang);
}

std::string run_witness(Context& ctx) {
  auto file = open_fund(ctx);
  const auto check = books::check_notice(file, "");
  ctx.exit_code = findings_if(!check.ok());
  return render::witness_text(check, books::load_settings(file).name, util::now().today.iso(), ctx.lang);
}

}  // namespace

void setup_audit(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", ctx.tr("审计：检查账目、对账、结账、核对公示校验码",
                                                   "audit: check the books, reconcile, close periods, verify notices"));
  audit->require_subcommand(0, 1);
  auto options = std::make_shared<AuditOptions>();
  audit->add_option("--period", options->period,
                    ctx.tr("只报告与该期间有关的问题：2025-03、2025-Q1、2025 或 起..止（文件与哈希链总是全部检查）",
                           "only findings about this period: 2025-03, 2025-Q1, 2025 or FROM..TO (the file and the "
                           "chain are always checked whole)"));
  audit->add_flag("--json", options->json, ctx.tr("输出 JSON", "print JSON"));
  audit->add_flag("--deep", options->deep,
                  ctx.tr("完整检查账套文件（PRAGMA integrity_check，逐条核对索引与数据；大账套较慢）",
                         "check the fund file in full (PRAGMA integrity_check: every index against its table; slower "
                         "on a large fund)"));
  audit->callback([audit, options, &ctx] {
    if (audit->get_subcommands().empty()) ctx.output = run_audit(*options, ctx);
  });

  auto reconcile = std::make_shared<ReconcileOptions>();
  auto* reconcile_cmd = audit->add_subcommand(
      "reconcile", ctx.tr("把一个资金账户与银行/微信/支付宝对账单核对（不改动账目）",
                          "compare an account with a bank / WeChat / Alipay statement (writes nothing)"));
  reconcile_cmd->add_option("--account", reconcile->account, ctx.tr("资金账户代码或名称", "account code or name"))
      ->required()
      ->type_name(kAccountCode);
  reconcile_cmd
      ->add_option("--statement", reconcile->statement,
                   ctx.tr("对账单文件（CSV，UTF-8 或 GBK；或 Excel 工作簿 .xlsx、.xls）",
                          "the statement file (CSV, UTF-8 or GBK; or an Excel workbook, .xlsx or .xls)"))
      ->required();
  reconcile_cmd->add_option("--sheet", reconcile->sheet,
                            ctx.tr("Excel 工作簿中要读的工作表名称（默认第一个）",
                                   "the worksheet to read in an Excel workbook (default: the first)"));
  reconcile_cmd->add_option(
      "--profile", reconcile->profile,
      ctx.tr("对账单格式：cfund（默认，列 date,amount,reference,counterparty）、wechat、alipay、bank，或自定义格式的 "
             ".toml 文件（见 docs/imports.md）",
             "the statement's format: cfund (default: columns date,amount,reference,counterparty), wechat, alipay, "
             "bank, or your own profile's .toml file (see docs/imports.md)"));
  reconcile_cmd->add_option(
      "--tolerance-days", reconcile->tolerance_days,
      ctx.tr("按金额匹配时日期最多相差几天（默认 3）", "how many days apart an amount match may be (default 3)"));
  reconcile_cmd->add_option("--closing-balance", reconcile->closing_balance,
                            ctx.tr("对账单的期末余额（代替文件中的 closing 行；对账单有余额列时须与之一致）",
                                   "the statement's closing balance (instead of its closing line; with a balance "
                                   "column it must agree with the statement's own)"));
  reconcile_cmd->add_flag("--json", reconcile->json, ctx.tr("输出 JSON", "print JSON"));
  reconcile_cmd->callback([reconcile, &ctx] { ctx.output = run_reconcile(*reconcile, ctx); });

  auto close = std::make_shared<CloseOptions>();
  auto* close_cmd = audit->add_subcommand("close", ctx.tr("结账：关闭该月及以前的所有月份（须审计无错误）",
                                                          "close the books through a month (needs a clean audit)"));
  close_cmd->add_option("PERIOD", close->period, ctx.tr("月份，如 2025-02", "a month, e.g. 2025-02"))->required();
  close_cmd->callback([close, &ctx] { ctx.output = run_close(*close, ctx); });

  auto verify = std::make_shared<VerifyOptions>();
  auto* verify_cmd = audit->add_subcommand(
      "verify", ctx.tr("校验哈希链；给出公示校验码时核对该公示与账目是否相符",
                       "verify the hash chain; with a notice's or a witness's code, say whether it matches the books"));
  verify_cmd->add_option("--code", verify->code,
                         ctx.tr("公示上印的或见证码中的校验码，如 CF-7K3Q-9XW2-M4TD",
                                "the code printed on a notice or in a witness line, e.g. CF-7K3Q-9XW2-M4TD"));
  verify_cmd->add_flag("--json", verify->json, ctx.tr("输出 JSON", "print JSON"));
  verify_cmd->callback([verify, &ctx] { ctx.output = run_verify(*verify, ctx); });

  auto* witness_cmd = audit->add_subcommand(
      "witness", ctx.tr("出具见证码：账目此刻的校验码，供监督人员抄入会议纪要，日后用 audit verify --code 核对",
                        "the books' verification code as they stand, for the supervisors' minutes; check it later "
                        "with audit verify --code"));
  witness_cmd->callback([&ctx] { ctx.output = run_witness(ctx); });
}

}  // namespace cfund::cli
