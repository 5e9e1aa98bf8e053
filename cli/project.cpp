// cfund project propose | review | approve | reject | start | complete | evaluate |
//               close | cancel | amend-budget | allocate | list | show

#include <CLI/CLI.hpp>

#include "books/projects.hpp"
#include "command_tree.hpp"
#include "common.hpp"
#include "error.hpp"
#include "render/project_views.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

struct ProposeOptions {
  std::string name;
  std::string code;
  std::string category;
  std::string budget;
  std::string proposer;
  std::string implementer;
  std::string description;
  std::string planned_start;
  std::string planned_end;
  std::string date;
  std::string note;
};

struct StepOptions {
  std::string project;
  std::string date;
  std::string note;
  std::string decision;
  std::string reason;
  std::string summary;
  std::string people_served;
  std::string score;
  std::string return_to;
  std::string move_to;
};

struct AmendOptions {
  std::string project;
  std::string budget;
  std::string decision;
  std::string reason;
  std::string date;
  std::string note;
};

struct AllocateOptions {
  std::string project;
  std::string amount;
  std::string from;
  std::string decision;
  std::string reason;
  std::string date;
  std::string note;
};

struct ListOptions {
  std::string stage;
  std::string category;
  bool json = false;
};

struct ShowOptions {
  std::string project;
  bool json = false;
};

std::optional<util::Date> optional_date(const std::string& option, const std::string& text) {
  if (util::trim(text).empty()) return std::nullopt;
  return date_option(option, text, util::Date{});
}

std::int64_t count_option(const std::string& option, const std::string& text) {
  const std::string trimmed = util::trim(text);
  bool ok = !trimmed.empty() && trimmed.size() <= 9;
  std::int64_t value = 0;
  for (char c : trimmed) {
    if (c < '0' || c > '9') ok = false;
    if (ok) value = value * 10 + (c - '0');
  }
  if (!ok) {
    throw InputError(bilingual("{0}：“{1}”不是整数", "{0}: '{1}' is not a whole number", option, text));
  }
  return value;
}

std::string stage_label(const std::string& stage, Lang lang) { return books::project_stage_name(stage).in(lang); }

std::string run_propose(const ProposeOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::ProjectProposal proposal;
  proposal.name = o.name;
  proposal.code = o.code;
  proposal.category = o.category;
  proposal.budget = amount_option("--budget", o.budget);
  proposal.proposer = o.proposer;
  proposal.implementer = o.implementer;
  proposal.description = o.description;
  proposal.planned_start = optional_date("--planned-start", o.planned_start);
  proposal.planned_end = optional_date("--planned-end", o.planned_end);
  proposal.date = date_option("--date", o.date, recorder.now.today);
  proposal.note = o.note;
  const auto proposed = books::propose_project(file, recorder, proposal);
  if (ctx.lang == Lang::en) {
    return fmt::format("Proposed project {} '{}', entry {}; stage: proposed\n", proposed.code, util::trim(o.name),
                       proposed.entry_id);
  }
  return fmt::format("已提出公益项目 {}“{}”：第 {} 号分录，阶段：征集中\n", proposed.code, util::trim(o.name),
                     proposed.entry_id);
}

std::string run_step(const StepOptions& o, const Context& ctx, const std::string& to_stage) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::ProjectStep step;
  step.project = o.project;
  step.to_stage = to_stage;
  step.date = date_option("--date", o.date, recorder.now.today);
  step.note = o.note;
  step.decision = o.decision;
  step.reason = o.reason;
  step.summary = o.summary;
  if (!o.people_served.empty()) step.people_served = count_option("--people-served", o.people_served);
  if (!o.score.empty()) step.score = count_option("--score", o.score);
  if (!o.return_to.empty() && !o.move_to.empty()) {
    throw InputError(
        bilingual("--return-to 与 --move-to 只能选一个", "give either --return-to or --move-to, not both"));
  }
  step.remainder.destination = o.return_to.empty() ? o.move_to : o.return_to;
  step.remainder.to_general = !o.return_to.empty();
  const auto taken = books::advance_project(file, recorder, step);
  std::string out;
  if (ctx.lang == Lang::en) {
    if (taken.remainder_entry) {
      out = fmt::format("Remainder {} moved to '{}', entry {}\n", util::format_amount(taken.remainder),
                        taken.remainder_to, *taken.remainder_entry);
    }
    out += fmt::format("Project {} '{}': {} → {}, entry {}\n", taken.code, taken.name,
                       stage_label(taken.from_stage, ctx.lang), stage_label(taken.to_stage, ctx.lang), taken.entry_id);
  } else {
    if (taken.remainder_entry) {
      out = fmt::format("结余 {} 已转入“{}”：第 {} 号分录\n", util::format_amount(taken.remainder), taken.remainder_to,
                        *taken.remainder_entry);
    }
    out += fmt::format("项目 {}“{}”：{} → {}，第 {} 号分录\n", taken.code, taken.name,
                       stage_label(taken.from_stage, ctx.lang), stage_label(taken.to_stage, ctx.lang), taken.entry_id);
  }
  return out;
}

