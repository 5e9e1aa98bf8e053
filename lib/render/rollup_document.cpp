// The roll-up's words: every heading, column and sentence of `cfund rollup`, in
// Chinese and English. Income kinds, payment categories, project stages and the
// lines of the statement of activities are named by their registries.

#include <fmt/format.h>

#include <filesystem>

#include "books/projects.hpp"
#include "model/categories.hpp"
#include "model/entry_kinds.hpp"
#include "render/annual_words.hpp"
#include "render/rollup.hpp"
#include "util/clock.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

using namespace annual_words;
using report::FundRollupRow;
using report::FundStatus;
using report::RollupModel;
using report::RollupTotals;
using util::Fen;

// "12.3%" without floating point; "-" without a base.
std::string percent(Fen part, Fen whole) {
  if (whole <= 0) return "-";
  const Fen permille = (part < 0 ? -part : part) * 1000 / whole;
  return fmt::format("{}{}.{}%", part < 0 ? "-" : "", permille / 10, permille % 10);
}

std::string shown_name(const FundRollupRow& row) {
  return row.name.empty() ? std::filesystem::path(row.file).filename().string() : row.name;
}

std::string town_name(const std::string& town, const Words& w) {
  return town.empty() ? w("（未填镇街）", "(no town)") : town;
}

