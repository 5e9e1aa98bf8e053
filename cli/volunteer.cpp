// cfund volunteer add | list — the volunteers (志愿者); their phones are private.
// cfund service add | import | list | void — their hours (志愿服务), never money.

#include <CLI/CLI.hpp>

#include "books/volunteers.hpp"
#include "command_tree.hpp"
#include "common.hpp"
#include "render/community_views.hpp"

namespace cfund::cli {

namespace {

struct VolunteerAddOptions {
  books::VolunteerInput input;
};

struct VolunteerListOptions {
  bool full = false;
  bool json = false;
};

struct ServiceAddOptions {
  std::string volunteer;
  std::string hours;
  std::string date;
  std::string activity;
  std::string project;
  std::string memo;
};

struct ServiceImportOptions {
  std::string file;
  std::string sheet;
  std::string date;
  std::string activity;
  std::string project;
  bool add_volunteers = false;
  bool dry_run = false;
  bool json = false;
};

struct ServiceListOptions {
  std::string period;
  bool json = false;
};

std::string run_volunteer_add(const VolunteerAddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto number = books::register_volunteer(file, recorder_for(ctx, file), o.input);
  if (ctx.lang == Lang::en) return fmt::format("Registered volunteer V{:04d}\n", number);
  return fmt::format("已登记志愿者 V{:04d}\n", number);
}

std::string run_volunteer_list(const VolunteerListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto all = books::list_volunteers(file);
  return o.json ? render::volunteers_json(all, o.full).dump(2) + "\n" : render::volunteers_text(all, o.full, ctx.lang);
}

std::string run_service_add(const ServiceAddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::ServiceInput input;
  input.date = date_option("--date", o.date, recorder.now.today);
  input.volunteer = o.volunteer;
  input.hours = hours_option("--hours", o.hours);
  input.activity = o.activity;
  input.project = o.project;
  input.memo = o.memo;
  const auto id = books::record_service(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Recorded volunteer service, entry {}\n", id);
  return fmt::format("已记录志愿服务：第 {} 号分录\n", id);
}

std::string run_service_import(const ServiceImportOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::ServiceImportOptions options;
  options.sheet = o.sheet;
  if (!o.date.empty()) options.date = date_option("--date", o.date, recorder.now.today);
  options.activity = o.activity;
  options.project = o.project;
  options.add_volunteers = o.add_volunteers;
  options.dry_run = o.dry_run;
  const auto report = books::import_services(file, recorder, o.file, options);
  return o.json ? render::service_import_json(report).dump(2) + "\n" : render::service_import_text(report, ctx.lang);
}

std::string run_service_list(const ServiceListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto rows = books::list_services(file, period_option("--period", o.period));
  return o.json ? render::services_json(rows).dump(2) + "\n" : render::services_text(rows, ctx.lang);
}

void setup_service_import(CLI::App& service, Context& ctx) {
  auto o = std::make_shared<ServiceImportOptions>();
  auto* cmd = service.add_subcommand(
      "import", ctx.tr("从签到表（CSV 或 Excel 工作簿）导入志愿服务（全部成功或全部不写）",
                       "import volunteer service from a sign-in sheet, CSV or an Excel workbook (all or nothing)"));
  cmd->add_option("FILE", o->file,
                  ctx.tr("签到表：列 姓名、时长，以及 日期、活动、项目、电话（如有）",
                         "sign-in sheet: columns name and hours, and date, activity, project, phone where it has them"))
      ->required();
  cmd->add_option("--sheet", o->sheet,
                  ctx.tr("Excel 工作簿中要读的工作表名称（默认第一个）",
                         "the worksheet to read in an Excel workbook (default: the first)"));
  cmd->add_option("--date", o->date,
                  ctx.tr("签到表没有日期列时的服务日期", "the date of service for a sheet without a date column"));
  cmd->add_option("--activity", o->activity,
                  ctx.tr("签到表没有活动列时的活动", "the activity for a sheet without an activity column"));
  cmd->add_option("--project", o->project, ctx.tr("没有写明项目的行所属的公益项目", "project for rows that name none"))
      ->type_name(kProjectCode);
  cmd->add_flag("--add-volunteers", o->add_volunteers,
                ctx.tr("登记签到表中尚未登记的志愿者（带上表中的电话）",
                       "register the names that are not volunteers yet (with the sheet's phone)"));
  cmd->add_flag("--dry-run", o->dry_run,
                ctx.tr("只检查并显示将导入的内容，不写入", "check and show what would be imported; write nothing"));
  cmd->add_flag("--json", o->json, ctx.tr("输出 JSON", "print JSON"));
  cmd->callback([o, &ctx] { ctx.output = run_service_import(*o, ctx); });
}

}  // namespace

void setup_volunteer(CLI::App& app, Context& ctx) {
  auto* volunteer =
      app.add_subcommand("volunteer", ctx.tr("志愿者登记（电话保密）", "volunteer registry (phones are private)"));
  volunteer->require_subcommand(1);
  auto add = std::make_shared<VolunteerAddOptions>();
  auto* add_cmd = volunteer->add_subcommand("add", ctx.tr("登记志愿者", "register a volunteer"));
  add_cmd->add_option("--name", add->input.name, ctx.tr("姓名", "name"))->required();
  add_cmd->add_option("--phone", add->input.phone, ctx.tr("电话（保密）", "phone (private)"));
  add_cmd->add_option("--memo", add->input.memo, ctx.tr("备注", "note"));
  add_cmd->callback([add, &ctx] { ctx.output = run_volunteer_add(*add, ctx); });

  auto list = std::make_shared<VolunteerListOptions>();
  auto* list_cmd =
      volunteer->add_subcommand("list", ctx.tr("列出志愿者（默认遮盖电话）", "list volunteers (phones masked)"));
  list_cmd->add_flag("--full", list->full, ctx.tr("显示完整电话（请勿外传）", "show phones in full (keep private)"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_volunteer_list(*list, ctx); });
}

void setup_service(CLI::App& app, Context& ctx) {
  auto* service = app.add_subcommand(
      "service", ctx.tr("志愿服务时长：记录、导入签到表、列表、红冲（不计入资金）",
                        "volunteer service hours: record, import a sign-in sheet, list, void (never money)"));
  service->require_subcommand(1);
  auto add = std::make_shared<ServiceAddOptions>();
  auto* add_cmd =
      service->add_subcommand("add", ctx.tr("记录一位志愿者的服务时长（每人每天不超过 24 小时）",
                                            "record a volunteer's hours (at most 24 a day for each person)"));
  add_cmd->add_option("--volunteer", add->volunteer, ctx.tr("志愿者编号或姓名，如 V0001", "volunteer, e.g. V0001"))
      ->required();
  add_cmd->add_option("--hours", add->hours, ctx.tr("时长（小时，最多两位小数，如 1.5）", "hours, e.g. 1.5"))
      ->required();
  add_cmd->add_option("--date", add->date, ctx.tr("服务日期 YYYY-MM-DD", "date served YYYY-MM-DD"))->required();
  add_cmd->add_option("--activity", add->activity, ctx.tr("活动，如 社区清扫、助老陪伴", "activity"))->required();
  add_cmd->add_option("--project", add->project, ctx.tr("所属公益项目（如有）", "project, if any"))
      ->type_name(kProjectCode);
  add_cmd->add_option("--memo", add->memo, ctx.tr("备注", "note"));
  add_cmd->callback([add, &ctx] { ctx.output = run_service_add(*add, ctx); });

  setup_service_import(*service, ctx);

  auto list = std::make_shared<ServiceListOptions>();
  auto* list_cmd = service->add_subcommand("list", ctx.tr("志愿服务明细", "volunteer service, entry by entry"));
  list_cmd->add_option("--period", list->period,
                       ctx.tr("期间：2025-03、2025-Q1、2025 或 起..止", "period: 2025-03, 2025-Q1, 2025 or FROM..TO"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_service_list(*list, ctx); });

  add_void_command(*service, ctx, {model::entry_kind::service},
                   ctx.tr("红冲一条志愿服务记录（追加冲销分录）", "void a service record (appends a reversing entry)"));
}

}  // namespace cfund::cli
