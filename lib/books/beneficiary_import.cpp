#include "books/beneficiary_import.hpp"

#include <map>
#include <optional>

#include "books/beneficiaries.hpp"
#include "books/import_problems.hpp"
#include "error.hpp"
#include "privacy/mask.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// A row of the register once checked: what the registry stores.
struct Person {
  std::string name;
  std::string id_number;
  std::string phone;
  std::string address;
  std::string category;
  std::string memo;
};

// A registered beneficiary a row is, and how it was found.
struct Found {
  model::Beneficiary person;
  bool by_id_number = false;
};

class RegisterImporter {
 public:
  RegisterImporter(storage::FundFile& file, const Recorder& recorder, import::StatementReader& reader,
                   const BeneficiaryImportOptions& options)
      : file_(file),
        recorder_(recorder),
        reader_(reader),
        options_(options),
        problems_(reader.path(), reader.summary().sheet) {}

  BeneficiaryImportReport run() {
    report_.dry_run = options_.dry_run;
    report_.path = reader_.path();
    report_.profile = reader_.profile().name;
    report_.encoding = reader_.summary().encoding;
    report_.format = reader_.summary().format;
    report_.sheet = reader_.summary().sheet;
    report_.sha256 = reader_.summary().sha256;
    storage::FundFile::WriteTransaction tx(file_);
    JournalAppender journal(file_, recorder_);
    import::Record row;
    while (reader_.next(row)) {
      ++report_.rows_read;
      try {
        take(row, journal);
      } catch (const Error& error) {
        problems_.add_row(row.line, error);
      }
    }
    problems_.add_reader_rows(reader_);
    if (problems_.count() > 0) problems_.raise();
    report_.rows_filtered = reader_.summary().rows_filtered;
    if (options_.dry_run || report_.registered + report_.updated == 0) return report_;  // rolls back
    journal.finish();
    tx.commit();
    return report_;
  }

 private:
  // The row checked field by field; nothing when a field is bad (reported).
  std::optional<Person> checked(const import::Record& row) {
    Person person;
    person.name = util::trim(row.name);
    person.category = util::trim(row.category.empty() ? options_.category : row.category);
    person.address = util::trim(row.address);
    person.memo = row.note;
    bool good = true;
    const auto bad = [&](const char* field, const Message& why) {
      problems_.add_field(row.line, field, "", why);
      good = false;
    };
    if (person.name.empty()) bad("name", bilingual("没有姓名", "no name"));
    if (person.category.empty()) {
      bad("category", bilingual("没有类别：文件中没有，也没有用 --category 指定",
                                "no category: the file gives none and there is no --category"));
    }
    const auto id = checked_id_number(row.id_number);
    if (id) person.id_number = *id;
    if (!id) bad("id_number", id.error());
    const auto phone = checked_phone(row.phone);
    if (phone) person.phone = *phone;
    if (!phone) bad("phone", phone.error());
    if (!good) return std::nullopt;
    return person;
  }

  // False (reported) when a row above has the same ID number, or, both without one,
  // the same name and phone.
  bool first_in_file(const import::Record& row, const Person& person) {
    const bool by_id = !person.id_number.empty();
    const std::string key = by_id ? person.id_number : util::comparable_name(person.name) + '\x1f' + digits(person);
    auto [seen, fresh] = (by_id ? ids_ : names_).emplace(key, row.line);
    if (fresh) return true;
    problems_.add_field(row.line, by_id ? "id_number" : "name", "",
                        by_id ? bilingual("与第 {0} 行的身份证号相同：同一人只能列一次",
                                          "the same ID number as line {0}: list each person once", seen->second)
                              : bilingual("与第 {0} 行的姓名和电话相同（都没有身份证号）：同一人只能列一次",
                                          "the same name and phone as line {0} (neither has an ID number): list "
                                          "each person once",
                                          seen->second));
    return false;
  }

  static std::string digits(const Person& person) {
    std::string out;
    for (char c : person.phone) {
      if (c >= '0' && c <= '9') out += c;
    }
    return out;
  }

