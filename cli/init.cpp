// cfund init FILE: creates a fund from flags or from a fund TOML file.

#include <CLI/CLI.hpp>

#include "books/fund.hpp"
#include "common.hpp"
#include "config/fund_config.hpp"
#include "error.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

struct InitOptions {
  std::string path;
  std::string config;
  std::string name;
  std::string organisation;
  std::string host;
  std::string region;
  std::string town;
  std::string supervision_phone;
  std::string report_language;
  std::string approval_threshold;
  std::string relief_window_days;  // empty: the default
  std::string time_zone;
  std::string notice_url;
  std::vector<std::string> accounts;       // code:kind[:name]
  std::vector<std::string> special_funds;  // code[:name]
};

std::vector<std::string> split_colons(const std::string& text, std::size_t most) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() + 1 < most) {
    const auto colon = text.find(':', start);
    if (colon == std::string::npos) break;
    parts.push_back(util::trim(text.substr(start, colon - start)));
    start = colon + 1;
  }
  parts.push_back(util::trim(text.substr(start)));
  return parts;
}

std::string run_init(const InitOptions& o, Context& ctx) {
  model::FundDefinition definition;
  if (!o.config.empty()) definition = config::load_fund_definition(o.config);
  auto& s = definition.settings;
  if (!o.name.empty()) s.name = o.name;
  if (!o.organisation.empty()) s.organisation = o.organisation;
  if (!o.host.empty()) s.host = o.host;
  if (!o.region.empty()) s.region = util::trim(o.region);
  if (!o.town.empty()) s.town = util::trim(o.town);
  if (!o.supervision_phone.empty()) s.supervision_phone = o.supervision_phone;
  if (!o.report_language.empty()) s.report_language = o.report_language == "en" ? Lang::en : Lang::zh;
  if (!o.approval_threshold.empty()) s.approval_threshold = amount_option("--approval-threshold", o.approval_threshold);
  if (!o.relief_window_days.empty())
    s.relief_window_days = day_count_option("--relief-window-days", o.relief_window_days);
  if (!o.time_zone.empty()) s.time_zone = util::trim(o.time_zone);
  if (!o.notice_url.empty()) s.notice_url = util::trim(o.notice_url);
  if (!ctx.operator_option.empty()) s.default_operator = ctx.operator_option;
  for (const auto& spec : o.accounts) {
    const auto parts = split_colons(spec, 3);
    if (parts.size() < 2) {
      throw InputError(bilingual("--account：“{0}”应写成 代码:类型[:名称]，如 bank:bank:农商银行基本户",
                                 "--account: '{0}' should be code:kind[:name], e.g. bank:bank:Rural Bank", spec));
    }
    definition.accounts.push_back({0, parts[0], parts.size() > 2 ? parts[2] : "", parts[1], ""});
  }
  for (const auto& spec : o.special_funds) {
    const auto parts = split_colons(spec, 2);
    definition.designations.push_back({0, parts[0], parts.size() > 1 ? parts[1] : "", "special", true, ""});
  }
  const books::Recorder recorder{config::resolve_operator(ctx.operator_option, s.default_operator), util::now()};
  auto file = books::create_fund(o.path, definition, recorder);
  const auto view = books::overview(file);
  if (ctx.lang == Lang::en) {
    return fmt::format("Created fund '{}' in {} with {} accounts and {} designations.\n", view.settings.name, o.path,
                       view.accounts.size(), view.designations.size());
  }
  return fmt::format("已创建基金“{}”：{}（{} 个资金账户，{} 个资金用途）\n", view.settings.name, o.path,
                     view.accounts.size(), view.designations.size());
}

}  // namespace

void setup_init(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand("init", ctx.tr("新建基金账套", "create a new fund file"));
  cmd->add_option("FILE", options->path, ctx.tr("要创建的基金账套文件", "the fund file to create"))->required();
  cmd->add_option(
      "--config", options->config,
      ctx.tr("基金定义文件（TOML，见 examples/fund.toml）", "fund definition file (TOML, see examples/fund.toml)"));
  cmd->add_option("--name", options->name, ctx.tr("基金名称", "fund name"));
  cmd->add_option("--organisation", options->organisation, ctx.tr("管理单位", "organisation running the fund"));
  cmd->add_option("--host", options->host,
                  ctx.tr("依托的慈善组织（出具正式票据）", "host charity (issues official receipts)"));
  cmd->add_option(
      "--region", options->region,
      ctx.tr("所在区县，如 临江区（cfund rollup 汇总用）", "the district it belongs to (for cfund rollup)"));
  cmd->add_option("--town", options->town,
                  ctx.tr("所在镇街，如 青溪镇（cfund rollup 按镇街合计）",
                         "the town or subdistrict it belongs to (cfund rollup totals by town)"));
  cmd->add_option("--supervision-phone", options->supervision_phone, ctx.tr("监督电话", "supervision phone"));
  cmd->add_option("--report-language", options->report_language, ctx.tr("公示语言 zh/en", "notice language zh/en"))
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--approval-threshold", options->approval_threshold,
                  ctx.tr("审批限额：超过此金额的支出须有决议编号（默认 5000）",
                         "payments above this need an approval reference (default 5000)"));
  cmd->add_option(
      "--relief-window-days", options->relief_window_days,
      ctx.tr("重复救助间隔天数（默认 365）", "days within which a second relief needs a reason (default 365)"));
  cmd->add_option("--time-zone", options->time_zone,
                  ctx.tr("基金所在时区，如 Asia/Shanghai（默认）；公示的生成时间按此时区印出",
                         "the fund's time zone, e.g. Asia/Shanghai (default): notices print their time in it"));
  cmd->add_option("--notice-url", options->notice_url,
                  ctx.tr("公示的网上地址（http:// 或 https://），打印版二维码会打开它",
                         "where notices are online (http:// or https://): the print notice's QR code opens it"));
  cmd->add_option("--account", options->accounts,
                  ctx.tr("资金账户 代码:类型[:名称]，类型为 bank/cash/wechat/alipay/other，可重复",
                         "account code:kind[:name], kind bank/cash/wechat/alipay/other; repeatable"));
  cmd->add_option("--special-fund", options->special_funds,
                  ctx.tr("专项基金 代码[:名称]，可重复", "special fund code[:name]; repeatable"));
  cmd->callback([options, &ctx] { ctx.output = run_init(*options, ctx); });
}

}  // namespace cfund::cli
