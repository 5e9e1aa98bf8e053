// cfund donate add | list | void | receipt | host-receipt

#include <CLI/CLI.hpp>

#include "books/donations.hpp"
#include "books/journal.hpp"
#include "books/movements.hpp"
#include "command_tree.hpp"
#include "common.hpp"
#include "messages.hpp"
#include "render/books_views.hpp"
#include "report/secrets.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  std::string donor;
  std::string donor_type = "individual";
  bool anonymous = false;
  std::string amount;
  std::string account;
  std::string designation;
  std::string date;
  std::string ref;
  std::string memo;
  std::string host_receipt;
  bool goods = false;
  std::string item;
  std::string quantity;
  std::string unit;
  std::string value;
};

struct ListOptions {
  std::string period;
  bool json = false;
  bool full = false;
};

struct ReceiptOptions {
  std::string id;
  bool full = false;
};

struct HostReceiptOptions {
  std::string id;
  std::string number;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::DonationInput input;
  input.donor = o.donor;
  input.donor_kind = o.donor_type;
  input.anonymous = o.anonymous;
  input.date = date_option("--date", o.date, recorder.now.today);
  input.goods = o.goods;
  if (o.goods) {
    if (!o.amount.empty()) {
      throw InputError(
          bilingual("--amount：捐物请用 --value 写估价", "--amount: for goods give the estimated value with --value"));
    }
    input.amount = amount_option("--value", o.value);
  } else {
    input.amount = amount_option("--amount", o.amount);
  }
  input.item = o.item;
  input.quantity = o.quantity;
  input.unit = o.unit;
  input.account = o.account;
  input.designation = o.designation;
  input.external_ref = o.ref;
  input.memo = o.memo;
  input.host_receipt = o.host_receipt;
  const auto recorded = books::record_donation(file, recorder, input);
  if (ctx.lang == Lang::en) {
    return fmt::format("Recorded donation, entry {}, receipt {}\n", recorded.entry_id, recorded.receipt_no);
  }
  return fmt::format("已记录捐赠：第 {} 号分录，收据编号 {}\n", recorded.entry_id, recorded.receipt_no);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto period = period_option("--period", o.period);
  report::FreeTextMasker mask(file);
  // Each row is laid out as it is read: a year of a large fund is not held.
  if (o.json) {
    render::JsonListText list;
    books::for_each_donation(file, period, storage::DonationColumns::all, [&](model::DonationRow& row) {
      if (!o.full) mask(row);
      list.add(render::donation_json(row));
    });
    return list.finish();
  }
  render::DonationsText list(ctx.lang);
  books::for_each_donation(file, period, storage::DonationColumns::shown, [&](model::DonationRow& row) {
    if (!o.full) mask(row);
    list.add(row);
  });
  return list.finish();
}

std::string run_receipt(const ReceiptOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  auto receipt = books::make_receipt(file, entry_id_option("ID", o.id));
  if (!o.full) report::mask_free_text(file, receipt);
  return render::receipt_text(receipt, ctx.lang);
}

std::string run_host_receipt(const HostReceiptOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const auto id = entry_id_option("ID", o.id);
  books::record_host_receipt(file, recorder, id, o.number);
  if (ctx.lang == Lang::en) return fmt::format("Recorded official receipt {} for donation {}\n", o.number, id);
  return fmt::format("已为第 {} 号捐赠登记慈善会收据编号 {}\n", id, o.number);
}

}  // namespace

