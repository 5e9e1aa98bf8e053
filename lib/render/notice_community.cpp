#include "render/notice_community.hpp"

#include <fmt/format.h>

#include "books/wishes.hpp"
#include "model/entry_kinds.hpp"
#include "util/hours.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

class Words {
 public:
  explicit Words(Lang lang) : lang_(lang) {}
  std::string operator()(const char* zh, const char* en) const { return lang_ == Lang::en ? en : zh; }
  std::string operator()(const Message& message) const { return message.in(lang_); }
  bool en() const { return lang_ == Lang::en; }
  Lang lang() const { return lang_; }

 private:
  Lang lang_;
};

NoticeCell text(std::string value) { return {std::move(value), std::nullopt}; }
NoticeCell money(util::Fen amount) { return {util::format_amount(amount), amount}; }
NoticeCell count(std::int64_t value) { return {std::to_string(value), std::nullopt}; }
NoticeCell hours(std::int64_t value) { return {util::format_hours(value), std::nullopt}; }

NoticeColumn column(std::string header, bool numeric = false) {
  NoticeColumn made{std::move(header)};
  made.numeric = numeric;
  return made;
}
NoticeColumn date_column(std::string header) {
  NoticeColumn made{std::move(header)};
  made.whole = true;
  return made;
}
NoticeColumn optional_column(std::string header) {
  NoticeColumn made{std::move(header)};
  made.optional = true;
  return made;
}

// An optional column with nothing in it is left out (as the notice's other tables do).
void drop_empty_optional(NoticeTable& table) {
  for (std::size_t c = table.columns.size(); c-- > 0;) {
    if (!table.columns[c].optional) continue;
    bool empty = true;
    for (const auto& row : table.rows) empty = empty && (c >= row.size() || row[c].text.empty());
    if (!empty) continue;
    table.columns.erase(table.columns.begin() + static_cast<long>(c));
    for (auto& row : table.rows) {
      if (c < row.size()) row.erase(row.begin() + static_cast<long>(c));
    }
  }
}

NoticeTable help_table(const books::PeopleServed& people, const Words& w) {
  NoticeTable table;
  table.id = "people";
  table.columns = {column(w("帮扶方式", "Help")), column(w("户数", "Households"), true),
                   column(w("人数", "People"), true), column(w("次数", "Times"), true),
                   column(w("金额/估价", "Amount / value"), true)};
  auto row = [&](std::string label, const books::HelpCount& count_of) {
    table.rows.push_back({text(std::move(label)), count(count_of.households), count(count_of.persons),
                          count(count_of.times), money(count_of.amount)});
  };
  row(w("救助金", "Relief payments"), people.relief);
  row(w("物资发放（估价）", "Goods given (estimated value)"), people.goods);
  table.total_rows.push_back(table.rows.size());
  table.rows.push_back({text(w("合计（每户、每人只计一次）", "Total (each household and person once)")),
                        count(people.households), count(people.persons),
                        count(people.relief.times + people.goods.times), text("")});
  table.notes.push_back(w("未登记家庭户的受助对象各按一户计。物资按估价，不是资金。",
                          "A beneficiary in no registered household counts as a household of one. Goods are at "
                          "their estimated value and are not money."));
  return table;
}

std::string fulfilled_how(const report::WishLine& line, const Words& w) {
  if (line.fulfilled_kind.empty()) return "";
  const std::string kind = model::entry_kind_name(line.fulfilled_kind, w.lang());
  return w.en() ? fmt::format("{} (entry {})", kind, line.fulfilled_entry)
                : fmt::format("{}（第 {} 号分录）", kind, line.fulfilled_entry);
}

std::string claimant(const report::WishLine& line, const Words& w) {
  if (line.anonymous) return w("爱心人士（匿名）", "Anonymous donor");
  return line.claimed_by;
}

