#include "render/books_views.hpp"
#include "model/categories.hpp"
#include "model/settings.hpp"

#include "books/disbursements.hpp"
#include "privacy/mask.hpp"
#include "render/table.hpp"
#include "render/view_helpers.hpp"
#include "util/money.hpp"
#include "util/quantity.hpp"
#include "util/text.hpp"

namespace cfund::render {

namespace {

using detail::designation_shown;
using detail::optional_json;
using detail::pick;
using detail::voided_mark;

std::string donor_shown(const model::DonationRow& row, Lang lang) {
  if (!row.anonymous) return row.donor_name;
  const std::string tag = pick(lang, "（匿名）", " (anonymous)");
  return row.donor_name.empty() ? pick(lang, "爱心人士（匿名）", "Anonymous donor") : row.donor_name + tag;
}

std::string goods_text(const model::DonationRow& row) {
  std::string text = row.item;
  if (!row.quantity.empty()) text += " " + row.quantity + row.unit;
  return text;
}

}  // namespace

std::string category_name(const std::string& category, Lang lang) { return model::category_name(category).in(lang); }

std::string beneficiary_label(const model::DisbursementRow& row) {
  if (!row.beneficiary) return row.payee;
  return fmt::format("{} {} (B{:04d})", row.beneficiary_category, privacy::mask_name(row.beneficiary_name),
                     *row.beneficiary);
}

namespace {

std::vector<Column> donation_columns(Lang lang) {
  return {{pick(lang, "编号", "Entry"), true},       {pick(lang, "日期", "Date")},
          {pick(lang, "收据号", "Receipt")},         {pick(lang, "捐赠人", "Donor")},
          {pick(lang, "金额/估价", "Amount"), true}, {pick(lang, "账户", "Account")},
          {pick(lang, "用途", "Designation")},       {pick(lang, "备注", "Note")}};
}

std::vector<Column> disbursement_columns(Lang lang) {
  return {{pick(lang, "编号", "Entry"), true},  {pick(lang, "日期", "Date")},
          {pick(lang, "类别", "Category")},     {pick(lang, "收款方/受助对象", "Payee")},
          {pick(lang, "金额", "Amount"), true}, {pick(lang, "账户", "Account")},
          {pick(lang, "用途", "Designation")},  {pick(lang, "事由", "Purpose")},
          {pick(lang, "决议编号", "Approval")}, {pick(lang, "凭证号", "Voucher")}};
}

}  // namespace

DonationsText::DonationsText(Lang lang) : lang_(lang), cells_(donation_columns(lang).size()) {}

void DonationsText::add(const model::DonationRow& row) {
  std::string note = row.form == "goods" ? pick(lang_, "物资：", "goods: ") + goods_text(row) : row.memo;
  if (row.voided_by) {
    note = voided_mark(row.voided_by, lang_) + (note.empty() ? "" : " " + note);
  } else if (row.form == "goods") {
    goods_ += row.amount;
  } else {
    money_ += row.amount;
  }
  cells_.add(std::to_string(row.entry_id));
  cells_.add(row.date);
  cells_.add(row.receipt_no);
  cells_.add(donor_shown(row, lang_));
  cells_.add(util::format_amount(row.amount));
  cells_.add(row.form == "goods" ? "-" : row.account_code);
  cells_.add(designation_shown(row.designation_code, row.designation_name, lang_));
  cells_.add(note);
}

std::string DonationsText::finish() const {
  std::string out;
  append_text_table(out, donation_columns(lang_), cells_);
  out += lang_ == Lang::en ? fmt::format("{} donations; money {}, goods valued at {} (voided ones not counted)\n",
                                         cells_.rows(), util::format_amount(money_), util::format_amount(goods_))
                           : fmt::format("共 {} 笔；资金 {}，物资估价 {}（已红冲的不计）\n", cells_.rows(),
                                         util::format_amount(money_), util::format_amount(goods_));
  return out;
}

nlohmann::json donation_json(const model::DonationRow& row) {
  return {{"entry", row.entry_id},
          {"date", row.date},
          {"receipt_no", row.receipt_no},
          {"donor", row.donor_name},
          {"anonymous", row.anonymous},
          {"form", row.form},
          {"amount_fen", row.amount},
          {"amount", util::format_plain(row.amount)},
          {"item", row.item},
          {"quantity", row.quantity},
          {"unit", row.unit},
          {"account", row.account_code},
          {"designation", row.designation_code},
          {"external_ref", row.external_ref},
          {"host_receipt", row.host_receipt},
          {"memo", row.memo},
          {"operator", row.operator_name},
          {"recorded_at", row.recorded_at},
          {"voided_by", optional_json(row.voided_by)},
          {"void_reason", row.void_reason}};
}

DisbursementsText::DisbursementsText(Lang lang) : lang_(lang), cells_(disbursement_columns(lang).size()) {}

void DisbursementsText::add(const model::DisbursementRow& row) {
  std::string purpose = row.purpose;
  if (row.voided_by) {
    purpose = voided_mark(row.voided_by, lang_) + " " + purpose;
  } else {
    total_ += row.amount;
  }
  cells_.add(std::to_string(row.entry_id));
  cells_.add(row.date);
  cells_.add(category_name(row.category, lang_));
  cells_.add(beneficiary_label(row));
  cells_.add(util::format_amount(row.amount));
  cells_.add(row.account_code);
  cells_.add(designation_shown(row.designation_code, row.designation_name, lang_));
  cells_.add(purpose);
  cells_.add(row.approval_ref);
  cells_.add(row.voucher);
}

std::string DisbursementsText::finish() const {
  std::string out;
  append_text_table(out, disbursement_columns(lang_), cells_);
  out +=
      lang_ == Lang::en
          ? fmt::format("{} payments; total {} (voided ones not counted)\n", cells_.rows(), util::format_amount(total_))
          : fmt::format("共 {} 笔；合计 {}（已红冲的不计）\n", cells_.rows(), util::format_amount(total_));
  return out;
}

nlohmann::json disbursement_json(const model::DisbursementRow& row) {
  return {{"entry", row.entry_id},
          {"date", row.date},
          {"category", row.category},
          {"amount_fen", row.amount},
          {"amount", util::format_plain(row.amount)},
          {"account", row.account_code},
          {"designation", row.designation_code},
          {"payee", row.beneficiary ? beneficiary_label(row) : row.payee},
          {"beneficiary", optional_json(row.beneficiary)},
          {"purpose", row.purpose},
          {"approval_ref", row.approval_ref},
          {"voucher", row.voucher},
          {"external_ref", row.external_ref},
          {"memo", row.memo},
          {"repeat_reason", row.repeat_reason},
          {"operator", row.operator_name},
          {"recorded_at", row.recorded_at},
          {"voided_by", optional_json(row.voided_by)},
          {"void_reason", row.void_reason}};
}

nlohmann::json disbursements_json(const std::vector<model::DisbursementRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) out.push_back(disbursement_json(row));
  return out;
}