  // The registered beneficiary the row is: by ID number; else by name and phone when
  // exactly one has both (and, when the row has an ID number, was registered without).
  std::optional<Found> registered(const Person& person) {
    if (!person.id_number.empty()) {
      if (auto found = storage::beneficiary_by_id_number(file_, person.id_number)) {
        if (util::comparable_name(found->name) != util::comparable_name(person.name)) {
          throw Refused(bilingual("身份证号 {0} 已登记为 {1}（{2}），与本行姓名（{3}）不符：请核对",
                                  "the ID number {0} is registered as {1} ({2}), not as this row's name ({3}): check "
                                  "them",
                                  privacy::mask_id_number(person.id_number), beneficiary_code(found->number),
                                  privacy::mask_name(found->name), privacy::mask_name(person.name)));
        }
        return Found{*found, true};
      }
    }
    std::vector<model::Beneficiary> same;
    for (auto& candidate : storage::beneficiaries_named(file_, person.name)) {
      if (!same_phone(candidate.phone, person.phone)) continue;
      if (!person.id_number.empty() && !candidate.id_number.empty()) continue;
      same.push_back(std::move(candidate));
    }
    if (same.empty()) return std::nullopt;
    if (same.size() == 1) return Found{same.front(), false};
    Message codes;
    for (const auto& candidate : same) {
      codes.zh += (codes.zh.empty() ? "" : "、") + beneficiary_code(candidate.number);
      codes.en += (codes.en.empty() ? "" : ", ") + beneficiary_code(candidate.number);
    }
    throw InputError(bilingual("有 {0} 位受助对象姓名和电话都与本行相同（{1}）：请在文件中写身份证号",
                               "{0} beneficiaries have this row's name and phone ({2}): give the ID number in the file",
                               same.size(), codes.zh, codes.en));
  }

  void take(const import::Record& row, JournalAppender& journal) {
    // A printed register is often numbered further than it is filled in.
    if (row.name.empty() && row.id_number.empty() && row.phone.empty() && row.address.empty()) {
      ++report_.rows_empty;
      return;
    }
    const auto person = checked(row);
    if (!person || !first_in_file(row, *person)) return;
    RegisterRow shown;
    shown.line = row.line;
    shown.name = privacy::mask_name(person->name);
    shown.id_number = privacy::mask_id_number(person->id_number);
    shown.category = person->category;
    if (const auto found = registered(*person)) {
      take_known(*person, *found, shown, journal);
    } else {
      BeneficiaryInput input{person->name,    person->id_number, person->phone,
                             person->address, person->category,  person->memo};
      shown.number = append_beneficiary(file_, journal, input);
      shown.entry_id = journal.last_id();
      shown.action = RegisterAction::registered;
      ++report_.registered;
    }
    report_.rows.push_back(std::move(shown));
  }

  void take_known(const Person& person, const Found& found, RegisterRow& shown, JournalAppender& journal) {
    const model::Beneficiary& known = found.person;
    shown.number = known.number;
    shown.by_id_number = found.by_id_number;
    shown.category = known.category;
    BeneficiaryChange change;
    if (known.id_number.empty() && !person.id_number.empty()) {
      change.id_number = person.id_number;
      shown.changed.emplace_back("id_number");
    }
    if (!person.phone.empty() && !same_phone(person.phone, known.phone)) {
      change.phone = person.phone;
      shown.changed.emplace_back("phone");
    }
    if (!person.address.empty() && person.address != known.address) {
      change.address = person.address;
      shown.changed.emplace_back("address");
    }
    shown.entry_id = append_beneficiary_update(file_, journal, known.number, change);
    shown.action = shown.entry_id == 0 ? RegisterAction::matched : RegisterAction::updated;
    ++(shown.entry_id == 0 ? report_.matched : report_.updated);
  }

  storage::FundFile& file_;
  const Recorder& recorder_;
  import::StatementReader& reader_;
  const BeneficiaryImportOptions& options_;
  ImportProblems problems_;
  std::map<std::string, int> ids_;    // ID number -> its first line in the file
  std::map<std::string, int> names_;  // name and phone of rows without an ID number -> first line
  BeneficiaryImportReport report_;
};

}  // namespace

BeneficiaryImportReport import_beneficiaries(storage::FundFile& file, const Recorder& recorder,
                                             import::StatementReader& reader, const BeneficiaryImportOptions& options) {
  import::require_kind(reader.profile(), import::ProfileKind::beneficiaries);
  return RegisterImporter(file, recorder, reader, options).run();
}

}  // namespace cfund::books
