#include "render/audit_views.hpp"
#include "model/entry_kinds.hpp"

#include <filesystem>

#include "books/verification.hpp"
#include "render/table.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

std::string pick(Lang lang, const char* zh, const char* en) { return lang == Lang::en ? en : zh; }

std::string severity_shown(books::Severity severity, Lang lang) {
  switch (severity) {
    case books::Severity::error:
      return pick(lang, "错误", "error");
    case books::Severity::warning:
      return pick(lang, "警告", "warning");
    case books::Severity::info:
      return pick(lang, "提示", "info");
  }
  return "";
}

std::string entries_shown(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i == 6) return text + ",…";
    text += (text.empty() ? "" : ",") + std::to_string(ids[i]);
  }
  return text;
}

nlohmann::json optional_amount(const std::optional<util::Fen>& amount) {
  return amount ? nlohmann::json(*amount) : nlohmann::json(nullptr);
}

std::string kind_shown(const std::string& kind, Lang lang) { return model::entry_kind_name(kind, lang); }

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace

std::string audit_text(const books::AuditReport& report, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out = pick(lang, "审计：", "Audit: ") + report.fund_name + "\n";
  const std::string scope = report.period_label.empty() ? pick(lang, "全部账目", "all of the books")
                                                        : (en ? "the period " : "期间 ") + report.period_label;
  out += en ? fmt::format("Scope: {} (audited on {}, {} entries in the journal, {} checks)\n", scope, report.as_of,
                          report.entries, report.checked.size())
            : fmt::format("范围：{}（{} 审计，账套共 {} 条分录，{} 项检查）\n", scope, report.as_of, report.entries,
                          report.checked.size());
  out += "\n";
  if (report.findings.empty()) {
    out += pick(lang, "所有检查均未发现问题。\n", "No check found anything.\n");
  } else {
    std::vector<std::vector<std::string>> cells;
    for (const auto& f : report.findings) {
      cells.push_back({severity_shown(f.severity, lang), f.code, entries_shown(f.entries),
                       f.amount ? util::format_amount(*f.amount) : "", f.message.in(lang)});
    }
    out += text_table({{pick(lang, "级别", "Level")},
                       {pick(lang, "代码", "Code")},
                       {pick(lang, "分录", "Entries")},
                       {pick(lang, "金额", "Amount"), true},
                       {pick(lang, "说明", "Finding")}},
                      cells);
    out += "\n";
  }
  const int errors = report.count(books::Severity::error);
  const int warnings = report.count(books::Severity::warning);
  if (errors > 0) {
    out += en ? fmt::format("Result: {} error(s), {} warning(s): the books do NOT pass the audit\n", errors, warnings)
              : fmt::format("结论：发现 {} 项错误、{} 项警告，账目未通过审计\n", errors, warnings);
  } else {
    out += en ? fmt::format("Result: no errors, {} warning(s): the books pass the audit\n", warnings)
              : fmt::format("结论：未发现错误（{} 项警告），账目通过审计\n", warnings);
  }
  return out;
}

nlohmann::json audit_json(const books::AuditReport& report, Lang lang) {
  nlohmann::json out = {
      {"fund", report.fund_name},
      {"period", report.period_label.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.period_label)},
      {"as_of", report.as_of},
      {"entries", report.entries},
      {"clean", report.clean()},
      {"errors", report.count(books::Severity::error)},
      {"warnings", report.count(books::Severity::warning)},
      {"checked", report.checked}};
  out["findings"] = nlohmann::json::array();
  for (const auto& f : report.findings) {
    out["findings"].push_back({{"code", f.code},
                               {"severity", books::severity_name(f.severity)},
                               {"message", f.message.in(lang)},
                               {"entries", f.entries},
                               {"amount_fen", optional_amount(f.amount)},
                               {"from", f.from.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.from)},
                               {"to", f.to.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.to)}});
  }
  return out;
}

