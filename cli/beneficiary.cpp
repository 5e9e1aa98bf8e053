// cfund beneficiary add | update | list | import

#include <CLI/CLI.hpp>

#include "books/beneficiaries.hpp"
#include "books/beneficiary_import.hpp"
#include "common.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"
#include "render/books_views.hpp"
#include "render/import_views.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  books::BeneficiaryInput input;
  std::string household;
  bool json = false;
};

struct UpdateOptions {
  std::string beneficiary;
  books::BeneficiaryChange change;
};

struct ListOptions {
  bool full = false;
  bool json = false;
};

struct ImportOptions {
  std::string file;
  std::string profile = "beneficiaries";
  std::string sheet;
  books::BeneficiaryImportOptions options;
  bool json = false;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  books::BeneficiaryInput input = o.input;
  if (!o.household.empty()) input.household = household_option("--household", o.household);
  const auto number = books::register_beneficiary(file, recorder_for(ctx, file), input);
  const std::string code = books::beneficiary_code(number);
  if (o.json) return nlohmann::json{{"number", number}, {"code", code}}.dump(2) + "\n";
  if (ctx.lang == Lang::en) return fmt::format("Registered beneficiary {}\n", code);
  return fmt::format("已登记受助对象 {}\n", code);
}

std::string run_update(const UpdateOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto id = books::update_beneficiary(file, recorder_for(ctx, file), o.beneficiary, o.change);
  if (id == 0) return ctx.tr("信息与登记的相同：没有变更\n", "The details are as registered: nothing changed\n");
  if (ctx.lang == Lang::en) return fmt::format("Recorded the new details, entry {}\n", id);
  return fmt::format("已记录受助对象信息变更：第 {} 号分录\n", id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto all = books::list_beneficiaries(file);
  return o.json ? render::beneficiaries_json(all, o.full).dump(2) + "\n"
                : render::beneficiaries_text(all, o.full, ctx.lang);
}

std::string run_import(const ImportOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const import::Profile profile = config::load_import_profile(o.profile);
  import::require_kind(profile, import::ProfileKind::beneficiaries);
  import::StatementReader reader(o.file, profile, o.sheet);
  const auto report = books::import_beneficiaries(file, recorder, reader, o.options);
  return o.json ? render::register_report_json(report).dump(2) + "\n" : render::register_report_text(report, ctx.lang);
}

void setup_add(CLI::App& beneficiary, Context& ctx) {
  auto add = std::make_shared<AddOptions>();
  auto* cmd = beneficiary.add_subcommand("add", ctx.tr("登记受助对象", "register a beneficiary"));
  cmd->add_option("--name", add->input.name, ctx.tr("姓名", "name"))->required();
  cmd->add_option("--category", add->input.category,
                  ctx.tr("类别，如 困难学生、独居老人、隐形困难人群",
                         "kind of need, e.g. student in need, elderly living alone"))
      ->required();
  cmd->add_option("--id-number", add->input.id_number,
                  ctx.tr("18 位居民身份证号（校验）", "18-character resident ID (checked)"));
  cmd->add_option("--phone", add->input.phone, ctx.tr("电话", "phone"));
  cmd->add_option("--address", add->input.address, ctx.tr("住址", "address"));
  cmd->add_option("--memo", add->input.memo, ctx.tr("备注", "note"));
  cmd->add_option("--household", add->household,
                  ctx.tr("所属家庭户，如 H0001（cfund household add 登记）", "household, e.g. H0001"));
  cmd->add_flag("--json", add->json, ctx.tr("输出 JSON（新编号）", "print JSON (the new code)"));
  cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });
}

void setup_update(CLI::App& beneficiary, Context& ctx) {
  auto update = std::make_shared<UpdateOptions>();
  auto* cmd = beneficiary.add_subcommand(
      "update", ctx.tr("记录受助对象的新电话、新住址，或补登身份证号（追加变更分录）",
                       "record a beneficiary's new phone or address, or the ID number (appends an update entry)"));
  cmd->add_option("BENEFICIARY", update->beneficiary,
                  ctx.tr("受助对象：编号 B0001、身份证号，或姓名（只有一人叫这个名字时）",
                         "beneficiary: code B0001, ID number, or a name only one beneficiary has"))
      ->required();
  cmd->add_option("--phone", update->change.phone, ctx.tr("新电话", "new phone"));
  cmd->add_option("--address", update->change.address, ctx.tr("新住址", "new address"));
  cmd->add_option("--id-number", update->change.id_number,
                  ctx.tr("身份证号（登记时没有写的）", "ID number (when registered without one)"));
  cmd->callback([update, &ctx] { ctx.output = run_update(*update, ctx); });
}

void setup_import(CLI::App& beneficiary, Context& ctx) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = beneficiary.add_subcommand(
      "import",
      ctx.tr("从名册（CSV、.xlsx、.xls）登记受助对象：已登记的按身份证号对上，不重复登记（全部成功或全部不写）",
             "register beneficiaries from a register (CSV, .xlsx, .xls): those registered are matched by "
             "ID number, never registered twice (all or nothing)"));
  cmd->add_option("FILE", o->file, ctx.tr("名册：CSV 或 Excel 工作簿", "register: CSV or an Excel workbook"))
      ->required();
  cmd->add_option("--profile", o->profile,
                  ctx.tr("导入格式：beneficiaries（默认）或自己写的格式文件",
                         "import profile: beneficiaries (default) or the path of your own profile file"));
  cmd->add_option("--sheet", o->sheet,
                  ctx.tr("Excel 工作簿中要读的工作表名称（默认第一个）",
                         "the worksheet to read in an Excel workbook (default: the first)"));
  cmd->add_option("--category", o->options.category,
                  ctx.tr("没有类别列（或为空）的行的类别，如 独居老人", "category for rows that give none"));
  cmd->add_flag("--dry-run", o->options.dry_run,
                ctx.tr("只检查并显示将登记的内容，不写入", "check and show what would be registered; write nothing"));
  cmd->add_flag("--json", o->json, ctx.tr("输出 JSON", "print JSON"));
  cmd->callback([o, &ctx] { ctx.output = run_import(*o, ctx); });
}

}  // namespace

void setup_beneficiary(CLI::App& app, Context& ctx) {
  auto* beneficiary =
      app.add_subcommand("beneficiary", ctx.tr("受助对象登记（个人信息保密）", "beneficiary registry (private data)"));
  beneficiary->require_subcommand(1);
  setup_add(*beneficiary, ctx);
  setup_update(*beneficiary, ctx);

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = beneficiary->add_subcommand(
      "list", ctx.tr("列出受助对象（默认遮盖个人信息）", "list beneficiaries (masked by default)"));
  list_cmd->add_flag("--full", list->full,
                     ctx.tr("显示完整个人信息（请勿外传）", "show personal data in full (keep private)"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  setup_import(*beneficiary, ctx);
}

}  // namespace cfund::cli
