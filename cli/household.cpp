// cfund household add | join | list — households (家庭户) that beneficiaries belong to,
// so that help is counted by household as well as by person. Private like beneficiaries.

#include <CLI/CLI.hpp>

#include "books/households.hpp"
#include "common.hpp"
#include "render/community_views.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  books::HouseholdInput input;
};

struct JoinOptions {
  std::string household;
  std::string beneficiary;
  std::string memo;
};

struct ListOptions {
  bool full = false;
  bool json = false;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto number = books::register_household(file, recorder_for(ctx, file), o.input);
  if (ctx.lang == Lang::en) return fmt::format("Registered household H{:04d}\n", number);
  return fmt::format("已登记家庭户 H{:04d}\n", number);
}

std::string run_join(const JoinOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto household = household_option("HOUSEHOLD", o.household);
  const auto beneficiary = beneficiary_option(file, "--beneficiary", o.beneficiary);
  const auto id = books::join_household(file, recorder_for(ctx, file), household, beneficiary, o.memo);
  if (ctx.lang == Lang::en) {
    return fmt::format("Beneficiary B{:04d} belongs to household H{:04d}, entry {}\n", beneficiary, household, id);
  }
  return fmt::format("受助对象 B{:04d} 已归入家庭户 H{:04d}：第 {} 号分录\n", beneficiary, household, id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto all = books::list_households(file);
  return o.json ? render::households_json(all, o.full).dump(2) + "\n" : render::households_text(all, o.full, ctx.lang);
}

}  // namespace

void setup_household(CLI::App& app, Context& ctx) {
  auto* household = app.add_subcommand("household", ctx.tr("家庭户：按户统计受助对象（信息保密）",
                                                           "households: count beneficiaries by household (private)"));
  household->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  auto* add_cmd = household->add_subcommand("add", ctx.tr("登记家庭户", "register a household"));
  add_cmd->add_option("--name", add->input.name, ctx.tr("称呼，如 王秀英家（保密）", "name (private)"))->required();
  add_cmd->add_option("--address", add->input.address, ctx.tr("住址（保密）", "address (private)"));
  add_cmd->add_option("--memo", add->input.memo, ctx.tr("备注", "note"));
  add_cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });

  auto join = std::make_shared<JoinOptions>();
  auto* join_cmd = household->add_subcommand(
      "join", ctx.tr("把已登记的受助对象归入家庭户", "record that a beneficiary belongs to a household"));
  join_cmd->add_option("HOUSEHOLD", join->household, ctx.tr("家庭户编号，如 H0001", "household, e.g. H0001"))
      ->required();
  join_cmd->add_option("--beneficiary", join->beneficiary, ctx.tr("受助对象编号，如 B0003", "beneficiary, e.g. B0003"))
      ->required();
  join_cmd->add_option("--memo", join->memo, ctx.tr("备注", "note"));
  join_cmd->callback([join, &ctx] { ctx.output = run_join(*join, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd =
      household->add_subcommand("list", ctx.tr("列出家庭户（默认遮盖名称和住址）", "list households (masked)"));
  list_cmd->add_flag("--full", list->full,
                     ctx.tr("显示完整名称和住址（请勿外传）", "show names and addresses in full (keep private)"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });
}

}  // namespace cfund::cli