namespace {

// What a statement with a balance column (a bank's 余额) says of itself: its opening
// balance against the books, and whether its running balance holds line by line.
std::string statement_balances_text(const books::ReconcileReport& r, Lang lang) {
  if (!r.statement_has_balances) return "";
  const bool en = lang == Lang::en;
  std::string out;
  const util::Fen opening = *r.statement_opening;
  if (r.opening_agrees()) {
    out +=
        en ? fmt::format("Opening balance: statement {} = books at the end of {}\n", util::format_amount(opening),
                         r.opening_date)
           : fmt::format("期初余额：对账单 {}，与账面（截至 {}）一致\n", util::format_amount(opening), r.opening_date);
  } else {
    out += en ? fmt::format("Opening balance: statement {}, books {} at the end of {}: a difference of {}\n",
                            util::format_amount(opening), util::format_amount(r.books_opening), r.opening_date,
                            util::format_amount(opening - r.books_opening))
              : fmt::format("期初余额：对账单 {}，账面（截至 {}）{}，相差 {}\n", util::format_amount(opening),
                            r.opening_date, util::format_amount(r.books_opening),
                            util::format_amount(opening - r.books_opening));
  }
  if (r.first_break) {
    const auto& b = *r.first_break;
    out += en ? fmt::format(
                    "Running balance: line {} states {}, but the line before and its amount make {}; {} line(s) break "
                    "the statement's running balance (a line missing, or a wrong statement)\n",
                    b.line, util::format_amount(b.found), util::format_amount(b.expected), r.balance_breaks)
              : fmt::format(
                    "余额连续性：第 {} 行余额为 {}，按上一行余额加本行金额应为 {}；共 {} "
                    "行余额不连续（对账单缺行或有误）\n",
                    b.line, util::format_amount(b.found), util::format_amount(b.expected), r.balance_breaks);
  } else {
    out += pick(lang, "余额连续性：每一行的余额都等于上一行余额加减本行金额\n",
                "Running balance: every line's balance is the previous one plus or minus its amount\n");
  }
  if (!r.typed_agrees()) {
    out += en ? fmt::format("The closing balance typed ({}) differs from the statement's own ({})\n",
                            util::format_amount(*r.typed_closing), util::format_amount(*r.statement_closing))
              : fmt::format("输入的期末余额 {} 与对账单余额列的期末余额 {} 不一致\n",
                            util::format_amount(*r.typed_closing), util::format_amount(*r.statement_closing));
  }
  return out;
}

// One part of the reconciliation: its title and count, then its table or "(none)".
std::string section(const std::string& title, std::size_t count, const std::string& table, Lang lang) {
  std::string out =
      "\n" + title + (lang == Lang::en ? fmt::format(" ({})\n", count) : fmt::format("（{} 笔）\n", count));
  return out + (count == 0 ? pick(lang, "（无）\n", "(none)\n") : table);
}

// Statement lines matched with entries, by reference or by amount and date.
std::string matched_section(const books::ReconcileReport& r, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& m : r.matched) {
    cells.push_back({std::to_string(m.line.line), m.line.date.iso(), util::format_amount(m.line.amount),
                     m.line.reference, std::to_string(m.book.entry_id), m.book.date,
                     m.by_reference ? pick(lang, "流水号", "reference") : pick(lang, "金额和日期", "amount and date")});
  }
  return section(pick(lang, "已匹配", "Matched"), cells.size(),
                 text_table({{pick(lang, "行", "Line"), true},
                             {pick(lang, "日期", "Date")},
                             {pick(lang, "金额", "Amount"), true},
                             {pick(lang, "流水号", "Reference")},
                             {pick(lang, "分录", "Entry"), true},
                             {pick(lang, "记账日期", "Booked")},
                             {pick(lang, "匹配依据", "Matched by")}},
                            cells),
                 lang);
}

// Lines whose reference matches an entry of another amount.
std::string mismatch_section(const books::ReconcileReport& r, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& m : r.amount_mismatches) {
    cells.push_back({std::to_string(m.line.line), m.line.date.iso(), m.line.reference,
                     util::format_amount(m.line.amount), std::to_string(m.book.entry_id),
                     util::format_amount(m.book.amount), util::format_amount(m.line.amount - m.book.amount)});
  }
  return section(pick(lang, "金额不符（流水号相同）", "Amounts differ (same reference)"), cells.size(),
                 text_table({{pick(lang, "行", "Line"), true},
                             {pick(lang, "日期", "Date")},
                             {pick(lang, "流水号", "Reference")},
                             {pick(lang, "对账单金额", "Statement"), true},
                             {pick(lang, "分录", "Entry"), true},
                             {pick(lang, "账面金额", "Books"), true},
                             {pick(lang, "差额", "Difference"), true}},
                            cells),
                 lang);
}

