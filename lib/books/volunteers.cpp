#include "books/volunteers.hpp"

#include <map>

#include "books/beneficiaries.hpp"
#include "books/fund.hpp"
#include "error.hpp"
#include "import/table.hpp"
#include "storage/community_queries.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// "V0003", "v3", "3" → 3; nothing for a name.
std::optional<std::int64_t> volunteer_number(const std::string& text) {
  std::string digits = util::trim(text);
  if (!digits.empty() && (digits[0] == 'V' || digits[0] == 'v')) digits.erase(0, 1);
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::int64_t number = std::stoll(digits);
  return number > 0 ? std::optional<std::int64_t>(number) : std::nullopt;
}

std::string checked_phone(const std::string& typed, const char* option) {
  const std::string phone = util::trim(util::fold_full_width(typed));
  if (!phone.empty() && !plausible_phone(phone)) {
    throw InputError(
        bilingual("{0}：“{1}”不像电话号码", "{0}: '{1}' does not look like a phone number", option, phone));
  }
  return phone;
}

// A project the hours were given to (any stage: volunteers gather before money does).
std::optional<std::int64_t> project_id(storage::FundFile& file, const std::string& typed) {
  const std::string code = util::trim(typed);
  if (code.empty()) return std::nullopt;
  const model::Designation project = find_designation(file, code);
  if (project.kind != "project") {
    throw InputError(bilingual("--project：“{0}”不是公益项目（cfund project list）",
                               "--project: '{0}' is not a project (cfund project list)", code));
  }
  return project.id;
}

std::string require_activity(const std::string& typed) {
  const std::string activity = util::trim(typed);
  if (activity.empty()) {
    throw InputError(bilingual("--activity：请写服务的活动，如 社区清扫、助老陪伴",
                               "--activity: name the activity, e.g. 社区清扫 (street cleaning)"));
  }
  return activity;
}

// Appends one service entry inside the caller's transaction.
std::int64_t append_service(storage::FundFile& file, const Recorder& recorder, const model::Volunteer& volunteer,
                            const ServiceInput& input, const std::optional<std::int64_t>& project,
                            const storage::Row& source) {
  require_hours_in_day(file, volunteer, input.date, input.hours);
  EntryDraft draft;
  draft.kind = model::entry_kind::service;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.detail.set("volunteer", volunteer.number)
      .set("hours", input.hours)
      .set("activity", input.activity)
      .set("project_id", project ? storage::Value{*project} : storage::Value{});
  for (const auto& column : source.columns) draft.detail.set(column.first, column.second);
  return append_entry(file, recorder, draft);
}

}  // namespace

std::int64_t register_volunteer(storage::FundFile& file, const Recorder& recorder, const VolunteerInput& input) {
  const std::string name = util::trim(input.name);
  if (name.empty()) throw InputError(bilingual("--name：请写志愿者姓名", "--name: the volunteer's name is missing"));
  if (volunteer_number(name)) {
    throw InputError(bilingual("--name：“{0}”像志愿者编号，不像姓名",
                               "--name: '{0}' looks like a volunteer number, "
                               "not a name",
                               name));
  }
  const std::string phone = checked_phone(input.phone, "--phone");
  storage::FundFile::WriteTransaction tx(file);
  for (const auto& known : storage::volunteers(file)) {
    if (known.name == name) {
      throw Refused(bilingual("“{0}”已登记为志愿者 V{1:04d}；同名的另一位请加上区分的字，如 {0}（5栋）",
                              "'{0}' is already volunteer V{1:04d}; for another person of that name add what tells "
                              "them apart, e.g. {0}（5栋）",
                              name, known.number));
    }
  }
  const std::int64_t number = storage::next_volunteer_number(file);
  EntryDraft draft;
  draft.kind = model::entry_kind::volunteer;
  draft.date = recorder.now.today;
  draft.memo = input.memo;
  draft.detail.set("number", number).set("name", name).set_text("phone", phone);
  append_entry(file, recorder, draft);
  tx.commit();
  return number;
}

std::vector<model::Volunteer> list_volunteers(storage::FundFile& file) { return storage::volunteers(file); }

model::Volunteer find_volunteer(storage::FundFile& file, const std::string& number_or_name, const char* option) {
  const std::string wanted = util::trim(number_or_name);
  const auto number = volunteer_number(wanted);
  for (auto& volunteer : storage::volunteers(file)) {
    if ((number && volunteer.number == *number) || (!number && volunteer.name == wanted)) return volunteer;
  }
  if (number) {
    throw InputError(
        bilingual("{0}：没有编号为 V{1:04d} 的志愿者", "{0}: there is no volunteer V{1:04d}", option, *number));
  }
  throw InputError(bilingual("{0}：没有名为“{1}”的志愿者（先用 cfund volunteer add 登记）",
                             "{0}: there is no volunteer named '{1}' (register them with cfund volunteer add)", option,
                             wanted));
}

