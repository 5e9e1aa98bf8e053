// cfund disburse add | list | void

#include <CLI/CLI.hpp>

#include "books/disbursements.hpp"
#include "books/movements.hpp"
#include "command_tree.hpp"
#include "common.hpp"
#include "messages.hpp"
#include "model/categories.hpp"
#include "render/books_views.hpp"
#include "report/secrets.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  std::string amount;
  std::string account;
  std::string designation;
  std::string category;
  std::string payee;
  std::string purpose;
  std::string beneficiary;
  std::string approval;
  std::string voucher;
  std::string ref;
  std::string date;
  std::string memo;
  std::string allow_repeat;
};

struct ListOptions {
  std::string period;
  bool json = false;
  bool full = false;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::DisbursementInput input;
  input.amount = amount_option("--amount", o.amount);
  input.date = date_option("--date", o.date, recorder.now.today);
  input.account = o.account;
  input.designation = o.designation;
  input.category = o.category;
  input.payee = o.payee;
  input.purpose = o.purpose;
  if (!o.beneficiary.empty()) input.beneficiary = beneficiary_option(file, "--beneficiary", o.beneficiary);
  input.approval_ref = o.approval;
  input.voucher = o.voucher;
  input.external_ref = o.ref;
  input.memo = o.memo;
  input.repeat_reason = o.allow_repeat;
  const auto id = books::record_disbursement(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Recorded payment, entry {}\n", id);
  return fmt::format("已记录支出：第 {} 号分录\n", id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto period = period_option("--period", o.period);
  report::FreeTextMasker mask(file);
  if (o.json) {
    render::JsonListText list;
    books::for_each_disbursement(file, period, [&](model::DisbursementRow& row) {
      if (!o.full) mask(row);
      list.add(render::disbursement_json(row));
    });
    return list.finish();
  }
  render::DisbursementsText list(ctx.lang);
  books::for_each_disbursement(file, period, [&](model::DisbursementRow& row) {
    if (!o.full) mask(row);
    list.add(row);
  });
  return list.finish();
}

}  // namespace

void setup_disburse(CLI::App& app, Context& ctx) {
  auto* disburse =
      app.add_subcommand("disburse", ctx.tr("支出：记录、导入、列表、红冲", "payments: record, import, list, void"));
  disburse->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  auto* add_cmd = disburse->add_subcommand("add", ctx.tr("记录一笔支出", "record a payment"));
  add_cmd->add_option("--amount", add->amount, ctx.tr("金额", "amount"))->required();
  add_cmd->add_option("--account", add->account, ctx.tr("付款账户", "account paid from"))
      ->required()
      ->type_name(kAccountCode);
  add_cmd
      ->add_option("--from,--designation", add->designation,
                   ctx.tr("列支的资金用途（默认非限定性资金）", "designation charged (default: general fund)"))
      ->type_name(kDesignationCode);
  add_cmd
      ->add_option("--category", add->category,
                   ctx.tr("类别：", "category: ") + ctx.tr(model::payment_category_choices()))
      ->required()
      ->check(CLI::IsMember(model::payment_category_ids()));
  add_cmd->add_option("--payee", add->payee, ctx.tr("收款方", "payee"));
  add_cmd->add_option("--purpose", add->purpose, ctx.tr("事由", "what it is for"))->required();
  add_cmd->add_option("--beneficiary", add->beneficiary,
                      ctx.tr("受助对象（救助必填）：编号 B0001、身份证号，或姓名（只有一人叫这个名字时）",
                             "beneficiary (relief): code B0001, ID number, or a name only one beneficiary has"));
  add_cmd->add_option("--approval", add->approval,
                      ctx.tr("议事会决议编号（超过审批限额时必填）",
                             "council decision number (required above the approval threshold)"));
  add_cmd->add_option("--voucher", add->voucher, ctx.tr("会计凭证号", "voucher number"));
  add_cmd->add_option("--ref", add->ref, ctx.tr("银行交易流水号", "bank transaction number"));
  add_cmd->add_option("--date", add->date,
                      ctx.tr("支出日期 YYYY-MM-DD（默认今天）", "date YYYY-MM-DD (default today)"));
  add_cmd->add_option("--memo", add->memo, ctx.tr("备注", "note"));
  add_cmd->add_option(
      "--allow-repeat", add->allow_repeat,
      ctx.tr("允许在间隔期内再次救助同一对象，写明理由", "allow a second relief inside the window; give the reason"));
  add_cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = disburse->add_subcommand("list", ctx.tr("列出支出", "list payments"));
  list_cmd->add_option("--period", list->period, text(Msg::period_help, ctx.lang));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->add_flag("--full", list->full, full_help(ctx));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  add_import_command(*disburse, ctx, books::ImportTarget::disbursements);

  add_void_command(*disburse, ctx, {model::entry_kind::disbursement},
                   ctx.tr("红冲一笔支出（追加冲销分录，不删除原记录）", "void a payment (appends a reversing entry)"));
}

}  // namespace cfund::cli
