#include "render/community_views.hpp"

#include "books/wishes.hpp"
#include "privacy/mask.hpp"
#include "render/table.hpp"
#include "render/view_helpers.hpp"
#include "util/hours.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

using detail::optional_json;
using detail::pick;
using detail::voided_mark;

std::string numbered(char letter, std::int64_t number) { return fmt::format("{}{:04d}", letter, number); }

// Whom a wish is for, as lists show it: a beneficiary masked like relief.
std::string wish_for(const model::WishPosting& posting) {
  if (!posting.beneficiary) return posting.recipient;
  return fmt::format("{} {} (B{:04d})", posting.beneficiary_category, privacy::mask_name(posting.beneficiary_name),
                     *posting.beneficiary);
}

std::string claimant(const model::Wish& wish, Lang lang) {
  if (wish.donor_name.empty()) return "";
  return wish.anonymous ? wish.donor_name + pick(lang, "（匿名）", " (anonymous)") : wish.donor_name;
}

std::string wish_progress(const model::Wish& wish, Lang lang) {
  if (wish.fulfilled_by) {
    return lang == Lang::en ? fmt::format("{} by entry {}", wish.fulfilled_on, *wish.fulfilled_by)
                            : fmt::format("{} 由第 {} 号分录实现", wish.fulfilled_on, *wish.fulfilled_by);
  }
  if (!wish.cancelled_on.empty()) return wish.cancelled_on + pick(lang, " 取消：", " cancelled: ") + wish.reason;
  return "";
}

std::string event_text(const books::PointsEvent& event, Lang lang) {
  using Kind = books::PointsEvent::Kind;
  switch (event.kind) {
    case Kind::donation:
      return pick(lang, "捐赠 ", "donation ") + util::format_amount(event.amount) +
             (event.in_the_open ? "" : pick(lang, "（匿名）", " (anonymous)"));
    case Kind::service:
      return lang == Lang::en ? fmt::format("service {} h: {}", util::format_hours(event.hours), event.text)
                              : fmt::format("志愿服务 {} 小时：{}", util::format_hours(event.hours), event.text);
    case Kind::redemption:
      return pick(lang, "兑换：", "redeemed: ") + event.text;
    case Kind::expiry:
      return pick(lang, "过期", "expired");
  }
  return "";
}

const char* event_kind(books::PointsEvent::Kind kind) {
  using Kind = books::PointsEvent::Kind;
  switch (kind) {
    case Kind::donation:
      return "donation";
    case Kind::service:
      return "service";
    case Kind::redemption:
      return "redemption";
    case Kind::expiry:
      return "expiry";
  }
  return "";
}

std::string holder_shown(const books::PointsAccount& account) {
  return account.volunteer ? account.holder + " (" + numbered('V', *account.volunteer) + ")" : account.holder;
}

}  // namespace

std::string wishes_text(const std::vector<model::Wish>& wishes, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& wish : wishes) {
    const auto& p = wish.posting;
    cells.push_back({numbered('W', p.number), p.date, p.title, p.category, wish_for(p), util::format_amount(p.estimate),
                     books::wish_status_name(wish.status).in(lang), claimant(wish, lang), wish_progress(wish, lang)});
  }
  std::string out = text_table({{pick(lang, "编号", "Wish")},
                                {pick(lang, "发布日期", "Posted")},
                                {pick(lang, "心愿", "Title")},
                                {pick(lang, "类别", "Kind")},
                                {pick(lang, "受益对象", "For")},
                                {pick(lang, "估价", "Estimate"), true},
                                {pick(lang, "状态", "Status")},
                                {pick(lang, "认领人", "Claimed by")},
                                {pick(lang, "进展", "Progress")}},
                               cells);
  out += lang == Lang::en
             ? fmt::format("{} wish{} (estimates are not money)\n", wishes.size(), wishes.size() == 1 ? "" : "es")
             : fmt::format("共 {} 个微心愿（估价不是资金）\n", wishes.size());
  return out;
}

nlohmann::json wishes_json(const std::vector<model::Wish>& wishes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& wish : wishes) {
    const auto& p = wish.posting;
    out.push_back({{"wish", numbered('W', p.number)},
                   {"entry", p.entry_id},
                   {"posted_on", p.date},
                   {"title", p.title},
                   {"category", p.category},
                   {"estimate_fen", p.estimate},
                   {"beneficiary", p.beneficiary ? nlohmann::json(numbered('B', *p.beneficiary)) : nullptr},
                   {"for", wish_for(p)},
                   {"posted_by", p.posted_by},
                   {"status", wish.status},
                   {"claimed_on", wish.claimed_on},
                   {"claimed_by", wish.donor_name},
                   {"anonymous", wish.anonymous},
                   {"fulfilled_on", wish.fulfilled_on},
                   {"fulfilled_by", optional_json(wish.fulfilled_by)},
                   {"fulfilled_kind", wish.fulfilled_kind},
                   {"cancelled_on", wish.cancelled_on},
                   {"reason", wish.reason}});
  }
  return out;
}