void require_hours_in_day(storage::FundFile& file, const model::Volunteer& volunteer, const util::Date& date,
                          util::Hundredths hours) {
  if (hours <= 0) {
    throw InputError(bilingual("--hours：时长必须大于零", "--hours: the hours must be above zero"));
  }
  const util::Hundredths before = storage::hours_served_on(file, volunteer.number, date.iso());
  if (before + hours > util::kHoursInDay) {
    throw Refused(bilingual("志愿者 V{0:04d} 在 {1} 已记 {2} 小时，再记 {3} 小时将超过一天的 24 小时",
                            "volunteer V{0:04d} already has {2} hours on {1}; {3} more would be over the 24 hours of "
                            "a day",
                            volunteer.number, date.iso(), util::format_hours(before), util::format_hours(hours)));
  }
}

std::int64_t record_service(storage::FundFile& file, const Recorder& recorder, const ServiceInput& input) {
  ServiceInput checked = input;
  checked.activity = require_activity(input.activity);
  storage::FundFile::WriteTransaction tx(file);
  const model::Volunteer volunteer = find_volunteer(file, input.volunteer, "--volunteer");
  const auto project = project_id(file, input.project);
  const std::int64_t id = append_service(file, recorder, volunteer, checked, project, storage::Row{});
  tx.commit();
  return id;
}

std::vector<model::Service> list_services(storage::FundFile& file, const util::Period& period) {
  return storage::services(file, period.first.iso(), period.last.iso());
}

namespace {

enum SheetColumn { c_volunteer, c_phone, c_date, c_hours, c_activity, c_project };

std::vector<import::TableColumn> sheet_columns(const ServiceImportOptions& options) {
  return {{"volunteer", {"姓名", "志愿者", "志愿者姓名", "name", "volunteer"}, true},
          {"phone", {"电话", "手机", "手机号", "联系电话", "phone"}, false},
          {"date", {"日期", "服务日期", "date"}, !options.date},
          {"hours", {"时长", "服务时长", "小时", "时长(小时)", "服务时长(小时)", "hours"}, true},
          {"activity", {"活动", "服务内容", "活动名称", "activity"}, util::trim(options.activity).empty()},
          {"project", {"项目", "project"}, false}};
}

// Reads a sign-in sheet row by row into service entries, inside one transaction.
class SheetImporter {
 public:
  SheetImporter(storage::FundFile& file, const Recorder& recorder, import::TableReader& reader,
                const ServiceImportOptions& options, ServiceImportReport& report)
      : file_(file), recorder_(recorder), reader_(reader), options_(options), report_(report) {}

  void row(const import::TableRow& row) {
    ++report_.rows_read;
    try {
      ServiceInput input;
      input.date = row_date(row);
      input.hours = row_hours(row);
      input.activity = row.cells[c_activity].empty() ? util::trim(options_.activity) : row.cells[c_activity];
      const std::string project_text = row.cells[c_project].empty() ? options_.project : row.cells[c_project];
      const auto project = project_id(file_, project_text);
      const model::Volunteer volunteer = row_volunteer(row);
      const std::string key = content_key(volunteer, input, project_text);
      if (present(key)) {
        ++report_.rows_present;
        return;
      }
      storage::Row source;
      source.set("source_file", reader_.summary().sha256).set("source_line", row.line).set("content_key", key);
      const std::int64_t id = append_service(file_, recorder_, volunteer, input, project, source);
      if (report_.first_entry == 0) report_.first_entry = id;
      report_.last_entry = id;
      ++report_.rows_added;
      report_.hours_added += input.hours;
    } catch (const Error& e) {
      problems_.push_back({e.code() == ExitCode::refused,
                           import::row_location(reader_.path(), reader_.summary().sheet, row.line), e.message()});
    }
  }

  // Throws, naming every bad row (file and line first), when any row was bad.
  void finish() const {
    if (problems_.empty()) return;
    Message all;
    bool refused = true;
    for (const auto& problem : problems_) {
      all.zh += (all.zh.empty() ? "" : "\n") + problem.where.zh + "：" + problem.why.zh;
      all.en += (all.en.empty() ? "" : "\n") + problem.where.en + ": " + problem.why.en;
      refused = refused && problem.refused;
    }
    const Message message = bilingual("{0}\n签到表没有导入（一行也没有写入）：请改正以上各行后再导入",
                                      "{1}\nthe sign-in sheet was not imported (nothing was written): correct the "
                                      "rows above and import it again",
                                      all.zh, all.en);
    if (refused) throw Refused(message);
    throw InputError(message);
  }