void JsonListText::add(const nlohmann::json& element) {
  out_ += out_.empty() ? "[\n  " : ",\n  ";
  const std::string text = element.dump(2);
  for (const char c : text) {
    out_ += c;
    if (c == '\n') out_ += "  ";  // a line break in the text is escaped: these are the layout's
  }
}

std::string JsonListText::finish() {
  out_ += out_.empty() ? "[]\n" : "\n]\n";
  return std::move(out_);
}

std::string beneficiaries_text(const std::vector<model::Beneficiary>& rows, bool full, Lang lang) {
  std::vector<Column> columns = {{pick(lang, "编号", "No.")},      {pick(lang, "姓名", "Name")},
                                 {pick(lang, "类别", "Category")}, {pick(lang, "身份证号", "ID number")},
                                 {pick(lang, "电话", "Phone")},    {pick(lang, "住址", "Address")}};
  std::vector<std::vector<std::string>> cells;
  for (const auto& b : rows) {
    cells.push_back({fmt::format("B{:04d}", b.number), full ? b.name : privacy::mask_name(b.name), b.category,
                     full ? b.id_number : privacy::mask_id_number(b.id_number),
                     full ? b.phone : privacy::mask_phone(b.phone),
                     full ? b.address : (b.address.empty() ? "" : pick(lang, "（已隐去）", "(hidden)"))});
  }
  std::string out = text_table(columns, cells);
  if (!full) {
    out += pick(lang, "个人信息已遮盖；需要完整信息时加 --full（请勿外传）\n",
                "Personal data is masked; add --full to see it in full (keep it private)\n");
  }
  return out;
}

