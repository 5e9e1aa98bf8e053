#include "books/projects.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "books/disbursements.hpp"
#include "books/fund.hpp"
#include "books/movements.hpp"
#include "error.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

struct StageInfo {
  std::string stage;
  Message name;    // the stage
  Message action;  // the step that leads to it
  std::string command;
};

const std::vector<StageInfo>& stage_table() {
  static const std::vector<StageInfo> table = {
      {project_stage::proposed, {"征集中", "proposed"}, {"提出", "propose"}, "propose"},
      {project_stage::under_review, {"评审中", "under review"}, {"提交评审", "submit for review"}, "review"},
      {project_stage::approved, {"已批准", "approved"}, {"批准", "approve"}, "approve"},
      {project_stage::rejected, {"未通过", "rejected"}, {"不予通过", "reject"}, "reject"},
      {project_stage::in_progress, {"实施中", "in progress"}, {"开始实施", "start"}, "start"},
      {project_stage::completed, {"已完成", "completed"}, {"完成", "complete"}, "complete"},
      {project_stage::evaluated, {"已评估", "evaluated"}, {"评估", "evaluate"}, "evaluate"},
      {project_stage::closed, {"已结项", "closed"}, {"结项", "close"}, "close"},
      {project_stage::cancelled, {"已取消", "cancelled"}, {"取消", "cancel"}, "cancel"},
  };
  return table;
}

const StageInfo* stage_info(const std::string& stage) {
  for (const auto& info : stage_table()) {
    if (info.stage == stage) return &info;
  }
  return nullptr;
}

Message action_name(const std::string& stage) {
  const auto* info = stage_info(stage);
  return info ? info->action : Message{stage, stage};
}

bool one_of(const std::string& stage, std::initializer_list<const std::string*> stages) {
  return std::any_of(stages.begin(), stages.end(), [&stage](const std::string* s) { return *s == stage; });
}

// Steps after which a project holds no money and takes none.
bool ends_project(const std::string& stage) {
  return one_of(stage, {&project_stage::closed, &project_stage::rejected, &project_stage::cancelled});
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : separator) + item;
  return joined;
}

// A text of a project as given, trimmed; one holding a control, direction or zero-width
// character (a line break included) is refused, naming its field, never altered.
std::string clean(const char* field, const std::string& text) {
  util::require_clean_text(field, text);
  return util::trim(text);
}

// "项目 P001“一米花园”" / "project P001 '一米花园'"
Message project_label(const storage::ProjectRow& project) {
  return bilingual("项目 {0}“{1}”", "project {0} '{1}'", project.code, project.name);
}

storage::ProjectRow find_project(storage::FundFile& file, const std::string& code_or_name) {
  const std::string wanted = util::trim(code_or_name);
  const auto all = storage::project_rows(file);
  std::vector<std::string> codes;
  for (const auto& project : all) {
    if (project.code == wanted || project.name == wanted) return project;
    codes.push_back(project.code);
  }
  if (codes.empty()) {
    throw InputError(bilingual("没有公益项目“{0}”（还没有项目：用 cfund project propose 提出）",
                               "no project '{0}' (there are none yet: propose one with cfund project propose)",
                               wanted));
  }
  throw InputError(
      bilingual("没有公益项目“{0}”（已有：{1}）", "no project '{0}' (there are: {1})", wanted, join(codes, ", ")));
}

std::string current_stage(const std::vector<storage::ProjectStageRow>& history) {
  return history.empty() ? project_stage::proposed : history.back().to_stage;
}

Fen current_budget(const storage::ProjectRow& project, const std::vector<storage::ProjectBudgetRow>& amendments) {
  return amendments.empty() ? project.budget : amendments.back().budget;
}

// The date of the project's latest step (its proposal when it has none).
util::Date latest_step_date(const storage::ProjectRow& project, const std::vector<storage::ProjectStageRow>& history) {
  return *util::parse_date(history.empty() ? project.date : history.back().date);
}