std::string volunteers_text(const std::vector<model::Volunteer>& volunteers, bool full, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& v : volunteers) {
    cells.push_back({numbered('V', v.number), v.name, full ? v.phone : privacy::mask_phone(v.phone), v.date});
  }
  std::string out = text_table({{pick(lang, "编号", "Number")},
                                {pick(lang, "姓名", "Name")},
                                {pick(lang, "电话", "Phone")},
                                {pick(lang, "登记日期", "Registered")}},
                               cells);
  out += lang == Lang::en ? fmt::format("{} volunteer{}{}\n", volunteers.size(), volunteers.size() == 1 ? "" : "s",
                                        full ? "" : "; phones masked")
                          : fmt::format("共 {} 名志愿者{}\n", volunteers.size(), full ? "" : "；电话已遮盖");
  return out;
}

nlohmann::json volunteers_json(const std::vector<model::Volunteer>& volunteers, bool full) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : volunteers) {
    out.push_back({{"volunteer", numbered('V', v.number)},
                   {"entry", v.entry_id},
                   {"name", v.name},
                   {"phone", full ? v.phone : privacy::mask_phone(v.phone)},
                   {"registered_on", v.date}});
  }
  return out;
}

std::string services_text(const std::vector<model::Service>& rows, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  util::Hundredths total = 0;
  for (const auto& row : rows) {
    std::string activity = row.activity;
    if (row.voided_by) {
      activity = voided_mark(row.voided_by, lang) + " " + activity;
    } else {
      total += row.hours;
    }
    cells.push_back({std::to_string(row.entry_id), row.date, numbered('V', row.volunteer) + " " + row.volunteer_name,
                     util::format_hours(row.hours), activity, row.project_code});
  }
  std::string out = text_table({{pick(lang, "编号", "Entry"), true},
                                {pick(lang, "日期", "Date")},
                                {pick(lang, "志愿者", "Volunteer")},
                                {pick(lang, "时长（小时）", "Hours"), true},
                                {pick(lang, "活动", "Activity")},
                                {pick(lang, "项目", "Project")}},
                               cells);
  out += lang == Lang::en
             ? fmt::format("{} sessions; {} hours (voided ones not counted)\n", rows.size(), util::format_hours(total))
             : fmt::format("共 {} 人次；{} 小时（已红冲的不计）\n", rows.size(), util::format_hours(total));
  return out;
}

nlohmann::json services_json(const std::vector<model::Service>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    out.push_back({{"entry", row.entry_id},
                   {"date", row.date},
                   {"volunteer", numbered('V', row.volunteer)},
                   {"name", row.volunteer_name},
                   {"hours", util::format_hours(row.hours)},
                   {"hours_hundredths", row.hours},
                   {"activity", row.activity},
                   {"project", row.project_code},
                   {"voided_by", optional_json(row.voided_by)},
                   {"void_reason", row.void_reason}});
  }
  return out;
}

std::string service_import_text(const books::ServiceImportReport& r, Lang lang) {
  const std::string range = r.first_entry == 0 ? "" : fmt::format("{}–{}", r.first_entry, r.last_entry);
  if (lang == Lang::en) {
    return fmt::format(
        "{}{}: {} rows read; {} added ({} hours{}), {} already in the books; {} volunteers "
        "registered\n",
        r.dry_run ? "Dry run (nothing written): " : "", r.path, r.rows_read, r.rows_added,
        util::format_hours(r.hours_added), range.empty() ? "" : ", entries " + range, r.rows_present,
        r.volunteers_added);
  }
  return fmt::format("{}{}：读取 {} 行；新增 {} 行（{} 小时{}），{} 行已在账上；新登记志愿者 {} 名\n",
                     r.dry_run ? "试运行（什么也没写入）：" : "", r.path, r.rows_read, r.rows_added,
                     util::format_hours(r.hours_added), range.empty() ? "" : "，第 " + range + " 号分录",
                     r.rows_present, r.volunteers_added);
}

nlohmann::json service_import_json(const books::ServiceImportReport& r) {
  return {{"file", r.path},
          {"sha256", r.sha256},
          {"dry_run", r.dry_run},
          {"rows_read", r.rows_read},
          {"rows_added", r.rows_added},
          {"rows_present", r.rows_present},
          {"volunteers_added", r.volunteers_added},
          {"hours_added", util::format_hours(r.hours_added)},
          {"first_entry", r.first_entry},
          {"last_entry", r.last_entry}};
}

