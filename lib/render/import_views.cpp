#include "render/import_views.hpp"

#include <fmt/format.h>

#include "model/categories.hpp"
#include "model/entry_kinds.hpp"
#include "render/table.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

const std::string& pick(Lang lang, const std::string& zh, const std::string& en) { return lang == Lang::en ? en : zh; }

std::string encoding_name(import::Encoding encoding, Lang lang) {
  switch (encoding) {
    case import::Encoding::utf8_bom:
      return pick(lang, "UTF-8（带 BOM）", "UTF-8 with BOM");
    case import::Encoding::gb18030:
      return pick(lang, "GBK/GB18030", "GBK/GB18030");
    case import::Encoding::utf8:
      break;
  }
  return "UTF-8";
}

// How the file was read: "编码 GBK/GB18030" for CSV, "Excel 工作簿（.xlsx），工作表“明细”" for a workbook.
std::string source_text(import::FileFormat format, import::Encoding encoding, const std::string& sheet, Lang lang) {
  if (format == import::FileFormat::csv) {
    return lang == Lang::en ? encoding_name(encoding, lang) : "编码 " + encoding_name(encoding, lang);
  }
  const char* kind = format == import::FileFormat::xlsx ? ".xlsx" : ".xls";
  return lang == Lang::en ? fmt::format("Excel workbook ({}), sheet '{}'", kind, sheet)
                          : fmt::format("Excel 工作簿（{}），工作表“{}”", kind, sheet);
}

std::string source_text(const books::ImportReport& report, Lang lang) {
  return source_text(report.format, report.encoding, report.sheet, lang);
}

const char* format_id(import::FileFormat format) {
  return format == import::FileFormat::csv ? "csv" : format == import::FileFormat::xlsx ? "xlsx" : "xls";
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Whether a row was booked as the command's own kind (a donation, a payment).
bool default_kind(const books::ImportReport& report, const books::ImportedRow& row) {
  return row.booked_as == (report.target == books::ImportTarget::donations ? model::entry_kind::donation
                                                                           : model::entry_kind::disbursement);
}

// What a row other than a donation or a payment was booked as: 利息收入, 从 cash 转入.
std::string booked_as_text(const books::ImportReport& report, const books::ImportedRow& row, Lang lang) {
  if (row.booked_as == model::entry_kind::income) {
    const auto* kind = model::find_income_kind(row.income_kind);
    return kind != nullptr ? kind->name.in(lang) : row.income_kind;
  }
  if (row.booked_as == model::entry_kind::transfer) {
    const bool in = report.target == books::ImportTarget::donations;
    if (lang == Lang::en) return fmt::format(in ? "transfer from {}" : "transfer to {}", row.other_account);
    return fmt::format(in ? "从 {} 转入" : "转入 {}", row.other_account);
  }
  return model::entry_kind_name(row.booked_as, lang);
}

std::string first_rows_table(const books::ImportReport& report, Lang lang) {
  const bool donations = report.target == books::ImportTarget::donations;
  bool mixed = false;
  for (const auto& row : report.first_rows) mixed = mixed || !default_kind(report, row);
  std::vector<Column> columns = {{pick(lang, "行号", "Line"), true},
                                 {pick(lang, "日期", "Date")},
                                 {pick(lang, "金额", "Amount"), true},
                                 {donations ? pick(lang, "捐赠人", "Donor") : pick(lang, "收款方", "Payee")},
                                 {pick(lang, "流水号", "Reference")},
                                 {pick(lang, "账户", "Account")},
                                 {pick(lang, "用途", "Designation")},
                                 {donations ? pick(lang, "收据号", "Receipt") : pick(lang, "类别", "Category")}};
  if (mixed) columns.push_back({pick(lang, "记为", "Booked as")});
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : report.first_rows) {
    std::string who = row.counterparty;
    if (row.anonymous)
      who = who.empty() ? pick(lang, "（匿名）", "(anonymous)") : who + pick(lang, "（匿名）", " (anonymous)");
    const bool transfer = row.booked_as == model::entry_kind::transfer;
    const std::string designation = transfer                  ? "-"
                                    : row.designation.empty() ? pick(lang, "非限定", "general")
                                                              : row.designation;
    std::string last = donations ? (report.dry_run || row.receipt_no.empty() ? "-" : row.receipt_no)
                                 : (row.category.empty() ? "-" : row.category);
    cells.push_back({std::to_string(row.line), row.date, util::format_amount(row.amount), who, row.reference,
                     row.account, designation, last});
    if (mixed) cells.back().push_back(default_kind(report, row) ? "" : booked_as_text(report, row, lang));
  }
  return text_table(columns, cells);
}

