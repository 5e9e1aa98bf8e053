// cfund transfer | reallocate | transfer void | reallocate void

#include <CLI/CLI.hpp>

#include "books/movements.hpp"
#include "command_tree.hpp"
#include "common.hpp"

namespace cfund::cli {

namespace {

struct TransferOptions {
  std::string from;
  std::string to;
  std::string amount;
  std::string date;
  std::string memo;
};

struct ReallocateOptions {
  std::string from;
  std::string to;
  std::string amount;
  std::string date;
  std::string reason;
  std::string approval;
  std::string memo;
};

std::string run_transfer(const TransferOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::TransferInput input;
  input.from_account = o.from;
  input.to_account = o.to;
  input.amount = amount_option("--amount", o.amount);
  input.date = date_option("--date", o.date, recorder.now.today);
  input.memo = o.memo;
  const auto id = books::record_transfer(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Recorded transfer, entry {}\n", id);
  return fmt::format("已记录账户间转账：第 {} 号分录\n", id);
}

std::string run_reallocate(const ReallocateOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::ReallocationInput input;
  input.from_designation = o.from;
  input.to_designation = o.to;
  input.amount = amount_option("--amount", o.amount);
  input.date = date_option("--date", o.date, recorder.now.today);
  input.reason = o.reason;
  input.approval_ref = o.approval;
  input.memo = o.memo;
  const auto id = books::record_reallocation(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Recorded reallocation, entry {}\n", id);
  return fmt::format("已记录资金用途调整：第 {} 号分录\n", id);
}

}  // namespace

void setup_movements(CLI::App& app, Context& ctx) {
  auto transfer = std::make_shared<TransferOptions>();
  auto* transfer_cmd =
      app.add_subcommand("transfer", ctx.tr("账户间转账（如现金存入银行），不算收入也不算支出",
                                            "move money between accounts (neither income nor spending)"));
  transfer_cmd->add_option("--from", transfer->from, ctx.tr("转出账户", "from account"))->type_name(kAccountCode);
  transfer_cmd->add_option("--to", transfer->to, ctx.tr("转入账户", "to account"))->type_name(kAccountCode);
  transfer_cmd->add_option("--amount", transfer->amount, ctx.tr("金额", "amount"));
  transfer_cmd->add_option("--date", transfer->date, ctx.tr("日期（默认今天）", "date (default today)"));
  transfer_cmd->add_option("--memo", transfer->memo, ctx.tr("备注", "note"));
  add_void_command(*transfer_cmd, ctx, {model::entry_kind::transfer}, ctx.tr("红冲一笔转账", "void a transfer"));
  transfer_cmd->callback([transfer, transfer_cmd, &ctx] {
    if (transfer_cmd->get_subcommands().empty()) ctx.output = run_transfer(*transfer, ctx);
  });

  auto reallocate = std::make_shared<ReallocateOptions>();
  auto* reallocate_cmd =
      app.add_subcommand("reallocate", ctx.tr("调整资金用途（如捐赠人同意改用），须有理由与决议编号",
                                              "move money between designations (with reason and decision number)"));
  reallocate_cmd->add_option("--from", reallocate->from, ctx.tr("调出的资金用途", "from designation"))
      ->type_name(kDesignationCode);
  reallocate_cmd->add_option("--to", reallocate->to, ctx.tr("调入的资金用途", "to designation"))
      ->type_name(kDesignationCode);
  reallocate_cmd->add_option("--amount", reallocate->amount, ctx.tr("金额", "amount"));
  reallocate_cmd->add_option("--date", reallocate->date, ctx.tr("日期（默认今天）", "date (default today)"));
  reallocate_cmd->add_option("--reason", reallocate->reason, ctx.tr("理由", "reason"));
  reallocate_cmd->add_option("--approval", reallocate->approval, ctx.tr("议事会决议编号", "council decision number"));
  reallocate_cmd->add_option("--memo", reallocate->memo, ctx.tr("备注", "note"));
  add_void_command(*reallocate_cmd, ctx, {model::entry_kind::reallocation},
                   ctx.tr("红冲一笔用途调整", "void a reallocation"));
  reallocate_cmd->callback([reallocate, reallocate_cmd, &ctx] {
    if (reallocate_cmd->get_subcommands().empty()) ctx.output = run_reallocate(*reallocate, ctx);
  });
}

}  // namespace cfund::cli