NoticeTable fulfilled_table(const report::CommunityReport& c, const Words& w) {
  NoticeTable table;
  table.id = "wishes_fulfilled";
  table.caption = w("本期实现的微心愿", "Wishes fulfilled this period");
  table.columns = {date_column(w("编号", "No.")),
                   column(w("心愿", "Wish")),
                   column(w("类别", "Kind")),
                   optional_column(w("受益对象", "For")),
                   column(w("认领人", "Claimed by")),
                   date_column(w("实现日期", "Fulfilled on")),
                   column(w("实现方式", "Fulfilled by")),
                   column(w("估价", "Estimate"), true)};
  for (const auto& line : c.wishes_fulfilled) {
    table.rows.push_back({text(line.number), text(line.title), text(line.category), text(line.for_whom),
                          text(claimant(line, w)), text(line.fulfilled_on), text(fulfilled_how(line, w)),
                          money(line.estimate)});
  }
  drop_empty_optional(table);
  return table;
}

NoticeTable open_table(const report::CommunityReport& c, const Words& w) {
  NoticeTable table;
  table.id = "wishes_open";
  table.caption = w("尚未实现的微心愿（欢迎认领）", "Wishes still open (waiting for a donor or on their way)");
  table.columns = {date_column(w("编号", "No.")),
                   column(w("心愿", "Wish")),
                   column(w("类别", "Kind")),
                   optional_column(w("受益对象", "For")),
                   date_column(w("发布日期", "Posted on")),
                   column(w("状态", "Status")),
                   column(w("估价", "Estimate"), true)};
  for (const auto& line : c.wishes_open) {
    std::string status = w(books::wish_status_name(line.status));
    if (line.status == model::wish_status::claimed) status += w("：", ": ") + claimant(line, w);
    table.rows.push_back({text(line.number), text(line.title), text(line.category), text(line.for_whom),
                          text(line.posted_on), text(std::move(status)), money(line.estimate)});
  }
  drop_empty_optional(table);
  return table;
}

NoticeTable points_table(const report::CommunityReport& c, const Words& w) {
  const auto& p = c.points;
  NoticeTable table;
  table.id = "points";
  table.columns = {column(w("积分", "Points")), column(w("本期", "This period"), true)};
  table.rows.push_back({text(w("捐赠获得", "Earned by donating")), count(p.from_donations)});
  table.rows.push_back({text(w("志愿服务获得", "Earned by volunteer service")), count(p.from_service)});
  table.rows.push_back({text(w.en() ? fmt::format("Redeemed ({} time{})", p.redemptions, p.redemptions == 1 ? "" : "s")
                                    : fmt::format("兑换（{} 次）", p.redemptions)),
                        count(p.redeemed)});
  table.rows.push_back({text(w("过期", "Expired")), count(p.expired)});
  table.total_rows.push_back(table.rows.size());
  table.rows.push_back({text(w.en() ? fmt::format("Held at the end of the period ({} people)", p.holders)
                                    : fmt::format("期末持有积分（{} 人）", p.holders)),
                        count(p.outstanding)});
  return table;
}

}  // namespace

NoticeSection people_section(const report::CommunityReport& c, std::string heading, Lang lang) {
  const Words w(lang);
  NoticeSection section;
  section.id = "people";
  section.heading = std::move(heading);
  const auto& people = c.people;
  if (people.relief.times + people.goods.times > 0) section.tables.push_back(help_table(people, w));
  if (people.projects_evaluated > 0) {
    section.after.push_back(
        w.en()
            ? fmt::format("The {} project{} evaluated this period served {} people (person-times) in all.",
                          people.projects_evaluated, people.projects_evaluated == 1 ? "" : "s", people.project_people)
            : fmt::format("本期评估的 {} 个公益项目共服务 {} 人（次）。", people.projects_evaluated,
                          people.project_people));
  }
  return section;
}