void setup_donate(CLI::App& app, Context& ctx) {
  auto* donate = app.add_subcommand(
      "donate", ctx.tr("捐赠：记录、导入、列表、红冲、收据", "donations: record, import, list, void, receipts"));
  donate->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  auto* add_cmd =
      donate->add_subcommand("add", ctx.tr("记录一笔捐赠（现金或物资）", "record a donation (money or goods)"));
  add_cmd->add_option("--donor", add->donor, ctx.tr("捐赠人姓名或单位", "donor's name"));
  add_cmd
      ->add_option("--donor-type", add->donor_type,
                   ctx.tr("individual（个人，默认）或 organisation（单位）", "individual (default) or organisation"))
      ->check(CLI::IsMember({"individual", "organisation"}));
  add_cmd->add_flag(
      "--anonymous", add->anonymous,
      ctx.tr("捐赠人要求匿名：公示中显示为爱心人士（匿名）", "the donor asks to stay anonymous in notices"));
  add_cmd->add_option("--amount", add->amount, ctx.tr("金额，如 200 或 ¥1,234.50", "amount, e.g. 200 or ¥1,234.50"));
  add_cmd
      ->add_option(
          "--account", add->account,
          ctx.tr("收款账户代码或名称（如 bank、cash、wechat）", "account code or name (e.g. bank, cash, wechat)"))
      ->type_name(kAccountCode);
  add_cmd
      ->add_option("--to,--designation", add->designation,
                   ctx.tr("资金用途：专项基金或项目（默认非限定性资金）",
                          "designation: special fund or project (default: general fund)"))
      ->type_name(kDesignationCode);
  add_cmd->add_option("--date", add->date,
                      ctx.tr("捐赠日期 YYYY-MM-DD（默认今天）", "date YYYY-MM-DD (default today)"));
  add_cmd->add_option("--ref", add->ref, ctx.tr("银行或微信支付交易流水号", "bank or WeChat Pay transaction number"));
  add_cmd->add_option("--memo", add->memo, ctx.tr("备注", "note"));
  add_cmd->add_option("--host-receipt", add->host_receipt,
                      ctx.tr("慈善会正式收据编号（如已开具）", "host charity's official receipt number, if issued"));
  add_cmd->add_flag("--goods", add->goods, ctx.tr("捐赠物资（不进资金账户）", "a gift of goods (no account)"));
  add_cmd->add_option("--item", add->item, ctx.tr("物资名称", "what goods"));
  add_cmd->add_option("--quantity", add->quantity, ctx.tr("数量", "quantity"));
  add_cmd->add_option("--unit", add->unit, ctx.tr("单位，如 袋、件", "unit, e.g. bags"));
  add_cmd->add_option("--value", add->value, ctx.tr("物资估价", "estimated value of the goods"));
  add_cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = donate->add_subcommand("list", ctx.tr("列出捐赠", "list donations"));
  list_cmd->add_option("--period", list->period, text(Msg::period_help, ctx.lang));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->add_flag("--full", list->full, full_help(ctx));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  add_import_command(*donate, ctx, books::ImportTarget::donations);

  add_void_command(*donate, ctx, {model::entry_kind::donation},
                   ctx.tr("红冲一笔捐赠（追加冲销分录，不删除原记录）", "void a donation (appends a reversing entry)"));

  auto receipt = std::make_shared<ReceiptOptions>();
  auto* receipt_cmd = donate->add_subcommand(
      "receipt", ctx.tr("打印捐赠收据（含大写金额）", "print a donation receipt (with the amount in words)"));
  receipt_cmd->add_option("ID", receipt->id, ctx.tr("捐赠的分录编号", "the donation's entry number"))->required();
  receipt_cmd->add_flag("--full", receipt->full, full_help(ctx));
  receipt_cmd->callback([receipt, &ctx] { ctx.output = run_receipt(*receipt, ctx); });

  auto host = std::make_shared<HostReceiptOptions>();
  auto* host_cmd = donate->add_subcommand(
      "host-receipt", ctx.tr("登记慈善会出具的正式收据编号", "record the host charity's official receipt number"));
  host_cmd->add_option("ID", host->id, ctx.tr("捐赠的分录编号", "the donation's entry number"))->required();
  host_cmd->add_option("NUMBER", host->number, ctx.tr("正式收据编号", "official receipt number"))->required();
  host_cmd->callback([host, &ctx] { ctx.output = run_host_receipt(*host, ctx); });
}

}  // namespace cfund::cli