// Entries no statement line matches.
std::string books_only_section(const books::ReconcileReport& r, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& b : r.only_in_books) {
    cells.push_back({std::to_string(b.entry_id), b.date, kind_shown(b.kind, lang), util::format_amount(b.amount),
                     b.reference, b.counterparty});
  }
  return section(pick(lang, "仅在账上（对账单中没有）", "Only in the books (not on the statement)"), cells.size(),
                 text_table({{pick(lang, "分录", "Entry"), true},
                             {pick(lang, "日期", "Date")},
                             {pick(lang, "类型", "Kind")},
                             {pick(lang, "金额", "Amount"), true},
                             {pick(lang, "流水号", "Reference")},
                             {pick(lang, "对方", "Counterparty")}},
                            cells),
                 lang);
}

// Statement lines no entry matches.
std::string statement_only_section(const books::ReconcileReport& r, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& l : r.only_in_statement) {
    cells.push_back({std::to_string(l.line), l.date.iso(), util::format_amount(l.amount), l.reference, l.counterparty});
  }
  return section(pick(lang, "仅在对账单上（账上没有）", "Only on the statement (not in the books)"), cells.size(),
                 text_table({{pick(lang, "行", "Line"), true},
                             {pick(lang, "日期", "Date")},
                             {pick(lang, "金额", "Amount"), true},
                             {pick(lang, "流水号", "Reference")},
                             {pick(lang, "对方", "Counterparty")}},
                            cells),
                 lang);
}

// The closing balance: the statement's against the books'.
std::string closing_line(const books::ReconcileReport& r, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out;
  if (!r.statement_closing) {
    out += en ? fmt::format("Closing balance: the books hold {} at the end of {}; the statement gives none\n",
                            util::format_amount(r.books_closing), r.last_date)
              : fmt::format("期末余额：账面截至 {} 为 {}；对账单未给出期末余额\n", r.last_date,
                            util::format_amount(r.books_closing));
  } else if (r.balance_agrees()) {
    out += en ? fmt::format("Closing balance: statement {} = books at the end of {}\n",
                            util::format_amount(*r.statement_closing), r.last_date)
              : fmt::format("期末余额：对账单 {}，与账面（截至 {}）一致\n", util::format_amount(*r.statement_closing),
                            r.last_date);
  } else {
    out +=
        en ? fmt::format("Closing balance: statement {}, books {} at the end of {}: a difference of {}\n",
                         util::format_amount(*r.statement_closing), util::format_amount(r.books_closing), r.last_date,
                         util::format_amount(*r.statement_closing - r.books_closing))
           : fmt::format("期末余额：对账单 {}，账面（截至 {}）{}，相差 {}\n", util::format_amount(*r.statement_closing),
                         r.last_date, util::format_amount(r.books_closing),
                         util::format_amount(*r.statement_closing - r.books_closing));
  }
  return out;
}

// The verdict, and that nothing was written.
std::string reconcile_verdict(const books::ReconcileReport& r, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out;
  if (r.clean()) {
    out += pick(lang, "结论：已对平，账上未作任何改动\n", "Result: reconciled; nothing was written to the books\n");
  } else {
    std::string zh, en_text;
    if (!r.balance_agrees()) zh += "，期末余额不一致", en_text += ", closing balances differ";
    if (!r.opening_agrees()) zh += "，期初余额不一致", en_text += ", opening balances differ";
    if (r.balance_breaks > 0) {
      zh += fmt::format("，对账单余额 {} 处不连续", r.balance_breaks);
      en_text += fmt::format(", the statement's balance breaks at {} lines", r.balance_breaks);
    }
    if (!r.typed_agrees()) zh += "，输入的期末余额与对账单不符", en_text += ", the typed closing balance differs";
    out += en ? fmt::format(
                    "Result: NOT reconciled: {} only in the books, {} only on the statement, {} with different "
                    "amounts{}; nothing was written to the books\n",
                    r.only_in_books.size(), r.only_in_statement.size(), r.amount_mismatches.size(), en_text)
              : fmt::format("结论：未对平：{} 笔仅在账上，{} 笔仅在对账单上，{} 笔金额不符{}；账上未作任何改动\n",
                            r.only_in_books.size(), r.only_in_statement.size(), r.amount_mismatches.size(), zh);
  }
  return out;
}

}  // namespace