// Line, date, amount and counterparty, then the list's own columns.
std::vector<Column> row_columns(Lang lang, std::initializer_list<Column> more) {
  std::vector<Column> columns = {{pick(lang, "行号", "Line"), true},
                                 {pick(lang, "日期", "Date")},
                                 {pick(lang, "金额", "Amount"), true},
                                 {pick(lang, "对方", "Counterparty")}};
  columns.insert(columns.end(), more);
  return columns;
}

// The rows that matched entries recorded otherwise, and the rows left unrecorded.
std::string matched_and_unrecorded(const books::ImportReport& report, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out;
  if (report.rows_matched > 0) {
    out += en ? fmt::format(
                    "  {} of the rows already in the books match entries recorded otherwise (by hand, or "
                    "from another file):\n",
                    report.rows_matched)
              : fmt::format("  已在账上的行中，{} 行对上了另行登记的分录（手工登记或从别的文件导入）：\n",
                            report.rows_matched);
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : report.matched) {
      cells.push_back({std::to_string(row.line), row.date, util::format_amount(row.amount), row.counterparty,
                       std::to_string(row.entry_id) + " " + model::entry_kind_name(row.kind, lang)});
    }
    out += text_table(row_columns(lang, {{pick(lang, "对上的分录", "Matched entry")}}), cells);
  }
  if (report.rows_unrecorded > 0) {
    out += en ? fmt::format(
                    "  {} rows NOT recorded: record them by hand (they then match when imported again), or "
                    "give what is missing in the file:\n",
                    report.rows_unrecorded)
              : fmt::format("  未记账 {} 行：请手工登记（再导入时会对上），或在文件中补上所缺后再导入：\n",
                            report.rows_unrecorded);
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : report.unrecorded) {
      cells.push_back({std::to_string(row.line), row.date, util::format_amount(row.amount), row.counterparty,
                       row.reference, row.why.in(lang)});
    }
    out += text_table(row_columns(lang, {{pick(lang, "流水号", "Reference")}, {pick(lang, "原因", "Why")}}), cells);
  }
  const auto listed = report.matched.size() + report.unrecorded.size();
  if (static_cast<std::int64_t>(listed) < report.rows_matched + report.rows_unrecorded) {
    out += en ? fmt::format("(the first {} of each list)\n", books::ImportReport::kListed)
              : fmt::format("（每项只列出前 {} 行）\n", books::ImportReport::kListed);
  }
  return out;
}

// "分录第 3–5 号，收据编号 … ；导入记录为第 6 号分录".
std::string entries_line(const books::ImportReport& report, Lang lang) {
  const bool en = lang == Lang::en;
  const bool one = report.first_entry == report.last_entry;
  std::string entries = en ? (one ? fmt::format("Entry {}", report.first_entry)
                                  : fmt::format("Entries {}–{}", report.first_entry, report.last_entry))
                           : (one ? fmt::format("分录第 {} 号", report.first_entry)
                                  : fmt::format("分录第 {}–{} 号", report.first_entry, report.last_entry));
  if (report.target == books::ImportTarget::donations && !report.first_receipt.empty()) {
    const bool one_receipt = report.first_receipt == report.last_receipt;
    entries += en ? (one_receipt ? fmt::format(", receipt {}", report.first_receipt)
                                 : fmt::format(", receipts {} to {}", report.first_receipt, report.last_receipt))
                  : (one_receipt ? fmt::format("，收据编号 {}", report.first_receipt)
                                 : fmt::format("，收据编号 {} 至 {}", report.first_receipt, report.last_receipt));
  }
  return en ? fmt::format("  {}; the import is recorded as entry {}\n", entries, report.import_entry)
            : fmt::format("  {}；导入记录为第 {} 号分录\n", entries, report.import_entry);
}

// "另新增其他收入 1 笔，共 ¥12.34；账户间转账 1 笔，共 ¥2,000.00" for what a donation import
// booked besides donations (a payment import, besides payments).
std::string other_kinds_line(const books::ImportReport& report, Lang lang) {
  const bool en = lang == Lang::en;
  const std::string verb = report.dry_run ? pick(lang, "将", "would be ") : "";
  std::vector<std::string> parts;
  const auto part = [&](const books::Tally& tally, const char* zh, const char* en_name) {
    if (tally.rows == 0) return;
    parts.push_back(en ? fmt::format("{} {} totalling {}", tally.rows, en_name, util::format_amount(tally.amount))
                       : fmt::format("{} {} 笔，共 {}", zh, tally.rows, util::format_amount(tally.amount)));
  };
  part(report.incomes, "其他收入", "other income");
  part(report.transfers, "账户间转账", "transfers between accounts");
  if (parts.empty()) return "";
  std::string joined;
  for (const auto& p : parts) joined += (joined.empty() ? "" : pick(lang, "；", "; ")) + p;
  return en ? fmt::format("  Also {}added: {}\n", verb, joined) : fmt::format("  另{}新增{}\n", verb, joined);
}

}  // namespace

