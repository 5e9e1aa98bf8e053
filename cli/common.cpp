#include "common.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "books/beneficiaries.hpp"
#include "books/fund.hpp"
#include "books/movements.hpp"
#include "books/registry.hpp"
#include "config/fund_config.hpp"
#include "error.hpp"
#include "util/clock.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

Lang language_from(const std::string& text) { return text == "en" ? Lang::en : Lang::zh; }

// Only zh and en name a language; --lang with anything else is refused by the parser
// in the language the environment or the config asks for.
bool names_language(const char* text) { return std::strcmp(text, "zh") == 0 || std::strcmp(text, "en") == 0; }

InputError option_error(const std::string& option, const Message& why) {
  return InputError(bilingual("{0}：{1}", "{0}: {2}", option, why.zh, why.en));
}

}  // namespace

Lang detect_language(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc && names_language(argv[i + 1]))
      return language_from(argv[i + 1]);
    if (std::strncmp(argv[i], "--lang=", 7) == 0 && names_language(argv[i] + 7)) return language_from(argv[i] + 7);
  }
  if (const char* env = std::getenv("CFUND_LANG"); env != nullptr && *env != '\0') return language_from(env);
  try {
    return language_from(config::load_user_config().lang);
  } catch (const Error&) {
    return Lang::zh;  // a broken user config is reported when it is used for the operator
  }
}

storage::FundFile open_fund(const Context& ctx) {
  if (ctx.fund_path.empty()) {
    throw InputError(bilingual("请用 -f/--fund 指定基金账套文件，或设置环境变量 CFUND_FUND",
                               "name the fund file with -f/--fund or the CFUND_FUND environment variable"));
  }
  auto file = storage::FundFile::open(ctx.fund_path);
  // A fund made by a cfund that kept its registries off the chain states them once.
  if (!books::registries_stated(file)) books::state_registries_once(file, recorder_for(ctx, file));
  return file;
}

books::Recorder recorder_for(const Context& ctx, storage::FundFile& file) {
  const auto settings = books::load_settings(file);
  return books::Recorder{config::resolve_operator(ctx.operator_option, settings.default_operator), util::now()};
}

util::Fen amount_option(const std::string& option, const std::string& text) {
  auto amount = util::parse_amount(text);
  if (!amount) throw option_error(option, amount.error());
  return *amount;
}

util::Date date_option(const std::string& option, const std::string& text, const util::Date& fallback) {
  if (text.empty()) return fallback;
  auto date = util::parse_date(util::trim(text));
  if (!date) throw option_error(option, date.error());
  return *date;
}

util::Period period_option(const std::string& option, const std::string& text) {
  if (text.empty()) return util::Period{util::Date{1900, 1, 1}, util::Date{9999, 12, 31}, ""};
  auto period = util::parse_period(util::trim(text));
  if (!period) throw option_error(option, period.error());
  return *period;
}

util::Moment moment_option(const std::string& option, const std::string& text) {
  auto moment = util::parse_moment(util::trim(text));
  if (!moment) throw option_error(option, moment.error());
  return *moment;
}

std::string full_help(const Context& ctx) {
  return ctx.tr("显示用途、备注、理由的原文（默认像公示一样遮盖受助人的姓名、证件号和电话）",
                "show purposes, memos and reasons as typed (by default beneficiaries' names, ID numbers and phones in "
                "them are masked as in a notice)");
}

void output_folder_option(const std::string& option, const std::string& path) {
  if (auto why = util::unfit_output_path(path, true)) {
    throw InputError(
        bilingual("{0}：不能写入“{1}”：{2}", "{0}: cannot write into '{1}': {3}", option, path, why->zh, why->en));
  }
}

std::int64_t entry_id_option(const std::string& option, const std::string& text) {
  const std::string trimmed = util::trim(text);
  std::int64_t value = 0;
  bool ok = !trimmed.empty() && trimmed.size() <= 15;
  for (char c : trimmed) {
    if (c < '0' || c > '9') ok = false;
    if (ok) value = value * 10 + (c - '0');
  }
  if (!ok || value == 0) {
    throw option_error(option, bilingual("“{0}”不是分录编号（正整数）",
                                         "'{0}' is not an entry number (a positive whole number)", text));
  }
  return value;
}

int day_count_option(const std::string& option, const std::string& text) {
  const std::string trimmed = util::trim(text);
  int value = 0;
  bool ok = !trimmed.empty() && trimmed.size() <= 5;
  for (char c : trimmed) {
    if (c < '0' || c > '9') ok = false;
    if (ok) value = value * 10 + (c - '0');
  }
  if (!ok) {
    throw option_error(option, bilingual("“{0}”不是天数（0 到 99999 的整数）",
                                         "'{0}' is not a number of days (a whole number from 0 to 99999)", text));
  }
  return value;
}