void require_not_before(const util::Date& date, const util::Date& earlier, const Message& what) {
  if (date < earlier) {
    throw InputError(bilingual("--date：{0} 早于{1}（{2}）", "--date: {0} is before {3} ({2})", date.iso(), what.zh,
                               earlier.iso(), what.en));
  }
}

// "提交评审（cfund project review）、取消（cfund project cancel）"
Message allowed_steps(const std::string& stage) {
  std::vector<std::string> zh;
  std::vector<std::string> en;
  for (const auto& next : next_project_stages(stage)) {
    const auto* info = stage_info(next);
    zh.push_back(fmt::format("{}（cfund project {}）", info->action.zh, info->command));
    en.push_back(fmt::format("{} (cfund project {})", info->action.en, info->command));
  }
  if (zh.empty()) return {"无（项目已终结）", "none (the project has ended)"};
  return {join(zh, "、"), join(en, ", ")};
}

ProjectStatus status_of(storage::FundFile& file, const storage::ProjectRow& project) {
  ProjectStatus status;
  status.project = project;
  status.stage = current_stage(storage::project_stage_rows(file, project.designation_id));
  status.budget = current_budget(project, storage::project_budget_rows(file, project.designation_id));
  for (const auto& money : storage::project_money_rows(file, project.designation_id)) {
    if (money.kind == model::entry_kind::donation) {
      status.donated += money.amount;
    } else if (money.amount > 0) {
      status.allocated += money.amount;
    } else {
      status.moved_out -= money.amount;
    }
  }
  status.spent = storage::unvoided_spending(file, project.designation_id);
  status.balance = storage::balance(file, storage::Side::designation, project.designation_id);
  return status;
}

std::string next_free_code(storage::FundFile& file) {
  const auto all = storage::designations(file);
  // The first free number: codes are never removed, so P001, P002, ... stay in order.
  for (int n = 1;; ++n) {
    const std::string code = fmt::format("P{:03d}", n);
    if (std::none_of(all.begin(), all.end(), [&code](const model::Designation& d) { return d.code == code; }))
      return code;
  }
}

void check_evaluation(const ProjectStep& step) {
  if (clean("summary", step.summary).empty()) {
    throw InputError(bilingual("--summary：评估须写明评估结论", "--summary: an evaluation needs a summary"));
  }
  if (!step.people_served || *step.people_served < 0) {
    throw InputError(bilingual("--people-served：请写受益人数（不小于 0 的整数）",
                               "--people-served: give the number of people served (a whole number, 0 or more)"));
  }
  if (!step.score || *step.score < 1 || *step.score > 5) {
    throw InputError(bilingual("--score：评分应为 1 到 5 的整数", "--score: the score is a whole number from 1 to 5"));
  }
}

