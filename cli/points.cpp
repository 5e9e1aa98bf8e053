// cfund points show | redeem | list | consent | void — credit points (积分), earned by
// donating and by volunteer service under the fund's [points] rules; never money.

#include <CLI/CLI.hpp>

#include "books/points.hpp"
#include "common.hpp"
#include "render/community_views.hpp"

namespace cfund::cli {

namespace {

struct ShowOptions {
  std::string person;
  std::string date;
  bool json = false;
};

struct RedeemOptions {
  std::string person;
  std::string points;
  std::string purpose;
  std::string date;
  std::string memo;
};

struct ListOptions {
  std::string date;
  bool json = false;
};

struct ConsentOptions {
  std::string person;
  bool withdraw = false;
  std::string date;
};

std::string run_show(const ShowOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const std::string date = date_option("--date", o.date, util::now().today).iso();
  const auto account = books::points_account(file, books::find_points_holder(file, o.person, "PERSON"), date);
  return o.json ? render::points_account_json(account, date).dump(2) + "\n"
                : render::points_account_text(account, date, ctx.lang);
}

std::string run_redeem(const RedeemOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::RedeemInput input;
  input.date = date_option("--date", o.date, recorder.now.today);
  input.holder = o.person;
  input.points = points_option("--points", o.points);
  input.purpose = o.purpose;
  input.memo = o.memo;
  const auto id = books::redeem_points(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Redeemed {} points, entry {}\n", input.points, id);
  return fmt::format("已兑换 {} 积分：第 {} 号分录\n", input.points, id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const std::string date = date_option("--date", o.date, util::now().today).iso();
  std::vector<books::PointsAccount> accounts;
  for (auto& [holder, account] : books::points_accounts(file, date)) accounts.push_back(std::move(account));
  return o.json ? render::points_list_json(accounts, date).dump(2) + "\n"
                : render::points_list_text(accounts, date, ctx.lang);
}

std::string run_consent(const ConsentOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const auto id =
      books::record_consent(file, recorder, o.person, !o.withdraw, date_option("--date", o.date, recorder.now.today));
  if (ctx.lang == Lang::en) {
    return fmt::format("{}, entry {}\n", o.withdraw ? "Consent withdrawn" : "Consent recorded", id);
  }
  return fmt::format("{}：第 {} 号分录\n", o.withdraw ? "已撤回公开列名的同意" : "已记下同意公开列名", id);
}

}  // namespace

void setup_points(CLI::App& app, Context& ctx) {
  auto* points = app.add_subcommand(
      "points", ctx.tr("积分：查看、兑换、列表、公开列名的同意（积分不是资金）",
                       "credit points: show, redeem, list, consent to be named (points are not money)"));
  points->require_subcommand(1);
  const std::string person_help = ctx.tr("捐赠人姓名，或志愿者编号/姓名（如 V0001）", "a donor's name, or a volunteer");

  auto show = std::make_shared<ShowOptions>();
  auto* show_cmd = points->add_subcommand("show", ctx.tr("一个人的积分明细与余额", "one person's points and balance"));
  show_cmd->add_option("PERSON", show->person, person_help)->required();
  show_cmd->add_option("--date", show->date, ctx.tr("截至日期（默认今天）", "as of this date (default today)"));
  show_cmd->add_flag("--json", show->json, ctx.tr("输出 JSON", "print JSON"));
  show_cmd->callback([show, &ctx] { ctx.output = run_show(*show, ctx); });

  auto redeem = std::make_shared<RedeemOptions>();
  auto* redeem_cmd =
      points->add_subcommand("redeem", ctx.tr("兑换积分（不能超过余额）", "redeem points (never beyond the balance)"));
  redeem_cmd->add_option("PERSON", redeem->person, person_help)->required();
  redeem_cmd->add_option("--points", redeem->points, ctx.tr("兑换的积分（整数）", "points to redeem"))->required();
  redeem_cmd->add_option("--for", redeem->purpose, ctx.tr("兑换的服务或物品，如 理发服务", "what for"))->required();
  redeem_cmd->add_option("--date", redeem->date, ctx.tr("兑换日期（默认今天）", "date (default today)"));
  redeem_cmd->add_option("--memo", redeem->memo, ctx.tr("备注", "note"));
  redeem_cmd->callback([redeem, &ctx] { ctx.output = run_redeem(*redeem, ctx); });

  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = points->add_subcommand("list", ctx.tr("每个人的积分余额", "everyone's points"));
  list_cmd->add_option("--date", list->date, ctx.tr("截至日期（默认今天）", "as of this date (default today)"));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });

  auto consent = std::make_shared<ConsentOptions>();
  auto* consent_cmd = points->add_subcommand(
      "consent", ctx.tr("记下本人同意（或撤回同意）在公示的贡献榜上列名",
                        "record that a person agrees (or no longer agrees) to be named among top contributors"));
  consent_cmd->add_option("PERSON", consent->person, person_help)->required();
  consent_cmd->add_flag("--withdraw", consent->withdraw, ctx.tr("撤回同意", "withdraw the consent"));
  consent_cmd->add_option("--date", consent->date, ctx.tr("日期（默认今天）", "date (default today)"));
  consent_cmd->callback([consent, &ctx] { ctx.output = run_consent(*consent, ctx); });

  add_void_command(*points, ctx, {model::entry_kind::points_redemption},
                   ctx.tr("红冲一次积分兑换（积分退回）", "void a redemption (the points come back)"));
}

}  // namespace cfund::cli
