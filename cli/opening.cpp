// cfund opening add | list | void — balances brought forward from before cfund (期初余额).

#include <CLI/CLI.hpp>

#include "books/openings.hpp"
#include "common.hpp"
#include "render/economy_views.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  std::string date;
  std::string account;
  std::string designation;
  std::string amount;
  std::string item;
  std::string unit;
  std::string quantity;
  std::string value;
  std::string approval;
  std::string memo;
};

struct ListOptions {
  bool json = false;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::OpeningInput input;
  input.date = date_option("--date", o.date, recorder.now.today);
  const bool goods = !o.item.empty();
  if (goods && !o.amount.empty()) {
    throw InputError(bilingual("--amount：期初物资请用 --value 写估价",
                               "--amount: for goods give the estimated value with --value"));
  }
  if (!goods && !o.value.empty()) {
    throw InputError(
        bilingual("--value 只用于期初物资（须同时写 --item）", "--value is for opening goods only (with --item)"));
  }
  input.amount = goods ? amount_option("--value", o.value) : amount_option("--amount", o.amount);
  input.account = o.account;
  input.designation = o.designation;
  input.item = o.item;
  input.unit = o.unit;
  input.quantity = o.quantity;
  input.approval_ref = o.approval;
  input.memo = o.memo;
  const auto id = books::record_opening(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Recorded opening balance, entry {}\n", id);
  return fmt::format("已记录期初余额：第 {} 号分录\n", id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto rows = books::list_openings(file);
  return o.json ? render::openings_json(rows).dump(2) + "\n" : render::openings_text(rows, ctx.lang);
}

}  // namespace

void setup_opening(CLI::App& app, Context& ctx) {
  auto* opening =
      app.add_subcommand("opening", ctx.tr("期初余额（启用 cfund 之前的结余）：记录、列表、红冲",
                                           "opening balances brought forward from before cfund: record, list, void"));
  opening->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  auto* add_cmd =
      opening->add_subcommand("add", ctx.tr("记录一笔期初余额：须早于账上其他所有分录的日期，不计入收入",
                                            "record an opening balance: dated before every other entry, never income"));
  add_cmd->add_option("--date", add->date, ctx.tr("结转日期 YYYY-MM-DD", "date brought forward, YYYY-MM-DD"))
      ->required();
  add_cmd->add_option("--account", add->account, ctx.tr("资金账户代码或名称", "account code or name"));
  add_cmd->add_option("--amount", add->amount, ctx.tr("金额", "amount"));
  add_cmd->add_option("--designation,--to", add->designation,
                      ctx.tr("资金用途（默认非限定性资金）", "designation (default: general fund)"));
  add_cmd->add_option("--item", add->item, ctx.tr("期初物资的名称（记入库存）", "goods in stock: the item"));
  add_cmd->add_option("--unit", add->unit, ctx.tr("物资单位，如 袋", "the goods' unit, e.g. bags"));
  add_cmd->add_option("--quantity", add->quantity, ctx.tr("物资数量", "the goods' quantity"));
  add_cmd->add_option("--value", add->value, ctx.tr("物资估价", "the goods' estimated value"));
  add_cmd->add_option("--approval", add->approval, ctx.tr("议事会决议编号（如有）", "council decision number, if any"));
  add_cmd->add_option("--memo", add->memo, ctx.tr("备注", "note"));
  add_cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = opening->add_subcommand("list", ctx.tr("列出期初余额", "list opening balances"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  add_void_command(*opening, ctx, {model::entry_kind::opening},
                   ctx.tr("红冲一笔期初余额（追加冲销分录）", "void an opening balance (appends a reversing entry)"));
}

}  // namespace cfund::cli