std::string reconcile_text(const books::ReconcileReport& r, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out =
      en ? fmt::format(
               "Reconciliation of account '{}' ({}) with the statement {} ({} to {}, dates may differ by up to {} "
               "days)\n",
               r.account.name, r.account.code, file_name(r.statement_path), r.first_date, r.last_date, r.tolerance_days)
         : fmt::format("对账：资金账户“{}”（{}）与对账单 {}（{} 至 {}，日期容差 {} 天）\n", r.account.name,
                       r.account.code, file_name(r.statement_path), r.first_date, r.last_date, r.tolerance_days);
  out += matched_section(r, lang) + mismatch_section(r, lang) + books_only_section(r, lang) +
         statement_only_section(r, lang);
  out += "\n" + closing_line(r, lang);
  out += statement_balances_text(r, lang);
  return out + reconcile_verdict(r, lang);
}

nlohmann::json reconcile_json(const books::ReconcileReport& r) {
  auto line_json = [](const import::StatementLine& l) {
    return nlohmann::json{{"line", l.line},
                          {"date", l.date.iso()},
                          {"amount_fen", l.amount},
                          {"reference", l.reference},
                          {"counterparty", l.counterparty}};
  };
  auto book_json = [](const books::BookItem& b) {
    return nlohmann::json{{"entry", b.entry_id},    {"date", b.date},           {"kind", b.kind},
                          {"amount_fen", b.amount}, {"reference", b.reference}, {"counterparty", b.counterparty}};
  };
  nlohmann::json out = {{"account", r.account.code},
                        {"statement", file_name(r.statement_path)},
                        {"from", r.first_date},
                        {"to", r.last_date},
                        {"tolerance_days", r.tolerance_days},
                        {"clean", r.clean()},
                        {"statement_closing_fen", optional_amount(r.statement_closing)},
                        {"books_closing_fen", r.books_closing},
                        {"balance_agrees", r.balance_agrees()}};
  if (r.statement_has_balances) {
    out["statement_opening_fen"] = *r.statement_opening;
    out["books_opening_fen"] = r.books_opening;
    out["opening_date"] = r.opening_date;
    out["opening_agrees"] = r.opening_agrees();
    out["balance_breaks"] = r.balance_breaks;
    out["first_balance_break"] = r.first_break ? nlohmann::json{{"line", r.first_break->line},
                                                                {"expected_fen", r.first_break->expected},
                                                                {"found_fen", r.first_break->found}}
                                               : nlohmann::json(nullptr);
    out["typed_closing_fen"] = optional_amount(r.typed_closing);
  }
  out["matched"] = nlohmann::json::array();
  for (const auto& m : r.matched) {
    out["matched"].push_back({{"statement", line_json(m.line)},
                              {"books", book_json(m.book)},
                              {"by", m.by_reference ? "reference" : "amount_date"}});
  }
  out["amount_mismatches"] = nlohmann::json::array();
  for (const auto& m : r.amount_mismatches) {
    out["amount_mismatches"].push_back({{"statement", line_json(m.line)},
                                        {"books", book_json(m.book)},
                                        {"difference_fen", m.line.amount - m.book.amount}});
  }
  out["only_in_books"] = nlohmann::json::array();
  for (const auto& b : r.only_in_books) out["only_in_books"].push_back(book_json(b));
  out["only_in_statement"] = nlohmann::json::array();
  for (const auto& l : r.only_in_statement) out["only_in_statement"].push_back(line_json(l));
  return out;
}

std::string witness_text(const books::NoticeCheck& c, const std::string& fund_name, const std::string& today,
                         Lang lang) {
  const bool en = lang == Lang::en;
  if (!c.chain.ok()) {
    return en ? fmt::format("No witness code: the hash chain is BROKEN at entry {}: {}\n", *c.chain.first_bad_entry,
                            c.chain.problem->en)
              : fmt::format("不能出具见证码：哈希链断裂（第 {} 号分录）：{}\n", *c.chain.first_bad_entry,
                            c.chain.problem->zh);
  }
  const std::string code = books::verification_code(c.chain.head);
  if (en) {
    return fmt::format(
        "{} · {} · entries 1 to {} · verification code {}\n"
        "Copy this line into the supervisors' minutes. Anyone can later check it with cfund audit verify --code {}: "
        "it matches as long as these {} entries are unchanged.\n",
        today, fund_name, c.chain.entries, code, code, c.chain.entries);
  }
  return fmt::format(
      "{} · {} · 第 1 至 {} 号分录 · 校验码 {}\n"
      "请把这一行抄入监督会议纪要。日后任何人可用 cfund audit verify --code {} 核对：只要这 {} "
      "条分录未被改动，它就相符。\n",
      today, fund_name, c.chain.entries, code, code, c.chain.entries);
}

