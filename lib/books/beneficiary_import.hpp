#pragma once
// Importing a register of beneficiaries (`cfund beneficiary import`): a relief roll's
// households from a CSV or a workbook, read through a profile of kind beneficiaries
// (import/profiles/beneficiaries.toml), in ONE transaction.
//
// All or nothing: a row without a name or category, with an ID number whose check
// digit is wrong, a phone that is no phone number, or an ID number (or, without one,
// a name and phone) a row above already has, makes the whole file fail, every bad
// row named by line and field, nothing written.
//
// Idempotent: a person already registered is matched, never registered twice: by ID
// number; without one, by name and phone when exactly one beneficiary has both. A
// matched person whose phone or address (or the ID number, registered without one)
// differs gets an update entry (kind beneficiary_update). Importing the same register
// again adds nothing.
//
// Private: the report shows names, ID numbers and phones only masked.

#include <cstdint>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "import/reader.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct BeneficiaryImportOptions {
  std::string category;  // for rows that give none
  bool dry_run = false;  // check and count everything, write nothing
};

enum class RegisterAction {
  registered,  // new: a beneficiary entry
  matched,     // already registered, nothing changed
  updated,     // already registered: a beneficiary_update entry
};

// One row of the register, as the report shows it (masked).
struct RegisterRow {
  int line = 0;
  std::int64_t number = 0;  // the beneficiary's code (B0001 is 1); a dry run shows the code a new one would get
  std::string name;         // masked
  std::string id_number;    // masked
  std::string category;
  RegisterAction action = RegisterAction::registered;
  bool by_id_number = false;         // matched by ID number (else by name and phone)
  std::vector<std::string> changed;  // updated: id_number, phone, address
  std::int64_t entry_id = 0;         // the registration or the update (0 when matched)
};

struct BeneficiaryImportReport {
  bool dry_run = false;
  std::string path;
  std::string profile;
  import::Encoding encoding = import::Encoding::utf8;
  import::FileFormat format = import::FileFormat::csv;
  std::string sheet;
  std::string sha256;
  std::int64_t rows_read = 0;
  std::int64_t registered = 0;
  std::int64_t matched = 0;  // already registered, unchanged
  std::int64_t updated = 0;  // already registered, details changed
  std::int64_t rows_filtered = 0;
  std::int64_t rows_empty = 0;    // rows naming nobody (a template's numbered empty lines), passed over
  std::vector<RegisterRow> rows;  // every row that names someone, in the file's order
};

// Throws InputError listing every bad row, or Refused when a rule refused them all
// (an ID number registered under another name); then nothing is written.
BeneficiaryImportReport import_beneficiaries(storage::FundFile& file, const Recorder& recorder,
                                             import::StatementReader& reader, const BeneficiaryImportOptions& options);

}  // namespace cfund::books
