// cfund fund set | account add|rename|close | special-fund add|rename|close: the
// fund's registries, changed only by entries on the hash chain (books/registry.hpp),
// each with the council's decision number.

#include <CLI/CLI.hpp>

#include "books/registry.hpp"
#include "common.hpp"
#include "model/categories.hpp"

namespace cfund::cli {

namespace {

struct ChangeOptions {
  std::string code;  // the account or special fund; for fund set, the key
  std::string name;  // a new name; for fund set, the value
  std::string kind;
  std::string decision;
  std::string date;
  std::string memo;
};

books::RegistryChange change_of(const ChangeOptions& o, const books::Recorder& recorder) {
  return {date_option("--date", o.date, recorder.now.today), o.decision, o.memo};
}

std::string recorded(const Context& ctx, std::int64_t entry, const Message& what) {
  if (ctx.lang == Lang::en) return fmt::format("{}: entry {}\n", what.en, entry);
  return fmt::format("{}：第 {} 号分录\n", what.zh, entry);
}

// The options every change takes: the decision number, the date and a note.
void add_change_options(CLI::App& command, ChangeOptions& o, Context& ctx) {
  command.add_option("--decision,--approval", o.decision, ctx.tr("议事会决议编号", "council decision number"))
      ->required();
  command.add_option("--date", o.date, ctx.tr("日期 YYYY-MM-DD（默认今天）", "date YYYY-MM-DD (default today)"));
  command.add_option("--memo", o.memo, ctx.tr("备注", "note"));
}

std::string run_set(const ChangeOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const auto id = books::change_setting(file, recorder, o.code, o.name, change_of(o, recorder));
  return recorded(ctx, id, bilingual("已变更设置 {0}", "changed the setting {0}", o.code));
}

}  // namespace

void add_fund_set_command(CLI::App& fund, Context& ctx) {
  auto o = std::make_shared<ChangeOptions>();
  auto* set = fund.add_subcommand(
      "set",
      ctx.tr("变更一项设置（记入哈希链，须有决议编号；cfund fund settings 列出全部设置）",
             "change a setting (on the hash chain, with a decision number; cfund fund settings lists them all)"));
  set->add_option("KEY", o->code, ctx.tr("设置项，如 supervision_phone", "the setting, e.g. supervision_phone"))
      ->required();
  set->add_option("VALUE", o->name, ctx.tr("新的值", "the new value"))->required();
  add_change_options(*set, *o, ctx);
  set->callback([o, &ctx] { ctx.output = run_set(*o, ctx); });
}

void setup_account(CLI::App& app, Context& ctx) {
  auto* account = app.add_subcommand("account", ctx.tr("资金账户：开设、改名、注销（记入哈希链）",
                                                       "money accounts: add, rename, close (on the chain)"));
  account->require_subcommand(1);

  auto add = std::make_shared<ChangeOptions>();
  auto* add_cmd = account->add_subcommand("add", ctx.tr("开设一个资金账户", "add a money account"));
  add_cmd->add_option("CODE", add->code, ctx.tr("账户代码，如 bank2", "the account's code, e.g. bank2"))->required();
  add_cmd->add_option("--name", add->name, ctx.tr("账户名称", "the account's name"));
  add_cmd->add_option("--kind", add->kind, ctx.tr("类型：", "kind: ") + ctx.tr(model::account_kind_choices()))
      ->required()
      ->check(CLI::IsMember(model::money_account_kind_ids()));
  add_change_options(*add_cmd, *add, ctx);
  add_cmd->callback([add, &ctx] {
    auto file = open_fund(ctx);
    const auto recorder = recorder_for(ctx, file);
    const auto id =
        books::add_account(file, recorder, {0, add->code, add->name, add->kind, ""}, change_of(*add, recorder));
    ctx.output = recorded(ctx, id, bilingual("已开设账户 {0}", "added the account {0}", add->code));
  });

  auto rename = std::make_shared<ChangeOptions>();
  auto* rename_cmd = account->add_subcommand("rename", ctx.tr("账户改名", "rename an account"));
  rename_cmd->add_option("CODE", rename->code, ctx.tr("账户代码或名称", "account code or name"))->required();
  rename_cmd->add_option("--name", rename->name, ctx.tr("新名称", "the new name"))->required();
  add_change_options(*rename_cmd, *rename, ctx);
  rename_cmd->callback([rename, &ctx] {
    auto file = open_fund(ctx);
    const auto recorder = recorder_for(ctx, file);
    const auto id = books::rename_account(file, recorder, rename->code, rename->name, change_of(*rename, recorder));
    ctx.output = recorded(ctx, id, bilingual("账户 {0} 已改名", "renamed the account {0}", rename->code));
  });

  auto close = std::make_shared<ChangeOptions>();
  auto* close_cmd =
      account->add_subcommand("close", ctx.tr("注销账户（余额须为零）", "close an account (its balance must be zero)"));
  close_cmd->add_option("CODE", close->code, ctx.tr("账户代码或名称", "account code or name"))->required();
  add_change_options(*close_cmd, *close, ctx);
  close_cmd->callback([close, &ctx] {
    auto file = open_fund(ctx);
    const auto recorder = recorder_for(ctx, file);
    const auto id = books::close_account(file, recorder, close->code, change_of(*close, recorder));
    ctx.output = recorded(ctx, id, bilingual("已注销账户 {0}", "closed the account {0}", close->code));
  });
}

void setup_special_fund(CLI::App& app, Context& ctx) {
  auto* special =
      app.add_subcommand("special-fund", ctx.tr("专项基金和微基金：设立、改名、注销（记入哈希链）",
                                                "special funds and micro-funds: add, rename, close (on the chain)"));
  special->require_subcommand(1);

  auto add = std::make_shared<ChangeOptions>();
  auto* add_cmd =
      special->add_subcommand("add", ctx.tr("设立一个专项基金（限定性）", "add a special fund (restricted)"));
  add_cmd->add_option("CODE", add->code, ctx.tr("代码，如 elderly", "its code, e.g. elderly"))->required();
  add_cmd->add_option("--name", add->name, ctx.tr("名称，如 “银龄关爱微基金”", "its name"));
  add_change_options(*add_cmd, *add, ctx);
  add_cmd->callback([add, &ctx] {
    auto file = open_fund(ctx);
    const auto recorder = recorder_for(ctx, file);
    const auto id = books::add_special_fund(file, recorder, {0, add->code, add->name, "special", true, ""},
                                            change_of(*add, recorder));
    ctx.output = recorded(ctx, id, bilingual("已设立专项基金 {0}", "added the special fund {0}", add->code));
  });

  auto rename = std::make_shared<ChangeOptions>();
  auto* rename_cmd = special->add_subcommand("rename", ctx.tr("专项基金改名", "rename a special fund"));
  rename_cmd->add_option("CODE", rename->code, ctx.tr("代码或名称", "code or name"))->required();
  rename_cmd->add_option("--name", rename->name, ctx.tr("新名称", "the new name"))->required();
  add_change_options(*rename_cmd, *rename, ctx);
  rename_cmd->callback([rename, &ctx] {
    auto file = open_fund(ctx);
    const auto recorder = recorder_for(ctx, file);
    const auto id =
        books::rename_special_fund(file, recorder, rename->code, rename->name, change_of(*rename, recorder));
    ctx.output = recorded(ctx, id, bilingual("专项基金 {0} 已改名", "renamed the special fund {0}", rename->code));
  });

  auto close = std::make_shared<ChangeOptions>();
  auto* close_cmd = special->add_subcommand(
      "close", ctx.tr("注销专项基金（余额须为零）", "close a special fund (its balance must be zero)"));
  close_cmd->add_option("CODE", close->code, ctx.tr("代码或名称", "code or name"))->required();
  add_change_options(*close_cmd, *close, ctx);
  close_cmd->callback([close, &ctx] {
    auto file = open_fund(ctx);
    const auto recorder = recorder_for(ctx, file);
    const auto id = books::close_special_fund(file, recorder, close->code, change_of(*close, recorder));
    ctx.output = recorded(ctx, id, bilingual("已注销专项基金 {0}", "closed the special fund {0}", close->code));
  });
}

}  // namespace cfund::cli