std::string run_amend(const AmendOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::BudgetAmendment amendment;
  amendment.project = o.project;
  amendment.budget = amount_option("--budget", o.budget);
  amendment.decision = o.decision;
  amendment.reason = o.reason;
  amendment.date = date_option("--date", o.date, recorder.now.today);
  amendment.note = o.note;
  const auto id = books::amend_project_budget(file, recorder, amendment);
  if (ctx.lang == Lang::en) {
    return fmt::format("Budget of project {} amended to {}, entry {}\n", util::trim(o.project),
                       util::format_amount(amendment.budget), id);
  }
  return fmt::format("项目 {} 预算已调整为 {}：第 {} 号分录\n", util::trim(o.project),
                     util::format_amount(amendment.budget), id);
}

std::string run_allocate(const AllocateOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::ProjectAllocation allocation;
  allocation.project = o.project;
  allocation.amount = amount_option("--amount", o.amount);
  allocation.from = o.from;
  allocation.decision = o.decision;
  allocation.reason = o.reason;
  allocation.date = date_option("--date", o.date, recorder.now.today);
  allocation.note = o.note;
  const auto id = books::allocate_to_project(file, recorder, allocation);
  if (ctx.lang == Lang::en) {
    return fmt::format("Allocated {} to project {}, entry {}\n", util::format_amount(allocation.amount),
                       util::trim(o.project), id);
  }
  return fmt::format("已向项目 {} 拨款 {}：第 {} 号分录\n", util::trim(o.project),
                     util::format_amount(allocation.amount), id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  books::ProjectFilter filter;
  if (!o.stage.empty()) {
    filter.stage = books::parse_project_stage(o.stage);
    if (filter.stage.empty()) {
      std::string zh;
      std::string en;
      for (const auto& stage : books::project_stages()) {
        zh += (zh.empty() ? "" : "、") + stage + "（" + books::project_stage_name(stage).zh + "）";
        en += (en.empty() ? "" : ", ") + stage;
      }
      throw InputError(bilingual("--stage：“{0}”不是项目阶段（可选：{1}）",
                                 "--stage: '{0}' is not a project stage ({2})", o.stage, zh, en));
    }
  }
  filter.category = util::trim(o.category);
  auto file = open_fund(ctx);
  const auto projects = books::list_projects(file, filter);
  return o.json ? render::projects_json(projects).dump(2) + "\n" : render::projects_text(projects, ctx.lang);
}

std::string run_show(const ShowOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto detail = books::show_project(file, o.project);
  return o.json ? render::project_json(detail).dump(2) + "\n" : render::project_text(detail, ctx.lang);
}

// The options every step takes; `extra` adds the step's own.
CLI::App* add_step(CLI::App& project, Context& ctx, const std::string& name, const std::string& help,
                   const std::string& to_stage, const std::shared_ptr<StepOptions>& options) {
  auto* cmd = project.add_subcommand(name, help);
  cmd->add_option("ID", options->project, ctx.tr("项目代码或名称", "project code or name"))
      ->required()
      ->type_name(kProjectCode);
  cmd->add_option("--date", options->date, ctx.tr("日期 YYYY-MM-DD（默认今天）", "date YYYY-MM-DD (default today)"));
  cmd->add_option("--note", options->note, ctx.tr("备注", "note"));
  cmd->callback([options, &ctx, to_stage] { ctx.output = run_step(*options, ctx, to_stage); });
  return cmd;
}

void add_remainder_options(CLI::App* cmd, Context& ctx, const std::shared_ptr<StepOptions>& options) {
  cmd->add_option("--return-to", options->return_to,
                  ctx.tr("结余退回非限定性资金：general", "return the remainder to the general fund: general"));
  cmd->add_option("--move-to", options->move_to,
                  ctx.tr("结余转入其他资金用途（专项基金或项目）", "move the remainder to another designation"))
      ->type_name(kDesignationCode);
}

}  // namespace

