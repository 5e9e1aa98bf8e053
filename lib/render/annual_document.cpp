// The annual report's words: every heading, line name and sentence of the annual
// accounts and work report, in Chinese and English. Line names of the statement of
// activities, payment categories, account kinds, entry kinds and project stages come
// from their registries (model/, books/projects.hpp); only the cash flow lines and
// the report's own phrases are written here.

#include <fmt/format.h>

#include "books/projects.hpp"
#include "model/categories.hpp"
#include "model/entry_kinds.hpp"
#include "render/annual.hpp"
#include "render/annual_words.hpp"
#include "util/money.hpp"
#include "util/quantity.hpp"

namespace cfund::render {

namespace {

using report::AnnualModel;
using util::Fen;
using namespace annual_words;

std::string line_name(model::ActivityLine line, const Words& w) { return w(model::activity_line_name(line)); }

std::vector<NoticeCell> split_cells(const report::Split& split) {
  return {money(split.unrestricted), money(split.restricted), money(split.total())};
}

std::vector<NoticeCell> year_row(std::string name, const report::Split& current, const report::Split& previous) {
  std::vector<NoticeCell> row{text(std::move(name))};
  for (auto& cell : split_cells(current)) row.push_back(std::move(cell));
  for (auto& cell : split_cells(previous)) row.push_back(std::move(cell));
  return row;
}

report::Split released(Fen amount) { return {amount, -amount}; }

NoticeTable activities_table(const AnnualModel& m, const Words& w) {
  const auto& a = m.activities;
  const auto& b = m.previous_activities;
  auto table = make_table(
      "activities", "",
      {w("项目", "Item"), w("本年非限定性", "This year: unrestricted"), w("本年限定性", "This year: restricted"),
       w("本年合计", "This year: total"), w("上年非限定性", "Last year: unrestricted"),
       w("上年限定性", "Last year: restricted"), w("上年合计", "Last year: total")});
  add_heading(table, w("一、收入", "1. Income"));
  for (std::size_t i = 0; i < a.income.size(); ++i) {
    add_row(table, year_row(line_name(a.income[i].line, w), a.income[i].amount, b.income[i].amount));
  }
  add_row(table, year_row(w("收入合计", "Total income"), a.income_total, b.income_total), true);
  add_heading(table, w("二、费用", "2. Expenses"));
  for (std::size_t i = 0; i < a.expenses.size(); ++i) {
    auto row = year_row(line_name(a.expenses[i].line, w), a.expenses[i].amount, b.expenses[i].amount);
    row[2] = blank();  // expenses are presented as unrestricted
    row[5] = blank();
    add_row(table, std::move(row));
  }
  auto total = year_row(w("费用合计", "Total expenses"), a.expense_total, b.expense_total);
  total[2] = blank();
  total[5] = blank();
  add_row(table, std::move(total), true);
  add_row(table, year_row(w("三、限定性净资产转为非限定性净资产", "3. Released from restriction"), released(a.released),
                          released(b.released)));
  add_row(table, year_row(w("四、净资产变动额", "4. Change in net assets"), a.change, b.change), true);
  return table;
}

NoticeTable release_table(const AnnualModel& m, const Words& w) {
  const auto& a = m.activities;
  const auto& b = m.previous_activities;
  auto table = make_table("release", w("限定性净资产转为非限定性净资产的构成", "What was released from restriction"),
                          {w("项目", "Item"), w("本年", "This year"), w("上年", "Last year")});
  add_row(table, {text(w("限定性资金的费用（含发放、义卖物资的库存价值）",
                         "Expenses of restricted funds (goods given out or sold at their stock value included)")),
                  money(a.restricted_expenses), money(b.restricted_expenses)});
  add_row(table, {text(w("减：转入限定性资金的净额（拨入项目、专项，扣除转出的结余）",
                         "Less: net reallocations into restricted funds (allocations less remainders moved out)")),
                  money(a.allocated_to_restricted), money(b.allocated_to_restricted)});
  add_row(
      table,
      {text(w("限定性净资产转为非限定性净资产", "Released from restriction")), money(a.released), money(b.released)},
      true);
  return table;
}

NoticeSection activities_section(const AnnualModel& m, const Words& w) {
  NoticeSection section;
  section.id = "activities";
  section.heading = w("一、业务活动表", "1. Statement of activities");
  section.before.push_back(
      w.en()
          ? fmt::format("For the year {0}-01-01 to {0}-12-31, with the previous year beside it. Expenses are "
                        "presented as unrestricted; what restricted funds spent is released from restriction.",
                        m.year)
          : fmt::format("会计期间：{0}年1月1日至{0}年12月31日，附上年数。按民间非营利组织会计制度，费用均列入非限定性，"
                        "限定性资金的支出通过“限定性净资产转为非限定性净资产”解除限制。",
                        m.year));
  section.tables.push_back(activities_table(m, w));
  section.tables.push_back(release_table(m, w));
  for (const auto* year : {&m.activities, &m.previous_activities}) {
    const auto& forward = year->brought_forward;
    if (forward.total() == 0) continue;
    section.after.push_back(
        w.en() ? fmt::format("Opening balances recorded in {} ({}: unrestricted {}, restricted {}) are net assets "
                             "brought forward, not income.",
                             year->year, util::format_amount(forward.total()),
                             util::format_amount(forward.unrestricted), util::format_amount(forward.restricted))
               : fmt::format("{}年登记的期初余额 {}（非限定性 {}，限定性 {}）是转入的净资产，不列为收入。", year->year,
                             util::format_amount(forward.total()), util::format_amount(forward.unrestricted),
                             util::format_amount(forward.restricted)));
  }
  return section;
}

std::vector<NoticeCell> balance_row(std::string name, const report::Balance& balance) {
  return {text(std::move(name)), money(balance.start), money(balance.end)};
}

NoticeSection balance_section(const AnnualModel& m, const Words& w) {
  const auto& s = m.balance;
  NoticeSection section;
  section.id = "balance";
  section.heading = w("二、资产负债表", "2. Balance sheet");
  auto table = make_table("balance", "",
                          {w("项目", "Item"), w("年初数（", "Start of year (") + s.start_date + w("）", ")"),
                           w("年末数（", "End of year (") + s.end_date + w("）", ")")});
  add_heading(table, w("资产", "Assets"));
  for (const auto& account : s.money) {
    add_row(table, balance_row(w("货币资金：", "Cash: ") + account.name, account.balance));
  }
  add_row(table, balance_row(w("货币资金合计", "Total cash"), s.money_total));
  add_row(table, balance_row(w("存货（库存物资，按估价）", "Goods in stock (at estimated value)"), s.goods));
  add_row(table, balance_row(w("资产总计", "Total assets"), s.assets), true);
  add_row(table, balance_row(w("负债合计", "Total liabilities"), s.liabilities), true);
  add_heading(table, w("净资产", "Net assets"));
  add_row(table, balance_row(w("非限定性净资产", "Unrestricted net assets"), s.unrestricted));
  add_row(table, balance_row(w("限定性净资产", "Restricted net assets"), s.restricted));
  add_row(table, balance_row(w("净资产合计", "Total net assets"), s.net_assets), true);
  add_row(table,
          balance_row(w("负债和净资产总计", "Total liabilities and net assets"),
                      {s.liabilities.start + s.net_assets.start, s.liabilities.end + s.net_assets.end}),
          true);
  table.notes.push_back(w("账目中没有借款、应付款等负债，负债合计为零。",
                          "The books hold no liabilities (no loans, nothing payable): total liabilities are zero."));
  section.tables.push_back(std::move(table));

  auto funds =
      make_table("restricted_funds",
                 w("限定性净资产明细（专项基金、项目、捐赠物资）",
                   "Restricted net assets by fund (special funds, projects, donated goods)"),
                 {w("代码", "Code"), w("名称", "Name"), w("年初数", "Start of year"), w("年末数", "End of year")}, 2);
  for (const auto& fund : s.restricted_funds) {
    add_row(funds, {text(fund.code), text(fund.name), money(fund.balance.start), money(fund.balance.end)});
  }
  none_if_empty(funds, w);
  section.tables.push_back(std::move(funds));

  const auto& a = m.activities;
  auto change =
      make_table("net_assets", w("净资产变动", "Change in net assets"),
                 {w("项目", "Item"), w("非限定性", "Unrestricted"), w("限定性", "Restricted"), w("合计", "Total")});
  auto row = [](std::string name, Fen u, Fen r) {
    return std::vector<NoticeCell>{text(std::move(name)), money(u), money(r), money(u + r)};
  };
  add_row(change, row(w("年初净资产", "Net assets at the start"), s.unrestricted.start, s.restricted.start));
  add_row(change, row(w("加：本年登记的期初余额", "Add: opening balances recorded this year"),
                      a.brought_forward.unrestricted, a.brought_forward.restricted));
  add_row(change, row(w("加：净资产变动额（业务活动表）", "Add: change in net assets (statement of activities)"),
                      a.change.unrestricted, a.change.restricted));
  add_row(change, row(w("年末净资产", "Net assets at the end"), s.unrestricted.end, s.restricted.end), true);
  section.tables.push_back(std::move(change));
  return section;
}

std::string cash_line_name(const report::CashAmount& line, const Words& w) {
  switch (line.line) {
    case report::CashLine::donations:
      return w("接受捐赠收到的现金", "Cash received from donations");
    case report::CashLine::grants:
      return w("政府补助收到的现金", "Cash received from government grants");
    case report::CashLine::services:
      return w("提供服务收到的现金", "Cash received from services");
    case report::CashLine::sales:
      return w("销售商品收到的现金", "Cash received from sales");
    case report::CashLine::other_in:
      return w("收到的其他与业务活动有关的现金", "Other cash received from activities");
    case report::CashLine::paid_by_category:
      return w.en() ? "Cash paid: " + w(model::category_name(line.category))
                    : w(model::category_name(line.category)) + "支付的现金";
    case report::CashLine::other_out:
      return w("支付的其他与业务活动有关的现金", "Other cash paid for activities");
    case report::CashLine::investment_income:
      return w("取得投资收益所收到的现金", "Cash received from investment income");
  }
  return {};
}

NoticeSection cash_section(const AnnualModel& m, const Words& w) {
  const auto& a = m.cash;
  const auto& b = m.previous_cash;
  NoticeSection section;
  section.id = "cash_flows";
  section.heading = w("三、现金流量表", "3. Cash flow statement");
  auto table =
      make_table("cash_flows", "", {w("项目", "Item"), w("本年金额", "This year"), w("上年金额", "Last year")});
  auto row = [&table](std::string name, Fen current, Fen previous, bool total = false) {
    add_row(table, {text(std::move(name)), money(current), money(previous)}, total);
  };
  add_heading(table, w("一、业务活动产生的现金流量", "1. Cash flows from activities"));
  for (std::size_t i = 0; i < a.operating_in.size(); ++i) {
    row(cash_line_name(a.operating_in[i], w), a.operating_in[i].amount, b.operating_in[i].amount);
  }
  row(w("现金流入小计", "Cash received"), a.operating_in_total, b.operating_in_total, true);
  for (std::size_t i = 0; i < a.operating_out.size(); ++i) {
    row(cash_line_name(a.operating_out[i], w), a.operating_out[i].amount, b.operating_out[i].amount);
  }
  row(w("现金流出小计", "Cash paid"), a.operating_out_total, b.operating_out_total, true);
  row(w("业务活动产生的现金流量净额", "Net cash from activities"), a.operating_net, b.operating_net, true);
  add_heading(table, w("二、投资活动产生的现金流量", "2. Cash flows from investing"));
  for (std::size_t i = 0; i < a.investing_in.size(); ++i) {
    row(cash_line_name(a.investing_in[i], w), a.investing_in[i].amount, b.investing_in[i].amount);
  }
  row(w("投资活动产生的现金流量净额", "Net cash from investing"), a.investing_net, b.investing_net, true);
  row(w("三、筹资活动产生的现金流量净额", "3. Net cash from financing"), a.financing_net, b.financing_net, true);
  row(w("四、现金净增加额", "4. Net change in cash"), a.net_change, b.net_change, true);
  row(w("加：年初货币资金", "Add: cash at the start of the year"), a.opening_cash, b.opening_cash);
  row(w("加：本年登记的期初货币资金", "Add: opening cash balances recorded in the year"), a.brought_forward,
      b.brought_forward);
  row(w("五、年末货币资金", "5. Cash at the end of the year"), a.closing_cash, b.closing_cash, true);
  table.notes.push_back(
      w("直接法；货币资金包括银行、现金、微信支付、支付宝等全部资金账户，不含库存物资。"
        "账户之间的转账不是现金流量。",
        "Direct method. Cash is every money account (bank, cash box, WeChat Pay, Alipay, ...), "
        "not goods in stock; transfers between the fund's accounts are no cash flow."));
  section.tables.push_back(std::move(table));
  return section;
}

}  // namespace

NoticeDocument annual_document(const AnnualModel& m, Lang lang) {
  const Words w(lang);
  NoticeDocument doc;
  doc.lang = lang;
  doc.file_stem = fmt::format("annual-{}", m.year);
  doc.title = w.en() ? fmt::format("{}: annual report {}", m.fund_name, m.year)
                     : fmt::format("{}{}年度报告", m.fund_name, m.year);
  doc.extra_style =
      "table { font-size: 10.5pt; } th, td { padding: 2pt 3pt; } h3 { font-size: 13pt; }\n"
      "section { break-before: page; page-break-before: always; } section:first-of-type { break-before: auto; "
      "page-break-before: auto; }\n";
  doc.info.id = "info";
  doc.info.columns = {{w("项目", "Item")}, {w("内容", "Value")}};
  auto fact = [&](const std::string& label, const std::string& value, bool header) {
    if (value.empty()) return;
    if (header) doc.header_lines.push_back(label + w("：", ": ") + value);
    doc.info.rows.push_back({text(label), text(value)});
  };
  fact(w("基金名称", "Fund"), m.fund_name, false);
  fact(w("管理单位", "Run by"), m.organisation, true);
  fact(w("依托慈善组织", "Hosted by"), m.host, true);
  fact(w("报告期间", "Period"),
       w.en() ? fmt::format("{0}-01-01 to {0}-12-31", m.year) : fmt::format("{0}-01-01 至 {0}-12-31", m.year), true);
  fact(w("数据截至", "Books as of"),
       m.cutoff_entry == 0
           ? w("账目为空", "the books were empty")
           : (w.en() ? fmt::format("entry {}", m.cutoff_entry) : fmt::format("第 {} 号分录", m.cutoff_entry)),
       true);
  doc.sections.push_back(activities_section(m, w));
  doc.sections.push_back(balance_section(m, w));
  doc.sections.push_back(cash_section(m, w));
  doc.sections.push_back(annual_work_section(m, lang));
  doc.verification_code = m.verification_code;
  doc.qr_payload = m.verification_code;
  doc.qr_caption = w("扫码核对校验码", "Scan: the verification code");
  auto footer = [&](const std::string& label, const std::string& value) {
    if (value.empty()) return;
    doc.footer_lines.push_back(label + w("：", ": ") + value);
    doc.info.rows.push_back({text(label), text(value)});
  };
  footer(w("监督电话", "Supervision phone"), m.supervision_phone);
  footer(w("生成时间", "Generated at"), util::wall_time_in_words(m.generated_at, w.lang()));
  footer(w("校验码", "Verification code"), m.verification_code);
  doc.footer_lines.push_back(
      w.en() ? fmt::format("Anyone holding the fund file can check that this report matches the books with: cfund "
                           "audit verify --code {}",
                           m.verification_code)
             : fmt::format("持本基金账套者可用 cfund audit verify --code {} 核对本报告与账目是否一致。",
                           m.verification_code));
  return doc;
}

std::vector<RenderedFile> render_annual(const NoticeDocument& doc, const std::string& format) {
  if (format == "md") return notice_markdown(doc);
  if (format == "csv") return notice_csv(doc);
  if (format == "html") return notice_html(doc);
  if (format == "xlsx") return annual_xlsx(doc);
  throw std::invalid_argument("unknown annual report format " + format);
}

}  // namespace cfund::render