// A registry's name as a column heading: "management cost" → "Management cost".
std::string heading(std::string name) {
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

void add_column(NoticeTable& table, std::string header, bool numeric, bool optional = false) {
  NoticeColumn column{std::move(header)};
  column.numeric = numeric;
  column.optional = optional;
  table.columns.push_back(column);
}

// The columns every figure table shares, after its leading text columns.
void figure_columns(NoticeTable& table, const RollupModel& m, const Words& w) {
  add_column(table, w("期初余额", "Opening"), true);
  add_column(table, w("捐赠收入", "Donations"), true);
  for (const auto& kind : m.income_kinds) {
    const auto* found = model::find_income_kind(kind);
    add_column(table, found ? heading(w(found->name)) : kind, true);
  }
  add_column(table, w("收入合计", "Total income"), true);
  for (const auto& category : m.categories) add_column(table, heading(w(model::category_name(category))), true);
  add_column(table, w("支出合计", "Total spending"), true);
  add_column(table, w("期末余额", "Closing"), true);
  add_column(table, w("限定性占比", "Restricted share"), true);
  for (const auto& stage : m.stages)
    add_column(table, w("项目：", "Projects: ") + w(books::project_stage_name(stage)), true);
  add_column(table, w("救助户数", "Relief households"), true);
}

template <typename Figures>
void figure_cells(std::vector<NoticeCell>& row, const Figures& f, const RollupModel& m) {
  row.push_back(money(f.opening));
  row.push_back(money(f.donations));
  for (const auto& kind : m.income_kinds) {
    auto found = f.other_income.find(kind);
    row.push_back(money(found == f.other_income.end() ? 0 : found->second));
  }
  row.push_back(money(f.income_total));
  for (const auto& category : m.categories) {
    auto found = f.spending.find(category);
    row.push_back(money(found == f.spending.end() ? 0 : found->second));
  }
  row.push_back(money(f.spending_total));
  row.push_back(money(f.closing));
  row.push_back(text(percent(f.restricted_closing, f.closing)));
  for (const auto& stage : m.stages) {
    auto found = f.projects.find(stage);
    row.push_back(count(found == f.projects.end() ? 0 : found->second));
  }
  row.push_back(count(f.relief_households));
}

std::string ratio_words(const books::RatioJudgement& judged, const Words& w) {
  if (!judged.applies) return w("不适用", "n/a");
  std::string shown = percent(judged.part, judged.whole);
  if (judged.below_floor) return shown + w("（低于起点）", " (below the floor)");
  return judged.ok ? shown : shown + w(" 未达标", " missed");
}

std::string check_words(const FundRollupRow& row, const RollupModel& m, const Words& w) {
  std::string words;
  if (row.status == FundStatus::ok) {
    words = row.check.warnings > 0
                ? fmt::format(fmt::runtime(w("通过（警告 {}）", "clean ({} warnings)")), row.check.warnings)
                : w("通过", "clean");
  } else {
    words = rollup_status_words(row, w.lang());
  }
  for (const auto& [code, times] : row.check.codes) words += fmt::format(" {}×{}", code, times);
  if (m.check == report::RollupCheck::quick && row.check.entries_checked > 0) {
    words += fmt::format(fmt::runtime(w("；核验 {} 条", "; {} entries rehashed")), row.check.entries_checked);
  }
  return words;
}

NoticeTable funds_table(const RollupModel& m, const Words& w) {
  NoticeTable table;
  table.id = "funds";
  add_column(table, w("基金", "Fund"), false);
  add_column(table, w("镇街", "Town"), false);
  add_column(table, w("依托慈善组织", "Host"), false);
  figure_columns(table, m, w);
  add_column(table, fmt::format(fmt::runtime(w("{}年公益支出比", "{} charitable ratio")), m.ratio_year), true);
  add_column(table, fmt::format(fmt::runtime(w("{}年管理费用比", "{} management ratio")), m.ratio_year), true);
  add_column(table, w("校验码", "Verification code"), false);
  add_column(table, w("检查结论", "Check"), false);
  for (const auto& row : m.rows) {
    std::vector<NoticeCell> cells{text(shown_name(row)), text(row.town), text(row.host)};
    const bool figures = row.status == FundStatus::ok || row.status == FundStatus::audit_errors;
    if (figures) {
      figure_cells(cells, row, m);
      cells.push_back(text(ratio_words(row.ratios.charitable, w)));
      cells.push_back(text(ratio_words(row.ratios.management, w)));
    }
    cells.resize(table.columns.size() - 2, blank());
    cells.push_back(text(row.verification_code));
    std::string check = check_words(row, m, w);
    if (!row.included) check += w("；未计入合计", "; not in the totals");
    cells.push_back(text(std::move(check)));
    add_row(table, std::move(cells));
  }
  return table;
}

NoticeTable towns_table(const RollupModel& m, const Words& w) {
  NoticeTable table;
  table.id = "towns";
  add_column(table, w("镇街", "Town"), false);
  add_column(table, w("基金数", "Funds"), true);
  figure_columns(table, m, w);
  auto totals_row = [&](const std::string& name, const RollupTotals& totals) {
    std::vector<NoticeCell> cells{text(name), count(totals.funds)};
    figure_cells(cells, totals, m);
    return cells;
  };
  if (m.by_town) {
    for (const auto& town : m.towns) add_row(table, totals_row(town_name(town.town, w), town));
  }
  add_row(table, totals_row(w("合计", "Total"), m.overall), true);
  return table;
}

NoticeTable ratios_table(const RollupModel& m, const Words& w) {
  auto table = make_table(
      "ratios", "",
      {w("基金", "Fund"), w("镇街", "Town"), w("公益支出", "Charitable spending"), w("上年收入", "Last year's income"),
       w("公益支出比", "Charitable ratio"), w("要求不低于", "Rule: at least"), w("管理费用", "Management cost"),
       w("当年支出", "Spending"), w("管理费用比", "Management ratio"), w("上限", "Limit")},
      2);
  for (const auto& row : m.rows) {
    if (!row.included || !row.misses_ratio()) continue;
    const auto& c = row.ratios.charitable;
    const auto& g = row.ratios.management;
    add_row(table, {text(shown_name(row)), text(row.town), money(c.part), money(c.whole), text(ratio_words(c, w)),
                    text(fmt::format("{}%", row.charitable_min)), money(g.part), money(g.whole),
                    text(ratio_words(g, w)), text(fmt::format("{}%", row.management_max))});
  }
  none_if_empty(table, w);
  return table;
}

NoticeTable excluded_table(const RollupModel& m, const Words& w) {
  auto table =
      make_table("excluded", "", {w("基金", "Fund"), w("文件", "File"), w("情况", "Status"), w("说明", "Details")}, 4);
  for (const auto& row : m.rows) {
    if (row.included) continue;
    add_row(table,
            {text(shown_name(row)), text(row.file), text(rollup_status_words(row, w.lang())), text(w(row.problem))});
  }
  none_if_empty(table, w);
  return table;
}

std::vector<std::string> legend(const RollupModel& m, const Words& w) {
  std::vector<std::string> lines;
  lines.push_back(
      w("每个基金一行，数字与该基金自己的公示（cfund publish 同一期间）相同：期初、期末为资金余额（不含物资），"
        "收入按来源、支出按类别，校验码即其公示的校验码；限定性占比为期末限定性资金占期末余额的比例；"
        "救助户数为本期领取救助款的不同受助对象数。",
        "One row per fund with the figures of its own notice for the period (cfund publish): opening and "
        "closing money balances (goods not included), income by source and spending by category, and its "
        "notice's verification code. Restricted share: restricted funds in the closing balance. Relief "
        "households: the distinct beneficiaries paid relief in the period."));
  lines.push_back(fmt::format(
      fmt::runtime(w("比例为 {0} 年的年度比例（公益支出不低于上年收入的规定比例，管理费用不超过当年支出的规定比例，"
                     "各基金按自己的规则），与 cfund audit 的判断相同。",
                     "Ratios are those of {0} (charitable spending at least the fund's share of the previous year's "
                     "income, management cost at most its share of the year's spending), judged as cfund audit "
                     "judges them.")),
      m.ratio_year));
  lines.push_back(
      m.check == report::RollupCheck::quick
          ? w("检查结论（快速检查）：重算本期第一条分录起至最后一条分录的哈希链并核对账套记录的链尾、全部过账的试算平衡"
              "、"
              "公示各资金用途的期初加收支等于账面期末余额。不含完整审计的其他各项（用 --check full，或对单个基金运行 "
              "cfund audit）。",
              "Check (quick): the hash chain rehashed from the period's first entry to the last, against the chain "
              "head the file records; the trial balance of all postings; each designation's opening plus its flows "
              "equal to its closing balance in the books. The other checks of a full audit are not run (use --check "
              "full, or cfund audit on one fund).")
          : w("检查结论（完整检查）：每个基金的 cfund audit --period（全部检查项，含整条哈希链）。",
              "Check (full): cfund audit --period of each fund (every check, the whole hash chain)."));
  lines.push_back(
      w("链断裂、合计对不上、检查有错误或无法读取的基金单独列出，不计入任何合计。本汇总不含受助人的姓名、"
        "证件号、电话和住址。",
        "Funds with a broken chain, figures that do not add up, errors found by the check, or a file that "
        "cannot be read are listed apart and left out of every total. This roll-up names no beneficiary "
        "and shows no ID number, phone or address."));
  return lines;
}

void header(NoticeDocument& doc, const RollupModel& m, const Words& w, const std::string& what) {
  doc.lang = w.lang();
  const std::string period = m.year ? (w.en() ? fmt::format("the year {}", *m.year) : fmt::format("{}年度", *m.year))
                                    : util::period_in_words(m.period, w.lang());
  doc.title_parts = w.en() ? std::vector<std::string>{what + ",", period} : std::vector<std::string>{period, what};
  for (const auto& part : doc.title_parts) doc.title += (w.en() && !doc.title.empty() ? " " : "") + part;
  doc.info.id = "info";
  doc.info.columns = {{w("项目", "Item")}, {w("内容", "Value")}};
  auto fact = [&](std::string label, std::string value) {
    doc.header_lines.push_back(label + value);
    doc.info.rows.push_back({text(std::move(label)), text(std::move(value))});
  };
  fact(w("期间：", "Period: "), m.year ? std::to_string(*m.year) : m.period.label);
  fact(w("基金数：", "Funds: "),
       fmt::format(fmt::runtime(w("{} 个，计入合计 {} 个，未计入 {} 个", "{}, {} in the totals, {} left out")),
                   m.rows.size(), m.rows.size() - static_cast<std::size_t>(m.excluded), m.excluded));
  fact(w("检查：", "Check: "), m.check == report::RollupCheck::quick ? w("快速", "quick") : w("完整", "full"));
  const std::string generated = util::wall_time_in_words(util::wall_time(m.generated_at, "Asia/Shanghai"), w.lang());
  doc.footer_lines.push_back(w("生成时间：", "Generated at: ") + generated);
  doc.info.rows.push_back({text(w("生成时间：", "Generated at: ")), text(generated)});
}

NoticeChart towns_chart(const RollupModel& m, const Words& w) {
  NoticeChart chart;
  chart.title = w("各镇街收入与支出", "Income and spending by town");
  chart.income_label = w("收入", "Income");
  chart.spending_label = w("支出", "Spending");
  for (const auto& town : m.towns)
    chart.bars.push_back({town_name(town.town, w), "", town.income_total, town.spending_total});
  return chart;
}

NoticeDocument notice_rollup(const RollupModel& m, const Words& w) {
  NoticeDocument doc;
  std::string stem = m.period.label;
  if (auto dots = stem.find(".."); dots != std::string::npos) stem.replace(dots, 2, "_to_");
  doc.file_stem = "rollup-" + stem;
  header(doc, m, w, w("社区基金汇总", "roll-up of community funds"));
  NoticeSection towns{"towns",
                      m.by_town ? w("一、按镇街合计", "1. Totals by town") : w("一、合计", "1. Totals"),
                      {},
                      {towns_table(m, w)},
                      {}};
  NoticeSection funds{"funds", w("二、各基金收支", "2. Each fund"), {}, {funds_table(m, w)}, legend(m, w)};
  NoticeSection ratios{
      "ratios", w("三、未达年度比例的基金", "3. Funds that miss a yearly ratio"), {}, {ratios_table(m, w)}, {}};
  NoticeSection excluded{
      "excluded", w("四、未计入合计的基金", "4. Funds left out of the totals"), {}, {excluded_table(m, w)}, {}};
  doc.sections = {std::move(towns), std::move(funds), std::move(ratios), std::move(excluded)};
  if (m.by_town) doc.chart = towns_chart(m, w);
  return doc;
}

}  // namespace