NoticeSection wishes_section(const report::CommunityReport& c, std::string heading, Lang lang) {
  const Words w(lang);
  NoticeSection section;
  section.id = "wishes";
  section.heading = std::move(heading);
  int claimed = 0;
  for (const auto& line : c.wishes_open) claimed += line.status == model::wish_status::claimed ? 1 : 0;
  section.before.push_back(
      w.en()
          ? fmt::format("This period {} wish{} posted, {} fulfilled and {} cancelled; {} still open at its end ({} "
                        "of them claimed).",
                        c.wishes_posted, c.wishes_posted == 1 ? " was" : "es were", c.wishes_fulfilled.size(),
                        c.wishes_cancelled, c.wishes_open.size(), claimed)
          : fmt::format("本期新发布微心愿 {} 个，实现 {} 个，取消 {} 个；期末尚未实现 {} 个（其中已认领 {} 个）。",
                        c.wishes_posted, c.wishes_fulfilled.size(), c.wishes_cancelled, c.wishes_open.size(), claimed));
  if (!c.wishes_fulfilled.empty()) section.tables.push_back(fulfilled_table(c, w));
  if (!c.wishes_open.empty()) section.tables.push_back(open_table(c, w));
  section.after.push_back(
      w("心愿的估价只是预估，不计入资金收支；实现心愿的捐赠、物资发放和支出已列入前面各表。"
        "受益对象只公示类别和隐去部分字符的姓名。",
        "A wish's estimate is only an estimate and is not money in the books; the donations, "
        "goods and payments that fulfilled wishes are in the lists above. People helped are shown "
        "only by category and a partly hidden name."));
  return section;
}

NoticeSection service_section(const report::CommunityReport& c, std::string heading, Lang lang) {
  const Words w(lang);
  NoticeSection section;
  section.id = "volunteers";
  section.heading = std::move(heading);
  NoticeTable table;
  table.id = "service";
  table.columns = {column(w("活动", "Activity")), optional_column(w("公益项目", "Project")),
                   column(w("人数", "People"), true), column(w("人次", "Sessions"), true),
                   column(w("时长（小时）", "Hours"), true)};
  for (const auto& line : c.service) {
    table.rows.push_back(
        {text(line.activity), text(line.project), count(line.people), count(line.sessions), hours(line.hours)});
  }
  table.total_rows.push_back(table.rows.size());
  table.rows.push_back({text(w("合计（每人只计一次）", "Total (each person once)")), text(""), count(c.volunteers),
                        count(c.sessions), hours(c.hours)});
  drop_empty_optional(table);
  section.tables.push_back(std::move(table));
  section.after.push_back(
      w.en() ? fmt::format("{} volunteer{} served {} hours in {} sessions this period. Donated services are not "
                           "income under the accounting rules for non-profit organisations: they are disclosed here "
                           "and never turned into money.",
                           c.volunteers, c.volunteers == 1 ? "" : "s", util::format_hours(c.hours), c.sessions)
             : fmt::format("本期共有 {} 名志愿者参加志愿服务 {} 人次，服务 {} 小时。按《民间非营利组织会计制度》，"
                           "捐赠的劳务不确认为收入，在此披露，不折算为金额。",
                           c.volunteers, c.sessions, util::format_hours(c.hours)));
  return section;
}

NoticeSection points_section(const report::CommunityReport& c, std::string heading, Lang lang) {
  const Words w(lang);
  NoticeSection section;
  section.id = "points";
  section.heading = std::move(heading);
  section.tables.push_back(points_table(c, w));
  if (!c.redeemed_for.empty()) {
    NoticeTable table;
    table.id = "points_redeemed";
    table.caption = w("本期兑换", "Redeemed this period");
    table.columns = {column(w("兑换内容", "For")), column(w("次数", "Times"), true), column(w("积分", "Points"), true)};
    for (const auto& line : c.redeemed_for) {
      table.rows.push_back({text(line.purpose), count(line.times), count(line.points)});
    }
    section.tables.push_back(std::move(table));
  }
  if (!c.top.empty()) {
    NoticeTable table;
    table.id = "points_top";
    table.caption = w.en() ? fmt::format("Top contributors of {} (named with their consent)", c.top_year)
                           : fmt::format("{}年贡献榜（经本人同意公开）", c.top_year);
    table.columns = {column(w("名次", "Rank"), true), column(w("姓名", "Name")), column(w("本年积分", "Points"), true),
                     column(w("志愿服务（小时）", "Service hours"), true)};
    for (std::size_t i = 0; i < c.top.size(); ++i) {
      const auto& line = c.top[i];
      table.rows.push_back(
          {count(static_cast<std::int64_t>(i + 1)), text(line.name), count(line.points), hours(line.hours)});
    }
    section.tables.push_back(std::move(table));
  }
  section.after.push_back(
      w("积分按本基金的积分规则由捐赠和志愿服务折算，可兑换服务或物品。积分不是资金，不计入资金概况。"
        "贡献榜只列经本人同意公开的人，匿名捐赠所得的积分不计入。",
        "Points are earned by donating and by volunteer service under the fund's rules and are "
        "redeemed for services or goods. Points are not money and are not in the summary of "
        "funds. The list of top contributors names only those who agreed; points from anonymous "
        "gifts are not counted in it."));
  return section;
}

