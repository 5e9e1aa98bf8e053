#pragma once
// How the audit, a reconciliation and a notice check are shown: aligned text in
// Chinese or English for people, JSON with stable keys for scripts.

#include <string>

#include <nlohmann/json.hpp>

#include "books/audit.hpp"
#include "books/notice_check.hpp"
#include "books/periods.hpp"
#include "books/reconcile.hpp"
#include "util/message.hpp"

namespace cfund::render {

std::string audit_text(const books::AuditReport& report, Lang lang);
nlohmann::json audit_json(const books::AuditReport& report, Lang lang);

std::string reconcile_text(const books::ReconcileReport& report, Lang lang);
nlohmann::json reconcile_json(const books::ReconcileReport& report);

std::string notice_check_text(const books::NoticeCheck& check, Lang lang);
nlohmann::json notice_check_json(const books::NoticeCheck& check, Lang lang);

// cfund audit witness: the verification code of the books as they stand, in one line
// for the supervisors' minutes (the same code a notice prints; `audit verify --code`
// checks either), dated `today`.
std::string witness_text(const books::NoticeCheck& check, const std::string& fund_name, const std::string& today,
                         Lang lang);

std::string closed_period_text(const books::ClosedPeriod& closed, Lang lang);

}  // namespace cfund::render
