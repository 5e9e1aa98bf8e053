// cfund export: the journal (or a period of it) as a ledger-cli / hledger journal, a
// beancount file or JSON, for accountants and supervisors (docs/export.md).

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <sstream>

#include "books/fund.hpp"
#include "common.hpp"
#include "error.hpp"
#include "render/export.hpp"
#include "render/warehouse.hpp"
#include "report/export.hpp"
#include "report/rollup.hpp"
#include "report/warehouse.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

struct ExportOptions {
  std::string format;
  std::string period;
  std::string out;
  std::vector<std::string> files;  // --format warehouse: the funds (files or folders)
};

void write_or_fail(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (const auto why = util::write_file_atomically(path, write)) {
    throw InputError(bilingual("--out：无法写入“{0}”：{1}", "--out: cannot write '{0}': {2}", path, why->zh, why->en));
  }
}

// One fund's tables into OUT/FUND_KEY/ (and its load script), every table from one
// view of the books. Returns its key.
std::string write_warehouse_fund(storage::FundFile& file, const std::filesystem::path& out) {
  storage::FundFile::ReadSnapshot snapshot(file);
  const std::string key = report::warehouse_fund_key(file);
  std::filesystem::create_directories(out / key);
  for (const auto& table : report::warehouse_tables()) {
    write_or_fail((out / key / (table.name + ".csv")).string(), [&](std::ostream& csv) {
      render::warehouse_csv_header(csv, table);
      report::warehouse_rows(
          file, key, table, [&](const report::WarehouseCells& cells) { render::warehouse_csv_row(csv, table, cells); });
    });
  }
  write_or_fail((out / key / "load.sql").string(),
                [&](std::ostream& sql) { sql << render::warehouse_fund_load_sql(key); });
  return key;
}

// The fund is opened read-only, so nothing in it changes. When a writer changed a
// file read as immutable meanwhile (storage::FundFile::open_read_only), it is read
// again as a WAL reader.
std::string export_fund_to_warehouse(const std::string& path, const std::filesystem::path& out) {
  auto file = storage::FundFile::open_read_only(path);
  try {
    std::string key = write_warehouse_fund(file, out);
    if (!file.changed_since_open()) return key;
  } catch (...) {
    if (!file.changed_since_open()) throw;
  }
  auto again = storage::FundFile::open_read_only(path, false);
  return write_warehouse_fund(again, out);
}

// cfund export --format warehouse --out DIR FILES...: schema.sql, load.sql and one
// folder per fund (docs/warehouse.md).
std::string run_warehouse(const ExportOptions& o, const Context& ctx) {
  if (o.out.empty()) {
    throw InputError(bilingual("--format warehouse 须用 --out 目录", "--format warehouse needs --out DIR"));
  }
  if (!o.period.empty()) {
    throw InputError(bilingual("--format warehouse 导出全部账目，不接受 --period",
                               "--format warehouse exports the whole books and takes no --period"));
  }
  std::vector<std::string> paths = o.files;
  if (paths.empty() && !ctx.fund_path.empty()) paths.push_back(ctx.fund_path);
  if (paths.empty()) {
    throw InputError(
        bilingual("请写出要导出的基金账套文件或目录（或用 -f）", "name the fund files or folders to export (or -f)"));
  }
  const std::filesystem::path out(o.out);
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error) throw InputError(bilingual("--out：无法创建目录“{0}”", "--out: cannot create the folder '{0}'", o.out));
  std::vector<std::string> keys;
  std::string written;
  for (const auto& path : report::find_fund_files(paths)) {
    const std::string key = export_fund_to_warehouse(path, out);
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
      throw InputError(bilingual("“{0}”与前面的一个基金是同一个基金（键 {1}，同一账套的副本？）",
                                 "'{0}' is the same fund as one before it (key {1}: a copy of the same file?)", path,
                                 key));
    }
    keys.push_back(key);
    written += (out / key).string() + "/ " + path + "\n";
  }
  write_or_fail((out / "schema.sql").string(), [](std::ostream& sql) { sql << render::warehouse_schema_sql(); });
  write_or_fail((out / "load.sql").string(), [&](std::ostream& sql) { sql << render::warehouse_load_sql(keys); });
  return written + (out / "schema.sql").string() + "\n" + (out / "load.sql").string() + "\n";
}

std::string run_export(const ExportOptions& o, const Context& ctx) {
  const std::string format = util::trim(o.format);
  if (format == "warehouse") return run_warehouse(o, ctx);
  if (!o.files.empty()) {
    throw InputError(bilingual("只有 --format warehouse 接受多个基金账套；其他格式用 -f 指定一个",
                               "only --format warehouse takes several fund files; other formats take one with -f"));
  }
  report::ExportOptions options;
  options.period = period_option("--period", o.period);
  auto file = open_fund(ctx);
  options.lang = ctx.lang_option.empty() ? books::load_settings(file).report_language : ctx.lang;

  if (o.out.empty()) {
    std::ostringstream text;
    auto writer = render::export_writer(format, text);
    report::export_books(file, options, *writer);
    return text.str();
  }
  // Written beside the target and renamed into place: a failed export leaves no half file.
  const auto why = util::write_file_atomically(o.out, [&](std::ostream& out) {
    auto writer = render::export_writer(format, out);
    report::export_books(file, options, *writer);
  });
  if (why)
    throw InputError(bilingual("--out：无法写入“{0}”：{1}", "--out: cannot write '{0}': {2}", o.out, why->zh, why->en));
  return o.out + "\n";
}

}  // namespace

void setup_export(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export",
      ctx.tr("导出账目：ledger / hledger 账本、beancount 文件、JSON，或多个基金的 PostgreSQL 数据仓库表（见 "
             "docs/export.md、docs/warehouse.md）",
             "export the books as a ledger / hledger journal, a beancount file, JSON, or many funds' tables for a "
             "PostgreSQL warehouse (see docs/export.md, docs/warehouse.md)"));
  std::vector<std::string> formats = render::kExportFormats;
  formats.push_back("warehouse");
  cmd->add_option("--format", options->format,
                  ctx.tr("格式：ledger、beancount、json 或 warehouse（须用 --out 目录）",
                         "format: ledger, beancount, json or warehouse (needs --out DIR)"))
      ->required()
      ->check(CLI::IsMember(formats));
  cmd->add_option("FILES", options->files,
                  ctx.tr("--format warehouse：要导出的基金账套文件或目录（只读打开）",
                         "--format warehouse: the fund files or folders to export (opened read-only)"));
  cmd->add_option("--period", options->period,
                  ctx.tr("只导出一个期间（2025-03、2025-Q1、2025 或 起..止），并以期初余额开头；默认全部",
                         "export one period only (2025-03, 2025-Q1, 2025 or FROM..TO), starting with its opening "
                         "balances; default: everything"));
  cmd->add_option("--out", options->out,
                  ctx.tr("写入此文件（warehouse：此目录），不写则输出到屏幕",
                         "write to this file (warehouse: this folder) instead of stdout"));
  cmd->callback([options, &ctx] { ctx.output = run_export(*options, ctx); });
}

}  // namespace cfund::cli
