// The annual roll-up's words (cfund rollup --annual --year Y): the consolidated
// statement of activities and balance sheet of the funds, and each fund's figures in
// a column of its own. Line names come from the registry (model::activity_line_name).

#include <fmt/format.h>

#include <filesystem>
#include <functional>

#include "model/entry_kinds.hpp"
#include "render/annual_words.hpp"
#include "render/rollup.hpp"
#include "util/clock.hpp"

namespace cfund::render {

namespace {

using namespace annual_words;
using report::FundAnnual;
using report::FundRollupRow;
using report::RollupModel;
using util::Fen;

std::string shown_name(const FundRollupRow& row) {
  return row.name.empty() ? std::filesystem::path(row.file).filename().string() : row.name;
}

// A statement line and how to read it from one fund's (or the total's) figures.
using Read = std::function<Fen(const FundAnnual&)>;
struct Line {
  std::string name;
  Read unrestricted;
  Read restricted;
  bool total = false;
};

Fen none(const FundAnnual&) { return 0; }

std::vector<Line> activity_lines(const FundAnnual& shape, const Words& w) {
  std::vector<Line> lines;
  for (std::size_t i = 0; i < shape.activities.income.size(); ++i) {
    lines.push_back({w(model::activity_line_name(shape.activities.income[i].line)),
                     [i](const FundAnnual& f) { return f.activities.income[i].amount.unrestricted; },
                     [i](const FundAnnual& f) { return f.activities.income[i].amount.restricted; }});
  }
  lines.push_back({w("收入合计", "Total income"),
                   [](const FundAnnual& f) { return f.activities.income_total.unrestricted; },
                   [](const FundAnnual& f) { return f.activities.income_total.restricted; }, true});
  for (std::size_t i = 0; i < shape.activities.expenses.size(); ++i) {
    lines.push_back({w(model::activity_line_name(shape.activities.expenses[i].line)),
                     [i](const FundAnnual& f) { return f.activities.expenses[i].amount.unrestricted; }, none});
  }
  lines.push_back({w("费用合计", "Total expenses"),
                   [](const FundAnnual& f) { return f.activities.expense_total.unrestricted; }, none, true});
  lines.push_back({w("限定性净资产转为非限定性净资产", "Released from restriction"),
                   [](const FundAnnual& f) { return f.activities.released; },
                   [](const FundAnnual& f) { return -f.activities.released; }});
  lines.push_back({w("净资产变动额", "Change in net assets"),
                   [](const FundAnnual& f) { return f.activities.change.unrestricted; },
                   [](const FundAnnual& f) { return f.activities.change.restricted; }, true});
  return lines;
}

// The balance sheet's lines at the year's start or end (one column: unrestricted).
std::vector<Line> balance_lines(const Words& w, bool at_end) {
  using Pick = report::Balance report::BalanceSheet::*;
  std::vector<Line> lines;
  auto add = [&](std::string name, Pick pick, bool total) {
    lines.push_back(
        {std::move(name),
         [pick, at_end](const FundAnnual& f) { return at_end ? (f.balance.*pick).end : (f.balance.*pick).start; }, none,
         total});
  };
  add(w("货币资金", "Cash"), &report::BalanceSheet::money_total, false);
  add(w("存货（库存物资）", "Goods in stock"), &report::BalanceSheet::goods, false);
  add(w("资产总计", "Total assets"), &report::BalanceSheet::assets, true);
  add(w("负债合计", "Total liabilities"), &report::BalanceSheet::liabilities, true);
  add(w("非限定性净资产", "Unrestricted net assets"), &report::BalanceSheet::unrestricted, false);
  add(w("限定性净资产", "Restricted net assets"), &report::BalanceSheet::restricted, false);
  add(w("净资产合计", "Total net assets"), &report::BalanceSheet::net_assets, true);
  return lines;
}

NoticeTable consolidated_activities(const FundAnnual& total, const Words& w) {
  auto table =
      make_table("activities", "",
                 {w("项目", "Item"), w("非限定性", "Unrestricted"), w("限定性", "Restricted"), w("合计", "Total")});
  for (const auto& line : activity_lines(total, w)) {
    const Fen u = line.unrestricted(total);
    const Fen r = line.restricted(total);
    add_row(table, {text(line.name), money(u), money(r), money(u + r)}, line.total);
  }
  return table;
}

NoticeTable consolidated_balance(const FundAnnual& total, const RollupModel& m, const Words& w) {
  auto table = make_table(
      "balance", "",
      {w("项目", "Item"), fmt::format(fmt::runtime(w("年初数（{}-12-31）", "Start ({}-12-31)")), *m.year - 1),
       fmt::format(fmt::runtime(w("年末数（{}-12-31）", "End ({}-12-31)")), *m.year)});
  const auto start = balance_lines(w, false);
  const auto end = balance_lines(w, true);
  for (std::size_t i = 0; i < end.size(); ++i) {
    add_row(table, {text(end[i].name), money(start[i].unrestricted(total)), money(end[i].unrestricted(total))},
            end[i].total);
  }
  return table;
}

// Lines down, funds across: the total first, then each fund in the totals.
NoticeTable by_fund(const std::string& id, const std::vector<Line>& lines, const RollupModel& m, const Words& w) {
  std::vector<std::string> headers{w("项目", "Item"), w("合计", "Total")};
  std::vector<const FundRollupRow*> funds;
  for (const auto& row : m.rows) {
    if (!row.included || !row.annual) continue;
    funds.push_back(&row);
    headers.push_back(shown_name(row));
  }
  auto table = make_table(id, "", headers);
  for (const auto& line : lines) {
    auto value = [&line](const FundAnnual& f) { return line.unrestricted(f) + line.restricted(f); };
    std::vector<NoticeCell> cells{text(line.name), money(m.overall.annual ? value(*m.overall.annual) : 0)};
    for (const auto* fund : funds) cells.push_back(money(value(*fund->annual)));
    add_row(table, std::move(cells), line.total);
  }
  return table;
}

NoticeTable funds_list(const RollupModel& m, const Words& w) {
  auto table = make_table("funds", "",
                          {w("基金", "Fund"), w("镇街", "Town"), w("依托慈善组织", "Host"),
                           w("校验码", "Verification code"), w("检查结论", "Check"), w("说明", "Details")},
                          6);
  for (const auto& row : m.rows) {
    std::string check = rollup_status_words(row, w.lang());
    for (const auto& [code, times] : row.check.codes) check += fmt::format(" {}×{}", code, times);
    if (!row.included) check += w("；未计入合计", "; not in the totals");
    add_row(table, {text(shown_name(row)), text(row.town), text(row.host), text(row.verification_code),
                    text(std::move(check)), text(row.included ? "" : w(row.problem))});
  }
  return table;
}

}  // namespace

NoticeDocument annual_rollup(const RollupModel& m, Lang lang) {
  const Words w(lang);
  NoticeDocument doc;
  doc.lang = lang;
  doc.file_stem = fmt::format("rollup-annual-{}", *m.year);
  const std::string year = w.en() ? fmt::format("the year {}", *m.year) : fmt::format("{}年度", *m.year);
  const std::string what = w("社区基金合并年度报表", "consolidated annual statements of community funds");
  doc.title_parts = w.en() ? std::vector<std::string>{what + ",", year} : std::vector<std::string>{year, what};
  for (const auto& part : doc.title_parts) doc.title += (w.en() && !doc.title.empty() ? " " : "") + part;
  doc.info.id = "info";
  doc.info.columns = {{w("项目", "Item")}, {w("内容", "Value")}};
  const std::string funds =
      fmt::format(fmt::runtime(w("{} 个，计入合计 {} 个，未计入 {} 个", "{}, {} in the totals, {} left out")),
                  m.rows.size(), m.rows.size() - static_cast<std::size_t>(m.excluded), m.excluded);
  doc.header_lines.push_back(w("基金数：", "Funds: ") + funds);
  doc.info.rows.push_back({text(w("基金数：", "Funds: ")), text(funds)});
  const FundAnnual total = m.overall.annual.value_or(FundAnnual{});
  NoticeSection activities{"activities",
                           w("一、合并业务活动表", "1. Consolidated statement of activities"),
                           {},
                           {consolidated_activities(total, w)},
                           {}};
  NoticeSection balance{
      "balance", w("二、合并资产负债表", "2. Consolidated balance sheet"), {}, {consolidated_balance(total, m, w)}, {}};
  NoticeSection each{"each",
                     w("三、各基金业务活动表与年末资产负债", "3. Each fund's activities and year-end balances"),
                     {w("每列为一个基金（计入合计的基金），数字与该基金 cfund report annual 的报表相同。",
                        "One column per fund in the totals, with the figures of its own cfund report annual.")},
                     {by_fund("activities_by_fund", activity_lines(total, w), m, w),
                      by_fund("balance_by_fund", balance_lines(w, true), m, w)},
                     {}};
  NoticeSection list{"funds",
                     w("四、各基金校验码与检查结论", "4. Each fund's verification code and check"),
                     {},
                     {funds_list(m, w)},
                     {m.check == report::RollupCheck::quick
                          ? w("快速检查：重算本年第一条分录起的哈希链与链尾、全部过账的试算平衡、报表各项恒等式。",
                              "Quick check: the hash chain from the year's first entry and its head, the trial balance "
                              "of all postings, the statements' identities.")
                          : w("完整检查：每个基金的 cfund audit --period 年度。",
                              "Full check: cfund audit --period YEAR "
                              "of each fund.")}};
  doc.sections = {std::move(activities), std::move(balance), std::move(each), std::move(list)};
  const std::string generated = util::wall_time_in_words(util::wall_time(m.generated_at, "Asia/Shanghai"), lang);
  doc.footer_lines.push_back(w("生成时间：", "Generated at: ") + generated);
  doc.info.rows.push_back({text(w("生成时间：", "Generated at: ")), text(generated)});
  return doc;
}

}  // namespace cfund::render