nlohmann::json beneficiaries_json(const std::vector<model::Beneficiary>& rows, bool full) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& b : rows) {
    out.push_back({{"number", b.number},
                   {"code", fmt::format("B{:04d}", b.number)},
                   {"name", full ? b.name : privacy::mask_name(b.name)},
                   {"category", b.category},
                   {"id_number", full ? b.id_number : privacy::mask_id_number(b.id_number)},
                   {"phone", full ? b.phone : privacy::mask_phone(b.phone)},
                   {"address", full ? b.address : ""}});
  }
  return out;
}

namespace {
std::string closed_mark(const std::string& closed_on, Lang lang) {
  if (closed_on.empty()) return "";
  return lang == Lang::en ? " (closed " + closed_on + ")" : "（" + closed_on + " 注销）";
}
}  // namespace

std::string overview_text(const books::FundOverview& view, Lang lang) {
  const auto& s = view.settings;
  std::string out = s.name + "\n";
  if (!s.organisation.empty()) out += pick(lang, "管理单位：", "Run by: ") + s.organisation + "\n";
  if (!s.host.empty()) out += pick(lang, "依托慈善组织：", "Host charity: ") + s.host + "\n";
  if (!s.region.empty() || !s.town.empty()) {
    out += pick(lang, "所在区县、镇街：", "District, town: ") + s.region +
           (s.region.empty() || s.town.empty() ? "" : pick(lang, " ", ", ")) + s.town + "\n";
  }
  out += pick(lang, "审批限额：", "Approval threshold: ") + util::format_amount(s.approval_threshold);
  for (const auto& [category, threshold] : s.approval_thresholds) {
    out += pick(lang, "；", "; ") + category_name(category, lang) + " " + util::format_amount(threshold);
  }
  out += "\n" + pick(lang, "重复救助间隔：", "Repeat relief window: ") + std::to_string(s.relief_window_days) +
         pick(lang, " 天", " days");
  for (const auto& [category, days] : s.relief_windows) {
    out += pick(lang, "；", "; ") + category + " " + std::to_string(days) + pick(lang, " 天", " days");
  }
  out += "\n";
  if (!s.supervision_phone.empty()) out += pick(lang, "监督电话：", "Supervision phone: ") + s.supervision_phone + "\n";
  out += pick(lang, "时区：", "Time zone: ") + s.time_zone + "\n";
  if (!s.notice_url.empty()) out += pick(lang, "公示网址：", "Notices online: ") + s.notice_url + "\n";
  out += "\n";
  std::vector<std::vector<std::string>> cells;
  for (const auto& a : view.accounts) {
    const auto* kind = model::find_account_kind(a.kind);
    cells.push_back({a.code, a.name + closed_mark(a.closed_on, lang), kind == nullptr ? a.kind : kind->name.in(lang),
                     util::format_amount(a.balance)});
  }
  out += text_table({{pick(lang, "账户", "Account")},
                     {pick(lang, "名称", "Name")},
                     {pick(lang, "类型", "Kind")},
                     {pick(lang, "余额", "Balance"), true}},
                    cells);
  out += "\n";
  cells.clear();
  for (const auto& d : view.designations) {
    cells.push_back({d.code, designation_shown(d.code, d.name, lang) + closed_mark(d.closed_on, lang),
                     d.restricted ? pick(lang, "限定性", "restricted") : pick(lang, "非限定性", "unrestricted"),
                     util::format_amount(d.balance)});
  }
  out += text_table({{pick(lang, "资金用途", "Designation")},
                     {pick(lang, "名称", "Name")},
                     {pick(lang, "性质", "Restriction")},
                     {pick(lang, "余额", "Balance"), true}},
                    cells);
  out += "\n";
  out += pick(lang, "资金合计：", "Total funds: ") + util::format_amount(view.total) +
         pick(lang, "（其中限定性 ", " (restricted ") + util::format_amount(view.restricted_total) +
         pick(lang, "）\n", ")\n");
  if (!view.goods.empty()) {
    out += pick(lang, "物资库存估价：", "Goods in stock, valued at: ") + util::format_amount(view.goods_value) +
           pick(lang, "（", " (");
    for (std::size_t i = 0; i < view.goods.size(); ++i) {
      const auto& line = view.goods[i];
      out += (i > 0 ? pick(lang, "、", ", ") : "") + line.item + " " + util::format_quantity(line.quantity) + line.unit;
    }
    out += pick(lang, "；明细用 cfund goods stock）\n", "; see cfund goods stock)\n");
  }
  out += pick(lang, "分录数：", "Entries: ") + std::to_string(view.chain.length) +
         pick(lang, "，链尾哈希：", ", chain head: ") + view.chain.hash.substr(0, 16) + "\n";
  return out;
}