// Moves what the project still holds to the destination the step names; returns the
// reallocation's entry id, or nothing when it holds no money.
std::optional<std::int64_t> move_remainder(storage::FundFile& file, const Recorder& recorder,
                                           const storage::ProjectRow& project, const ProjectStep& step, Fen remainder,
                                           std::string& destination_name) {
  const std::string destination = util::trim(step.remainder.destination);
  if (remainder <= 0) {
    if (!destination.empty()) {
      throw InputError(bilingual("{0}没有结余，不需要 --return-to 或 --move-to",
                                 "{1} holds no money: drop --return-to or --move-to", project_label(project).zh,
                                 project_label(project).en));
    }
    return std::nullopt;
  }
  const Message label = project_label(project);
  const Message action = action_name(step.to_stage);
  if (destination.empty()) {
    throw Refused(
        bilingual("{0}尚有结余 {1}，{2}前须说明结余去向：用 --return-to general 退回非限定性资金，或用 --move-to "
                  "资金用途 转入其他专项/项目，并用 --approval 写明议事会决议编号",
                  "{3} still holds {1}; before it can be {4}, say where that money goes: --return-to general (back to "
                  "the general fund) or --move-to DESIGNATION, with the council decision number in --approval",
                  label.zh, util::format_amount(remainder), action.zh, label.en, project_stage_name(step.to_stage).en));
  }
  if (clean("decision", step.decision).empty()) {
    throw InputError(bilingual("--approval：结余 {0} 转出须写明议事会决议编号",
                               "--approval: moving the remainder of {0} needs the council decision number",
                               util::format_amount(remainder)));
  }
  const model::Designation target = find_designation(file, destination);
  if (step.remainder.to_general && target.restricted) {
    throw InputError(bilingual("--return-to：结余只能退回非限定性资金（general）；转入专项或其他项目请用 --move-to {0}",
                               "--return-to: a remainder is returned to the general fund (general) only; to move it to "
                               "a special fund or another project use --move-to {0}",
                               target.code));
  }
  if (target.id == project.designation_id) {
    throw InputError(
        bilingual("--move-to：不能转回项目自身", "--move-to: cannot move the remainder to the project itself"));
  }
  ReallocationInput input;
  input.date = step.date;
  input.amount = remainder;
  input.from_designation = project.code;
  input.to_designation = target.code;
  input.approval_ref = clean("decision", step.decision);
  input.reason = fmt::format("公益项目 {}“{}”{}，结余转入“{}”", project.code, project.name, action.zh, target.name);
  input.memo = clean("note", step.note);
  destination_name = target.name;
  return record_reallocation(file, recorder, input);
}

}  // namespace

const std::vector<std::string>& project_stages() {
  static const std::vector<std::string> stages = [] {
    std::vector<std::string> all;
    for (const auto& info : stage_table()) all.push_back(info.stage);
    return all;
  }();
  return stages;
}

Message project_stage_name(const std::string& stage) {
  const auto* info = stage_info(stage);
  return info ? info->name : Message{stage, stage};
}

std::string parse_project_stage(const std::string& text) {
  std::string wanted = util::trim(text);
  for (const auto& info : stage_table()) {
    std::string hyphenated = info.stage;
    std::replace(hyphenated.begin(), hyphenated.end(), '_', '-');
    if (wanted == info.stage || wanted == hyphenated || wanted == info.name.zh || wanted == info.name.en) {
      return info.stage;
    }
  }
  return {};
}

std::vector<std::string> next_project_stages(const std::string& stage) {
  using namespace project_stage;
  if (stage == proposed) return {under_review, cancelled};
  if (stage == under_review) return {approved, rejected, cancelled};
  if (stage == approved) return {in_progress, cancelled};
  if (stage == in_progress) return {completed, cancelled};
  if (stage == completed) return {evaluated};
  if (stage == evaluated) return {closed};
  return {};
}

std::string project_step_command(const std::string& stage) {
  const auto* info = stage_info(stage);
  return info ? info->command : stage;
}

std::vector<std::string> project_categories(storage::FundFile& file) {
  std::vector<std::string> all = kProjectCategories;
  for (const auto& extra : load_settings(file).project_categories) {
    if (std::find(all.begin(), all.end(), extra) == all.end()) all.push_back(extra);
  }
  return all;
}

