#include "render/economy_views.hpp"

#include "model/categories.hpp"
#include "model/entry_kinds.hpp"
#include "privacy/mask.hpp"
#include "render/table.hpp"
#include "render/view_helpers.hpp"
#include "util/money.hpp"
#include "util/quantity.hpp"

namespace cfund::render {

namespace {

using detail::designation_shown;
using detail::optional_json;
using detail::pick;
using detail::voided_mark;

std::string income_kind_shown(const std::string& kind, Lang lang) {
  const auto* found = model::find_income_kind(kind);
  return found == nullptr ? kind : found->name.in(lang);
}

std::string goods_of(const std::string& item, const std::string& quantity, const std::string& unit) {
  return quantity.empty() ? item : item + " " + quantity + unit;
}

// Whom goods went to, as a list may show it: a beneficiary masked like relief.
std::string goods_to(const model::GoodsMovement& row, Lang lang) {
  if (row.beneficiary) {
    return fmt::format("{} {} (B{:04d})", row.beneficiary_category, privacy::mask_name(row.beneficiary_name),
                       *row.beneficiary);
  }
  if (!row.project_code.empty()) return row.project_code + " " + row.project_name;
  if (row.kind == model::entry_kind::goods_sale)
    return row.buyer.empty() ? pick(lang, "（义卖）", "(sale)") : row.buyer;
  if (row.kind == model::entry_kind::donation) {
    return row.anonymous ? pick(lang, "爱心人士（匿名）", "Anonymous donor") : row.donor_name;
  }
  return row.recipient;
}

}  // namespace

std::string income_text(const std::vector<model::IncomeRow>& rows, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  util::Fen total = 0;
  for (const auto& row : rows) {
    std::string note =
        row.matches_entry
            ? (lang == Lang::en ? fmt::format("matches entry {}", *row.matches_entry)
                                : fmt::format("配捐：第 {} 号分录", *row.matches_entry))
            : (row.matches_campaign.empty() ? row.memo : pick(lang, "配捐：", "matches ") + row.matches_campaign);
    if (row.voided_by) {
      note = voided_mark(row.voided_by, lang) + (note.empty() ? "" : " " + note);
    } else {
      total += row.amount;
    }
    cells.push_back({std::to_string(row.entry_id), row.date, income_kind_shown(row.income_kind, lang), row.source,
                     util::format_amount(row.amount), row.account_code,
                     designation_shown(row.designation_code, row.designation_name, lang), row.external_ref, note});
  }
  std::string out = text_table({{pick(lang, "编号", "Entry"), true},
                                {pick(lang, "日期", "Date")},
                                {pick(lang, "类别", "Kind")},
                                {pick(lang, "来源", "From")},
                                {pick(lang, "金额", "Amount"), true},
                                {pick(lang, "账户", "Account")},
                                {pick(lang, "用途", "Designation")},
                                {pick(lang, "流水号", "Reference")},
                                {pick(lang, "备注", "Note")}},
                               cells);
  out += lang == Lang::en
             ? fmt::format("{} entries of other income; total {} (voided ones not counted)\n", rows.size(),
                           util::format_amount(total))
             : fmt::format("共 {} 笔其他收入；合计 {}（已红冲的不计）\n", rows.size(), util::format_amount(total));
  return out;
}

nlohmann::json income_json(const std::vector<model::IncomeRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    out.push_back({{"entry", row.entry_id},
                   {"date", row.date},
                   {"kind", row.income_kind},
                   {"source", row.source},
                   {"amount_fen", row.amount},
                   {"amount", util::format_plain(row.amount)},
                   {"account", row.account_code},
                   {"designation", row.designation_code},
                   {"external_ref", row.external_ref},
                   {"matches_entry", optional_json(row.matches_entry)},
                   {"matches_campaign", row.matches_campaign},
                   {"memo", row.memo},
                   {"operator", row.operator_name},
                   {"recorded_at", row.recorded_at},
                   {"voided_by", optional_json(row.voided_by)},
                   {"void_reason", row.void_reason}});
  }
  return out;
}

std::string openings_text(const std::vector<model::OpeningRow>& rows, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  util::Fen money = 0;
  util::Fen goods = 0;
  for (const auto& row : rows) {
    const bool is_goods = !row.item.empty();
    std::string note = row.voided_by ? voided_mark(row.voided_by, lang) : row.memo;
    if (!row.voided_by) (is_goods ? goods : money) += row.amount;
    cells.push_back(
        {std::to_string(row.entry_id), row.date,
         is_goods ? pick(lang, "物资：", "goods: ") + goods_of(row.item, row.quantity, row.unit) : row.account_code,
         is_goods ? "-" : designation_shown(row.designation_code, row.designation_name, lang),
         util::format_amount(row.amount), note});
  }
  std::string out = text_table({{pick(lang, "编号", "Entry"), true},
                                {pick(lang, "日期", "Date")},
                                {pick(lang, "账户/物资", "Account / goods")},
                                {pick(lang, "用途", "Designation")},
                                {pick(lang, "金额/估价", "Amount"), true},
                                {pick(lang, "备注", "Note")}},
                               cells);
  out += lang == Lang::en ? fmt::format("{} opening balances; money {}, goods valued at {} (voided ones not counted)\n",
                                        rows.size(), util::format_amount(money), util::format_amount(goods))
                          : fmt::format("共 {} 笔期初余额；资金 {}，物资估价 {}（已红冲的不计）\n", rows.size(),
                                        util::format_amount(money), util::format_amount(goods));
  return out;
}