 private:
  struct Problem {
    bool refused = false;
    Message where;
    Message why;
  };

  [[noreturn]] void bad(std::size_t column, const std::string& value, const Message& why) const {
    const std::string header = reader_.has(column) ? reader_.header(column) : sheet_columns(options_)[column].field;
    throw InputError(
        bilingual("字段 {0}（值“{1}”）：{2}", "field {0} (value '{1}'): {3}", header, value, why.zh, why.en));
  }

  util::Date row_date(const import::TableRow& row) const {
    if (row.cells[c_date].empty()) {
      if (options_.date) return *options_.date;
      bad(c_date, "",
          bilingual("没有日期（整张签到表同一天时可用 --date）", "no date (use --date for a one-day sheet)"));
    }
    auto date = util::parse_statement_date(row.cells[c_date]);
    if (!date) bad(c_date, row.cells[c_date], date.error());
    return *date;
  }

  util::Hundredths row_hours(const import::TableRow& row) const {
    auto hours = util::parse_hours(row.cells[c_hours]);
    if (!hours) bad(c_hours, row.cells[c_hours], hours.error());
    return *hours;
  }

  model::Volunteer row_volunteer(const import::TableRow& row) {
    const std::string& name = row.cells[c_volunteer];
    if (name.empty()) bad(c_volunteer, name, bilingual("没有志愿者姓名", "no volunteer's name"));
    for (const auto& known : storage::volunteers(file_)) {
      if (known.name == name || (volunteer_number(name) && known.number == *volunteer_number(name))) return known;
    }
    if (!options_.add_volunteers || volunteer_number(name)) {
      bad(c_volunteer, name,
          bilingual("不是已登记的志愿者（先用 cfund volunteer add 登记，或导入时加 --add-volunteers）",
                    "not a registered volunteer (register them with cfund volunteer add, or import with "
                    "--add-volunteers)"));
    }
    std::string phone;
    try {
      phone = checked_phone(row.cells[c_phone], "phone");
    } catch (const InputError& e) {
      bad(c_phone, row.cells[c_phone], e.message());
    }
    const std::int64_t number = register_volunteer(file_, recorder_, {name, phone, ""});
    ++report_.volunteers_added;
    return find_volunteer(file_, "V" + std::to_string(number), "");
  }

  static std::string content_key(const model::Volunteer& volunteer, const ServiceInput& input,
                                 const std::string& project) {
    const std::string content = std::to_string(volunteer.number) + '\x1f' + input.date.iso() + '\x1f' +
                                std::to_string(input.hours) + '\x1f' + input.activity + '\x1f' + util::trim(project);
    return util::sha256_hex(content).substr(0, 32);
  }

  // The n-th row of the sheet with this content is present when the books held at
  // least n such rows before the import.
  bool present(const std::string& key) {
    auto found = seen_.find(key);
    if (found == seen_.end()) found = seen_.emplace(key, Seen{storage::services_with_content_key(file_, key), 0}).first;
    ++found->second.in_file;
    return found->second.in_file <= found->second.in_books;
  }

  struct Seen {
    std::int64_t in_books = 0;
    std::int64_t in_file = 0;
  };
  storage::FundFile& file_;
  const Recorder& recorder_;
  import::TableReader& reader_;
  const ServiceImportOptions& options_;
  ServiceImportReport& report_;
  std::map<std::string, Seen> seen_;
  std::vector<Problem> problems_;
};

}  // namespace

ServiceImportReport import_services(storage::FundFile& file, const Recorder& recorder, const std::string& path,
                                    const ServiceImportOptions& options) {
  import::TableReader reader(path, sheet_columns(options), options.sheet);
  ServiceImportReport report;
  report.path = path;
  report.dry_run = options.dry_run;
  report.sha256 = reader.summary().sha256;
  report.format = reader.summary().format;
  report.sheet = reader.summary().sheet;
  storage::FundFile::WriteTransaction tx(file);
  SheetImporter importer(file, recorder, reader, options, report);
  import::TableRow row;
  while (reader.next(row)) importer.row(row);
  if (!reader.bad_rows().empty()) {
    Message all;
    for (const auto& bad : reader.bad_rows()) {
      const Message one = import::describe(path, bad);
      all.zh += (all.zh.empty() ? "" : "\n") + one.zh;
      all.en += (all.en.empty() ? "" : "\n") + one.en;
    }
    throw InputError(all);
  }
  importer.finish();
  if (!options.dry_run) tx.commit();
  return report;
}

}  // namespace cfund::books
