// cfund beneficiary add | list

#include <CLI/CLI.hpp>

#include "books/beneficiaries.hpp"
#include "common.hpp"
#include "render/books_views.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  books::BeneficiaryInput input;
  std::string household;
};

struct ListOptions {
  bool full = false;
  bool json = false;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  books::BeneficiaryInput input = o.input;
  if (!o.household.empty()) input.household = household_option("--household", o.household);
  const auto number = books::register_beneficiary(file, recorder_for(ctx, file), input);
  if (ctx.lang == Lang::en) return fmt::format("Registered beneficiary B{:04d}\n", number);
  return fmt::format("已登记受助对象 B{:04d}\n", number);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto all = books::list_beneficiaries(file);
  return o.json ? render::beneficiaries_json(all, o.full).dump(2) + "\n"
                : render::beneficiaries_text(all, o.full, ctx.lang);
}

}  // namespace

void setup_beneficiary(CLI::App& app, Context& ctx) {
  auto* beneficiary =
      app.add_subcommand("beneficiary", ctx.tr("受助对象登记（个人信息保密）", "beneficiary registry (private data)"));
  beneficiary->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  auto* add_cmd = beneficiary->add_subcommand("add", ctx.tr("登记受助对象", "register a beneficiary"));
  add_cmd->add_option("--name", add->input.name, ctx.tr("姓名", "name"))->required();
  add_cmd
      ->add_option("--category", add->input.category,
                   ctx.tr("类别，如 困难学生、独居老人、隐形困难人群",
                          "kind of need, e.g. student in need, elderly living alone"))
      ->required();
  add_cmd->add_option("--id-number", add->input.id_number,
                      ctx.tr("18 位居民身份证号（校验）", "18-character resident ID (checked)"));
  add_cmd->add_option("--phone", add->input.phone, ctx.tr("电话", "phone"));
  add_cmd->add_option("--address", add->input.address, ctx.tr("住址", "address"));
  add_cmd->add_option("--household", add->household,
                      ctx.tr("所属家庭户，如 H0001（cfund household add 登记）", "household, e.g. H0001"));
  add_cmd->add_option("--memo", add->input.memo, ctx.tr("备注", "note"));
  add_cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = beneficiary->add_subcommand(
      "list", ctx.tr("列出受助对象（默认遮盖个人信息）", "list beneficiaries (masked by default)"));
  list_cmd->add_flag("--full", list->full,
                     ctx.tr("显示完整个人信息（请勿外传）", "show personal data in full (keep private)"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });
}

}  // namespace cfund::cli
