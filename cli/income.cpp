// cfund income add | list | void — income other than donations (grants, matching
// funds, interest, service and sales income, other income).

#include <CLI/CLI.hpp>

#include "books/income.hpp"
#include "common.hpp"
#include "model/categories.hpp"
#include "render/economy_views.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  std::string kind;
  std::string source;
  std::string amount;
  std::string account;
  std::string designation;
  std::string date;
  std::string ref;
  std::string matches;
  std::string memo;
};

struct ListOptions {
  std::string period;
  bool json = false;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::IncomeInput input;
  input.kind = o.kind;
  input.source = o.source;
  input.amount = amount_option("--amount", o.amount);
  input.account = o.account;
  input.designation = o.designation;
  input.date = date_option("--date", o.date, recorder.now.today);
  input.external_ref = o.ref;
  input.matches = o.matches;
  input.memo = o.memo;
  const auto id = books::record_income(file, recorder, input);
  const auto* kind = model::find_income_kind(o.kind);
  if (ctx.lang == Lang::en) return fmt::format("Recorded {}, entry {}\n", kind->name.en, id);
  return fmt::format("已记录{}：第 {} 号分录\n", kind->name.zh, id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto rows = books::list_income(file, period_option("--period", o.period));
  return o.json ? render::income_json(rows).dump(2) + "\n" : render::income_text(rows, ctx.lang);
}

}  // namespace

void setup_income(CLI::App& app, Context& ctx) {
  auto* income = app.add_subcommand(
      "income",
      ctx.tr("其他收入（政府补助、配捐、利息、服务和义卖收入等）：记录、列表、红冲",
             "other income (grants, matching funds, interest, service and sales income): record, list, void"));
  income->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  auto* add_cmd =
      income->add_subcommand("add", ctx.tr("记录一笔捐赠以外的收入（不开捐赠收据，不列入捐赠人）",
                                           "record income that is not a donation (no receipt, not among donors)"));
  add_cmd->add_option("--kind", add->kind, ctx.tr("类别：", "kind: ") + ctx.tr(model::income_kind_choices()))
      ->required()
      ->check(CLI::IsMember(model::income_kind_ids()));
  add_cmd->add_option("--source", add->source, ctx.tr("款项来源（如 青溪镇人民政府）", "who paid it"))->required();
  add_cmd->add_option("--amount", add->amount, ctx.tr("金额", "amount"))->required();
  add_cmd->add_option("--account", add->account, ctx.tr("收款账户代码或名称", "account code or name"))->required();
  add_cmd->add_option("--to,--designation", add->designation,
                      ctx.tr("资金用途（默认非限定性资金）", "designation (default: general fund)"));
  add_cmd->add_option("--date", add->date, ctx.tr("日期 YYYY-MM-DD（默认今天）", "date YYYY-MM-DD (default today)"));
  add_cmd->add_option("--ref", add->ref, ctx.tr("银行交易流水号", "bank transaction number"));
  add_cmd->add_option("--matches", add->matches,
                      ctx.tr("配捐所配的捐赠分录编号或活动名称（如 99公益日）",
                             "what matching funds match: an entry number or a campaign"));
  add_cmd->add_option("--memo", add->memo, ctx.tr("备注", "note"));
  add_cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = income->add_subcommand("list", ctx.tr("列出其他收入", "list other income"));
  list_cmd->add_option("--period", list->period,
                       ctx.tr("期间：2025-03、2025-Q1、2025 或 起..止", "period: 2025-03, 2025-Q1, 2025 or FROM..TO"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  add_void_command(*income, ctx, {model::entry_kind::income},
                   ctx.tr("红冲一笔其他收入（追加冲销分录）", "void an income entry (appends a reversing entry)"));
}

}  // namespace cfund::cli