std::string notice_check_text(const books::NoticeCheck& c, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out;
  if (c.chain.ok()) {
    out += en ? fmt::format("The hash chain is intact: {} entries; a notice made now would carry the code {}\n",
                            c.chain.entries, books::verification_code(c.chain.head))
              : fmt::format("哈希链完整：共 {} 条分录；此刻生成的公示校验码为 {}\n", c.chain.entries,
                            books::verification_code(c.chain.head));
  } else {
    out += en ? fmt::format("The hash chain is BROKEN at entry {}: {}\n", *c.chain.first_bad_entry, c.chain.problem->en)
              : fmt::format("哈希链断裂（第 {} 号分录）：{}\n", *c.chain.first_bad_entry, c.chain.problem->zh);
  }
  if (c.code.empty()) return out;
  if (!c.matched) {
    out += en ? fmt::format(
                    "The code {} does NOT match these books: no state of this journal gives it (the notice was not "
                    "made from this fund file, or the books were rewritten)\n",
                    c.code)
              : fmt::format(
                    "校验码 {} "
                    "与本账套不符：账目的任何一个状态都不产生这个校验码（公示不是由这份账套生成，或账目已被改写）\n",
                    c.code);
    return out;
  }
  if (c.covered_through == 0) {
    out += en ? fmt::format("The code {} matches these books: the notice was made when the journal was still empty\n",
                            c.code)
              : fmt::format("校验码 {} 与本账套相符：该公示生成时账上尚无分录\n", c.code);
  } else {
    const std::string range = c.covered_through == 1 ? (en ? "entry 1" : "第 1 号分录")
                                                     : (en ? fmt::format("entries 1 to {}", c.covered_through)
                                                           : fmt::format("第 1 至 {} 号分录", c.covered_through));
    out += en ? fmt::format("The code {} matches these books: the notice or witness covered {} (dated {} to {})\n",
                            c.code, range, c.first_date, c.last_date)
              : fmt::format("校验码 {} 与本账套相符：该公示或见证依据{}（日期 {} 至 {}）\n", c.code, range,
                            c.first_date, c.last_date);
  }
  if (c.altered_within()) {
    out +=
        en ? fmt::format("But entry {} of those was changed afterwards: the notice no longer agrees with the books\n",
                         *c.chain.first_bad_entry)
           : fmt::format("但其中第 {} 号分录此后被改动：该公示已不能与账目对应\n", *c.chain.first_bad_entry);
  }
  out += c.later_entries == 0 ? pick(lang, "此后没有新的分录\n", "No entries were recorded after it\n")
                              : (en ? fmt::format("{} entries were recorded after it\n", c.later_entries)
                                    : fmt::format("此后又记了 {} 条分录\n", c.later_entries));
  return out;
}

nlohmann::json notice_check_json(const books::NoticeCheck& c, Lang lang) {
  nlohmann::json out = {
      {"chain_ok", c.chain.ok()},
      {"entries_verified", c.chain.ok() ? c.chain.entries : *c.chain.first_bad_entry - 1},
      {"first_bad_entry", c.chain.first_bad_entry ? nlohmann::json(*c.chain.first_bad_entry) : nlohmann::json(nullptr)},
      {"problem", c.chain.problem ? nlohmann::json(c.chain.problem->in(lang)) : nlohmann::json(nullptr)},
      {"current_code", c.chain.ok() ? nlohmann::json(books::verification_code(c.chain.head)) : nlohmann::json(nullptr)},
      {"ok", c.ok()}};
  if (!c.code.empty()) {
    out["code"] = c.code;
    out["matched"] = c.matched;
    if (c.matched) {
      out["covered_entries"] = {{"from", c.covered_through == 0 ? 0 : 1}, {"to", c.covered_through}};
      out["covered_dates"] = {{"from", c.first_date}, {"to", c.last_date}};
      out["later_entries"] = c.later_entries;
      out["altered_within"] = c.altered_within();
    }
  }
  return out;
}

std::string closed_period_text(const books::ClosedPeriod& closed, Lang lang) {
  return lang == Lang::en
             ? fmt::format(
                   "Closed the books through {} (entry {}): nothing can be dated on or before {} any more; corrections "
                   "go into the open period\n",
                   closed.through, closed.entry_id, closed.last_day.iso())
             : fmt::format("已结账至 {}（第 {} 号分录）：此后不能再记入 {} 及以前的日期，更正请记入未结账的期间\n",
                           closed.through, closed.entry_id, closed.last_day.iso());
}

}  // namespace cfund::render
