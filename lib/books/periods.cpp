#include "books/periods.hpp"

#include <cctype>

#include "books/audit.hpp"
#include "error.hpp"
#include "storage/audit_queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

ClosedPeriod close_period(storage::FundFile& file, const Recorder& recorder, const std::string& month_text) {
  const std::string text = util::trim(month_text);
  const auto month = util::parse_period(text);
  const bool is_month = month && month->label.size() == 7 && month->label[4] == '-' &&
                        std::isdigit(static_cast<unsigned char>(month->label[5])) != 0;
  if (!is_month) {
    throw InputError(bilingual(
        "PERIOD：结账按月进行，请写成月份，如 2025-02（“{0}”不是月份）",
        "PERIOD: the books are closed by month; write a month such as 2025-02 ('{0}' is not one)", month_text));
  }
  storage::FundFile::WriteTransaction tx(file);
  if (const auto closed = storage::latest_closed_month(file); closed && month->label <= *closed) {
    throw Refused(
        bilingual("{0} 已经结账（已结账至 {1}）：只能结账更晚的月份",
                  "{0} is already closed (the books are closed through {1}): only a later month can be closed",
                  month->label, *closed));
  }
  if (recorder.now.today <= month->last) {
    throw Refused(bilingual("{0} 还没有结束（今天是 {1}）：月末之后才能结账",
                            "{0} has not ended yet (today is {1}): a month can be closed once it is over", month->label,
                            recorder.now.today.iso()));
  }
  AuditOptions options;
  options.period = util::Period{util::Date{1900, 1, 1}, month->last, "1900-01-01.." + month->last.iso()};
  options.today = recorder.now.today;
  const AuditReport audit = run_audit(file, options);
  if (!audit.clean()) {
    const Finding* first = nullptr;
    for (const auto& finding : audit.findings) {
      if (finding.severity == Severity::error) {
        first = &finding;
        break;
      }
    }
    throw Refused(
        bilingual("不能结账：截至 {0} 的账目审计发现 {1} 项错误（第一项 {2}：{3}）。请先更正（用 cfund audit --period "
                  "1900-01-01..{0} 查看全部）",
                  "cannot close: the audit of the books up to {0} found {1} error(s) (the first, {2}: {4}). Correct "
                  "them first (see all with cfund audit --period 1900-01-01..{0})",
                  month->last.iso(), audit.count(Severity::error), first->code, first->message.zh, first->message.en));
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::period_close;
  draft.date = recorder.now.today;
  draft.detail.set("through", month->label);
  ClosedPeriod closed{append_entry(file, recorder, draft), month->label, month->last};
  tx.commit();
  return closed;
}

std::optional<std::string> latest_closed_month(storage::FundFile& file) { return storage::latest_closed_month(file); }

}  // namespace cfund::books