nlohmann::json overview_json(const books::FundOverview& view) {
  const auto& s = view.settings;
  nlohmann::json out = {{"name", s.name},
                        {"organisation", s.organisation},
                        {"host", s.host},
                        {"region", s.region},
                        {"town", s.town},
                        {"supervision_phone", s.supervision_phone},
                        {"approval_threshold_fen", s.approval_threshold},
                        {"approval_thresholds_fen", s.approval_thresholds},
                        {"relief_window_days", s.relief_window_days},
                        {"relief_windows_days", s.relief_windows},
                        {"goods_value_fen", view.goods_value},
                        {"time_zone", s.time_zone},
                        {"notice_url", s.notice_url},
                        {"total_fen", view.total},
                        {"restricted_total_fen", view.restricted_total},
                        {"entries", view.chain.length},
                        {"chain_head", view.chain.hash}};
  out["accounts"] = nlohmann::json::array();
  for (const auto& a : view.accounts) {
    out["accounts"].push_back({{"code", a.code},
                               {"name", a.name},
                               {"kind", a.kind},
                               {"balance_fen", a.balance},
                               {"closed_on", a.closed_on.empty() ? nlohmann::json() : nlohmann::json(a.closed_on)}});
  }
  out["goods"] = nlohmann::json::array();
  for (const auto& line : view.goods) {
    out["goods"].push_back({{"item", line.item},
                            {"unit", line.unit},
                            {"quantity", util::format_quantity(line.quantity)},
                            {"value_fen", line.value}});
  }
  out["designations"] = nlohmann::json::array();
  for (const auto& d : view.designations) {
    out["designations"].push_back(
        {{"code", d.code},
         {"name", d.name},
         {"kind", d.kind},
         {"restricted", d.restricted},
         {"balance_fen", d.balance},
         {"closed_on", d.closed_on.empty() ? nlohmann::json() : nlohmann::json(d.closed_on)}});
  }
  return out;
}

std::string settings_text(const std::vector<books::SettingLine>& lines, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& line : lines) {
    const model::SettingDef* definition = model::find_setting(line.key);
    const std::string set = line.entry_id == 0 ? pick(lang, "默认", "default")
                                               : pick(lang, "第 ", "entry ") + std::to_string(line.entry_id) +
                                                     pick(lang, " 号（", " (") + line.date + pick(lang, "）", ")");
    cells.push_back({line.key, model::setting_display(line.key, line.value).in(lang), set,
                     definition == nullptr ? "" : definition->description.in(lang)});
  }
  return text_table({{pick(lang, "设置", "Setting")},
                     {pick(lang, "当前值", "Value")},
                     {pick(lang, "记于分录", "Stated by")},
                     {pick(lang, "说明", "Meaning")}},
                    cells) +
         pick(lang, "修改：cfund fund set 设置 值 --decision 决议编号\n",
              "To change one: cfund fund set KEY VALUE --decision REF\n");
}