std::string import_report_text(const books::ImportReport& report, Lang lang) {
  const bool donations = report.target == books::ImportTarget::donations;
  const bool en = lang == Lang::en;
  const std::string file = base_name(report.path);
  std::string out;
  if (report.dry_run) {
    out += en ? fmt::format("Dry run, nothing written: {} (profile {}, {})\n", file, report.profile,
                            source_text(report, lang))
              : fmt::format("试运行，没有写入：{}（配置 {}，{}）\n", file, report.profile, source_text(report, lang));
  } else {
    out += en ? fmt::format("Imported {} (profile {}, {})\n", file, report.profile, source_text(report, lang))
              : fmt::format("导入 {}（配置 {}，{}）\n", file, report.profile, source_text(report, lang));
  }
  const std::string what = donations ? pick(lang, "捐赠", "donations") : pick(lang, "支出", "payments");
  const std::string verb = report.dry_run ? pick(lang, "将新增", "would add") : pick(lang, "新增", "added");
  const books::Tally& own = donations ? report.donations : report.payments;
  out += en ? fmt::format("  {} transaction rows read: {} {} {} totalling {}; {} already in the books\n",
                          report.rows_read, verb, own.rows, what, util::format_amount(own.amount), report.rows_present)
            : fmt::format("  读取交易行 {} 行：{}{} {} 笔，共 {}；已在账上 {} 行\n", report.rows_read, verb, what,
                          own.rows, util::format_amount(own.amount), report.rows_present);
  out += other_kinds_line(report, lang);
  if (report.rows_other_direction > 0) {
    out += en ? fmt::format("  {} rows left out: {}\n", report.rows_other_direction,
                            donations ? "money paid out (import them with cfund disburse import)"
                                      : "money received (import them with cfund donate import)")
              : fmt::format("  另有 {} 行{}，未计入\n", report.rows_other_direction,
                            donations ? "是支出（请用 cfund disburse import 导入）"
                                      : "是收入（请用 cfund donate import 导入）");
  }
  if (report.rows_filtered > 0) {
    out += en ? fmt::format("  {} rows left out by the profile (refunds, failed or neutral trades)\n",
                            report.rows_filtered)
              : fmt::format("  按导入配置略过 {} 行（退款、未成功或中性交易）\n", report.rows_filtered);
  }
  for (const auto& [reason, rows] : report.skipped) {
    out += en ? fmt::format("  {} rows left out by a classify rule: {}\n", rows, reason)
              : fmt::format("  按分类规则略过 {} 行：{}\n", rows, reason);
  }
  if (report.characters_removed > 0) {
    std::string lines;
    for (const int line : report.lines_with_characters_removed) {
      lines += (lines.empty() ? "" : en ? ", " : "、") + std::to_string(line);
    }
    if (report.lines_with_characters_removed.size() == import::ReadSummary::kRemovedLinesShown) lines += " …";
    out += en ? fmt::format(
                    "  {} invisible control, direction or zero-width characters were removed from the text "
                    "(lines {})\n",
                    report.characters_removed, lines)
              : fmt::format("  已从文字中删去 {} 个不可见的控制字符或方向、零宽字符（第 {} 行）\n",
                            report.characters_removed, lines);
  }
  if (report.same_file_before) {
    out += en ? fmt::format("  Note: this same file (same SHA-256) was imported before, at {} (entry {})\n",
                            report.same_file_before->recorded_at, report.same_file_before->entry_id)
              : fmt::format("  注意：同一文件（SHA-256 相同）已于 {} 导入过（第 {} 号分录）\n",
                            report.same_file_before->recorded_at, report.same_file_before->entry_id);
  }
  out += matched_and_unrecorded(report, lang);
  if (report.rows_added == 0) {
    out += en ? "  Nothing new: the books are unchanged\n" : "  没有新的行：账目没有改变\n";
    return out;
  }
  if (!report.dry_run) out += entries_line(report, lang);
  out += first_rows_table(report, lang);
  if (report.rows_added > static_cast<std::int64_t>(report.first_rows.size())) {
    out += en ? fmt::format("(the first {} of {} rows)\n", report.first_rows.size(), report.rows_added)
              : fmt::format("（只列出前 {} 行，共 {} 行）\n", report.first_rows.size(), report.rows_added);
  }
  return out;
}

