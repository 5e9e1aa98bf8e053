#include "render/project_views.hpp"

#include "render/books_views.hpp"
#include "render/table.hpp"
#include "util/money.hpp"
#include "util/text.hpp"

namespace cfund::render {

namespace {

std::string pick(Lang lang, const char* zh, const char* en) { return lang == Lang::en ? en : zh; }

std::string stage_shown(const std::string& stage, Lang lang) { return books::project_stage_name(stage).in(lang); }

std::string designation_shown(const std::string& code, const std::string& name, Lang lang) {
  if (code == model::kGeneralFund) return pick(lang, "非限定性资金", "General fund");
  return name.empty() ? code : name + " (" + code + ")";
}

nlohmann::json optional_json(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json status_json(const books::ProjectStatus& s) {
  const auto& p = s.project;
  return {{"code", p.code},
          {"name", p.name},
          {"category", p.category},
          {"stage", s.stage},
          {"stage_name", books::project_stage_name(s.stage).zh},
          {"proposer", p.proposer},
          {"implementer", p.implementer},
          {"proposed_on", p.date},
          {"planned_start", p.planned_start},
          {"planned_end", p.planned_end},
          {"budget_fen", s.budget},
          {"allocated_fen", s.allocated},
          {"donated_fen", s.donated},
          {"spent_fen", s.spent},
          {"moved_out_fen", s.moved_out},
          {"balance_fen", s.balance},
          {"budget_left_fen", s.budget_left()}};
}

// "label  value" lines with the labels padded to one width.
std::string field_lines(const std::vector<std::pair<std::string, std::string>>& lines) {
  int width = 0;
  for (const auto& line : lines) width = std::max(width, util::display_width(line.first));
  std::string out;
  for (const auto& [label, value] : lines) {
    out += util::pad_right(label, width) + "  " + util::single_line(value);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

std::string money_counterpart(const storage::ProjectMoneyRow& row, Lang lang) {
  if (row.kind == "donation") {
    // Project views may be shown to residents: an anonymous donor stays anonymous.
    return row.anonymous ? pick(lang, "爱心人士（匿名）", "Anonymous donor") : row.counterpart;
  }
  return designation_shown(row.counterpart, row.counterpart_name, lang);
}

std::string money_kind(const storage::ProjectMoneyRow& row, Lang lang) {
  if (row.kind == "donation") return pick(lang, "定向捐赠", "donation");
  if (row.amount < 0) return pick(lang, "调出", "moved out");
  return row.counterpart == model::kGeneralFund ? pick(lang, "拨款", "allocation") : pick(lang, "调入", "moved in");
}

}  // namespace

std::string projects_text(const std::vector<books::ProjectStatus>& projects, Lang lang) {
  std::vector<Column> columns = {{pick(lang, "代码", "Code")},          {pick(lang, "项目名称", "Project")},
                                 {pick(lang, "类别", "Category")},      {pick(lang, "阶段", "Stage")},
                                 {pick(lang, "预算", "Budget"), true},  {pick(lang, "拨入", "Allocated in"), true},
                                 {pick(lang, "捐赠", "Donated"), true}, {pick(lang, "已支出", "Spent"), true},
                                 {pick(lang, "结余", "Balance"), true}, {pick(lang, "执行机构", "Implementer")}};
  std::vector<std::vector<std::string>> cells;
  util::Fen budget = 0;
  util::Fen spent = 0;
  util::Fen balance = 0;
  for (const auto& s : projects) {
    cells.push_back({s.project.code, s.project.name, s.project.category, stage_shown(s.stage, lang),
                     util::format_amount(s.budget), util::format_amount(s.allocated), util::format_amount(s.donated),
                     util::format_amount(s.spent), util::format_amount(s.balance), s.project.implementer});
    budget += s.budget;
    spent += s.spent;
    balance += s.balance;
  }
  if (projects.empty()) return pick(lang, "没有符合条件的项目\n", "No projects match\n");
  std::string out = text_table(columns, cells);
  out += lang == Lang::en
             ? fmt::format("{} projects; budgets {}, spent {}, held {}\n", projects.size(), util::format_amount(budget),
                           util::format_amount(spent), util::format_amount(balance))
             : fmt::format("共 {} 个项目；预算合计 {}，已支出 {}，结余 {}\n", projects.size(),
                           util::format_amount(budget), util::format_amount(spent), util::format_amount(balance));
  return out;
}

nlohmann::json projects_json(const std::vector<books::ProjectStatus>& projects) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : projects) out.push_back(status_json(s));
  return out;
}

namespace {

// The project's own fields: stage, category, who proposed and implements it, when.
std::string project_fields(const books::ProjectStatus& s, Lang lang) {
  const auto& p = s.project;
  std::vector<std::pair<std::string, std::string>> fields;
  fields.emplace_back(pick(lang, "阶段", "Stage"), stage_shown(s.stage, lang));
  fields.emplace_back(pick(lang, "类别", "Category"), p.category);
  fields.emplace_back(pick(lang, "提出人", "Proposed by"),
                      p.proposer + pick(lang, "（", " (") + p.date + pick(lang, "）", ")"));
  if (!p.implementer.empty()) fields.emplace_back(pick(lang, "执行机构", "Implemented by"), p.implementer);
  if (!p.planned_start.empty() || !p.planned_end.empty()) {
    fields.emplace_back(pick(lang, "计划时间", "Planned"), p.planned_start + " .. " + p.planned_end);
  }
  if (!p.description.empty()) fields.emplace_back(pick(lang, "项目内容", "Description"), p.description);
  return field_lines(fields);
}

// Its money: budget, allocated, donated, spent, what is left and held.
std::string project_money(const books::ProjectStatus& s, Lang lang) {
  std::vector<std::vector<std::string>> cells = {
      {pick(lang, "预算", "Budget"), util::format_amount(s.budget)},
      {pick(lang, "拨入", "Allocated in"), util::format_amount(s.allocated)},
      {pick(lang, "定向捐赠", "Donated"), util::format_amount(s.donated)},
      {pick(lang, "已支出", "Spent"), util::format_amount(s.spent)},
      {pick(lang, "预算余额", "Budget left"), util::format_amount(s.budget_left())},
  };
  if (s.moved_out != 0) cells.push_back({pick(lang, "调出", "Moved out"), util::format_amount(s.moved_out)});
  cells.push_back({pick(lang, "账上结余", "Money held"), util::format_amount(s.balance)});
  return text_table({{pick(lang, "资金", "Money")}, {pick(lang, "金额", "Amount"), true}}, cells);
}

// Every change of stage, from the proposal on.
std::string stage_history(const books::ProjectDetail& detail, Lang lang) {
  const auto& p = detail.status.project;
  std::string out;
  std::vector<std::vector<std::string>> cells;
  out += "\n" + pick(lang, "阶段记录\n", "Stage history\n");
  cells.push_back({std::to_string(p.entry_id), p.date, stage_shown(books::project_stage::proposed, lang), "",
                   p.operator_name, p.memo});
  for (const auto& step : detail.history) {
    std::string note = step.reason;
    if (!step.memo.empty()) note += (note.empty() ? "" : "；") + step.memo;
    if (step.remainder_entry) {
      note += (note.empty() ? "" : "；") + (lang == Lang::en
                                                ? fmt::format("remainder moved by entry {}", *step.remainder_entry)
                                                : fmt::format("结余由第 {} 号分录转出", *step.remainder_entry));
    }
    cells.push_back({std::to_string(step.entry_id), step.date, stage_shown(step.to_stage, lang), step.approval_ref,
                     step.operator_name, note});
  }
  out += text_table({{pick(lang, "编号", "Entry"), true},
                     {pick(lang, "日期", "Date")},
                     {pick(lang, "阶段", "Stage")},
                     {pick(lang, "决议编号", "Decision")},
                     {pick(lang, "经办人", "Operator")},
                     {pick(lang, "理由/备注", "Reason / note")}},
                    cells);
  return out;
}

// Budget amendments, when there are any.
std::string budget_amendments(const books::ProjectDetail& detail, Lang lang) {
  std::string out;
  std::vector<std::vector<std::string>> cells;
  if (!detail.amendments.empty()) {
    out += "\n" + pick(lang, "预算调整\n", "Budget amendments\n");
    for (const auto& a : detail.amendments) {
      cells.push_back({std::to_string(a.entry_id), a.date, util::format_amount(a.previous_budget),
                       util::format_amount(a.budget), a.approval_ref, a.reason});
    }
    out += text_table({{pick(lang, "编号", "Entry"), true},
                       {pick(lang, "日期", "Date")},
                       {pick(lang, "原预算", "Was"), true},
                       {pick(lang, "新预算", "Now"), true},
                       {pick(lang, "决议编号", "Decision")},
                       {pick(lang, "理由", "Reason")}},
                      cells);
  }
  return out;
}

// Money allocated, donated and moved out.
std::string money_in_and_out(const books::ProjectDetail& detail, Lang lang) {
  std::string out;
  std::vector<std::vector<std::string>> cells;
  out += "\n" + pick(lang, "资金来源与转出\n", "Money in and out\n");
  if (detail.money.empty()) {
    out += pick(lang, "（无）\n", "(none)\n");
  } else {
    for (const auto& m : detail.money) {
      cells.push_back({std::to_string(m.entry_id), m.date, money_kind(m, lang), money_counterpart(m, lang),
                       util::format_amount(m.amount), m.approval_ref});
    }
    out += text_table({{pick(lang, "编号", "Entry"), true},
                       {pick(lang, "日期", "Date")},
                       {pick(lang, "类型", "Kind")},
                       {pick(lang, "来源/去向", "From / to")},
                       {pick(lang, "金额", "Amount"), true},
                       {pick(lang, "决议编号", "Decision")}},
                      cells);
  }
  return out;
}

// The project's payments.
std::string project_spending(const books::ProjectDetail& detail, Lang lang) {
  std::string out;
  std::vector<std::vector<std::string>> cells;
  out += "\n" + pick(lang, "支出明细\n", "Spending\n");
  if (detail.spending.empty()) {
    out += pick(lang, "（无）\n", "(none)\n");
  } else {
    for (const auto& d : detail.spending) {
      std::string purpose = d.purpose;
      if (d.voided_by) {
        purpose = (lang == Lang::en ? fmt::format("voided by #{} ", *d.voided_by)
                                    : fmt::format("已红冲(#{}) ", *d.voided_by)) +
                  purpose;
      }
      cells.push_back({std::to_string(d.entry_id), d.date, beneficiary_label(d), util::format_amount(d.amount), purpose,
                       d.approval_ref, d.voucher});
    }
    out += text_table({{pick(lang, "编号", "Entry"), true},
                       {pick(lang, "日期", "Date")},
                       {pick(lang, "收款方", "Payee")},
                       {pick(lang, "金额", "Amount"), true},
                       {pick(lang, "事由", "Purpose")},
                       {pick(lang, "决议编号", "Approval")},
                       {pick(lang, "凭证号", "Voucher")}},
                      cells);
  }
  return out;
}

// The evaluation, once made.
std::string project_evaluation(const books::ProjectDetail& detail, Lang lang) {
  std::string out;
  if (detail.evaluation) {
    const auto& e = *detail.evaluation;
    out += "\n" + pick(lang, "评估\n", "Evaluation\n");
    out += field_lines({{pick(lang, "日期", "Date"), e.date},
                        {pick(lang, "受益人数", "People served"), std::to_string(e.people_served.value_or(0))},
                        {pick(lang, "评分", "Score"), fmt::format("{} / 5", e.score.value_or(0))},
                        {pick(lang, "结论", "Summary"), e.summary}});
  }
  return out;
}

}  // namespace

std::string project_text(const books::ProjectDetail& detail, Lang lang) {
  const auto& p = detail.status.project;
  std::string out = fmt::format("{} {}\n", p.code, p.name);
  out += project_fields(detail.status, lang);
  out += "\n" + project_money(detail.status, lang);
  out += stage_history(detail, lang) + budget_amendments(detail, lang) + money_in_and_out(detail, lang);
  return out + project_spending(detail, lang) + project_evaluation(detail, lang);
}

nlohmann::json project_json(const books::ProjectDetail& detail) {
  nlohmann::json out = status_json(detail.status);
  out["description"] = detail.status.project.description;
  out["history"] = nlohmann::json::array();
  out["history"].push_back({{"entry", detail.status.project.entry_id},
                            {"date", detail.status.project.date},
                            {"from_stage", nullptr},
                            {"stage", books::project_stage::proposed},
                            {"approval_ref", ""},
                            {"reason", ""},
                            {"memo", detail.status.project.memo},
                            {"operator", detail.status.project.operator_name},
                            {"remainder_entry", nullptr}});
  for (const auto& step : detail.history) {
    nlohmann::json item = {{"entry", step.entry_id},
                           {"date", step.date},
                           {"from_stage", step.from_stage},
                           {"stage", step.to_stage},
                           {"approval_ref", step.approval_ref},
                           {"reason", step.reason},
                           {"memo", step.memo},
                           {"operator", step.operator_name},
                           {"remainder_entry", optional_json(step.remainder_entry)}};
    out["history"].push_back(item);
  }
  out["budget_amendments"] = nlohmann::json::array();
  for (const auto& a : detail.amendments) {
    out["budget_amendments"].push_back({{"entry", a.entry_id},
                                        {"date", a.date},
                                        {"previous_budget_fen", a.previous_budget},
                                        {"budget_fen", a.budget},
                                        {"approval_ref", a.approval_ref},
                                        {"reason", a.reason}});
  }
  out["money"] = nlohmann::json::array();
  for (const auto& m : detail.money) {
    out["money"].push_back({{"entry", m.entry_id},
                            {"date", m.date},
                            {"kind", m.kind},
                            {"amount_fen", m.amount},
                            {"counterpart", m.anonymous ? std::string() : m.counterpart},
                            {"anonymous", m.anonymous},
                            {"approval_ref", m.approval_ref},
                            {"reason", m.reason}});
  }
  out["spending"] = disbursements_json(detail.spending);
  if (detail.evaluation) {
    out["evaluation"] = {{"entry", detail.evaluation->entry_id},
                         {"date", detail.evaluation->date},
                         {"summary", detail.evaluation->summary},
                         {"people_served", optional_json(detail.evaluation->people_served)},
                         {"score", optional_json(detail.evaluation->score)}};
  } else {
    out["evaluation"] = nullptr;
  }
  return out;
}

}  // namespace cfund::render