std::string points_account_text(const books::PointsAccount& account, const std::string& date, Lang lang) {
  std::string out = lang == Lang::en ? fmt::format("Points of {} at the end of {}\n", holder_shown(account), date)
                                     : fmt::format("{} 截至 {} 日终的积分\n", holder_shown(account), date);
  std::vector<std::vector<std::string>> cells;
  for (const auto& event : account.events) {
    cells.push_back({event.date, event.entry_id == 0 ? "" : std::to_string(event.entry_id), event_text(event, lang),
                     (event.points > 0 ? "+" : "") + std::to_string(event.points)});
  }
  out += text_table({{pick(lang, "日期", "Date")},
                     {pick(lang, "分录", "Entry"), true},
                     {pick(lang, "事由", "What")},
                     {pick(lang, "积分", "Points"), true}},
                    cells);
  out += lang == Lang::en
             ? fmt::format("Earned {} (donations {}, service {}), redeemed {}, expired {}; balance {}{}\n",
                           account.earned, account.from_donations, account.from_service, account.redeemed,
                           account.expired, account.balance, account.consent ? "; agreed to be named" : "")
             : fmt::format("共获得 {}（捐赠 {}，志愿服务 {}），兑换 {}，过期 {}；余额 {}{}\n", account.earned,
                           account.from_donations, account.from_service, account.redeemed, account.expired,
                           account.balance, account.consent ? "；已同意在公示中列名" : "");
  return out;
}

nlohmann::json points_account_json(const books::PointsAccount& account, const std::string& date) {
  nlohmann::json events = nlohmann::json::array();
  for (const auto& event : account.events) {
    events.push_back({{"date", event.date},
                      {"entry", event.entry_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(event.entry_id)},
                      {"kind", event_kind(event.kind)},
                      {"points", event.points},
                      {"text", event.text}});
  }
  return {{"holder", account.holder},
          {"volunteer", account.volunteer ? nlohmann::json(numbered('V', *account.volunteer)) : nullptr},
          {"date", date},
          {"earned", account.earned},
          {"from_donations", account.from_donations},
          {"from_service", account.from_service},
          {"redeemed", account.redeemed},
          {"expired", account.expired},
          {"balance", account.balance},
          {"consent", account.consent},
          {"events", events}};
}

std::string points_list_text(const std::vector<books::PointsAccount>& accounts, const std::string& date, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  std::int64_t total = 0;
  for (const auto& a : accounts) {
    total += a.balance;
    cells.push_back({holder_shown(a), std::to_string(a.earned), std::to_string(a.redeemed), std::to_string(a.expired),
                     std::to_string(a.balance), a.consent ? pick(lang, "同意", "yes") : ""});
  }
  std::string out =
      lang == Lang::en ? fmt::format("Points at the end of {}\n", date) : fmt::format("截至 {} 日终的积分\n", date);
  out += text_table({{pick(lang, "姓名", "Name")},
                     {pick(lang, "获得", "Earned"), true},
                     {pick(lang, "兑换", "Redeemed"), true},
                     {pick(lang, "过期", "Expired"), true},
                     {pick(lang, "余额", "Balance"), true},
                     {pick(lang, "公示列名", "Named")}},
                    cells);
  out += lang == Lang::en ? fmt::format("{} people; {} points held (points are not money)\n", accounts.size(), total)
                          : fmt::format("共 {} 人；持有积分 {}（积分不是资金）\n", accounts.size(), total);
  return out;
}

nlohmann::json points_list_json(const std::vector<books::PointsAccount>& accounts, const std::string& date) {
  nlohmann::json out = {{"date", date}, {"accounts", nlohmann::json::array()}};
  for (const auto& a : accounts) {
    out["accounts"].push_back({{"holder", a.holder},
                               {"volunteer", a.volunteer ? nlohmann::json(numbered('V', *a.volunteer)) : nullptr},
                               {"earned", a.earned},
                               {"redeemed", a.redeemed},
                               {"expired", a.expired},
                               {"balance", a.balance},
                               {"consent", a.consent}});
  }
  return out;
}

