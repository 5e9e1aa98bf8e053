// cfund publish: the notice (公示) of a period in Markdown, CSV, print HTML, WeChat
// HTML, text or an Excel workbook, to stdout or into a folder; records the
// publication in the journal.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "books/fund.hpp"
#include "books/publications.hpp"
#include "common.hpp"
#include "error.hpp"
#include "messages.hpp"
#include "render/notice_document.hpp"
#include "report/notice.hpp"
#include "util/file.hpp"
#include "util/text.hpp"

namespace cfund::cli {

namespace {

// For a period of more entries than this (or more listed money donations or payments) a text or
// Markdown notice reads the list again while laying it out instead of holding it. A list held is
// read once: a month of the largest funds (20,000 donations, about 10 MB held) is laid out in about
// 0.6 of the time; a year of them (over 300,000) is read again and stays under 64 MB.
constexpr std::size_t kKeepDonationsUpTo = 40000;

struct PublishOptions {
  std::string period;
  std::string formats = "txt";
  std::string out;
  std::string cutoff;
  std::string generated_at;
  std::string table;
  bool dry_run = false;
};

std::vector<std::string> parse_formats(const std::string& text) {
  std::vector<std::string> formats;
  std::string item;
  auto take = [&formats](std::string name) {
    name = util::trim(name);
    if (name.empty()) return;
    if (name == "all") {
      formats = render::kNoticeFormats;
      return;
    }
    if (name == "markdown") name = "md";
    if (name == "text") name = "txt";
    if (std::find(render::kNoticeFormats.begin(), render::kNoticeFormats.end(), name) == render::kNoticeFormats.end()) {
      throw InputError(bilingual(
          "--format：不认识的格式“{0}”（可选 md、csv、html、wechat、txt、xlsx 或 all，可用逗号分隔多个）",
          "--format: unknown format '{0}' (md, csv, html, wechat, txt, xlsx or all, several separated by commas)",
          name));
    }
    if (std::find(formats.begin(), formats.end(), name) == formats.end()) formats.push_back(name);
  };
  for (char c : text) {
    if (c == ',') {
      take(item);
      item.clear();
    } else {
      item += c;
    }
  }
  take(item);
  if (formats.empty()) throw InputError(bilingual("--format：请至少写一种格式", "--format: name at least one format"));
  return formats;
}

// Each file appears whole or not at all (util::write_file_atomically).
void write_file(const std::filesystem::path& path, const std::string& bytes) {
  if (auto why = util::write_file_atomically(path.string(), bytes)) {
    throw InputError(
        bilingual("--out：无法写入“{0}”：{1}", "--out: cannot write '{0}': {2}", path.string(), why->zh, why->en));
  }
}

// What the command prints: the notice (or the paths written) on stdout, and what was
// recorded on stderr, so that a notice on stdout can be piped as it is.
struct PublishOutput {
  std::string output;
  std::string notice;
};

// The notice laid out in every format asked for. A document that reads its list again
// holds the books' read snapshot: it ends here, before the publication is recorded.
struct RenderedNotice {
  std::vector<render::RenderedFile> files;
  std::string file_stem;
  std::string verification_code;
  std::int64_t cutoff_entry = 0;
};

RenderedNotice render_formats(storage::FundFile& file, const report::NoticeOptions& options,
                              const std::vector<std::string>& formats, Lang lang) {
  auto model = report::build_notice(file, options);
  RenderedNotice notice;
  notice.cutoff_entry = model.cutoff_entry;
  const auto document = render::notice_document(std::move(model), lang);  // the model's lists move into it
  for (const auto& format : formats) {
    auto rendered = render::render_notice(document, format);
    notice.files.insert(notice.files.end(), std::make_move_iterator(rendered.begin()),
                        std::make_move_iterator(rendered.end()));
  }
  notice.file_stem = document.file_stem;
  notice.verification_code = document.verification_code;
  return notice;
}

// One document on stdout: one format, and for CSV the one table chosen with --table.
std::string for_stdout(RenderedNotice& notice, const std::vector<std::string>& formats, const std::string& table) {
  if (formats.size() > 1) {
    throw InputError(bilingual("--format：输出到屏幕时只能选一种格式；多种格式请用 --out 目录",
                               "--format: only one format can go to stdout; use --out DIR for several"));
  }
  if (formats.front() == "xlsx") {
    throw InputError(bilingual("--format xlsx：Excel 工作簿不能输出到屏幕，请用 --out 目录",
                               "--format xlsx: an Excel workbook cannot go to stdout; use --out DIR"));
  }
  if (formats.front() != "csv") return std::move(notice.files.front().bytes);
  std::string names;
  const std::size_t stem = notice.file_stem.size();
  for (auto& rendered : notice.files) {
    const std::string name = rendered.name.substr(stem + 1, rendered.name.size() - stem - 5);
    if (name == table) return std::move(rendered.bytes);
    names += (names.empty() ? "" : ", ") + name;
  }
  throw InputError(
      bilingual("--table：CSV 每张表一个文件；输出到屏幕时请用 --table 选一张（{0}），或用 --out 目录写出全部",
                "--table: CSV has one file per table; for stdout choose one with --table ({0}), or write "
                "all with --out DIR",
                names));
}

// Every file into the folder; the paths written, one a line.
std::string into_folder(const RenderedNotice& notice, const std::string& out) {
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error) throw InputError(bilingual("--out：无法创建目录“{0}”", "--out: cannot create the folder '{0}'", out));
  std::string written;
  for (const auto& rendered : notice.files) {
    const auto path = std::filesystem::path(out) / rendered.name;
    write_file(path, rendered.bytes);
    written += path.string() + "\n";
  }
  return written;
}

// The publication recorded (once for the same period and cut-off), unless --dry-run;
// what the command says about it.
std::string record(storage::FundFile& file, const books::Recorder& recorder, const util::Period& period,
                   const RenderedNotice& notice, const std::vector<std::string>& formats, bool dry_run, Lang lang) {
  const auto& code = notice.verification_code;
  if (dry_run) {
    return lang == Lang::en ? fmt::format("Not recorded (--dry-run); verification code {}\n", code)
                            : fmt::format("未记录公示（--dry-run）；校验码 {}\n", code);
  }
  std::string formats_text;
  for (const auto& format : formats) formats_text += (formats_text.empty() ? "" : ",") + format;
  const auto cutoff = notice.cutoff_entry;
  const auto recorded = books::record_publication(file, recorder, {period, cutoff, code, formats_text});
  if (recorded.already_recorded) {
    return lang == Lang::en
               ? fmt::format(
                     "This notice ({}, books as of entry {}) was already recorded as entry {}; verification code {}\n",
                     period.label, cutoff, recorded.entry_id, code)
               : fmt::format("本公示（{}，数据截至第 {} 号分录）已于第 {} 号分录记录，不再重复记录；校验码 {}\n",
                             period.label, cutoff, recorded.entry_id, code);
  }
  return lang == Lang::en
             ? fmt::format("Recorded the notice for {} as entry {} (books as of entry {}); verification code {}\n",
                           period.label, recorded.entry_id, cutoff, code)
             : fmt::format("已记录公示：第 {} 号分录（{}，数据截至第 {} 号分录）；校验码 {}\n", recorded.entry_id,
                           period.label, cutoff, code);
}

PublishOutput run_publish(const PublishOptions& o, const Context& ctx) {
  const auto period = period_option("--period", o.period);
  const auto formats = parse_formats(o.formats);
  if (!o.out.empty()) output_folder_option("--out", o.out);
  auto file = open_fund(ctx);
  const auto recorder = recorder_for(ctx, file);
  const Lang lang = ctx.lang_option.empty() ? books::load_settings(file).report_language : ctx.lang;

  report::NoticeOptions options;
  options.period = period;
  if (!o.cutoff.empty()) options.cutoff = entry_id_option("--cutoff", o.cutoff);
  options.generated_at = o.generated_at.empty() ? recorder.now.epoch_seconds
                                                : moment_option("--generated-at", o.generated_at).epoch_seconds;
  // Text and Markdown lay a long donation list out as it is read again from the books
  // (a year of a large fund need not sit in memory); the other layouts need it whole.
  const bool streamable = std::all_of(formats.begin(), formats.end(),
                                      [](const std::string& format) { return format == "txt" || format == "md"; });
  if (streamable) options.keep_donations_up_to = kKeepDonationsUpTo;
  auto notice = render_formats(file, options, formats, lang);
  std::string output = o.out.empty() ? for_stdout(notice, formats, o.table) : into_folder(notice, o.out);
  return {std::move(output), record(file, recorder, period, notice, formats, o.dry_run, lang)};
}

}  // namespace