void community_year_tables(const report::CommunityReport& c, Lang lang, NoticeSection& section) {
  const Words w(lang);
  NoticeTable people = help_table(c.people, w);
  people.id = "households";
  people.caption = w("（八）受助户数与人数", "(8) Households and people helped");
  if (c.people.projects_evaluated > 0) {
    people.notes.push_back(w.en() ? fmt::format("The {} project{} evaluated this year served {} people (person-times).",
                                                c.people.projects_evaluated,
                                                c.people.projects_evaluated == 1 ? "" : "s", c.people.project_people)
                                  : fmt::format("本年评估的 {} 个公益项目共服务 {} 人（次）。",
                                                c.people.projects_evaluated, c.people.project_people));
  }
  section.tables.push_back(std::move(people));

  NoticeSection service = service_section(c, "", lang);
  NoticeTable hours_table = std::move(service.tables.front());
  hours_table.id = "volunteers";
  hours_table.caption = w("（九）志愿服务：按活动与项目（不折算为金额）",
                          "(9) Volunteer service by activity and project (never turned into money)");
  hours_table.notes.push_back(
      w.en() ? fmt::format("{} volunteer{} served {} hours in {} sessions this year, disclosed and never turned into "
                           "money (donated services are not income under the accounting rules for non-profit "
                           "organisations).",
                           c.volunteers, c.volunteers == 1 ? "" : "s", util::format_hours(c.hours), c.sessions)
             : fmt::format("本年共有 {} 名志愿者参加志愿服务 {} 人次，服务 {} 小时。捐赠的劳务不确认为收入，"
                           "在此披露，不折算为金额。",
                           c.volunteers, c.sessions, util::format_hours(c.hours)));
  section.tables.push_back(std::move(hours_table));

  NoticeTable community;
  community.id = "wishes_points";
  community.caption = w("（十）微心愿与积分", "(10) Micro-wishes and credit points");
  community.columns = {column(w("项目", "Item")), column(w("本年", "This year"), true)};
  auto row = [&](const char* zh, const char* en, std::int64_t value) {
    community.rows.push_back({text(w(zh, en)), count(value)});
  };
  row("新发布的微心愿（个）", "Wishes posted", c.wishes_posted);
  row("实现的微心愿（个）", "Wishes fulfilled", static_cast<std::int64_t>(c.wishes_fulfilled.size()));
  row("取消的微心愿（个）", "Wishes cancelled", c.wishes_cancelled);
  row("年末尚未实现的微心愿（个）", "Wishes open at the year's end", static_cast<std::int64_t>(c.wishes_open.size()));
  row("捐赠获得的积分", "Points earned by donating", c.points.from_donations);
  row("志愿服务获得的积分", "Points earned by service", c.points.from_service);
  row("兑换的积分", "Points redeemed", c.points.redeemed);
  row("过期的积分", "Points expired", c.points.expired);
  row("年末持有的积分", "Points held at the year's end", c.points.outstanding);
  community.notes.push_back(w("微心愿的估价和积分都不是资金，不计入以上报表。",
                              "Wishes' estimates and points are not money and are in none of the statements."));
  section.tables.push_back(std::move(community));
}

}  // namespace cfund::render