std::int64_t beneficiary_option(storage::FundFile& file, const std::string& option, const std::string& text) {
  try {
    return books::resolve_beneficiary(file, text).number;
  } catch (const InputError& e) {
    throw option_error(option, e.message());
  }
}

namespace {

// "W0001", "w1", "1" -> 1, with the letter of the registry.
std::int64_t numbered_option(const std::string& option, const std::string& text, char letter, const Message& what) {
  std::string trimmed = util::trim(text);
  if (!trimmed.empty() && (trimmed[0] == letter || trimmed[0] == letter - 'A' + 'a')) trimmed.erase(0, 1);
  try {
    return entry_id_option(option, trimmed);
  } catch (const InputError&) {
    throw option_error(option, what);
  }
}

}  // namespace

std::vector<std::string> format_list(const std::string& text, const std::vector<std::string>& known) {
  std::vector<std::string> formats;
  std::string rest = text + ",";
  for (auto comma = rest.find(','); comma != std::string::npos; comma = rest.find(',')) {
    std::string name = util::trim(rest.substr(0, comma));
    rest.erase(0, comma + 1);
    if (name.empty()) continue;
    if (name == "all") return known;
    if (name == "markdown") name = "md";
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw InputError(bilingual("--format：不认识的格式“{0}”（可选 md、csv、html、xlsx 或 all，可用逗号分隔多个）",
                                 "--format: unknown format '{0}' (md, csv, html, xlsx or all, several separated by "
                                 "commas)",
                                 name));
    }
    if (std::find(formats.begin(), formats.end(), name) == formats.end()) formats.push_back(name);
  }
  if (formats.empty()) throw InputError(bilingual("--format：请至少写一种格式", "--format: name at least one format"));
  return formats;
}

std::int64_t wish_option(const std::string& option, const std::string& text) {
  return numbered_option(option, text, 'W',
                         bilingual("“{0}”不是微心愿编号（如 W0001）", "'{0}' is not a wish number (like W0001)", text));
}

std::int64_t household_option(const std::string& option, const std::string& text) {
  return numbered_option(
      option, text, 'H',
      bilingual("“{0}”不是家庭户编号（如 H0001）", "'{0}' is not a household number (like H0001)", text));
}

util::Hundredths hours_option(const std::string& option, const std::string& text) {
  auto hours = util::parse_hours(text);
  if (!hours) throw option_error(option, hours.error());
  return *hours;
}

std::int64_t points_option(const std::string& option, const std::string& text) {
  try {
    return entry_id_option(option, text);
  } catch (const InputError&) {
    throw option_error(option, bilingual("“{0}”不是积分数（大于零的整数）",
                                         "'{0}' is not a number of points (a whole number above zero)", text));
  }
}

namespace {

struct VoidOptions {
  std::string id;
  std::string reason;
  std::string date;
};

std::string run_void(const VoidOptions& o, const Context& ctx, const std::vector<std::string>& kinds) {
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const auto id = entry_id_option("ID", o.id);
  const auto void_id =
      books::void_entry(file, recorder, id, kinds, o.reason, date_option("--date", o.date, recorder.now.today));
  if (ctx.lang == Lang::en) return fmt::format("Voided entry {} with entry {}\n", id, void_id);
  return fmt::format("已红冲第 {} 号分录：红冲分录第 {} 号\n", id, void_id);
}

}  // namespace

void add_void_command(CLI::App& parent, Context& ctx, const std::vector<std::string>& kinds,
                      const std::string& description) {
  auto options = std::make_shared<VoidOptions>();
  auto* cmd = parent.add_subcommand("void", description);
  cmd->add_option("ID", options->id, ctx.tr("要红冲的分录编号", "number of the entry to void"))->required();
  cmd->add_option("--reason", options->reason, ctx.tr("红冲理由", "reason"))->required();
  cmd->add_option("--date", options->date, ctx.tr("红冲日期（默认今天）", "date of the void (default today)"));
  cmd->callback([options, &ctx, kinds] { ctx.output = run_void(*options, ctx, kinds); });
}

int year_option(const std::string& option, const std::string& text) {
  const std::string trimmed = util::trim(text);
  bool digits = trimmed.size() == 4;
  for (char c : trimmed) digits = digits && c >= '0' && c <= '9';
  const int year = digits ? std::stoi(trimmed) : 0;
  if (year < 1901 || year > 9998) {
    throw InputError(bilingual("{1}：请写四位数的年份（1901–9998），如 2025；收到“{0}”",
                               "{1}: a four-digit year (1901–9998) such as 2025, not '{0}'", text, option));
  }
  return year;
}

}  // namespace cfund::cli