ProposedProject propose_project(storage::FundFile& file, const Recorder& recorder, const ProjectProposal& proposal) {
  const std::string name = clean("name", proposal.name);
  const std::string proposer = clean("proposer", proposal.proposer);
  const std::string category = clean("category", proposal.category);
  std::string code = clean("code", proposal.code);
  if (name.empty()) throw InputError(bilingual("NAME：请写项目名称", "NAME: give the project a name"));
  if (util::display_width(name) > 60) {
    throw InputError(bilingual("NAME：项目名称最长 60 个字符宽（30 个汉字）",
                               "NAME: a project name is at most 60 columns wide (30 Chinese characters)"));
  }
  if (proposal.budget <= 0)
    throw InputError(bilingual("--budget：预算必须大于零", "--budget: the budget must be above zero"));
  if (proposer.empty()) {
    throw InputError(bilingual("--proposer：请写提出人（居民、楼栋或小组）",
                               "--proposer: say who proposed it (residents, a building, a group)"));
  }
  if (!code.empty() && !util::is_plain_code(code)) {
    throw InputError(bilingual(
        "--code：项目代码“{0}”无效：只能由字母、数字、汉字和 - _ . 组成（不以 - 开头、不含空格），最长 24 个字符宽",
        "--code: '{0}' is not valid: letters, digits, Chinese characters and - _ . only (not starting with -, no "
        "spaces), at most 24 columns",
        code));
  }
  if (proposal.planned_start && proposal.planned_end && *proposal.planned_end < *proposal.planned_start) {
    throw InputError(bilingual("--planned-end：计划结束日期 {0} 早于计划开始日期 {1}",
                               "--planned-end: the planned end {0} is before the planned start {1}",
                               proposal.planned_end->iso(), proposal.planned_start->iso()));
  }

  storage::FundFile::WriteTransaction tx(file);
  const auto categories = project_categories(file);
  if (category.empty()) {
    throw InputError(bilingual("--category：请写项目类别（可选：{0}）", "--category: give the project's category ({0})",
                               join(categories, "、")));
  }
  if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
    throw InputError(bilingual("--category：“{0}”不是本基金的项目类别（可选：{1}）",
                               "--category: '{0}' is not one of this fund's project categories ({1})", category,
                               join(categories, "、")));
  }
  if (code.empty()) code = next_free_code(file);
  for (const auto& existing : storage::designations(file)) {
    if (existing.code == code || existing.name == code) {
      throw Refused(bilingual("代码“{0}”已被资金用途“{1}”使用，请换一个 --code",
                              "the code '{0}' is already used by the designation '{1}': choose another --code", code,
                              existing.name));
    }
    if (existing.code == name || existing.name == name) {
      throw Refused(bilingual("名称“{0}”已被资金用途 {1} 使用，请换一个项目名称",
                              "the name '{0}' is already used by the designation {1}: choose another project name",
                              name, existing.code));
    }
  }
  const std::int64_t designation_id = storage::insert_designation(file, {0, code, name, "project", true});

  EntryDraft draft;
  draft.kind = model::entry_kind::project;
  draft.date = proposal.date;
  draft.memo = clean("note", proposal.note);
  draft.detail.set("designation_id", designation_id)
      .set("code", code)
      .set("name", name)
      .set("category", category)
      .set("budget", proposal.budget)
      .set("proposer", proposer)
      .set_text("implementer", clean("implementer", proposal.implementer))
      .set_text("description", clean("description", proposal.description))
      .set_text("planned_start", proposal.planned_start ? proposal.planned_start->iso() : std::string())
      .set_text("planned_end", proposal.planned_end ? proposal.planned_end->iso() : std::string());
  ProposedProject proposed;
  proposed.entry_id = append_entry(file, recorder, draft);
  proposed.code = code;
  tx.commit();
  return proposed;
}

