// The beneficiary registry: importing a register (new, matched, updated, bad rows),
// update entries and the current phone and address, and naming a beneficiary by
// code, ID number or name.
#include <catch2/catch.hpp>

#include <fstream>

#include "books/beneficiaries.hpp"
#include "books/beneficiary_import.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/imports.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "import/profile.hpp"
#include "report/secrets.hpp"
#include "storage/queries.hpp"

using namespace cfund;
using testing::file_bytes;
using testing::write_file;

namespace {

books::BeneficiaryImportReport import_register(const testing::TempFund& fund, const std::string& path,
                                               books::BeneficiaryImportOptions options = {}) {
  auto file = fund.open();
  import::StatementReader reader(path, config::load_import_profile("beneficiaries"));
  return books::import_beneficiaries(file, testing::TempFund::recorder(), reader, options);
}

// Valid resident ID numbers (fictional people).
const char* kWang = "11010519491231002X";
const char* kLi = "330185194206041030";  // check digit wrong: it should be X
const char* kLiRight = "33018519420604103X";
const char* kZhang = "330185194911051065";

std::string register_text(const char* wang_phone = "13812345678") {
  return std::string("桂花里社区困难群众花名册\n序号,姓名,身份证号,联系电话,家庭住址,人员类别\n") + "1,王秀英," +
         kWang + "," + wang_phone + ",桂花里3栋101,独居老人\n" + "2,李华春," + kLiRight +
         ",13900000002,桂花里5栋202,低保户\n" + "3,赵娟,,13700000003,桂花里8栋303,困难学生\n" +
         "4,,,,,\n5,,,,,独居老人\n" + "制表人：李娟\n";
}

std::string error_zh(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.message().zh;
  }
  return "no error";
}

}  // namespace

TEST_CASE("a register imports in one go, and importing it again registers nobody twice", "[books][beneficiaries]") {
  testing::TempFund fund;
  const std::string path = write_file(fund, "register.csv", register_text());
  const auto report = import_register(fund, path);
  CHECK(report.rows_read == 5);
  CHECK(report.rows_empty == 2);  // numbered lines naming nobody
  CHECK(report.registered == 3);
  REQUIRE(report.rows.size() == 3);
  CHECK(report.rows[0].line == 3);
  CHECK(report.rows[0].number == 1);
  CHECK(report.rows[0].name == "王*英");                    // masked
  CHECK(report.rows[0].id_number == "110***********002X");  // masked
  CHECK(report.rows[2].number == 3);
  {
    auto file = fund.open();
    const auto all = books::list_beneficiaries(file);
    REQUIRE(all.size() == 3);
    CHECK(all[0].name == "王秀英");
    CHECK(all[0].phone == "13812345678");
    CHECK(all[0].address == "桂花里3栋101");
    CHECK(all[1].category == "低保户");
    CHECK(all[2].id_number.empty());
  }
  const std::string before = file_bytes(fund.path());
  const auto again = import_register(fund, path);
  CHECK(again.registered == 0);
  CHECK(again.matched == 3);
  CHECK(again.updated == 0);
  CHECK(again.rows[0].by_id_number);
  CHECK_FALSE(again.rows[2].by_id_number);  // no ID number: by name and phone
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a changed phone or address is an update entry; the registry then reads the latest",
          "[books][beneficiaries]") {
  testing::TempFund fund;
  import_register(fund, write_file(fund, "register.csv", register_text()));
  const auto report = import_register(fund, write_file(fund, "changed.csv", register_text("136 0000 1111")));
  CHECK(report.updated == 1);
  CHECK(report.matched == 2);
  REQUIRE(report.rows[0].action == books::RegisterAction::updated);
  CHECK(report.rows[0].changed == std::vector<std::string>{"phone"});
  CHECK(report.rows[0].entry_id == 5);
  auto file = fund.open();
  const auto wang = storage::beneficiary_by_number(file, 1);
  REQUIRE(wang);
  CHECK(wang->phone == "136 0000 1111");
  CHECK(storage::beneficiary_by_id_number(file, kWang)->phone == "136 0000 1111");
  // The replaced phone is still private: no notice may print it.
  const auto secrets = report::fund_secrets(file);
  CHECK(std::count(secrets.hidden.begin(), secrets.hidden.end(), "13812345678") == 1);
  CHECK(std::count(secrets.hidden.begin(), secrets.hidden.end(), "136 0000 1111") >= 1);
  CHECK(books::verify_chain(file).ok());
  // The same digits written otherwise are no change.
  books::BeneficiaryChange same;
  same.phone = "136-0000-1111";
  CHECK(books::update_beneficiary(file, testing::TempFund::recorder(), "B0001", same) == 0);
  // A phone that is no phone number is refused in either language.
  books::BeneficiaryChange bad;
  bad.phone = "139";
  try {
    books::update_beneficiary(file, testing::TempFund::recorder(), "B0001", bad);
    FAIL("a three-digit phone is refused");
  } catch (const InputError& e) {
    CHECK_THAT(e.message().zh, Catch::StartsWith("电话：不像电话号码"));
    CHECK_THAT(e.message().en, Catch::StartsWith("phone: does not look like a phone number"));
  }
}

