#pragma once
// What every command shares: the global options, opening the fund, turning option
// text into values (errors name the option), and the language of messages.

#include <optional>
#include <string>
#include <vector>

#include "books/imports.hpp"
#include "books/journal.hpp"
#include "error.hpp"
#include "storage/fund_file.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/hours.hpp"
#include "util/message.hpp"
#include "util/money.hpp"

namespace CLI {
class App;
}

namespace cfund::cli {

struct Context {
  Lang lang = Lang::zh;
  std::string lang_option;  // --lang as given (checked in main)
  std::string fund_path;    // -f/--fund or CFUND_FUND
  std::string operator_option;
  std::string output;  // what the command prints on stdout
  std::string notice;  // what it prints on stderr on success (warnings)
  // The exit code of a command that ran to the end: ExitCode::findings when it
  // found what a script must stop on (audit errors, an unreconciled statement).
  ExitCode exit_code = ExitCode::ok;

  // A description in the user's language, for --help.
  std::string tr(const char* zh, const char* en) const { return lang == Lang::en ? en : zh; }
  std::string tr(const Message& message) const { return message.in(lang); }
};

// The language for messages before the command line is parsed: --lang, else
// CFUND_LANG, else the user's config, else Chinese.
Lang detect_language(int argc, char** argv);

storage::FundFile open_fund(const Context& ctx);
books::Recorder recorder_for(const Context& ctx, storage::FundFile& file);

util::Fen amount_option(const std::string& option, const std::string& text);
util::Date date_option(const std::string& option, const std::string& text, const util::Date& fallback);
util::Period period_option(const std::string& option, const std::string& text);
util::Moment moment_option(const std::string& option, const std::string& text);
std::int64_t entry_id_option(const std::string& option, const std::string& text);
// --out DIR: refused unless it is a folder or absent (never a symbolic link, a device ...).
// The help of --full (lists and receipts show free text unmasked).
std::string full_help(const Context& ctx);
void output_folder_option(const std::string& option, const std::string& path);
int day_count_option(const std::string& option, const std::string& text);
// A beneficiary named on the command line: code (B0001), ID number, or a name exactly
// one beneficiary has (books::resolve_beneficiary); errors name the option.
std::int64_t beneficiary_option(storage::FundFile& file, const std::string& option, const std::string& text);
std::int64_t wish_option(const std::string& option, const std::string& text);       // W0001
std::int64_t household_option(const std::string& option, const std::string& text);  // H0001
util::Hundredths hours_option(const std::string& option, const std::string& text);  // 1.5
std::int64_t points_option(const std::string& option, const std::string& text);     // a whole number above zero
// --format md,csv,...: the names in `known` (markdown for md, all for every one), each
// once, in the order given; an unknown or missing name is an InputError.
std::vector<std::string> format_list(const std::string& text, const std::vector<std::string>& known);
int year_option(const std::string& option, const std::string& text);  // 1901–9998

// Adds `PARENT void ID --reason R [--date D]`, which voids an entry of one of `kinds`.
void add_void_command(CLI::App& parent, Context& ctx, const std::vector<std::string>& kinds,
                      const std::string& description);

// Adds `PARENT import FILE ...` (cli/import.cpp): donations or payments from a statement.
void add_import_command(CLI::App& parent, Context& ctx, books::ImportTarget target);

// Every subcommand file exposes one setup function, wired in main.cpp.
void setup_init(CLI::App& app, Context& ctx);
void setup_fund(CLI::App& app, Context& ctx);
void add_fund_set_command(CLI::App& fund, Context& ctx);  // cli/registry.cpp
void setup_account(CLI::App& app, Context& ctx);
void setup_special_fund(CLI::App& app, Context& ctx);
void setup_donate(CLI::App& app, Context& ctx);
void setup_disburse(CLI::App& app, Context& ctx);
void setup_beneficiary(CLI::App& app, Context& ctx);
void setup_movements(CLI::App& app, Context& ctx);
void setup_project(CLI::App& app, Context& ctx);
void setup_audit(CLI::App& app, Context& ctx);
void setup_publish(CLI::App& app, Context& ctx);
void setup_export(CLI::App& app, Context& ctx);
void setup_income(CLI::App& app, Context& ctx);
void setup_opening(CLI::App& app, Context& ctx);
void setup_goods(CLI::App& app, Context& ctx);
void setup_completion(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_wish(CLI::App& app, Context& ctx);
void setup_volunteer(CLI::App& app, Context& ctx);
void setup_service(CLI::App& app, Context& ctx);
void setup_points(CLI::App& app, Context& ctx);
void setup_household(CLI::App& app, Context& ctx);
void setup_rollup(CLI::App& app, Context& ctx);

}  // namespace cfund::cli