nlohmann::json import_report_json(const books::ImportReport& report, Lang lang) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : report.first_rows) {
    nlohmann::json item = {{"line", row.line},           {"date", row.date},
                           {"amount_fen", row.amount},   {"counterparty", row.counterparty},
                           {"anonymous", row.anonymous}, {"reference", row.reference},
                           {"account", row.account},     {"designation", row.designation},
                           {"category", row.category},   {"receipt_no", row.receipt_no},
                           {"entry", row.entry_id},      {"booked_as", row.booked_as}};
    if (!row.income_kind.empty()) item["income_kind"] = row.income_kind;
    if (!row.other_account.empty()) item["other_account"] = row.other_account;
    rows.push_back(std::move(item));
  }
  nlohmann::json matched = nlohmann::json::array();
  for (const auto& row : report.matched) {
    matched.push_back({{"line", row.line},
                       {"date", row.date},
                       {"amount_fen", row.amount},
                       {"counterparty", row.counterparty},
                       {"entry", row.entry_id},
                       {"kind", row.kind}});
  }
  nlohmann::json unrecorded = nlohmann::json::array();
  for (const auto& row : report.unrecorded) {
    unrecorded.push_back({{"line", row.line},
                          {"date", row.date},
                          {"amount_fen", row.amount},
                          {"counterparty", row.counterparty},
                          {"reference", row.reference},
                          {"why", row.why.in(lang)}});
  }
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& [reason, count] : report.skipped) skipped.push_back({{"reason", reason}, {"rows", count}});
  const auto tally = [](const books::Tally& t) { return nlohmann::json{{"rows", t.rows}, {"amount_fen", t.amount}}; };
  nlohmann::json out = {
      {"target", report.target == books::ImportTarget::donations ? "donations" : "disbursements"},
      {"dry_run", report.dry_run},
      {"file", report.path},
      {"profile", report.profile},
      {"format", format_id(report.format)},
      {"sheet", report.sheet.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.sheet)},
      {"sha256", report.sha256},
      {"rows_read", report.rows_read},
      {"rows_added", report.rows_added},
      {"booked",
       {{"donations", tally(report.donations)},
        {"incomes", tally(report.incomes)},
        {"payments", tally(report.payments)},
        {"transfers", tally(report.transfers)}}},
      {"rows_present", report.rows_present},
      {"rows_matched", report.rows_matched},
      {"matched", matched},
      {"rows_unrecorded", report.rows_unrecorded},
      {"unrecorded", unrecorded},
      {"rows_other_direction", report.rows_other_direction},
      {"rows_filtered", report.rows_filtered},
      {"rows_skipped", report.rows_skipped},
      {"skipped", skipped},
      {"characters_removed", report.characters_removed},
      {"lines_with_characters_removed", report.lines_with_characters_removed},
      {"amount_added_fen", report.amount_added},
      {"first_entry", report.first_entry},
      {"last_entry", report.last_entry},
      {"import_entry", report.import_entry},
      {"first_rows", rows},
  };
  if (report.same_file_before) {
    out["same_file_before"] = {{"entry", report.same_file_before->entry_id},
                               {"recorded_at", report.same_file_before->recorded_at}};
  }
  return out;
}

namespace {

std::string action_text(const books::RegisterRow& row, Lang lang) {
  switch (row.action) {
    case books::RegisterAction::registered:
      return pick(lang, "新登记", "registered");
    case books::RegisterAction::matched:
      return pick(lang, "已登记", "already registered");
    case books::RegisterAction::updated:
      break;
  }
  std::string changed;
  for (const auto& field : row.changed) {
    const std::string name = field == "id_number" ? pick(lang, "身份证号", "ID number")
                             : field == "phone"   ? pick(lang, "电话", "phone")
                                                  : pick(lang, "住址", "address");
    changed += (changed.empty() ? "" : pick(lang, "、", ", ")) + name;
  }
  return lang == Lang::en ? "updated: " + changed : "已登记，更新" + changed;
}

const char* action_id(books::RegisterAction action) {
  switch (action) {
    case books::RegisterAction::registered:
      return "registered";
    case books::RegisterAction::matched:
      return "matched";
    case books::RegisterAction::updated:
      break;
  }
  return "updated";
}

}  // namespace

