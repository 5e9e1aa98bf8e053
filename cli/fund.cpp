// cfund fund show: the fund's settings and where its money stands (cfund fund set:
// cli/registry.cpp).

#include <CLI/CLI.hpp>

#include "books/community.hpp"
#include "books/fund.hpp"
#include "books/registry.hpp"
#include "common.hpp"
#include "render/books_views.hpp"
#include "render/community_views.hpp"

namespace cfund::cli {

namespace {

struct ShowOptions {
  bool json = false;
};

std::string run_show(const ShowOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto view = books::overview(file);
  const auto community = books::community_overview(file, util::now().today.iso());
  if (o.json) {
    auto json = render::overview_json(view);
    json["community"] = render::community_overview_json(community);
    return json.dump(2) + "\n";
  }
  return render::overview_text(view, ctx.lang) + render::community_overview_text(community, ctx.lang);
}

std::string run_settings(const ShowOptions& o, const Context& ctx) {
  auto file = open_fund(ctx);
  const auto lines = books::setting_lines(file);
  return o.json ? render::settings_json(lines).dump(2) + "\n" : render::settings_text(lines, ctx.lang);
}

}  // namespace

void setup_fund(CLI::App& app, Context& ctx) {
  auto* fund = app.add_subcommand("fund", ctx.tr("基金概况", "the fund's settings and balances"));
  fund->require_subcommand(1);
  auto options = std::make_shared<ShowOptions>();
  auto* show = fund->add_subcommand("show", ctx.tr("显示设置与各账户、各资金用途的余额",
                                                   "show settings and the balance of each account and designation"));
  show->add_flag("--json", options->json, ctx.tr("输出 JSON", "print JSON"));
  show->callback([options, &ctx] { ctx.output = run_show(*options, ctx); });
  auto* settings = fund->add_subcommand("settings", ctx.tr("列出全部设置：当前值、由哪条分录记载、含义",
                                                           "list every setting: its value, the entry that "
                                                           "stated it, what it means"));
  settings->add_flag("--json", options->json, ctx.tr("输出 JSON", "print JSON"));
  settings->callback([options, &ctx] { ctx.output = run_settings(*options, ctx); });
  add_fund_set_command(*fund, ctx);
}

}  // namespace cfund::cli
