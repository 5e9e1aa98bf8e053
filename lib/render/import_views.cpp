#include "render/import_views.hpp"

#include <fmt/format.h>

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
std::string source_text(const books::ImportReport& report, Lang lang) {
  if (report.format == import::FileFormat::csv) {
    return lang == Lang::en ? encoding_name(report.encoding, lang) : "编码 " + encoding_name(report.encoding, lang);
  }
  const char* kind = report.format == import::FileFormat::xlsx ? ".xlsx" : ".xls";
  return lang == Lang::en ? fmt::format("Excel workbook ({}), sheet '{}'", kind, report.sheet)
                          : fmt::format("Excel 工作簿（{}），工作表“{}”", kind, report.sheet);
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string first_rows_table(const books::ImportReport& report, Lang lang) {
  const bool donations = report.target == books::ImportTarget::donations;
  std::vector<Column> columns = {{pick(lang, "行号", "Line"), true},
                                 {pick(lang, "日期", "Date")},
                                 {pick(lang, "金额", "Amount"), true},
                                 {donations ? pick(lang, "捐赠人", "Donor") : pick(lang, "收款方", "Payee")},
                                 {pick(lang, "流水号", "Reference")},
                                 {pick(lang, "账户", "Account")},
                                 {pick(lang, "用途", "Designation")},
                                 {donations ? pick(lang, "收据号", "Receipt") : pick(lang, "类别", "Category")}};
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : report.first_rows) {
    std::string who = row.counterparty;
    if (row.anonymous)
      who = who.empty() ? pick(lang, "（匿名）", "(anonymous)") : who + pick(lang, "（匿名）", " (anonymous)");
    cells.push_back({std::to_string(row.line), row.date, util::format_amount(row.amount), who, row.reference,
                     row.account, row.designation.empty() ? pick(lang, "非限定", "general") : row.designation,
                     donations ? (report.dry_run ? "-" : row.receipt_no) : row.category});
  }
  return text_table(columns, cells);
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
  out +=
      en ? fmt::format("  {} transaction rows read: {} {} {} totalling {}; {} already in the books\n", report.rows_read,
                       verb, report.rows_added, what, util::format_amount(report.amount_added), report.rows_present)
         : fmt::format("  读取交易行 {} 行：{}{} {} 笔，共 {}；已在账上 {} 行\n", report.rows_read, verb, what,
                       report.rows_added, util::format_amount(report.amount_added), report.rows_present);
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
  if (report.rows_added == 0) {
    out += en ? "  Nothing new: the books are unchanged\n" : "  没有新的行：账目没有改变\n";
    return out;
  }
  if (!report.dry_run) {
    const bool one = report.first_entry == report.last_entry;
    std::string entries = en ? (one ? fmt::format("Entry {}", report.first_entry)
                                    : fmt::format("Entries {}–{}", report.first_entry, report.last_entry))
                             : (one ? fmt::format("分录第 {} 号", report.first_entry)
                                    : fmt::format("分录第 {}–{} 号", report.first_entry, report.last_entry));
    if (donations) {
      entries += en ? (one ? fmt::format(", receipt {}", report.first_receipt)
                           : fmt::format(", receipts {} to {}", report.first_receipt, report.last_receipt))
                    : (one ? fmt::format("，收据编号 {}", report.first_receipt)
                           : fmt::format("，收据编号 {} 至 {}", report.first_receipt, report.last_receipt));
    }
    out += en ? fmt::format("  {}; the import is recorded as entry {}\n", entries, report.import_entry)
              : fmt::format("  {}；导入记录为第 {} 号分录\n", entries, report.import_entry);
  }
  out += first_rows_table(report, lang);
  if (report.rows_added > static_cast<std::int64_t>(report.first_rows.size())) {
    out += en ? fmt::format("(the first {} of {} rows)\n", report.first_rows.size(), report.rows_added)
              : fmt::format("（只列出前 {} 行，共 {} 行）\n", report.first_rows.size(), report.rows_added);
  }
  return out;
}

nlohmann::json import_report_json(const books::ImportReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : report.first_rows) {
    rows.push_back({{"line", row.line},
                    {"date", row.date},
                    {"amount_fen", row.amount},
                    {"counterparty", row.counterparty},
                    {"anonymous", row.anonymous},
                    {"reference", row.reference},
                    {"account", row.account},
                    {"designation", row.designation},
                    {"category", row.category},
                    {"receipt_no", row.receipt_no},
                    {"entry", row.entry_id}});
  }
  nlohmann::json out = {
      {"target", report.target == books::ImportTarget::donations ? "donations" : "disbursements"},
      {"dry_run", report.dry_run},
      {"file", report.path},
      {"profile", report.profile},
      {"format", report.format == import::FileFormat::csv    ? "csv"
                 : report.format == import::FileFormat::xlsx ? "xlsx"
                                                             : "xls"},
      {"sheet", report.sheet.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.sheet)},
      {"sha256", report.sha256},
      {"rows_read", report.rows_read},
      {"rows_added", report.rows_added},
      {"rows_present", report.rows_present},
      {"rows_other_direction", report.rows_other_direction},
      {"rows_filtered", report.rows_filtered},
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

std::string import_progress_line(std::uint64_t done, std::uint64_t total, Lang lang) {
  constexpr int kWidth = 30;
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * kWidth);
  return fmt::format("{} [{}{}] {:3d}%  {:.1f}/{:.1f} MB", pick(lang, "导入中", "importing"), std::string(filled, '#'),
                     std::string(kWidth - filled, ' '), static_cast<int>(fraction * 100), done / 1e6, total / 1e6);
}

}  // namespace cfund::render
