#pragma once
// Volunteers (志愿者) and their service (志愿服务). Under the non-profit accounting rules
// donated services are not booked as income, but they are disclosed: a notice and the
// annual report show hours and people by activity and project, never as money. A
// volunteer's phone is private, like a beneficiary's.
//
// The rule: hours are above zero with at most two decimals, and no one serves more
// than 24 hours in one day (all their service dated that day, voided service left out).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "import/reader.hpp"
#include "model/community.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"
#include "util/hours.hpp"

namespace cfund::books {

struct VolunteerInput {
  std::string name;
  std::string phone;
  std::string memo;
};
// One transaction; returns the volunteer's number (V0001 is 1). Refuses a name that is
// already a volunteer's (points are kept by name: add what tells two people apart).
std::int64_t register_volunteer(storage::FundFile& file, const Recorder& recorder, const VolunteerInput& input);
std::vector<model::Volunteer> list_volunteers(storage::FundFile& file);
// A volunteer by number (V0001) or name; InputError naming `option` when there is none.
model::Volunteer find_volunteer(storage::FundFile& file, const std::string& number_or_name, const char* option);

struct ServiceInput {
  util::Date date;
  std::string volunteer;  // V0001 or a name
  util::Hundredths hours = 0;
  std::string activity;
  std::string project;  // a project's code or name, or ""
  std::string memo;
};
std::int64_t record_service(storage::FundFile& file, const Recorder& recorder, const ServiceInput& input);

// The day rule, for hours about to be recorded: refuses (Refused) when the volunteer's
// service on that day would come to more than 24 hours.
void require_hours_in_day(storage::FundFile& file, const model::Volunteer& volunteer, const util::Date& date,
                          util::Hundredths hours);

// Service dated within the period (voided ones included, marked).
std::vector<model::Service> list_services(storage::FundFile& file, const util::Period& period);

// A sign-in sheet (签到表) as CSV, .xlsx or .xls: one row per volunteer and session,
// with the columns 姓名 (or 志愿者: a name or V0001), 时长 (hours), and 日期, 活动, 项目 and
// 电话 where the sheet has them. All or nothing, like a statement import: any bad row
// (file, line and field named) or refused row and nothing is written. Importing the
// same sheet again adds nothing (each row is recognised by its content).
struct ServiceImportOptions {
  std::string sheet;               // a workbook's sheet ("" = the first)
  std::optional<util::Date> date;  // for a sheet without a date column (one day's sheet)
  std::string activity;            // for a sheet without an activity column
  std::string project;             // for rows that name none
  bool add_volunteers = false;     // register names that are not volunteers yet (with the sheet's phone)
  bool dry_run = false;            // check everything, write nothing
};
struct ServiceImportReport {
  std::string path;
  std::string sha256;
  import::FileFormat format = import::FileFormat::csv;
  std::string sheet;
  std::int64_t rows_read = 0;
  std::int64_t rows_added = 0;
  std::int64_t rows_present = 0;  // already in the books
  std::int64_t volunteers_added = 0;
  util::Hundredths hours_added = 0;
  std::int64_t first_entry = 0;  // the entries added (0 when none)
  std::int64_t last_entry = 0;
  bool dry_run = false;
};
ServiceImportReport import_services(storage::FundFile& file, const Recorder& recorder, const std::string& path,
                                    const ServiceImportOptions& options);

}  // namespace cfund::books