StepTaken advance_project(storage::FundFile& file, const Recorder& recorder, const ProjectStep& step) {
  const auto* target = stage_info(step.to_stage);
  if (target == nullptr || step.to_stage == project_stage::proposed) {
    throw std::logic_error("advance_project: no step leads to stage " + step.to_stage);
  }
  if (step.to_stage == project_stage::approved && clean("decision", step.decision).empty()) {
    throw InputError(bilingual("--decision：批准项目须写明议事会决议编号",
                               "--decision: approving a project needs the council decision number"));
  }
  if ((step.to_stage == project_stage::rejected || step.to_stage == project_stage::cancelled) &&
      clean("reason", step.reason).empty()) {
    throw InputError(bilingual("--reason：{0}项目须写明理由", "--reason: to {1} a project, give the reason",
                               target->action.zh, target->action.en));
  }
  if (step.to_stage == project_stage::evaluated) check_evaluation(step);
  if (!ends_project(step.to_stage) && !util::trim(step.remainder.destination).empty()) {
    throw InputError(bilingual("--return-to/--move-to 只用于结项、不予通过和取消",
                               "--return-to and --move-to are for close, reject and cancel only"));
  }

  storage::FundFile::WriteTransaction tx(file);
  const storage::ProjectRow project = find_project(file, step.project);
  const auto history = storage::project_stage_rows(file, project.designation_id);
  const std::string from = current_stage(history);
  const auto allowed = next_project_stages(from);
  const Message label = project_label(project);
  if (std::find(allowed.begin(), allowed.end(), step.to_stage) == allowed.end()) {
    const Message now = project_stage_name(from);
    const Message next = allowed_steps(from);
    throw Refused(bilingual("{0}当前阶段为“{1}”，不能执行“{2}”；可以进行的下一步：{3}",
                            "{4} is at stage '{5}': the step '{6}' is not allowed from there; allowed next steps: {7}",
                            label.zh, now.zh, target->action.zh, next.zh, label.en, now.en, target->action.en,
                            next.en));
  }
  require_not_before(step.date, latest_step_date(project, history),
                     bilingual("该项目上一步的日期", "the date of the project's previous step"));
  // The work cannot be finished before the last payment for it.
  if (step.to_stage == project_stage::completed || step.to_stage == project_stage::cancelled) {
    const std::string last_payment = storage::last_spending_date(file, project.designation_id);
    if (!last_payment.empty()) {
      require_not_before(step.date, *util::parse_date(last_payment),
                         bilingual("该项目最后一笔支出的日期", "the date of the project's last payment"));
    }
  }

  StepTaken taken;
  taken.code = project.code;
  taken.name = project.name;
  taken.from_stage = from;
  taken.to_stage = step.to_stage;
  if (ends_project(step.to_stage)) {
    taken.remainder = storage::balance(file, storage::Side::designation, project.designation_id);
    taken.remainder_entry = move_remainder(file, recorder, project, step, taken.remainder, taken.remainder_to);
    if (!taken.remainder_entry) taken.remainder = 0;
  }

  EntryDraft draft;
  draft.kind = model::entry_kind::project_stage;
  draft.date = step.date;
  draft.memo = clean("note", step.note);
  draft.approval_ref = clean("decision", step.decision);
  draft.reason = clean("reason", step.reason);
  const bool evaluation = step.to_stage == project_stage::evaluated;
  draft.detail.set("designation_id", project.designation_id)
      .set("from_stage", from)
      .set("to_stage", step.to_stage)
      .set_text("summary", evaluation ? clean("summary", step.summary) : std::string())
      .set("people_served", evaluation ? storage::Value{*step.people_served} : storage::Value{})
      .set("score", evaluation ? storage::Value{*step.score} : storage::Value{})
      .set("remainder_entry", taken.remainder_entry ? storage::Value{*taken.remainder_entry} : storage::Value{});
  taken.entry_id = append_entry(file, recorder, draft);
  tx.commit();
  return taken;
}