// Defined in rollup_annual.cpp.
NoticeDocument annual_rollup(const RollupModel& m, Lang lang);

std::string rollup_status_words(const FundRollupRow& row, Lang lang) {
  const Words w(lang);
  switch (row.status) {
    case FundStatus::ok:
      return w("通过", "clean");
    case FundStatus::unreadable:
      return w("无法读取", "cannot be read");
    case FundStatus::needs_upgrade:
      return w("须先用 cfund 打开一次", "open it once with cfund");
    case FundStatus::chain_broken:
      return w("哈希链断裂", "hash chain broken");
    case FundStatus::figures_wrong:
      return w("合计对不上", "figures do not add up");
    case FundStatus::audit_errors:
      return fmt::format(fmt::runtime(w("检查有 {} 项错误", "{} error(s) found")), row.check.errors);
  }
  return "";
}

NoticeDocument rollup_document(const RollupModel& model, Lang lang) {
  if (model.year) return annual_rollup(model, lang);
  return notice_rollup(model, Words(lang));
}

std::vector<RenderedFile> render_rollup(const NoticeDocument& doc, const std::string& format) {
  if (format == "md") return notice_markdown(doc);
  if (format == "csv") return notice_csv(doc);
  if (format == "html") return notice_html(doc);
  if (format == "xlsx") return notice_xlsx(doc);
  throw std::invalid_argument("unknown roll-up format " + format);
}

}  // namespace cfund::render