void setup_publish(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<PublishOptions>();
  auto* cmd = app.add_subcommand(
      "publish", ctx.tr("生成一个期间的公示（Markdown、CSV、打印版 HTML、公众号 HTML、文本、Excel 工作簿）",
                        "make the public notice of a period (Markdown, CSV, print HTML, WeChat HTML, text, Excel)"));
  cmd->add_option("--period", options->period, text(Msg::period_help, ctx.lang))->required();
  cmd->add_option("--format", options->formats,
                  ctx.tr("格式：md、csv、html、wechat、txt（默认）、xlsx（须用 --out），逗号分隔多个，或 all",
                         "format: md, csv, html, wechat, txt (default), xlsx (needs --out), several separated by "
                         "commas, or all"));
  cmd->add_option("--out", options->out,
                  ctx.tr("写入此目录（文件名如 notice-2025-03.md），不写则输出到屏幕",
                         "write files into this folder (named like notice-2025-03.md) instead of stdout"));
  cmd->add_option("--cutoff", options->cutoff,
                  ctx.tr("只计入编号不大于此的分录（重现旧公示用；默认最后一条非公示分录）",
                         "count entries up to this id only (to reproduce an older notice; default: the last entry that "
                         "is not a publication)"));
  cmd->add_option("--generated-at", options->generated_at,
                  ctx.tr("页脚的生成时间，如 2026-11-30T14:36:55+00:00（默认当前时间或 CFUND_NOW）；按基金的时区印出",
                         "the time in the footer, e.g. 2026-11-30T14:36:55+00:00 (default: now, or CFUND_NOW); "
                         "printed in the fund's time zone"));
  cmd->add_option(
      "--table", options->table,
      ctx.tr("CSV 输出到屏幕时选一张表：info、summary、donations、donation_bands、goods、spending、people、projects、"
             "wishes_fulfilled、wishes_open、service、points、corrections",
             "with CSV to stdout, the one table to print: info, summary, donations, donation_bands, goods, spending, "
             "people, projects, wishes_fulfilled, wishes_open, service, points, corrections"));
  cmd->add_flag("--dry-run,--no-record", options->dry_run,
                ctx.tr("只生成，不在账目中记录本次公示", "render only; do not record the publication in the journal"));
  cmd->callback([options, &ctx] {
    auto result = run_publish(*options, ctx);
    ctx.output = std::move(result.output);
    ctx.notice += result.notice;
  });
}

}  // namespace cfund::cli
