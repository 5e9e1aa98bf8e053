#include "render/notice_document.hpp"

#include "books/projects.hpp"
#include "model/categories.hpp"
#include "model/entry_kinds.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "render/books_views.hpp"
#include "render/notice_community.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/money.hpp"
#include "util/quantity.hpp"

namespace cfund::render {

namespace {

using report::NoticeModel;
using util::Fen;

class Words {
 public:
  explicit Words(Lang lang) : lang_(lang) {}
  std::string operator()(const char* zh, const char* en) const { return lang_ == Lang::en ? en : zh; }
  Lang lang() const { return lang_; }

 private:
  Lang lang_;
};

// An optional column (a note, 决议编号, 凭证号 ...) with nothing in it is left out: a
// resident reads no empty column, and the others get its width (the WeChat layout adds
// a note column back when it folds columns into it).
void drop_empty_columns(NoticeTable& table) {
  for (std::size_t c = table.columns.size(); c-- > 0;) {
    if (!table.columns[c].note && !table.columns[c].optional) continue;
    bool empty = true;
    for (const auto& row : table.rows) empty = empty && (c >= row.size() || row[c].text.empty());
    if (!empty) continue;
    table.columns.erase(table.columns.begin() + static_cast<long>(c));
    for (auto& row : table.rows) {
      if (c < row.size()) row.erase(row.begin() + static_cast<long>(c));
    }
  }
}

NoticeCell text(std::string value) { return {std::move(value), std::nullopt}; }
NoticeCell money(Fen amount) { return {util::format_amount(amount), amount}; }

// A row of cells, moved in (a braced list would copy each one).
template <typename... Cells>
std::vector<NoticeCell> cells(Cells&&... values) {
  std::vector<NoticeCell> row;
  row.reserve(sizeof...(values));
  (row.push_back(std::forward<Cells>(values)), ...);
  return row;
}

std::string designation_name(const std::string& code, const std::string& name, const Words& w) {
  return code == model::kGeneralFund ? w("非限定性资金", "General fund") : name;
}

std::string donor_text(const report::ShownDonor& donor, const Words& w) {
  if (donor.anonymous) return w("爱心人士（匿名）", "Anonymous donor");
  if (donor.name.empty()) return w("爱心人士", "Unnamed donor");
  return donor.name;
}

// 50 -> "50", 12.5 -> "12.50"
std::string yuan(Fen amount) { return amount % 100 == 0 ? std::to_string(amount / 100) : util::format_plain(amount); }

std::string band_label(const report::DonationBand& band, const Words& w) {
  return w.lang() == Lang::en ? fmt::format("¥{}–{}", yuan(band.from), yuan(band.to))
                              : fmt::format("{}–{}元", yuan(band.from), yuan(band.to));
}

// "监督电话：" -> "监督电话", "Fund: " -> "Fund"
std::string label_key(std::string label) {
  for (const std::string tail : {"：", ": "}) {
    if (label.size() >= tail.size() && label.compare(label.size() - tail.size(), tail.size(), tail) == 0) {
      return label.substr(0, label.size() - tail.size());
    }
  }
  return label;
}

const char* kChineseNumbers[] = {"一", "二", "三",   "四",   "五",   "六",   "七",  "八",
                                 "九", "十", "十一", "十二", "十三", "十四", "十五"};

std::string section_heading(std::size_t index, const char* zh, const char* en, const Words& w) {
  return w.lang() == Lang::en ? fmt::format("{}. {}", index + 1, en)
                              : fmt::format("{}、{}", kChineseNumbers[index], zh);
}

std::string kind_name(const std::string& kind, const Words& w) { return model::entry_kind_name(kind, w.lang()); }

std::string line_note(bool correction, const std::string& original_date, const std::string& voided_on,
                      const std::string& reason, const Words& w) {
  if (correction) {
    return w.lang() == Lang::en ? fmt::format("voids the entry of {}: {}", original_date, reason)
                                : fmt::format("红冲 {} 的记录：{}", original_date, reason);
  }
  if (!voided_on.empty()) {
    return w.lang() == Lang::en ? fmt::format("voided on {}; see the next notice", voided_on)
                                : fmt::format("已于 {} 红冲，见后续公示", voided_on);
  }
  return "";
}

// The summary table: a line for each designation, unrestricted ones then restricted
// ones, each group's subtotal, the total; other income and moves only when there are any.
NoticeTable summary_table(const NoticeModel& m, bool moved, bool other_income, const Words& w) {
  NoticeTable table;
  table.id = "summary";
  table.columns = {{w("资金用途", "Designation")}, {w("期初余额", "Opening"), true}};
  table.columns.push_back({other_income ? w("捐赠收入", "Donations") : w("本期收入", "Income"), true});
  if (other_income) table.columns.push_back({w("其他收入", "Other income"), true});
  table.columns.push_back({w("本期支出", "Spending"), true});
  if (moved) {
    table.columns.push_back({w("调入", "Moved in"), true});
    table.columns.push_back({w("调出", "Moved out"), true});
  }
  table.columns.push_back({w("期末余额", "Closing"), true});
  auto add_row = [&](const std::string& name, const auto& line) {
    std::vector<NoticeCell> row = {text(name), money(line.opening), money(line.income)};
    if (other_income) row.push_back(money(line.other_income));
    row.push_back(money(line.spending));
    if (moved) {
      row.push_back(money(line.transferred_in));
      row.push_back(money(line.transferred_out));
    }
    row.push_back(money(line.closing));
    table.rows.push_back(std::move(row));
  };
  // Unrestricted designations, their subtotal, restricted ones, theirs, the total.
  for (const bool restricted : {false, true}) {
    for (const auto& line : m.designations) {
      if (line.restricted != restricted) continue;
      std::string name = designation_name(line.code, line.name, w);
      if (line.kind == "project") name += w("（项目）", " (project)");
      add_row(name, line);
    }
    table.total_rows.push_back(table.rows.size());
    if (restricted) {
      add_row(w("限定性资金小计", "Restricted subtotal"), m.restricted);
    } else {
      add_row(w("非限定性资金小计", "Unrestricted subtotal"), m.unrestricted);
    }
  }
  table.total_rows.push_back(table.rows.size());
  add_row(w("合计", "Total"), m.total);
  return table;
}

// Under the table: how its columns add up and what it does not count.
std::vector<std::string> summary_notes(const NoticeModel& m, bool moved, bool other_income, const Words& w) {
  std::vector<std::string> after;
  std::string formula = other_income
                            ? w("期末余额 = 期初余额 + 捐赠收入 + 其他收入 − 本期支出",
                                "Closing = opening + donations + other income − spending")
                            : w("期末余额 = 期初余额 + 本期收入 − 本期支出", "Closing = opening + income − spending");
  if (moved) {
    formula += w(" + 调入 − 调出。调入/调出是经议事会决议在资金用途之间的调整，不是收入或支出。",
                 " + moved in − moved out. Moves are reallocations between designations decided by the council; "
                 "they are neither income nor spending.");
  } else {
    formula += w("。", ".");
  }
  after.push_back(formula);
  if (other_income) {
    after.push_back(w("其他收入是捐赠以外的收入（政府补助、配捐、利息、义卖所得等），明细见“其他收入”。",
                      "Other income is income that is not a donation (grants, matching funds, interest, "
                      "sales); see Other income."));
  }
  if (m.brought_forward != 0) {
    after.push_back(
        w.lang() == Lang::en
            ? fmt::format("The opening balance includes {} brought forward from before the fund kept its books in "
                          "cfund; it is not income.",
                          util::format_amount(m.brought_forward))
            : fmt::format("期初余额含建账时结转的期初余额 {}（启用 cfund 之前的结余），不计入本期收入。",
                          util::format_amount(m.brought_forward)));
  }

  after.push_back(w("账户之间的转账（如现金存入银行）不计入收支。限定性资金只能用于捐赠时指定的用途。",
                    "Transfers between accounts (such as cash paid into the bank) are neither income nor "
                    "spending. Restricted money is spent only on the purpose it was given for."));
  if (m.goods_count > 0 || m.goods_value != 0) {
    after.push_back(
        w.lang() == Lang::en
            ? fmt::format("Goods received this period: {} {}, estimated at {} in all; goods are not money and are "
                          "not counted here (see Donations and Goods).",
                          m.goods_count, m.goods_count == 1 ? "gift" : "gifts", util::format_amount(m.goods_value))
            : fmt::format(
                  "本期另收到捐赠物资 {} 批，估价合计 {}；物资不是资金，不计入上表（明细见捐赠公示和物资收发）。",
                  m.goods_count, util::format_amount(m.goods_value)));
  }
  if (m.voided_within_period > 0) {
    after.push_back(
        w.lang() == Lang::en
            ? fmt::format("{} entr{} recorded and voided within this period {} left out of the lists and the sums.",
                          m.voided_within_period, m.voided_within_period == 1 ? "y" : "ies",
                          m.voided_within_period == 1 ? "is" : "are")
            : fmt::format("另有 {} 笔在本期内录入后又在本期内红冲（冲销），不列入公示，也不计入合计。",
                          m.voided_within_period));
  }
  return after;
}

NoticeSection summary_section(const NoticeModel& m, std::size_t index, const Words& w) {
  NoticeSection section;
  section.id = "summary";
  section.heading = section_heading(index, "资金概况", "Summary of funds", w);
  bool moved = false;
  for (const auto& line : m.designations) moved = moved || line.transferred_in != 0 || line.transferred_out != 0;
  const bool other_income = m.total.other_income != 0;
  section.tables.push_back(summary_table(m, moved, other_income, w));
  section.after = summary_notes(m, moved, other_income, w);
  return section;
}

std::vector<NoticeColumn> donation_columns(const Words& w) {
  return {{w("日期", "Date"), false, true, true},
          {w("捐赠人", "Donor")},
          {w("金额", "Amount"), true},
          {w("用途", "Designation")},
          {w("收据编号", "Receipt no."), false, false, true},
          {w("备注", "Note"), false, true, false, true}};
}

// One listed money donation as its row of cells (the note last), its text moved in.
std::vector<NoticeCell> donation_row(report::DonationLine& line, const Words& w) {
  std::string note = line_note(line.correction, line.original_date, line.voided_on, line.reason, w);
  return cells(text(std::move(line.date)), text(donor_text(line.donor, w)), money(line.amount),
               text(designation_name(line.designation_code, line.designation_name, w)),
               text(std::move(line.receipt_no)), text(std::move(note)));
}

// The money list the model did not keep: its rows read again from the books each time
// the table is laid out. The note column is left out as drop_empty_columns would.
NoticeTable streamed_donations_table(const NoticeModel& m, const Words& w) {
  NoticeTable table;
  table.id = "donations";
  table.caption = w("资金捐赠", "Money");
  table.columns = donation_columns(w);
  const bool notes = m.listed_notes;
  if (!notes) table.columns.pop_back();
  table.stream = [replay = m.replay_donations, w, notes](const std::function<void(std::vector<NoticeCell>&)>& take) {
    replay([&](report::DonationLine& line) {
      auto row = donation_row(line, w);
      if (!notes) row.pop_back();
      take(row);
    });
  };
  return table;
}

// Takes the model's donation lines (moved into the table, then released: a month of
// a large fund lists tens of thousands).
NoticeSection donations_section(NoticeModel& m, std::size_t index, const Words& w) {
  NoticeSection section;
  section.id = "donations";
  section.heading = section_heading(index, "捐赠公示", "Donations", w);
  if (m.donations.empty() && !m.replay_donations && m.bands.empty() && m.goods.empty()) {
    section.before.push_back(w("本期无捐赠。", "No donations this period."));
    return section;
  }
  int count = 0;
  if (m.replay_donations) {
    section.tables.push_back(streamed_donations_table(m, w));
    count = m.listed_gifts;
  } else if (!m.donations.empty()) {
    NoticeTable table;
    table.id = "donations";
    table.caption = w("资金捐赠", "Money");
    table.columns = donation_columns(w);
    table.rows.reserve(m.donations.size());
    for (auto& line : m.donations) {
      if (!line.correction) ++count;
      table.rows.push_back(donation_row(line, w));
    }
    std::vector<report::DonationLine>().swap(m.donations);
    drop_empty_columns(table);
    section.tables.push_back(std::move(table));
  }
  if (!m.bands.empty()) {
    NoticeTable table;
    table.id = "donation_bands";
    table.caption = w.lang() == Lang::en
                        ? fmt::format("Money donations under {}, counted by amount (lower bound included)",
                                      util::format_amount(m.band_below))
                        : fmt::format("{}元以下的资金捐赠按金额分档公示（含下限，不含上限）", yuan(m.band_below));
    table.columns = {{w("金额区间", "Amount range")}, {w("笔数", "Count"), true}, {w("合计", "Total"), true}};
    for (const auto& band : m.bands) {
      count += band.count;
      table.rows.push_back(cells(text(band_label(band, w)), text(std::to_string(band.count)), money(band.total)));
    }
    drop_empty_columns(table);
    section.tables.push_back(std::move(table));
  }
  if (!section.tables.empty()) {
    section.tables.back().notes.push_back(
        w.lang() == Lang::en
            ? fmt::format("Money donations this period: {} in all, {} {}.", util::format_amount(m.total.income), count,
                          count == 1 ? "gift" : "gifts")
            : fmt::format("本期资金捐赠合计 {}，共 {} 笔。", util::format_amount(m.total.income), count));
  }
  if (!m.goods.empty()) {
    NoticeTable table;
    table.id = "goods";
    table.caption = w("物资捐赠（估价，不计入资金收入）", "Goods (estimated value, not counted as income)");
    table.columns = {{w("日期", "Date"), false, true, true},
                     {w("捐赠人", "Donor")},
                     {w("物资", "Goods")},
                     {w("估价", "Value"), true},
                     {w("用途", "Designation")},
                     {w("收据编号", "Receipt no."), false, false, true},
                     {w("备注", "Note"), false, true, false, true}};
    for (const auto& line : m.goods) {
      table.rows.push_back(
          cells(text(line.date), text(donor_text(line.donor, w)), text(line.goods_description), money(line.amount),
                text(designation_name(line.designation_code, line.designation_name, w)), text(line.receipt_no),
                text(line_note(line.correction, line.original_date, line.voided_on, line.reason, w))));
    }
    drop_empty_columns(table);
    section.tables.push_back(std::move(table));
  }
  return section;
}

// One payment as its row of cells: date, purpose (category), designation, paid to,
// amount, approval, voucher, note.
std::vector<NoticeCell> spending_row(const report::SpendingLine& line, const Words& w) {
  const std::string purpose = w.lang() == Lang::en
                                  ? fmt::format("{} ({})", line.purpose, category_name(line.category, w.lang()))
                                  : fmt::format("{}（{}）", line.purpose, category_name(line.category, w.lang()));
  return cells(text(line.date), text(purpose), text(designation_name(line.designation_code, line.designation_name, w)),
               text(line.payee), money(line.amount), text(line.approval_ref), text(line.voucher),
               text(line_note(line.correction, line.original_date, line.voided_on, line.reason, w)));
}

// The payments the model did not keep, read again while laid out; the approval, voucher
// and note columns left out as drop_empty_columns would (none of the lines has one).
void stream_spending(NoticeTable& table, const NoticeModel& m, const Words& w) {
  const std::vector<bool> keep = {m.spending_approvals, m.spending_vouchers, m.spending_notes};  // columns 5-7
  for (std::size_t c = 8; c-- > 5;) {
    if (!keep[c - 5]) table.columns.erase(table.columns.begin() + static_cast<long>(c));
  }
  table.stream = [replay = m.replay_spending, w, keep](const std::function<void(std::vector<NoticeCell>&)>& take) {
    replay([&](report::SpendingLine& line) {
      auto row = spending_row(line, w);
      for (std::size_t c = 8; c-- > 5;) {
        if (!keep[c - 5]) row.erase(row.begin() + static_cast<long>(c));
      }
      take(row);
    });
  };
}

NoticeSection spending_section(const NoticeModel& m, std::size_t index, const Words& w) {
  NoticeSection section;
  section.id = "spending";
  section.heading = section_heading(index, "支出公示", "Spending", w);
  if (m.spending.empty() && !m.replay_spending) {
    section.before.push_back(w("本期无支出。", "No spending this period."));
    return section;
  }
  NoticeTable table;
  table.id = "spending";
  table.columns = {{w("日期", "Date"), false, true, true},
                   {w("事由（类别）", "Purpose (category)")},
                   {w("资金用途/项目", "Designation / project")},
                   {w("收款方/受助对象", "Paid to")},
                   {w("金额", "Amount"), true},
                   {w("决议编号", "Approval"), false, false, true, false, true},
                   {w("凭证号", "Voucher"), false, false, true, false, true},
                   {w("备注", "Note"), false, true, false, true}};
  int count = 0;
  if (m.replay_spending) {
    stream_spending(table, m, w);
    count = m.listed_payments;
  } else {
    table.rows.reserve(m.spending.size());
    for (const auto& line : m.spending) {
      if (!line.correction) ++count;
      table.rows.push_back(spending_row(line, w));
    }
    drop_empty_columns(table);
  }
  section.tables.push_back(std::move(table));
  section.after.push_back(
      w.lang() == Lang::en
          ? fmt::format("Spending this period: {} in all, {} {}.", util::format_amount(m.total.spending), count,
                        count == 1 ? "payment" : "payments")
          : fmt::format("本期支出合计 {}，共 {} 笔。", util::format_amount(m.total.spending), count));
  section.after.push_back(w("救助对象只公示类别和隐去部分字符的姓名，身份证号、电话和住址不予公示。",
                            "People helped are shown only by category and a partly hidden name; ID numbers, phones and "
                            "addresses are never published."));
  return section;
}

NoticeSection income_section(const NoticeModel& m, std::size_t index, const Words& w) {
  NoticeSection section;
  section.id = "income";
  section.heading = section_heading(index, "其他收入", "Other income", w);
  NoticeTable table;
  table.id = "income";
  table.columns = {{w("日期", "Date"), false, true, true},
                   {w("类别", "Kind")},
                   {w("来源", "From")},
                   {w("金额", "Amount"), true},
                   {w("用途", "Designation")},
                   {w("备注", "Note"), false, true, false, true}};
  for (const auto& line : m.income) {
    const auto* kind = model::find_income_kind(line.kind);
    std::string note = line_note(line.correction, line.original_date, line.voided_on, line.reason, w);
    if (note.empty() && !line.matches.empty()) {
      const bool entry = line.matches.find_first_not_of("0123456789") == std::string::npos;
      note = entry ? (w.lang() == Lang::en ? fmt::format("matches entry {}", line.matches)
                                           : fmt::format("配捐：第 {} 号分录", line.matches))
                   : w("配捐：", "matches: ") + line.matches;
    }
    table.rows.push_back(
        cells(text(line.date), text(kind ? kind->name.in(w.lang()) : line.kind), text(line.source), money(line.amount),
              text(designation_name(line.designation_code, line.designation_name, w)), text(std::move(note))));
  }
  drop_empty_columns(table);
  section.tables.push_back(std::move(table));
  section.after.push_back(
      w.lang() == Lang::en ? fmt::format("Other income this period: {} in all. It is not a donation: no receipt, "
                                         "not among the donors.",
                                         util::format_amount(m.total.other_income))
                           : fmt::format("本期其他收入合计 {}。其他收入不是捐赠，不开具捐赠收据，也不列入捐赠人名单。",
                                         util::format_amount(m.total.other_income)));
  return section;
}

bool has_goods(const NoticeModel& m) {
  return !m.goods_out.empty() || !m.stock.empty() || m.goods_value != 0 || m.stock_opening_value != 0;
}

NoticeSection goods_section(const NoticeModel& m, std::size_t index, const Words& w) {
  NoticeSection section;
  section.id = "goods";
  section.heading = section_heading(index, "物资收发", "Goods", w);
  Fen given = 0;
  Fen sold = 0;
  if (!m.goods_out.empty()) {
    NoticeTable table;
    table.id = "goods_out";
    table.caption = w("物资发放与义卖（估价）", "Goods given out and sold (estimated value)");
    table.columns = {{w("日期", "Date"), false, true, true},
                     {w("物资", "Goods")},
                     {w("估价", "Value"), true},
                     {w("发给/售予", "To")},
                     {w("用途", "Purpose")},
                     {w("义卖所得", "Sold for"), true},
                     {w("备注", "Note"), false, true, false, true}};
    for (const auto& line : m.goods_out) {
      (line.sold ? sold : given) += line.amount;
      table.rows.push_back(cells(text(line.date), text(line.goods), money(line.amount), text(line.to),
                                 text(line.purpose), line.sold ? money(line.price) : text(""),
                                 text(line_note(line.correction, line.original_date, line.voided_on, line.reason, w))));
    }
    drop_empty_columns(table);
    section.tables.push_back(std::move(table));
  }
  if (!m.stock.empty()) {
    NoticeTable table;
    table.id = "stock";
    table.caption = w("期末库存", "In stock at the end of the period");
    table.columns = {{w("物资", "Goods")}, {w("数量", "Quantity"), true}, {w("估价", "Value"), true}};
    for (const auto& line : m.stock) {
      table.rows.push_back(
          cells(text(line.item), text(util::format_quantity(line.quantity) + line.unit), money(line.value)));
    }
    section.tables.push_back(std::move(table));
  }
  section.after.push_back(
      w.lang() == Lang::en
          ? fmt::format("Goods in stock at the start: {}; received: {}; given out: {}; sold: {}; in stock at the end: "
                        "{} (estimated values). Goods are not money and are not in the summary of funds.",
                        util::format_amount(m.stock_opening_value), util::format_amount(m.goods_value),
                        util::format_amount(given), util::format_amount(sold), util::format_amount(m.stock_value))
          : fmt::format(
                "期初库存估价 {}，本期收到 {}，发放 {}，义卖 {}，期末库存估价 {}。物资不是资金，不计入资金概况。",
                util::format_amount(m.stock_opening_value), util::format_amount(m.goods_value),
                util::format_amount(given), util::format_amount(sold), util::format_amount(m.stock_value)));
  bool to_people = false;
  for (const auto& line : m.goods_out) to_people = to_people || line.to_person;
  if (to_people) {
    section.after.push_back(w("物资发给受助对象的，只公示类别和隐去部分字符的姓名。",
                              "Goods given to people are shown only with their category and a partly hidden name."));
  }

  return section;
}

NoticeSection projects_section(const NoticeModel& m, std::size_t index, const Words& w) {
  NoticeSection section;
  section.id = "projects";
  section.heading = section_heading(index, "项目进展", "Project progress", w);
  NoticeTable table;
  table.id = "projects";
  table.columns = {{w("项目", "Project")},         {w("阶段", "Stage")},
                   {w("预算", "Budget"), true},    {w("已支出", "Spent"), true},
                   {w("剩余", "Remaining"), true}, {w("受益人数", "People served"), true, true, false, false, true}};
  for (const auto& project : m.projects) {
    const Message stage = books::project_stage_name(project.stage);
    table.rows.push_back(cells(text(project.name), text(w(stage.zh.c_str(), stage.en.c_str())), money(project.budget),
                               money(project.spent), money(project.remaining),
                               text(project.people_served ? std::to_string(*project.people_served) : "")));
  }
  drop_empty_columns(table);
  section.tables.push_back(std::move(table));
  return section;
}

// The period a correction's notice covered, from its label (2025-02 -> 2025年2月).
std::string published_period(const std::string& label, Lang lang) {
  auto period = util::parse_period(label);
  return period ? util::period_in_words(*period, lang) : label;
}

NoticeSection corrections_section(const NoticeModel& m, std::size_t index, const Words& w) {
  NoticeSection section;
  section.id = "corrections";
  section.heading = section_heading(index, "更正说明", "Corrections", w);
  section.before.push_back(w("以下记录在所属期间公示之后被红冲（冲销），特此更正：",
                             "These entries were voided after the notice of their period was published:"));
  NoticeTable table;
  table.id = "corrections";
  table.columns = {{w("红冲日期", "Voided on"), false, true, true},
                   {w("原日期", "Original date"), false, true, true},
                   {w("原公示期", "Published in")},
                   {w("内容", "What")},
                   {w("金额", "Amount"), true},
                   {w("原因", "Reason")}};
  for (const auto& c : m.corrections) {
    std::string what = kind_name(c.original_kind, w);
    if (!c.description.empty()) what += w("：", ": ") + c.description;
    if (c.original_kind == "donation") what += " " + donor_text(c.donor, w);
    table.rows.push_back(cells(text(c.void_date), text(c.original_date),
                               text(published_period(c.published_in, w.lang())), text(what), money(c.amount),
                               text(c.reason)));
  }
  drop_empty_columns(table);
  section.tables.push_back(std::move(table));
  return section;
}

// The chart's words: bars by designation (a month) or by month, "2025-03" as 3月 /
// Mar; across years the year on a line of its own, at the start and each January.
NoticeChart notice_chart(const NoticeModel& m, const Words& w) {
  static const char* kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  NoticeChart chart;
  chart.title = m.chart_by_month ? w("本期收支（按月）", "Income and spending by month")
                                 : w("本期收支（按资金用途）", "Income and spending by designation");
  chart.income_label = w("收入", "Income");
  chart.spending_label = w("支出", "Spending");
  const bool one_year = m.period.first.year == m.period.last.year;
  for (auto bar : m.chart) {
    if (!m.chart_by_month) {
      bar.label = designation_name(bar.label, bar.name, w);
    } else {
      const int month = std::stoi(bar.label.substr(5, 2));
      const std::string year = bar.label.substr(0, 4);
      const bool with_year = !one_year && (chart.bars.empty() || month == 1);
      bar.label = w.lang() == Lang::en ? std::string(kShortMonths[month - 1]) + (with_year ? "\n" + year : "")
                                       : (with_year ? year + "年\n" : "") + fmt::format("{}月", month);
    }
    chart.bars.push_back(std::move(bar));
  }
  return chart;
}

// What the fund did besides money (report/community.hpp), each section only when it has
// something: households and people helped, then project progress (money), then wishes,
// volunteer service and points.
void add_community_sections(const NoticeModel& m, Lang lang, NoticeDocument& doc, std::size_t& index) {
  const Words w(lang);
  const auto& c = m.community;
  if (c.any_people()) {
    doc.sections.push_back(
        people_section(c, section_heading(index++, "受助户数与人数", "Households and people helped", w), lang));
  }
  if (!m.projects.empty()) doc.sections.push_back(projects_section(m, index++, w));
  if (c.any_wishes()) {
    doc.sections.push_back(wishes_section(c, section_heading(index++, "微心愿", "Micro-wishes", w), lang));
  }
  if (c.any_service()) {
    doc.sections.push_back(service_section(c, section_heading(index++, "志愿服务", "Volunteer service", w), lang));
  }
  if (c.any_points()) {
    doc.sections.push_back(points_section(c, section_heading(index++, "积分", "Credit points", w), lang));
  }
}

}  // namespace

NoticeDocument notice_document(NoticeModel m, Lang lang) {
  const Words w(lang);
  NoticeDocument doc;
  doc.lang = lang;
  std::string stem = m.period.label;
  if (auto dots = stem.find(".."); dots != std::string::npos) stem.replace(dots, 2, "_to_");
  doc.file_stem = "notice-" + stem;
  const std::string period = util::period_in_words(m.period, lang);
  doc.title_parts = lang == Lang::en
                        ? std::vector<std::string>{m.fund_name + ":", "public notice of income and spending,", period}
                        : std::vector<std::string>{m.fund_name, period, "收支公示"};
  for (const auto& part : doc.title_parts) doc.title += (lang == Lang::en && !doc.title.empty() ? " " : "") + part;

  // The cut-off in words for residents; its entry number is in the verification line.
  std::string cutoff = w("账目为空", "the books were empty");
  if (auto recorded = util::parse_date(m.cutoff_recorded); m.cutoff_entry > 0 && recorded) {
    cutoff = lang == Lang::en ? fmt::format("{}, {} {}", util::date_in_words(*recorded, lang), m.cutoff_entry,
                                            m.cutoff_entry == 1 ? "entry" : "entries")
                              : fmt::format("{}，共 {} 笔记录", util::date_in_words(*recorded, lang), m.cutoff_entry);
  }
  auto fact = [&](const char* zh, const char* en, const std::string& value) {
    if (value.empty()) return;
    doc.header_lines.push_back(w(zh, en) + value);
    doc.info.rows.push_back(cells(text(label_key(w(zh, en))), text(value)));
  };
  doc.info.id = "info";
  doc.info.columns = {{w("项目", "Item")}, {w("内容", "Value")}};
  fact("基金名称：", "Fund: ", m.fund_name);
  fact("管理单位：", "Run by: ", m.organisation);
  fact("依托慈善组织：", "Hosted by: ", m.host);
  fact(
      "公示期间：", "Period: ",
      lang == Lang::en
          ? fmt::format("{} to {}", util::date_in_words(m.period.first, lang), util::date_in_words(m.period.last, lang))
          : fmt::format("{}至{}", util::date_in_words(m.period.first, lang), util::date_in_words(m.period.last, lang)));
  fact("数据截至：", "Books as of: ", cutoff);
  doc.header_lines.erase(doc.header_lines.begin());  // the fund's name is in the title

  std::size_t index = 0;
  doc.sections.push_back(summary_section(m, index++, w));
  doc.sections.push_back(donations_section(m, index++, w));
  if (!m.income.empty()) doc.sections.push_back(income_section(m, index++, w));
  doc.sections.push_back(spending_section(m, index++, w));
  if (has_goods(m)) doc.sections.push_back(goods_section(m, index++, w));
  add_community_sections(m, lang, doc, index);
  if (!m.corrections.empty()) doc.sections.push_back(corrections_section(m, index++, w));

  doc.chart = notice_chart(m, w);

  const std::string check =
      lang == Lang::en
          ? fmt::format(
                "Anyone holding the fund file can check that this notice matches the books (as of entry {}) with: "
                "cfund audit verify --code {}",
                m.cutoff_entry, m.verification_code)
          : fmt::format(
                "持本基金账套者可用 cfund audit verify --code {} 核对本公示与账目（截至第 {} 号分录）是否一致。",
                m.verification_code, m.cutoff_entry);
  auto footer = [&](const char* zh, const char* en, const std::string& value) {
    if (value.empty()) return;
    doc.footer_lines.push_back(w(zh, en) + value);
    doc.info.rows.push_back(cells(text(label_key(w(zh, en))), text(value)));
  };
  doc.verification_code = m.verification_code;
  doc.qr_payload = m.notice_url.empty() ? m.verification_code
                                        : m.notice_url + (m.notice_url.find('?') == std::string::npos ? "?" : "&") +
                                              "code=" + m.verification_code;
  doc.qr_caption = m.notice_url.empty() ? w("扫码核对校验码", "Scan: the verification code")
                                        : w("扫码查看网上公示", "Scan: the notice online");
  footer("监督电话：", "Supervision phone: ", m.supervision_phone);
  footer("生成时间：", "Generated at: ", util::wall_time_in_words(m.generated_at, lang));
  footer("校验码：", "Verification code: ", m.verification_code);
  doc.footer_lines.push_back(check);
  return doc;
}

std::vector<RenderedFile> render_notice(const NoticeDocument& doc, const std::string& format) {
  if (format != "md" && format != "txt") {
    for (const auto& section : doc.sections) {
      for (const auto& table : section.tables) {
        if (table.stream) throw std::logic_error("a streamed notice table laid out as " + format);
      }
    }
  }
  if (format == "md") return notice_markdown(doc);
  if (format == "csv") return notice_csv(doc);
  if (format == "html") return notice_html(doc);
  if (format == "wechat") return notice_wechat(doc);
  if (format == "txt") return notice_text(doc);
  if (format == "xlsx") return notice_xlsx(doc);
  throw std::invalid_argument("unknown notice format " + format);
}

}  // namespace cfund::render