TEST_CASE("one registered without an ID number gets it from a register that knows the person by name and phone",
          "[books][beneficiaries]") {
  testing::TempFund fund;
  {
    auto file = fund.open();
    books::register_beneficiary(file, testing::TempFund::recorder(), {"张海福", "", "13957212746", "", "困难学生", ""});
  }
  const auto report = import_register(
      fund,
      write_file(fund, "r.csv", std::string("姓名,身份证号,电话,类别\n张海福,") + kZhang + ",13957212746,困难学生\n"));
  CHECK(report.registered == 0);
  CHECK(report.updated == 1);
  CHECK(report.rows[0].changed == std::vector<std::string>{"id_number"});
  auto file = fund.open();
  CHECK(books::resolve_beneficiary(file, kZhang).number == 1);
  // An ID number, once known, never changes.
  books::BeneficiaryChange other;
  other.id_number = kWang;
  CHECK_THAT(error_zh([&] { books::update_beneficiary(file, testing::TempFund::recorder(), "B0001", other); }),
             Catch::Contains("不能更改"));
}

TEST_CASE("bad rows refuse the whole register, named by line and field, private data masked",
          "[books][beneficiaries]") {
  testing::TempFund fund;
  const std::string before = file_bytes(fund.path());
  const std::string path = write_file(fund, "bad.csv",
                                      std::string("姓名,身份证号,电话,类别\n") + "王秀英," + kWang +
                                          ",13800000000,独居老人\n" + "李华春," + kLi + ",13900000000,低保户\n" +
                                          "王秀英," + kWang + ",13800000000,独居老人\n" + ",,13800000009,独居老人\n" +
                                          "赵娟,,13-abc,\n" + "钱七,,13700000000,低保户\n钱七,,13700000000,低保户\n");
  std::string message;
  try {
    import_register(fund, path);
    FAIL("the register should have been refused");
  } catch (const InputError& e) {
    message = e.message().zh;
  }
  CHECK_THAT(message, Catch::Contains("bad.csv 第 3 行，字段 id_number：身份证号码“330***********1030”无效"));
  CHECK_THAT(message, Catch::Contains("bad.csv 第 4 行，字段 id_number：与第 2 行的身份证号相同"));
  CHECK_THAT(message, Catch::Contains("bad.csv 第 5 行，字段 name：没有姓名"));
  CHECK_THAT(message, Catch::Contains("bad.csv 第 6 行，字段 category"));
  CHECK_THAT(message, Catch::Contains("bad.csv 第 6 行，字段 phone"));
  CHECK_THAT(message, Catch::Contains("bad.csv 第 8 行，字段 name：与第 7 行的姓名和电话相同"));
  CHECK(message.find(kLi) == std::string::npos);
  CHECK(message.find("13900000000") == std::string::npos);
  CHECK(file_bytes(fund.path()) == before);
  // With --category, the row without one is fine; the others are still bad.
  books::BeneficiaryImportOptions options;
  options.category = "独居老人";
  CHECK_THROWS_AS(import_register(fund, path, options), InputError);
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("an ID number registered under another name is refused", "[books][beneficiaries]") {
  testing::TempFund fund;
  import_register(fund, write_file(fund, "register.csv", register_text()));
  const std::string before = file_bytes(fund.path());
  try {
    import_register(fund,
                    write_file(fund, "other.csv", std::string("姓名,身份证号,类别\n赵六,") + kWang + ",独居老人\n"));
    FAIL("the ID number belongs to someone else");
  } catch (const Refused& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("已登记为 B0001（王*英），与本行姓名（赵*）不符"));
  }
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a dry run shows the codes the people would get and writes nothing", "[books][beneficiaries]") {
  testing::TempFund fund;
  const std::string before = file_bytes(fund.path());
  books::BeneficiaryImportOptions options;
  options.dry_run = true;
  const auto report = import_register(fund, write_file(fund, "register.csv", register_text()), options);
  CHECK(report.registered == 3);
  CHECK(report.rows[2].number == 3);
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a beneficiary is named by code, number, ID number, or a name only one has", "[books][beneficiaries]") {
  testing::TempFund fund;
  import_register(fund, write_file(fund, "register.csv", register_text()));
  auto file = fund.open();
  books::register_beneficiary(file, testing::TempFund::recorder(), {"王秀英", "", "13600000009", "", "低保户", ""});
  CHECK(books::resolve_beneficiary(file, "B0002").number == 2);
  CHECK(books::resolve_beneficiary(file, "b2").number == 2);
  CHECK(books::resolve_beneficiary(file, "3").number == 3);
  CHECK(books::resolve_beneficiary(file, "11010519491231002x").number == 1);  // a lower-case x
  CHECK(books::resolve_beneficiary(file, " 李华春 ").number == 2);
  CHECK(error_zh([&] { books::resolve_beneficiary(file, "B0009"); }) ==
        "没有编号为 B0009 的受助对象（cfund beneficiary list）");
  CHECK(error_zh([&] { books::resolve_beneficiary(file, "王秀英"); }) ==
        "有 2 位受助对象叫 王*英（B0001、B0004）：请写编号或身份证号");
  CHECK(error_zh([&] { books::resolve_beneficiary(file, "孙丽"); }) ==
        "没有名叫 孙* 的受助对象（也可以写编号 B0001 或身份证号）");
  CHECK(error_zh([&] { books::resolve_beneficiary(file, kZhang); }) ==
        "没有登记身份证号为 330***********1065 的受助对象（先用 cfund beneficiary add 或 import 登记）");
  CHECK_THAT(error_zh([&] { books::resolve_beneficiary(file, kLi); }),
             Catch::Contains("330***********1030") && Catch::Contains("校验位"));
}

