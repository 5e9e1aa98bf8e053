// cfund wish add | claim | fulfil | cancel | list — micro-wishes (微心愿), posted by
// residents or grid workers, claimed by a donor, fulfilled by a donation, goods or a payment.

#include <CLI/CLI.hpp>

#include "books/wishes.hpp"
#include "common.hpp"
#include "render/community_views.hpp"

namespace cfund::cli {

namespace {

struct AddOptions {
  std::string title;
  std::string category;
  std::string estimate;
  std::string beneficiary;
  std::string recipient;
  std::string posted_by;
  std::string date;
  std::string memo;
};

struct ClaimOptions {
  std::string id;
  std::string donor;
  std::string donor_kind = "individual";
  bool anonymous = false;
  std::string date;
  std::string memo;
};

struct FulfilOptions {
  std::string id;
  std::string entry;
  std::string date;
  std::string memo;
};

struct CancelOptions {
  std::string id;
  std::string reason;
  std::string date;
};

struct ListOptions {
  std::string status;
  bool json = false;
};

std::string run_add(const AddOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::WishInput input;
  input.date = date_option("--date", o.date, recorder.now.today);
  input.title = o.title;
  input.category = o.category;
  input.estimate = amount_option("--estimate", o.estimate);
  if (!o.beneficiary.empty()) input.beneficiary = beneficiary_option(file, "--beneficiary", o.beneficiary);
  input.recipient = o.recipient;
  input.posted_by = o.posted_by;
  input.memo = o.memo;
  const auto number = books::post_wish(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Posted micro-wish W{:04d}\n", number);
  return fmt::format("已发布微心愿 W{:04d}\n", number);
}

std::string run_claim(const ClaimOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  books::ClaimInput input;
  input.wish = wish_option("ID", o.id);
  input.date = date_option("--date", o.date, recorder.now.today);
  input.donor = o.donor;
  input.donor_kind = o.donor_kind;
  input.anonymous = o.anonymous;
  input.memo = o.memo;
  const auto id = books::claim_wish(file, recorder, input);
  if (ctx.lang == Lang::en) return fmt::format("Micro-wish W{:04d} claimed, entry {}\n", input.wish, id);
  return fmt::format("微心愿 W{:04d} 已认领：第 {} 号分录\n", input.wish, id);
}

std::string run_fulfil(const FulfilOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const auto wish = wish_option("ID", o.id);
  const auto id = books::fulfil_wish(file, recorder, wish, entry_id_option("--entry", o.entry),
                                     date_option("--date", o.date, recorder.now.today), o.memo);
  if (ctx.lang == Lang::en) return fmt::format("Micro-wish W{:04d} fulfilled, entry {}\n", wish, id);
  return fmt::format("微心愿 W{:04d} 已实现：第 {} 号分录\n", wish, id);
}

std::string run_cancel(const CancelOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const auto wish = wish_option("ID", o.id);
  const auto id = books::cancel_wish(file, recorder, wish, o.reason, date_option("--date", o.date, recorder.now.today));
  if (ctx.lang == Lang::en) return fmt::format("Micro-wish W{:04d} cancelled, entry {}\n", wish, id);
  return fmt::format("微心愿 W{:04d} 已取消：第 {} 号分录\n", wish, id);
}

std::string run_list(const ListOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto wishes = books::list_wishes(file, o.status);
  return o.json ? render::wishes_json(wishes).dump(2) + "\n" : render::wishes_text(wishes, ctx.lang);
}

void setup_add(CLI::App& wish, Context& ctx) {
  auto add = std::make_shared<AddOptions>();
  auto* cmd = wish.add_subcommand("add", ctx.tr("发布微心愿（居民或网格员提出）", "post a micro-wish"));
  cmd->add_option("--title", add->title, ctx.tr("心愿内容，如 一个新书包", "what is wished for"))->required();
  cmd->add_option("--category", add->category, ctx.tr("类别，如 学习用品、助老助残、居家维修", "kind of wish"))
      ->required();
  cmd->add_option("--estimate", add->estimate, ctx.tr("估价（不计入资金）", "estimated cost (not money in the books)"))
      ->required();
  cmd->add_option("--beneficiary", add->beneficiary,
                  ctx.tr("受益的受助对象，如 B0003（公示时遮盖姓名）", "for a beneficiary, e.g. B0003 (masked)"));
  cmd->add_option("--for", add->recipient, ctx.tr("或受益人/群体的描述", "or for a described person or group"));
  cmd->add_option("--by", add->posted_by, ctx.tr("发布的网格员", "the grid worker who posted it"));
  cmd->add_option("--date", add->date, ctx.tr("发布日期（默认今天）", "date posted (default today)"));
  cmd->add_option("--memo", add->memo, ctx.tr("备注", "note"));
  cmd->callback([add, &ctx] { ctx.output = run_add(*add, ctx); });
}

void setup_steps(CLI::App& wish, Context& ctx) {
  auto claim = std::make_shared<ClaimOptions>();
  auto* claim_cmd =
      wish.add_subcommand("claim", ctx.tr("记下认领微心愿的捐赠人", "record the donor who claims a wish"));
  claim_cmd->add_option("ID", claim->id, ctx.tr("微心愿编号，如 W0001", "wish number, e.g. W0001"))->required();
  claim_cmd->add_option("--donor", claim->donor, ctx.tr("捐赠人姓名或单位名称", "the donor's name"))->required();
  claim_cmd
      ->add_option("--donor-type", claim->donor_kind,
                   ctx.tr("新捐赠人的类型（默认 individual）", "kind of a new donor (default individual)"))
      ->check(CLI::IsMember({"individual", "organisation"}));
  claim_cmd->add_flag("--anonymous", claim->anonymous, ctx.tr("公示时显示为匿名", "shown as anonymous in notices"));
  claim_cmd->add_option("--date", claim->date, ctx.tr("认领日期（默认今天）", "date claimed (default today)"));
  claim_cmd->add_option("--memo", claim->memo, ctx.tr("备注", "note"));
  claim_cmd->callback([claim, &ctx] { ctx.output = run_claim(*claim, ctx); });

  auto fulfil = std::make_shared<FulfilOptions>();
  auto* fulfil_cmd =
      wish.add_subcommand("fulfil", ctx.tr("记下微心愿已实现（须已认领）", "record that a claimed wish was fulfilled"));
  fulfil_cmd->add_option("ID", fulfil->id, ctx.tr("微心愿编号，如 W0001", "wish number, e.g. W0001"))->required();
  fulfil_cmd
      ->add_option("--entry", fulfil->entry,
                   ctx.tr("实现它的捐赠、物资发放或支出的分录编号",
                          "the entry that fulfilled it: a donation, goods given out or a payment"))
      ->required();
  fulfil_cmd->add_option("--date", fulfil->date, ctx.tr("实现日期（默认今天）", "date fulfilled (default today)"));
  fulfil_cmd->add_option("--memo", fulfil->memo, ctx.tr("备注", "note"));
  fulfil_cmd->callback([fulfil, &ctx] { ctx.output = run_fulfil(*fulfil, ctx); });

  auto cancel = std::make_shared<CancelOptions>();
  auto* cancel_cmd = wish.add_subcommand("cancel", ctx.tr("取消尚未实现的微心愿", "cancel a wish not yet fulfilled"));
  cancel_cmd->add_option("ID", cancel->id, ctx.tr("微心愿编号，如 W0001", "wish number, e.g. W0001"))->required();
  cancel_cmd->add_option("--reason", cancel->reason, ctx.tr("取消理由", "reason"))->required();
  cancel_cmd->add_option("--date", cancel->date, ctx.tr("取消日期（默认今天）", "date (default today)"));
  cancel_cmd->callback([cancel, &ctx] { ctx.output = run_cancel(*cancel, ctx); });
}

}  // namespace

void setup_wish(CLI::App& app, Context& ctx) {
  auto* wish = app.add_subcommand(
      "wish", ctx.tr("微心愿：发布、认领、实现、取消、列表", "micro-wishes: post, claim, fulfil, cancel, list"));
  wish->require_subcommand(1);
  setup_add(*wish, ctx);
  setup_steps(*wish, ctx);
  auto list = std::make_shared<ListOptions>();
  auto* list_cmd = wish->add_subcommand("list", ctx.tr("列出微心愿", "list micro-wishes"));
  list_cmd
      ->add_option("--status", list->status,
                   ctx.tr("只列此状态：open 待认领、claimed 已认领、fulfilled 已实现、cancelled 已取消",
                          "only this status: open, claimed, fulfilled or cancelled"))
      ->check(CLI::IsMember({"open", "claimed", "fulfilled", "cancelled"}));
  list_cmd->add_flag("--json", list->json, ctx.tr("输出 JSON", "print JSON"));
  list_cmd->callback([list, &ctx] { ctx.output = run_list(*list, ctx); });
}

}  // namespace cfund::cli