nlohmann::json openings_json(const std::vector<model::OpeningRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    out.push_back({{"entry", row.entry_id},
                   {"date", row.date},
                   {"amount_fen", row.amount},
                   {"amount", util::format_plain(row.amount)},
                   {"account", row.account_code},
                   {"designation", row.designation_code},
                   {"item", row.item},
                   {"unit", row.unit},
                   {"quantity", row.quantity},
                   {"approval", row.approval_ref},
                   {"memo", row.memo},
                   {"voided_by", optional_json(row.voided_by)},
                   {"void_reason", row.void_reason}});
  }
  return out;
}

std::string goods_text(const std::vector<model::GoodsMovement>& rows, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::string note = row.purpose;
    if (row.voided_by) note = voided_mark(row.voided_by, lang) + (note.empty() ? "" : " " + note);
    if (row.kind == model::entry_kind::goods_sale) {
      note = pick(lang, "售得 ", "sold for ") + util::format_amount(row.price) + (note.empty() ? "" : "; " + note);
    }
    cells.push_back({std::to_string(row.entry_id), row.date, model::entry_kind_name(row.kind, lang),
                     goods_of(row.item, row.quantity, row.unit), (row.in ? "+" : "-") + util::format_amount(row.value),
                     goods_to(row, lang), note});
  }
  std::string out = text_table({{pick(lang, "编号", "Entry"), true},
                                {pick(lang, "日期", "Date")},
                                {pick(lang, "类型", "Kind")},
                                {pick(lang, "物资", "Goods")},
                                {pick(lang, "估价", "Value"), true},
                                {pick(lang, "来自/发给", "From / to")},
                                {pick(lang, "备注", "Note")}},
                               cells);
  out += lang == Lang::en ? fmt::format("{} goods movements\n", rows.size())
                          : fmt::format("共 {} 笔物资收发\n", rows.size());
  return out;
}

nlohmann::json goods_json(const std::vector<model::GoodsMovement>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    nlohmann::json line = {{"entry", row.entry_id},    {"date", row.date},
                           {"kind", row.kind},         {"direction", row.in ? "in" : "out"},
                           {"item", row.item},         {"unit", row.unit},
                           {"quantity", row.quantity}, {"value_fen", row.value},
                           {"purpose", row.purpose},   {"voided_by", optional_json(row.voided_by)}};
    if (row.beneficiary) {
      line["beneficiary"] = fmt::format("B{:04d}", *row.beneficiary);
      line["beneficiary_name"] = privacy::mask_name(row.beneficiary_name);
    }
    if (!row.project_code.empty()) line["project"] = row.project_code;
    if (!row.recipient.empty()) line["recipient"] = row.recipient;
    if (row.kind == model::entry_kind::goods_sale) {
      line["price_fen"] = row.price;
      line["account"] = row.account_code;
      line["designation"] = row.designation_code;
      line["buyer"] = row.buyer;
    }
    if (row.kind == model::entry_kind::donation) line["receipt_no"] = row.receipt_no;
    out.push_back(line);
  }
  return out;
}

std::string stock_text(const std::vector<model::StockLine>& stock, const std::string& date, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  util::Fen total = 0;
  for (const auto& line : stock) {
    total += line.value;
    cells.push_back({line.item, util::format_quantity(line.quantity), line.unit, util::format_amount(line.value)});
  }
  std::string out = lang == Lang::en ? fmt::format("Goods in stock at the end of {}\n", date)
                                     : fmt::format("{} 日终的物资库存\n", date);
  out += text_table({{pick(lang, "物资", "Goods")},
                     {pick(lang, "数量", "Quantity"), true},
                     {pick(lang, "单位", "Unit")},
                     {pick(lang, "估价", "Value"), true}},
                    cells);
  out += lang == Lang::en ? fmt::format("{} items; valued at {} in all\n", stock.size(), util::format_amount(total))
                          : fmt::format("共 {} 种；估价合计 {}\n", stock.size(), util::format_amount(total));
  return out;
}

nlohmann::json stock_json(const std::vector<model::StockLine>& stock, const std::string& date) {
  nlohmann::json out = {{"date", date}, {"items", nlohmann::json::array()}};
  util::Fen total = 0;
  for (const auto& line : stock) {
    total += line.value;
    out["items"].push_back({{"item", line.item},
                            {"unit", line.unit},
                            {"quantity", util::format_quantity(line.quantity)},
                            {"value_fen", line.value}});
  }
  out["value_fen"] = total;
  return out;
}

}  // namespace cfund::render