std::string register_report_text(const books::BeneficiaryImportReport& report, Lang lang) {
  const bool en = lang == Lang::en;
  const std::string file = base_name(report.path);
  const std::string source = source_text(report.format, report.encoding, report.sheet, lang);
  std::string out =
      report.dry_run
          ? (en ? fmt::format("Dry run, nothing written: {} (profile {}, {})\n", file, report.profile, source)
                : fmt::format("试运行，没有写入：{}（配置 {}，{}）\n", file, report.profile, source))
          : (en ? fmt::format("Imported the register {} (profile {}, {})\n", file, report.profile, source)
                : fmt::format("导入受助对象名册 {}（配置 {}，{}）\n", file, report.profile, source));
  const std::string verb =
      report.dry_run ? pick(lang, "将新登记", "would register") : pick(lang, "新登记", "registered");
  const std::string known = report.dry_run ? pick(lang, "将更新", "would update") : pick(lang, "更新", "updated");
  out += en ? fmt::format(
                  "  {} rows read: {} {} new; {} already registered, of whom {} {} (phone, address or ID "
                  "number changed)\n",
                  report.rows_read, verb, report.registered, report.matched + report.updated, known, report.updated)
            : fmt::format("  读取 {} 行：{} {} 人；已登记 {} 人，其中{}信息 {} 人（电话、住址或补登身份证号）\n",
                          report.rows_read, verb, report.registered, report.matched + report.updated, known,
                          report.updated);
  if (report.rows_filtered > 0) {
    out += en ? fmt::format("  {} rows left out by the profile\n", report.rows_filtered)
              : fmt::format("  按导入配置略过 {} 行\n", report.rows_filtered);
  }
  if (report.rows_empty > 0) {
    out += en ? fmt::format("  {} rows name nobody (no name, ID number, phone or address): passed over\n",
                            report.rows_empty)
              : fmt::format("  跳过 {} 行：没有姓名、身份证号、电话和住址\n", report.rows_empty);
  }
  if (report.registered + report.updated == 0) {
    out += en ? "  Nothing new: the books are unchanged\n" : "  没有新的人或变更：账目没有改变\n";
    return out;
  }
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : report.rows) {
    if (row.action == books::RegisterAction::matched) continue;
    cells.push_back({std::to_string(row.line), fmt::format("B{:04d}", row.number), row.name, row.category,
                     row.id_number, action_text(row, lang)});
  }
  out += text_table({{pick(lang, "行号", "Line"), true},
                     {pick(lang, "编号", "No.")},
                     {pick(lang, "姓名", "Name")},
                     {pick(lang, "类别", "Category")},
                     {pick(lang, "身份证号", "ID number")},
                     {pick(lang, "结果", "Result")}},
                    cells);
  out += pick(lang, "个人信息已遮盖（cfund beneficiary list --full 可看完整信息，请勿外传）\n",
              "Personal data is masked (cfund beneficiary list --full shows it in full: keep it private)\n");
  return out;
}

nlohmann::json register_report_json(const books::BeneficiaryImportReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : report.rows) {
    rows.push_back({{"line", row.line},
                    {"number", row.number},
                    {"code", fmt::format("B{:04d}", row.number)},
                    {"name", row.name},
                    {"id_number", row.id_number},
                    {"category", row.category},
                    {"action", action_id(row.action)},
                    {"matched_by", row.action == books::RegisterAction::registered ? nlohmann::json(nullptr)
                                   : row.by_id_number                              ? nlohmann::json("id_number")
                                                                                   : nlohmann::json("name_phone")},
                    {"changed", row.changed},
                    {"entry", row.entry_id}});
  }
  return {{"dry_run", report.dry_run},
          {"file", report.path},
          {"profile", report.profile},
          {"format", format_id(report.format)},
          {"sheet", report.sheet.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.sheet)},
          {"sha256", report.sha256},
          {"rows_read", report.rows_read},
          {"registered", report.registered},
          {"matched", report.matched},
          {"updated", report.updated},
          {"rows_filtered", report.rows_filtered},
          {"rows_empty", report.rows_empty},
          {"rows", rows}};
}

std::string import_progress_line(std::uint64_t done, std::uint64_t total, Lang lang) {
  constexpr int kWidth = 30;
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * kWidth);
  return fmt::format("{} [{}{}] {:3d}%  {:.1f}/{:.1f} MB", pick(lang, "导入中", "importing"), std::string(filled, '#'),
                     std::string(kWidth - filled, ' '), static_cast<int>(fraction * 100), done / 1e6, total / 1e6);
}

}  // namespace cfund::render