std::int64_t amend_project_budget(storage::FundFile& file, const Recorder& recorder, const BudgetAmendment& amendment) {
  if (amendment.budget <= 0)
    throw InputError(bilingual("--budget：预算必须大于零", "--budget: the budget must be above zero"));
  if (clean("decision", amendment.decision).empty()) {
    throw InputError(bilingual("--decision：调整预算须写明议事会决议编号",
                               "--decision: amending a budget needs the council decision number"));
  }
  if (clean("reason", amendment.reason).empty()) {
    throw InputError(bilingual("--reason：调整预算须写明理由", "--reason: amending a budget needs a reason"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const storage::ProjectRow project = find_project(file, amendment.project);
  const ProjectStatus status = status_of(file, project);
  const Message label = project_label(project);
  if (!one_of(status.stage, {&project_stage::proposed, &project_stage::under_review, &project_stage::approved,
                             &project_stage::in_progress})) {
    const Message now = project_stage_name(status.stage);
    throw Refused(bilingual("{0}当前阶段为“{1}”：只有完成之前（征集中、评审中、已批准、实施中）才能调整预算",
                            "{2} is at stage '{3}': a budget can be amended only before completion (proposed, under "
                            "review, approved, in progress)",
                            label.zh, now.zh, label.en, now.en));
  }
  if (amendment.budget == status.budget) {
    throw InputError(bilingual("--budget：新预算与现行预算 {0} 相同",
                               "--budget: the new budget is the current one, {0}", util::format_amount(status.budget)));
  }
  if (amendment.budget < status.spent) {
    throw Refused(bilingual("{0}已支出 {1}，预算不能调低到 {2}",
                            "{3} has already spent {1}; its budget cannot go down to {2}", label.zh,
                            util::format_amount(status.spent), util::format_amount(amendment.budget), label.en));
  }
  require_not_before(amendment.date, *util::parse_date(project.date),
                     bilingual("项目提出的日期", "the date the project was proposed"));

  EntryDraft draft;
  draft.kind = model::entry_kind::project_budget;
  draft.date = amendment.date;
  draft.memo = clean("note", amendment.note);
  draft.approval_ref = clean("decision", amendment.decision);
  draft.reason = clean("reason", amendment.reason);
  draft.detail.set("designation_id", project.designation_id)
      .set("previous_budget", status.budget)
      .set("budget", amendment.budget);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::int64_t allocate_to_project(storage::FundFile& file, const Recorder& recorder,
                                 const ProjectAllocation& allocation) {
  if (clean("decision", allocation.decision).empty()) {
    throw InputError(bilingual("--approval：向项目拨款须写明议事会决议编号",
                               "--approval: allocating money to a project needs the council decision number"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const storage::ProjectRow project = find_project(file, allocation.project);
  const std::string stage = current_stage(storage::project_stage_rows(file, project.designation_id));
  if (stage != project_stage::approved && stage != project_stage::in_progress) {
    const Message label = project_label(project);
    const Message now = project_stage_name(stage);
    throw Refused(bilingual("{0}当前阶段为“{1}”：只有已批准或实施中的项目可以拨款",
                            "{2} is at stage '{3}': only an approved project or one in progress can be allocated money",
                            label.zh, now.zh, label.en, now.en));
  }
  ReallocationInput input;
  input.date = allocation.date;
  input.amount = allocation.amount;
  input.from_designation = allocation.from;
  input.to_designation = project.code;
  input.approval_ref = allocation.decision;
  input.reason = clean("reason", allocation.reason).empty()
                     ? fmt::format("议事会拨款支持公益项目 {}“{}”", project.code, project.name)
                     : clean("reason", allocation.reason);
  input.memo = clean("note", allocation.note);
  const std::int64_t id = record_reallocation(file, recorder, input);
  tx.commit();
  return id;
}

namespace {

void require_at_work(const storage::ProjectRow& project, const std::vector<storage::ProjectStageRow>& history,
                     const util::Date& date) {
  const std::string stage = current_stage(history);
  const Message label = project_label(project);
  if (stage != project_stage::approved && stage != project_stage::in_progress) {
    const Message now = project_stage_name(stage);
    throw Refused(bilingual("{0}当前阶段为“{1}”：只有已批准或实施中的项目可以支出",
                            "{2} is at stage '{3}': money is spent only on a project that is approved or in progress",
                            label.zh, now.zh, label.en, now.en));
  }
  for (const auto& step : history) {
    if (step.to_stage == project_stage::approved && date < *util::parse_date(step.date)) {
      throw Refused(bilingual("支出日期 {0} 早于{1}的批准日期 {2}",
                              "the payment's date {0} is before {3} was approved on {2}", date.iso(), label.zh,
                              step.date, label.en));
    }
  }
}

}  // namespace

void require_project_at_work(storage::FundFile& file, const model::Designation& designation, const util::Date& date) {
  if (designation.kind != "project") return;
  const auto project = storage::project_row(file, designation.id);
  if (!project) return;  // a designation made by hand: the audit reports it
  require_at_work(*project, storage::project_stage_rows(file, designation.id), date);
}

ProjectSpending project_spending(storage::FundFile& file, const model::Designation& designation) {
  ProjectSpending facts;
  if (designation.kind != "project") return facts;
  facts.project = storage::project_row(file, designation.id);
  if (!facts.project) return facts;
  facts.history = storage::project_stage_rows(file, designation.id);
  facts.budget = current_budget(*facts.project, storage::project_budget_rows(file, designation.id));
  facts.spent = storage::unvoided_spending(file, designation.id);
  return facts;
}

void require_project_spending_allowed(const ProjectSpending& facts, Fen amount, const util::Date& date) {
  if (!facts.project) return;
  require_at_work(*facts.project, facts.history, date);
  const Message label = project_label(*facts.project);
  if (facts.spent + amount > facts.budget) {
    throw Refused(
        bilingual("超出预算：{0}预算 {1}，已支出 {2}，本次 {3}，将超出 {4}；追加预算须先经议事会决议，用 cfund project "
                  "amend-budget 登记",
                  "over budget: {5} has a budget of {1} and has spent {2}; this {3} would exceed it by {4}. A larger "
                  "budget needs a council decision, recorded with cfund project amend-budget",
                  label.zh, util::format_amount(facts.budget), util::format_amount(facts.spent),
                  util::format_amount(amount), util::format_amount(facts.spent + amount - facts.budget), label.en));
  }
}

void require_project_spending_allowed(storage::FundFile& file, const model::Designation& designation, Fen amount,
                                      const util::Date& date) {
  require_project_spending_allowed(project_spending(file, designation), amount, date);
}

void require_project_accepts_money(storage::FundFile& file, const model::Designation& designation) {
  if (designation.kind != "project") return;
  const auto project = storage::project_row(file, designation.id);
  if (!project) return;
  const std::string stage = current_stage(storage::project_stage_rows(file, designation.id));
  if (ends_project(stage)) {
    const Message label = project_label(*project);
    const Message now = project_stage_name(stage);
    throw Refused(
        bilingual("{0}{1}，不再接收资金（捐赠或拨款）；请改记到其他资金用途",
                  "{2} is {3} and takes no more money (donations or allocations): record it to another designation",
                  label.zh, now.zh, label.en, now.en));
  }
}

std::vector<ProjectStatus> list_projects(storage::FundFile& file, const ProjectFilter& filter) {
  std::vector<ProjectStatus> all;
  for (const auto& project : storage::project_rows(file)) {
    if (!filter.category.empty() && project.category != filter.category) continue;
    ProjectStatus status = status_of(file, project);
    if (!filter.stage.empty() && status.stage != filter.stage) continue;
    all.push_back(std::move(status));
  }
  return all;
}

ProjectDetail show_project(storage::FundFile& file, const std::string& code_or_name) {
  ProjectDetail detail;
  const storage::ProjectRow project = find_project(file, code_or_name);
  detail.status = status_of(file, project);
  detail.history = storage::project_stage_rows(file, project.designation_id);
  detail.amendments = storage::project_budget_rows(file, project.designation_id);
  detail.money = storage::project_money_rows(file, project.designation_id);
  for (auto& row : storage::disbursement_rows(file, "0000-01-01", "9999-12-31")) {
    if (row.designation_code == project.code) detail.spending.push_back(std::move(row));
  }
  for (const auto& step : detail.history) {
    if (step.to_stage == project_stage::evaluated) detail.evaluation = step;
  }
  return detail;
}

}  // namespace cfund::books