nlohmann::json settings_json(const std::vector<books::SettingLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : lines) {
    nlohmann::json item = {{"key", line.key}, {"value", line.value}};
    item["entry"] = line.entry_id == 0 ? nlohmann::json() : nlohmann::json(line.entry_id);
    item["date"] = line.date.empty() ? nlohmann::json() : nlohmann::json(line.date);
    out.push_back(item);
  }
  return out;
}

std::string receipt_text(const books::Receipt& receipt, Lang lang) {
  const auto& d = receipt.donation;
  const bool en = lang == Lang::en;
  std::vector<std::pair<std::string, std::string>> lines;
  lines.emplace_back(pick(lang, "收据编号", "Receipt no."), d.receipt_no);
  lines.emplace_back(pick(lang, "日期", "Date"), d.date);
  lines.emplace_back(pick(lang, "捐赠人", "Donor"),
                     d.donor_name.empty()
                         ? pick(lang, "爱心人士（匿名）", "Anonymous donor")
                         : d.donor_name + (d.anonymous ? pick(lang, "（公示时匿名）", " (anonymous in notices)") : ""));
  if (d.form == "goods") {
    lines.emplace_back(pick(lang, "捐赠物资", "Goods"), goods_text(d));
    lines.emplace_back(pick(lang, "估价（小写）", "Estimated value"), util::format_amount(d.amount));
    lines.emplace_back(pick(lang, "估价（大写）", "In words"), receipt.amount_in_words);
  } else {
    lines.emplace_back(pick(lang, "金额（小写）", "Amount"), util::format_amount(d.amount));
    lines.emplace_back(pick(lang, "金额（大写）", "In words"), receipt.amount_in_words);
    lines.emplace_back(pick(lang, "收款方式", "Received into"), d.account_name);
  }
  lines.emplace_back(pick(lang, "捐赠用途", "Purpose"),
                     designation_shown(d.designation_code, d.designation_name, lang));
  if (!d.host_receipt.empty()) lines.emplace_back(pick(lang, "慈善会收据编号", "Official receipt no."), d.host_receipt);
  lines.emplace_back(pick(lang, "经办人", "Recorded by"), d.operator_name);

  int label_width = 0;
  for (const auto& line : lines) label_width = std::max(label_width, util::display_width(line.first));
  std::string out;
  const std::string title = en ? "DONATION RECEIPT" : "捐 赠 收 据";
  out += title + "\n";
  out += receipt.fund_name + "\n";
  if (!receipt.host.empty()) out += pick(lang, "依托：", "Hosted by: ") + receipt.host + "\n";
  out += std::string(40, '=') + "\n";
  for (const auto& [label, value] : lines) {
    out += util::pad_right(label, label_width) + "  " + util::single_line(value) + "\n";
  }
  out += std::string(40, '=') + "\n";
  // The reason of a void is the books' business, not the donor's (it may name a person).
  if (d.voided_by) {
    out += en ? fmt::format("VOID: this donation was reversed by entry {}\n", *d.voided_by)
              : fmt::format("作废：本笔捐赠已由第 {} 号分录红冲\n", *d.voided_by);
  }
  out += pick(lang, "感谢您对社区公益事业的支持！\n", "Thank you for supporting your community!\n");
  if (d.host_receipt.empty() && !receipt.host.empty()) {
    out += en ? fmt::format("The official receipt is issued by {}.\n", receipt.host)
              : fmt::format("正式捐赠票据由{}出具。\n", receipt.host);
  }
  return out;
}

}  // namespace cfund::render