namespace {

// project propose: a resident's proposal, its budget and plan.
void add_propose(CLI::App* project, Context& ctx) {
  auto propose = std::make_shared<ProposeOptions>();
  auto* propose_cmd = project->add_subcommand("propose", ctx.tr("提出一个公益项目（居民点单）", "propose a project"));
  propose_cmd->add_option("NAME", propose->name, ctx.tr("项目名称", "project name"))->required();
  propose_cmd->add_option("--code", propose->code,
                          ctx.tr("项目代码（默认 P001、P002……）", "project code (default P001, P002, ...)"));
  propose_cmd->add_option(
      "--category", propose->category,
      ctx.tr("类别：扶贫济困、教科文卫体、社会组织培育、环境保护、社区营造、关爱帮扶",
             "category: one of the six standard project categories or the fund's own (written in Chinese; a wrong one "
             "is refused with the list)"));
  propose_cmd->add_option("--budget", propose->budget, ctx.tr("预算金额", "budget"));
  propose_cmd->add_option("--proposer", propose->proposer, ctx.tr("提出人（居民、楼栋或小组）", "who proposed it"));
  propose_cmd->add_option("--implementer", propose->implementer,
                          ctx.tr("执行的社会组织", "the social organisation carrying it out"));
  propose_cmd->add_option("--description", propose->description, ctx.tr("项目内容", "what the project does"));
  propose_cmd->add_option("--planned-start", propose->planned_start, ctx.tr("计划开始日期", "planned start date"));
  propose_cmd->add_option("--planned-end", propose->planned_end, ctx.tr("计划结束日期", "planned end date"));
  propose_cmd->add_option("--date", propose->date, ctx.tr("提出日期（默认今天）", "date proposed (default today)"));
  propose_cmd->add_option("--note", propose->note, ctx.tr("备注", "note"));
  propose_cmd->callback([propose, &ctx] { ctx.output = run_propose(*propose, ctx); });
}

// The steps from review to close or cancel, each to its stage.
void add_stage_steps(CLI::App* project, Context& ctx) {
  using namespace books::project_stage;
  add_step(*project, ctx, "review", ctx.tr("提交议事会评审", "submit for the council's review"), under_review,
           std::make_shared<StepOptions>());

  auto approve = std::make_shared<StepOptions>();
  auto* approve_cmd = add_step(*project, ctx, "approve",
                               ctx.tr("批准（须有决议编号）", "approve (with the decision number)"), approved, approve);
  approve_cmd->add_option("--decision,--approval", approve->decision,
                          ctx.tr("议事会决议编号", "council decision number"));

  auto reject = std::make_shared<StepOptions>();
  auto* reject_cmd =
      add_step(*project, ctx, "reject", ctx.tr("不予通过（须写理由）", "reject (with the reason)"), rejected, reject);
  reject_cmd->add_option("--reason", reject->reason, ctx.tr("理由", "reason"));
  reject_cmd->add_option(
      "--decision,--approval", reject->decision,
      ctx.tr("议事会决议编号（有结余时必填）", "council decision number (needed when money is left)"));
  add_remainder_options(reject_cmd, ctx, reject);

  add_step(*project, ctx, "start", ctx.tr("开始实施（社会组织接单）", "start carrying it out"), in_progress,
           std::make_shared<StepOptions>());
  add_step(*project, ctx, "complete", ctx.tr("实施完成", "mark as completed"), completed,
           std::make_shared<StepOptions>());

  auto evaluate = std::make_shared<StepOptions>();
  auto* evaluate_cmd =
      add_step(*project, ctx, "evaluate",
               ctx.tr("评估（结论、受益人数、评分）", "evaluate (summary, people served, score)"), evaluated, evaluate);
  evaluate_cmd->add_option("--summary", evaluate->summary, ctx.tr("评估结论", "summary"));
  evaluate_cmd->add_option("--people-served", evaluate->people_served, ctx.tr("受益人数", "people served"));
  evaluate_cmd->add_option("--score", evaluate->score, ctx.tr("评分 1–5", "score 1-5"));

  auto close = std::make_shared<StepOptions>();
  auto* close_cmd =
      add_step(*project, ctx, "close", ctx.tr("结项（有结余时须说明去向）", "close (say where any money left goes)"),
               closed, close);
  close_cmd->add_option(
      "--decision,--approval", close->decision,
      ctx.tr("议事会决议编号（有结余时必填）", "council decision number (needed when money is left)"));
  add_remainder_options(close_cmd, ctx, close);

  auto cancel = std::make_shared<StepOptions>();
  auto* cancel_cmd =
      add_step(*project, ctx, "cancel", ctx.tr("取消（须写理由）", "cancel (with the reason)"), cancelled, cancel);
  cancel_cmd->add_option("--reason", cancel->reason, ctx.tr("理由", "reason"));
  cancel_cmd->add_option(
      "--decision,--approval", cancel->decision,
      ctx.tr("议事会决议编号（有结余时必填）", "council decision number (needed when money is left)"));
  add_remainder_options(cancel_cmd, ctx, cancel);
}

// project amend-budget: a new budget with the council's decision.
void add_amend_budget(CLI::App* project, Context& ctx) {
  auto amend = std::make_shared<AmendOptions>();
  auto* amend_cmd = project->add_subcommand(
      "amend-budget",
      ctx.tr("调整项目预算（须有决议编号与理由）", "amend a project's budget (decision number and reason)"));
  amend_cmd->add_option("ID", amend->project, ctx.tr("项目代码或名称", "project code or name"))
      ->required()
      ->type_name(kProjectCode);
  amend_cmd->add_option("--budget", amend->budget, ctx.tr("新的预算金额", "the new budget"))->required();
  amend_cmd->add_option("--decision,--approval", amend->decision, ctx.tr("议事会决议编号", "council decision number"));
  amend_cmd->add_option("--reason", amend->reason, ctx.tr("理由", "reason"));
  amend_cmd->add_option("--date", amend->date, ctx.tr("日期（默认今天）", "date (default today)"));
  amend_cmd->add_option("--note", amend->note, ctx.tr("备注", "note"));
  amend_cmd->callback([amend, &ctx] { ctx.output = run_amend(*amend, ctx); });
}

// project allocate: money from a designation to the project.
void add_allocate(CLI::App* project, Context& ctx) {
  auto allocate = std::make_shared<AllocateOptions>();
  auto* allocate_cmd = project->add_subcommand(
      "allocate",
      ctx.tr("从非限定性资金向项目拨款（须有决议编号）", "fund a project from the general fund (decision number)"));
  allocate_cmd->add_option("ID", allocate->project, ctx.tr("项目代码或名称", "project code or name"))
      ->required()
      ->type_name(kProjectCode);
  allocate_cmd->add_option("--amount", allocate->amount, ctx.tr("金额", "amount"))->required();
  allocate_cmd
      ->add_option(
          "--from", allocate->from,
          ctx.tr("拨出的资金用途（默认非限定性资金 general）", "designation the money comes from (default: general)"))
      ->type_name(kDesignationCode);
  allocate_cmd->add_option("--approval,--decision", allocate->decision,
                           ctx.tr("议事会决议编号", "council decision number"));
  allocate_cmd->add_option(
      "--reason", allocate->reason,
      ctx.tr("理由（默认：议事会拨款支持该项目）", "reason (default: the council funds the project)"));
  allocate_cmd->add_option("--date", allocate->date, ctx.tr("日期（默认今天）", "date (default today)"));
  allocate_cmd->add_option("--note", allocate->note, ctx.tr("备注", "note"));
  allocate_cmd->callback([allocate, &ctx] { ctx.output = run_allocate(*allocate, ctx); });
}

// project list and project show.
void add_views(CLI::App* project, Context& ctx) {
  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = project->add_subcommand("list", ctx.tr("列出项目", "list projects"));
  list_cmd->add_option("--stage", list->stage,
                       ctx.tr("只列此阶段，如 in_progress 或 实施中", "only this stage, e.g. in_progress"));
  list_cmd->add_option("--category", list->category, ctx.tr("只列此类别", "only this category"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  auto show = std::make_shared<ShowOptions>();
  auto* show_cmd =
      project->add_subcommand("show", ctx.tr("查看一个项目：预算、资金、阶段记录、支出、评估",
                                             "show one project: budget, money, stages, spending, evaluation"));
  show_cmd->add_option("ID", show->project, ctx.tr("项目代码或名称", "project code or name"))
      ->required()
      ->type_name(kProjectCode);
  show_cmd->add_flag("--json", show->json, ctx.tr("输出 JSON", "print JSON"));
  show_cmd->callback([show, &ctx] { ctx.output = run_show(*show, ctx); });
}

}  // namespace

void setup_project(CLI::App& app, Context& ctx) {
  auto* project = app.add_subcommand("project", ctx.tr("公益项目：提出、评审、实施、评估、结项",
                                                       "projects: propose, review, carry out, evaluate, close"));
  project->require_subcommand(1);
  add_propose(project, ctx);
  add_stage_steps(project, ctx);
  add_amend_budget(project, ctx);
  add_allocate(project, ctx);
  add_views(project, ctx);
}

}  // namespace cfund::cli