std::string households_text(const std::vector<books::HouseholdView>& households, bool full, Lang lang) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& view : households) {
    const auto& h = view.household;
    std::string members;
    for (const auto number : view.members) members += (members.empty() ? "" : " ") + numbered('B', number);
    cells.push_back({numbered('H', h.number), full ? h.name : privacy::mask_name(h.name),
                     full ? h.address : (h.address.empty() ? "" : "***"), members});
  }
  std::string out = text_table({{pick(lang, "编号", "Number")},
                                {pick(lang, "家庭户", "Household")},
                                {pick(lang, "住址", "Address")},
                                {pick(lang, "成员", "Members")}},
                               cells);
  out += lang == Lang::en ? fmt::format("{} household{}{}\n", households.size(), households.size() == 1 ? "" : "s",
                                        full ? "" : "; names and addresses masked")
                          : fmt::format("共 {} 户{}\n", households.size(), full ? "" : "；名称、住址已遮盖");
  return out;
}

nlohmann::json households_json(const std::vector<books::HouseholdView>& households, bool full) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& view : households) {
    const auto& h = view.household;
    nlohmann::json members = nlohmann::json::array();
    for (const auto number : view.members) members.push_back(numbered('B', number));
    out.push_back({{"household", numbered('H', h.number)},
                   {"entry", h.entry_id},
                   {"name", full ? h.name : privacy::mask_name(h.name)},
                   {"address", full ? h.address : ""},
                   {"members", members}});
  }
  return out;
}

std::string points_rules_text(const model::PointsSettings& rules, Lang lang) {
  if (rules.per_yuan == 0 && rules.per_hour == 0) return pick(lang, "不计积分", "no points");
  std::string out;
  auto add = [&out, lang](const std::string& zh, const std::string& en) {
    out += (out.empty() ? "" : pick(lang, "；", "; ")) + (lang == Lang::en ? en : zh);
  };
  if (rules.per_yuan > 0) {
    add(fmt::format("每捐 1 元得 {} 分", rules.per_yuan), fmt::format("{} per yuan donated", rules.per_yuan));
  }
  if (rules.per_hour > 0) {
    add(fmt::format("每服务 1 小时得 {} 分", rules.per_hour), fmt::format("{} per hour of service", rules.per_hour));
  }
  if (rules.expiry_months > 0) {
    add(fmt::format("{} 个月后过期", rules.expiry_months), fmt::format("expire after {} months", rules.expiry_months));
  } else {
    add("不过期", "never expire");
  }
  return out;
}

// One line for each part the fund uses (volunteers, wishes, households, points rules or
// points held): a fund that keeps none of them shows none.
std::string community_overview_text(const books::CommunityOverview& view, Lang lang) {
  namespace status = model::wish_status;
  auto wishes = [&view](const std::string& name) {
    auto found = view.wishes.find(name);
    return found == view.wishes.end() ? 0 : found->second;
  };
  const bool en = lang == Lang::en;
  std::string text;
  if (view.volunteers != 0) {
    text += en ? fmt::format("Volunteers: {}, {} hours in {} sessions (not money)\n", view.volunteers,
                             util::format_hours(view.service_hours), view.sessions)
               : fmt::format("志愿者：{} 名，累计服务 {} 小时、{} 人次（不计入资金）\n", view.volunteers,
                             util::format_hours(view.service_hours), view.sessions);
  }
  if (!view.wishes.empty()) {
    text += fmt::format(en ? "Micro-wishes: {} open, {} claimed, {} fulfilled, {} cancelled\n"
                           : "微心愿：待认领 {}，已认领 {}，已实现 {}，已取消 {}\n",
                        wishes(status::open), wishes(status::claimed), wishes(status::fulfilled),
                        wishes(status::cancelled));
  }
  if (view.households != 0) text += fmt::format(en ? "Households: {}\n" : "家庭户：{} 户\n", view.households);
  const auto& rules = view.points_rules;
  if (rules.per_yuan != 0 || rules.per_hour != 0 || view.points_holders != 0) {
    text += en ? fmt::format("Credit points: {}; {} points held by {} people (not money)\n",
                             points_rules_text(rules, lang), view.points_outstanding, view.points_holders)
               : fmt::format("积分：{}；{} 人持有 {} 分（积分不是资金）\n", points_rules_text(rules, lang),
                             view.points_holders, view.points_outstanding);
  }
  return text;
}

nlohmann::json community_overview_json(const books::CommunityOverview& view) {
  const auto& rules = view.points_rules;
  return {{"volunteers", view.volunteers},
          {"service_sessions", view.sessions},
          {"service_hours", util::format_hours(view.service_hours)},
          {"wishes", view.wishes},
          {"households", view.households},
          {"points_rules",
           {{"per_yuan", rules.per_yuan},
            {"per_hour", rules.per_hour},
            {"expiry_months", rules.expiry_months},
            {"notice_top", rules.notice_top}}},
          {"points_holders", view.points_holders},
          {"points_outstanding", view.points_outstanding}};
}

}  // namespace cfund::render
