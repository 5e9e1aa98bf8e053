// cfund goods give | sell | stock | list | void — donated goods in stock, given out
// (物资发放) or sold at a charity sale (慈善义卖).

#include <CLI/CLI.hpp>

#include "books/goods.hpp"
#include "common.hpp"
#include "render/economy_views.hpp"

namespace cfund::cli {

namespace {

struct GiveOptions {
  std::string item;
  std::string unit;
  std::string quantity;
  std::string beneficiary;
  std::string project;
  std::string recipient;
  std::string purpose;
  std::string approval;
  std::string date;
  std::string memo;
};

struct SellOptions {
  std::string item;
  std::string unit;
  std::string quantity;
  std::string amount;
  std::string account;
  std::string designation;
  std::string buyer;
  std::string ref;
  std::string date;
  std::string memo;
};

struct StockOptions {
  std::string date;
  bool json = false;
};

struct ListOptions {
  std::string period;
  bool json = false;
};

std::string run_give(const GiveOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::GiveInput input;
  input.date = date_option("--date", o.date, recorder.now.today);
  input.item = o.item;
  input.unit = o.unit;
  input.quantity = o.quantity;
  if (!o.beneficiary.empty()) input.beneficiary = beneficiary_option(file, "--to-beneficiary", o.beneficiary);
  input.project = o.project;
  input.recipient = o.recipient;
  input.purpose = o.purpose;
  input.approval_ref = o.approval;
  input.memo = o.memo;
  const auto id = books::give_goods(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Recorded goods given out, entry {}\n", id);
  return fmt::format("已记录物资发放：第 {} 号分录\n", id);
}

std::string run_sell(const SellOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::SaleInput input;
  input.date = date_option("--date", o.date, recorder.now.today);
  input.item = o.item;
  input.unit = o.unit;
  input.quantity = o.quantity;
  input.amount = amount_option("--amount", o.amount);
  input.account = o.account;
  input.designation = o.designation;
  input.buyer = o.buyer;
  input.external_ref = o.ref;
  input.memo = o.memo;
  const auto id = books::sell_goods(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Recorded goods sold, entry {}\n", id);
  return fmt::format("已记录物资义卖：第 {} 号分录\n", id);
}

std::string run_stock(const StockOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto date = date_option("--date", o.date, util::now().today).iso();
  const auto stock = books::goods_stock(file, date);
  return o.json ? render::stock_json(stock, date).dump(2) + "\n" : render::stock_text(stock, date, ctx.lang);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto rows = books::list_goods(file, period_option("--period", o.period));
  return o.json ? render::goods_json(rows).dump(2) + "\n" : render::goods_text(rows, ctx.lang);
}

void setup_give(CLI::App& goods, Context& ctx) {
  auto give = std::make_shared<GiveOptions>();
  auto* cmd = goods.add_subcommand("give", ctx.tr("发放库存物资（物资发放）：不能超过库存",
                                                  "give goods out of stock (never more than is in stock)"));
  cmd->add_option("--item", give->item, ctx.tr("物资名称", "which goods"))->required();
  cmd->add_option("--unit", give->unit,
                  ctx.tr("单位（物资只有一种单位时可省略）", "unit (may be left out when there is one)"));
  cmd->add_option("--quantity", give->quantity, ctx.tr("数量", "quantity"))->required();
  cmd->add_option("--to-beneficiary", give->beneficiary,
                  ctx.tr("发给受助对象：编号 B0007、身份证号，或姓名（只有一人叫这个名字时）",
                         "to a beneficiary: code B0007, ID number, or a name only one beneficiary has"));
  cmd->add_option("--to-project", give->project, ctx.tr("用于公益项目，如 P003", "to a project, e.g. P003"));
  cmd->add_option("--to", give->recipient, ctx.tr("发给的群体或活动，如 独居老人慰问", "to a group or occasion"));
  cmd->add_option("--purpose", give->purpose, ctx.tr("用途说明", "what for"));
  cmd->add_option("--approval", give->approval, ctx.tr("议事会决议编号（如有）", "council decision number, if any"));
  cmd->add_option("--date", give->date, ctx.tr("发放日期 YYYY-MM-DD（默认今天）", "date YYYY-MM-DD (default today)"));
  cmd->add_option("--memo", give->memo, ctx.tr("备注", "note"));
  cmd->callback([give, &ctx] { ctx.output = run_give(*give, ctx); });
}

void setup_sell(CLI::App& goods, Context& ctx) {
  auto sell = std::make_shared<SellOptions>();
  auto* cmd = goods.add_subcommand("sell", ctx.tr("义卖库存物资：所得记为商品销售收入",
                                                  "sell goods from stock (a charity sale): the price is sales income"));
  cmd->add_option("--item", sell->item, ctx.tr("物资名称", "which goods"))->required();
  cmd->add_option("--unit", sell->unit,
                  ctx.tr("单位（物资只有一种单位时可省略）", "unit (may be left out when there is one)"));
  cmd->add_option("--quantity", sell->quantity, ctx.tr("数量", "quantity"))->required();
  cmd->add_option("--amount", sell->amount, ctx.tr("售得金额", "price received"))->required();
  cmd->add_option("--account", sell->account, ctx.tr("收款账户", "account paid into"))->required();
  cmd->add_option(
      "--to,--designation", sell->designation,
      ctx.tr("所得记入的资金用途（默认非限定性资金）", "designation of the proceeds (default: general fund)"));
  cmd->add_option("--buyer", sell->buyer, ctx.tr("购买方", "buyer"));
  cmd->add_option("--ref", sell->ref, ctx.tr("交易流水号", "transaction number"));
  cmd->add_option("--date", sell->date, ctx.tr("日期 YYYY-MM-DD（默认今天）", "date YYYY-MM-DD (default today)"));
  cmd->add_option("--memo", sell->memo, ctx.tr("备注", "note"));
  cmd->callback([sell, &ctx] { ctx.output = run_sell(*sell, ctx); });
}

}  // namespace

void setup_goods(CLI::App& app, Context& ctx) {
  auto* goods = app.add_subcommand("goods", ctx.tr("捐赠物资：发放、义卖、库存、收发明细、红冲",
                                                   "donated goods: give out, sell, stock, list, void"));
  goods->require_subcommand(1);
  setup_give(*goods, ctx);
  setup_sell(*goods, ctx);

  auto stock = std::make_shared<StockOptions>();
  auto* stock_cmd =
      goods->add_subcommand("stock", ctx.tr("库存：每种物资的数量和估价", "what is in stock, by item, with value"));
  stock_cmd->add_option("--date", stock->date, ctx.tr("截至日期（默认今天）", "as of this date (default today)"));
  stock_cmd->add_flag("--json", stock->json, ctx.tr("输出 JSON", "print JSON"));
  stock_cmd->callback([stock, &ctx] { ctx.output = run_stock(*stock, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = goods->add_subcommand("list", ctx.tr("物资收发明细", "goods in and out"));
  list_cmd->add_option("--period", list->period,
                       ctx.tr("期间：2025-03、2025-Q1、2025 或 起..止", "period: 2025-03, 2025-Q1, 2025 or FROM..TO"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  add_void_command(*goods, ctx, {model::entry_kind::goods_given, model::entry_kind::goods_sale},
                   ctx.tr("红冲一笔物资发放或义卖（追加冲销分录，物资回到库存）",
                          "void goods given out or sold (appends a reversing entry; the goods return to stock)"));
}

}  // namespace cfund::cli
