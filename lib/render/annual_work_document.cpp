// The annual work report's words (年度工作报告): governance, projects, relief,
// fundraising, goods, corrections and the audit, and the community side (households and
// people helped, volunteer service, micro-wishes and points), in Chinese and English.

#include <fmt/format.h>

#include "books/projects.hpp"
#include "model/categories.hpp"
#include "model/entry_kinds.hpp"
#include "render/annual_words.hpp"
#include "render/notice_community.hpp"
#include "util/quantity.hpp"

namespace cfund::render {

namespace {

using report::AnnualModel;
using util::Fen;
using namespace annual_words;

std::string amount_text(Fen amount) { return util::format_amount(amount); }

std::vector<std::string> summary(const AnnualModel& m, const Words& w) {
  const auto& a = m.activities;
  const auto& s = m.balance;
  const auto& work = m.work;
  Fen donations = 0;
  for (const auto& line : a.income) {
    if (line.line == model::ActivityLine::donation_income) donations = line.amount.total();
  }
  if (w.en()) {
    return {fmt::format("In {}, income totalled {} (donations {}) and expenses {}; net assets changed by {} to {} at "
                        "the year's end (unrestricted {}, restricted {}).",
                        m.year, amount_text(a.income_total.total()), amount_text(donations),
                        amount_text(a.expense_total.total()), amount_text(a.change.total()),
                        amount_text(s.net_assets.end), amount_text(s.unrestricted.end), amount_text(s.restricted.end)),
            fmt::format("{} beneficiaries (people or households) received relief of {} and goods valued at {}.",
                        work.people_helped, amount_text(work.relief_total), amount_text(work.goods_to_people))};
  }
  return {fmt::format("{}年，本基金收入合计 {}（其中捐赠收入 {}），费用合计 {}；净资产变动额 {}，年末净资产 {}"
                      "（非限定性 {}，限定性 {}）。",
                      m.year, amount_text(a.income_total.total()), amount_text(donations),
                      amount_text(a.expense_total.total()), amount_text(a.change.total()),
                      amount_text(s.net_assets.end), amount_text(s.unrestricted.end), amount_text(s.restricted.end)),
          fmt::format("本年共救助受助对象（人/户）{} 个，救助金额 {}，发放给受助对象的物资价值 {}。",
                      work.people_helped, amount_text(work.relief_total), amount_text(work.goods_to_people))};
}

NoticeTable decisions_table(const AnnualModel& m, const Words& w) {
  auto table = make_table("decisions", w("（一）治理：本年议事会决议", "(1) Governance: the council's decisions"),
                          {w("决议编号", "Decision"), w("日期", "Date"), w("事项", "Matters"), w("笔数", "Entries"),
                           w("涉及金额", "Amount"), w("说明", "Note")},
                          3);
  table.columns[1].whole = true;
  table.columns[3].numeric = true;
  table.columns[5].numeric = false;
  table.columns[5].note = true;
  for (const auto& decision : m.work.decisions) {
    std::string matters;
    for (const auto& kind : decision.kinds) {
      matters += (matters.empty() ? "" : w("、", ", ")) + model::entry_kind_name(kind, w.lang());
    }
    const std::string note = decision.voided == 0 ? ""
                             : w.en()             ? fmt::format("{} voided since", decision.voided)
                                                  : fmt::format("其中 {} 笔已红冲", decision.voided);
    add_row(table, {text(decision.reference), text(decision.date), text(matters), count(decision.entries),
                    money(decision.amount), text(note)});
  }
  none_if_empty(table, w);
  return table;
}

NoticeTable projects_table(const AnnualModel& m, const Words& w) {
  auto table = make_table("projects", w("（二）公益项目", "(2) Projects"),
                          {w("项目", "Project"), w("阶段（年末）", "Stage (year end)"), w("预算", "Budget"),
                           w("本年支出", "Spent this year"), w("累计支出", "Spent to date"),
                           w("受益人数", "People served"), w("评估", "Evaluation")},
                          2);
  table.columns[6].numeric = false;
  for (const auto& project : m.work.projects) {
    std::string evaluation = project.evaluation;
    if (project.score) {
      evaluation += (evaluation.empty() ? "" : w("；", "; ")) +
                    (w.en() ? fmt::format("score {}", *project.score) : fmt::format("评分 {}", *project.score));
    }
    add_row(table, {text(project.code + " " + project.name), text(w(books::project_stage_name(project.stage))),
                    money(project.budget), money(project.spent_in_year), money(project.spent_total),
                    text(project.people_served ? std::to_string(*project.people_served) : ""), text(evaluation)});
  }
  none_if_empty(table, w);
  return table;
}

void relief_tables(const AnnualModel& m, const Words& w, NoticeSection& section) {
  const auto& work = m.work;
  auto by_category =
      make_table("relief_by_category", w("（三）救助：按受助对象类别", "(3) Relief by the beneficiaries' category"),
                 {w("类别", "Category"), w("受助对象（人/户）", "Beneficiaries (people/households)"),
                  w("救助笔数", "Payments"), w("救助金额", "Relief"), w("发放物资价值", "Goods given")});
  std::int64_t payments = 0;
  for (const auto& line : work.relief_by_category) {
    add_row(by_category, {text(line.category), count(line.beneficiaries), count(line.payments), money(line.relief),
                          money(line.goods)});
    payments += line.payments;
  }
  add_row(by_category,
          {text(w("合计", "Total")), count(work.people_helped), count(payments), money(work.relief_total),
           money(work.goods_to_people)},
          true);
  section.tables.push_back(std::move(by_category));

  auto people = make_table("relief", w("受助对象明细（姓名已遮蔽）", "Beneficiaries (names masked)"),
                           {w("受助对象", "Beneficiary"), w("救助笔数", "Payments"), w("救助金额", "Relief"),
                            w("物资次数", "Goods given (times)"), w("物资价值", "Goods value")});
  for (const auto& person : work.helped) {
    add_row(people, {text(person.shown), count(person.payments), money(person.relief), count(person.goods_times),
                     money(person.goods)});
  }
  none_if_empty(people, w);
  people.notes.push_back(w("金额为本年发生额：本年红冲的以前年度救助记为负数。",
                           "Amounts are this year's: a relief of an earlier year voided this year counts negative."));
  section.tables.push_back(std::move(people));
}

void fundraising_tables(const AnnualModel& m, const Words& w, NoticeSection& section) {
  auto channels = make_table("channels", w("（四）筹款：捐赠按渠道", "(4) Fundraising: donations by channel"),
                             {w("渠道", "Channel"), w("笔数", "Donations"), w("金额", "Amount")});
  std::int64_t donations = 0;
  Fen total = 0;
  for (const auto& line : m.work.channels) {
    const auto* kind = model::find_account_kind(line.account_kind);
    const std::string name = line.account_kind == model::kGoodsKind ? w("物资捐赠（按估价）", "Goods (estimated value)")
                             : kind != nullptr                      ? w(kind->name)
                                                                    : line.account_kind;
    add_row(channels, {text(name), count(line.count), money(line.amount)});
    donations += line.count;
    total += line.amount;
  }
  add_row(channels, {text(w("合计", "Total")), count(donations), money(total)}, true);
  channels.notes.push_back(
      w("笔数与金额为本年发生额：本年红冲的以前年度捐赠记为负数。",
        "Counts and amounts are this year's: a donation of an earlier year voided this year counts "
        "negative."));
  section.tables.push_back(std::move(channels));

  auto matching = make_table(
      "matching", w("配捐", "Matching funds"),
      {w("日期", "Date"), w("配捐方", "From"), w("所配捐赠或活动", "Matches"), w("金额", "Amount"), w("说明", "Note")},
      3);
  matching.columns[0].whole = true;
  matching.columns[4].numeric = false;
  matching.columns[4].note = true;
  for (const auto& line : m.work.matching) {
    const std::string matches = line.matches.rfind('#', 0) == 0 ? (w.en() ? "entry " + line.matches.substr(1)
                                                                          : "第 " + line.matches.substr(1) + " 号分录")
                                                                : line.matches;
    add_row(matching, {text(line.date), text(line.source), text(matches), money(line.amount),
                       text(line.voided ? w("已红冲", "voided") : "")});
  }
  none_if_empty(matching, w);
  section.tables.push_back(std::move(matching));
}

NoticeTable goods_table(const AnnualModel& m, const Words& w) {
  auto table = make_table("goods", w("（五）物资（按估价）", "(5) Goods (at estimated value)"),
                          {w("物资", "Item"), w("年初", "Start"), w("本年入库", "Received"), w("本年发放", "Given out"),
                           w("本年义卖", "Sold"), w("年末", "End"), w("年末数量", "Quantity at the end")});
  table.columns[6].numeric = false;
  Fen start = 0, received = 0, given = 0, sold = 0, end = 0;
  for (const auto& item : m.work.goods) {
    add_row(table, {text(item.item), money(item.start), money(item.received), money(item.given), money(item.sold),
                    money(item.end), text(util::format_quantity(item.end_quantity) + item.unit)});
    start += item.start;
    received += item.received;
    given += item.given;
    sold += item.sold;
    end += item.end;
  }
  add_row(table,
          {text(w("合计", "Total")), money(start), money(received), money(given), money(sold), money(end), blank()},
          true);
  table.notes.push_back(w("入库含捐赠物资与登记的期初物资；义卖按库存估价列示，售得款项列入商品销售收入。",
                          "Received: goods donated and goods brought forward. Sold: at the stock's value; the price is "
                          "sales income."));
  return table;
}

NoticeTable corrections_table(const AnnualModel& m, const Words& w) {
  auto table = make_table("corrections", w("（六）更正说明（本年红冲）", "(6) Corrections (voids this year)"),
                          {w("红冲日期", "Voided on"), w("原分录", "Entry"), w("原日期", "Dated"), w("类别", "Kind"),
                           w("金额", "Amount"), w("原因", "Reason")},
                          4);
  table.columns[0].whole = true;
  table.columns[2].whole = true;
  table.columns[5].numeric = false;
  for (const auto& correction : m.work.corrections) {
    add_row(table, {text(correction.date), text(std::to_string(correction.original_id)), text(correction.original_date),
                    text(model::entry_kind_name(correction.original_kind, w.lang())), money(correction.amount),
                    text(correction.reason)});
  }
  none_if_empty(table, w);
  return table;
}

std::string ratio_verdict(const AnnualModel& m, const std::string& code, const Words& w) {
  for (const auto& finding : m.work.audit.ratios) {
    if (finding.code == code) return w(finding.message);
  }
  return w("本年不适用（上年无收入、本年无支出，或基金规则未启用此项）",
           "not applicable this year (no income last year, no spending this year, or the fund's rules switch it off)");
}

NoticeTable audit_table(const AnnualModel& m, const Words& w) {
  const auto& audit = m.work.audit;
  auto table = make_table("audit", w("（七）审计结论与支出比例", "(7) The audit and the spending ratios"),
                          {w("项目", "Item"), w("金额", "Amount"), w("基数", "Base"), w("结论", "Conclusion")});
  table.columns[3].numeric = false;
  const std::string verdict = audit.clean
                                  ? (w.en() ? fmt::format("no errors found ({} warnings)", audit.warnings)
                                            : fmt::format("未发现错误（提示 {} 项）", audit.warnings))
                                  : (w.en() ? fmt::format("{} errors found, {} warnings: see cfund audit --period {}",
                                                          audit.errors, audit.warnings, m.year)
                                            : fmt::format("发现 {} 项错误、{} 项提示，详见 cfund audit --period {}",
                                                          audit.errors, audit.warnings, m.year));
  add_row(table, {text(w("审计结论（cfund audit）", "Audit (cfund audit)")), blank(), blank(), text(verdict)});
  for (const auto& [code, found] : audit.codes) {
    add_row(table, {text(code), blank(), blank(),
                    text(w.en() ? fmt::format("{} found", found) : fmt::format("{} 项", found))});
  }
  add_row(table, {text(w("公益支出（救助、项目、发放物资）÷ 上年总收入",
                         "Charitable spending (relief, projects, goods given) ÷ last year's income")),
                  money(audit.figures.charitable), money(audit.previous_figures.income),
                  text(ratio_verdict(m, books::finding_code::ratio_charitable, w))});
  add_row(table,
          {text(w("管理费用（含手续费）÷ 本年支出", "Management cost (bank fees included) ÷ the year's spending")),
           money(audit.figures.management), money(audit.figures.spending),
           text(ratio_verdict(m, books::finding_code::ratio_management, w))});
  table.notes.push_back(
      w("比例的数字与结论与 cfund audit 相同，取自上面报表的本年发生额（红冲在其日期所在年度冲减）；期初余额不是收入。",
        "The ratios' figures and verdicts are cfund audit's, taken from the year's flows in the statements "
        "above (a void counts in the year of its date); opening balances are not income."));
  return table;
}

}  // namespace

NoticeSection annual_work_section(const AnnualModel& m, Lang lang) {
  const Words w(lang);
  NoticeSection section;
  section.id = "work";
  section.heading = w("四、年度工作报告", "4. Annual work report");
  section.before = summary(m, w);
  section.tables.push_back(decisions_table(m, w));
  section.tables.push_back(projects_table(m, w));
  relief_tables(m, w, section);
  fundraising_tables(m, w, section);
  section.tables.push_back(goods_table(m, w));
  section.tables.push_back(corrections_table(m, w));
  section.tables.push_back(audit_table(m, w));
  community_year_tables(m.work.community, lang, section);
  return section;
}

}  // namespace cfund::render