TEST_CASE("a relief roll pays by ID number or name; a name that does not fit the ID number is a bad row",
          "[books][beneficiaries]") {
  testing::TempFund fund;
  import_register(fund, write_file(fund, "register.csv", register_text()));
  {
    auto file = fund.open();
    books::DonationInput gift;
    gift.donor = "张伟";
    gift.amount = 2000000;
    gift.account = "bank";
    gift.date = *util::parse_date("2025-03-01");
    books::record_donation(file, testing::TempFund::recorder(), gift);
  }
  books::ImportOptions options;
  options.category = "relief";
  options.account = "bank";
  const auto run = [&](const std::string& name, const std::string& text) {
    auto file = fund.open();
    import::StatementReader reader(write_file(fund, name, text), config::load_import_profile("cfund"));
    return books::import_statement(file, testing::TempFund::recorder(), reader, books::ImportTarget::disbursements,
                                   options);
  };
  // The same amount on the same day for three households: three payments, not one.
  const std::string roll = std::string("序号,姓名,身份证号,金额,事由,决议编号,日期\n") + "1,王秀英," + kWang +
                           ",2600,一次性临时救助,桂议〔2025〕7号,2025-03-05\n" + "2,李华春," + kLiRight +
                           ",2600,一次性临时救助,桂议〔2025〕7号,2025-03-05\n" +
                           "3,赵娟,,2600,一次性临时救助,桂议〔2025〕7号,2025-03-05\n合计,,,7800\n";
  const auto report = run("roll.csv", roll);
  CHECK(report.payments.rows == 3);
  CHECK(report.payments.amount == 780000);
  CHECK(run("roll.csv", roll).rows_present == 3);
  {
    auto file = fund.open();
    const auto paid = books::list_disbursements(file, *util::parse_period("2025-03"));
    REQUIRE(paid.size() == 3);
    CHECK(paid[0].beneficiary == 1);
    CHECK(paid[2].beneficiary == 3);  // by its name column: no ID number given
    CHECK(paid[2].approval_ref == "桂议〔2025〕7号");
  }
  const std::string before = file_bytes(fund.path());
  try {
    run("wrong.csv", std::string("姓名,身份证号,金额,事由,日期\n李四,") + kWang + ",2600,临时救助,2025-03-06\n");
    FAIL("the name does not fit the ID number");
  } catch (const InputError& e) {
    CHECK_THAT(e.message().zh,
               Catch::Contains("wrong.csv 第 2 行，字段 name（值“李*”）：与 B0001 登记的姓名（王*英）不符"));
  }
  CHECK(file_bytes(fund.path()) == before);
  // A row that cannot be read is shown without the person's name and ID number.
  try {
    run("short.csv",
        std::string("姓名,身份证号,金额,事由,日期\n王秀英,") + kWang + ",2600,临时救助,2025-03-06,多余,多余\n");
    FAIL("a row with more fields than the header is bad");
  } catch (const InputError& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("***,***,2600,临时救助,2025-03-06,多余,多余"));
    CHECK(e.message().zh.find(kWang) == std::string::npos);
  }
}
