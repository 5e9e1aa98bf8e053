// The statement reader on workbooks: .xlsx (libzip + expat) and .xls (libfreexl)
// give the same records a CSV export of them would, so the built-in profiles read
// WeChat Pay's .xlsx bills, bank statements in .xlsx and .xls, and Alipay's classic CSV.

#include <catch2/catch.hpp>

#include <zip.h>

#include <cstdio>
#include <fstream>

#include "error.hpp"
#include "import/cell_text.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"
#include "import/statement.hpp"
#include "reader_fixture.hpp"
#include "util/sha256.hpp"

using namespace cfund;
using import::DateKind;
using import::Direction;
using import::Record;
using namespace cfund::testing;

namespace {

const std::string kData = CFUND_STATEMENTS "/";
const std::string kSheets = CFUND_TEST_DATA "/spreadsheets/";
const std::string kBad = CFUND_E2E_CASES "/import_spreadsheet_errors/";

// A workbook of one sheet whose rows are given as XML: the parts a workbook needs
// around it, zipped with libzip.
std::string workbook_with_sheet(const std::string& path, const std::string& rows) {
  const std::string sheet = "<worksheet><sheetData>" + rows + "</sheetData></worksheet>";
  const std::pair<const char*, std::string> parts[] = {
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml",
       "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", sheet}};
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, text] : parts) {
    zip_source_t* source = zip_source_buffer(archive, text.data(), text.size(), 0);
    REQUIRE(zip_file_add(archive, name, source, 0) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  return path;
}

}  // namespace

TEST_CASE("xlsx: many rows stream in order across chunks; a row may reach column XFD", "[import][xlsx]") {
  std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>日期</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>金额</t></is></c></row>";
  for (int i = 2; i <= 20001; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) +
            "\" t=\"inlineStr\"><is><t>2025-03-01</t></is></c><c r=\"B" + std::to_string(i) + "\"><v>" +
            std::to_string(i) + ".5</v></c>" +
            (i % 1000 == 0 ? "<c r=\"XFD" + std::to_string(i) + "\"><v>1</v></c>" : "") + "</row>";
  }
  const std::string path = workbook_with_sheet("/tmp/cfund-test-many-rows.xlsx", rows);
  const auto read = read_all(path, "cfund");
  std::remove(path.c_str());
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 20000);
  for (std::size_t k = 0; k < read.records.size(); ++k) {
    const int row = static_cast<int>(k) + 2;
    if (read.records[k].line != row || read.records[k].amount != row * 100 + 50) {
      FAIL("row " << row << " read as line " << read.records[k].line << ", amount " << read.records[k].amount);
    }
  }
  CHECK(read.summary.lines == 20001);
}

TEST_CASE("xlsx: rows out of order and a column past XFD are a damaged file", "[import][xlsx]") {
  const std::string header =
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>日期</t></is></c><c t=\"inlineStr\"><is><t>金额</t></is></c></row>";
  const std::string path = "/tmp/cfund-test-damaged.xlsx";
  workbook_with_sheet(path, header + "<row r=\"3\"/><row r=\"2\"/>");
  CHECK(error_of([&] {
          read_all(path, "cfund");
        }).find("不是有效的 .xlsx 文件（xl/worksheets/sheet1.xml：row 2 after row 3）") != std::string::npos);
  workbook_with_sheet(path, header + "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>");
  CHECK(error_of([&] { read_all(path, "cfund"); }).find("cell XFE2") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("cell text: numbers stay decimal text, float noise rounded at 15 digits", "[import][xlsx]") {
  CHECK(import::decimal_text("12.5") == "12.5");
  CHECK(import::decimal_text("12.300000000000001") == "12.3");
  CHECK(import::decimal_text("3.3000000000000003") == "3.3");
  CHECK(import::decimal_text("-0.30000000000000004") == "-0.3");
  CHECK(import::decimal_text("1288.5") == "1288.5");
  CHECK(import::decimal_text("200") == "200");
  CHECK(import::decimal_text("1.5E3") == "1500");
  CHECK(import::decimal_text("1.2345E-2") == "0.012345");
  CHECK(import::decimal_text("9999999999999.99") == "9999999999999.99");
  CHECK(import::decimal_text("99999999999999.99") == "100000000000000");  // 16 digits: rounded, as Excel keeps 15
  CHECK(import::decimal_text("0.00") == "0");
  CHECK(import::decimal_text("9.9999999999999999") == "10");
  CHECK(import::decimal_text("¥12.00") == "¥12.00");  // not a number: left for the amount parser
  CHECK(import::decimal_text("1.2.3") == "1.2.3");
  CHECK(import::decimal_text("") == "");
}

TEST_CASE("cell text: date formats and serials", "[import][xlsx]") {
  CHECK(import::number_format_kind(14, "") == DateKind::date);
  CHECK(import::number_format_kind(22, "") == DateKind::date_time);
  CHECK(import::number_format_kind(21, "") == DateKind::time);
  CHECK(import::number_format_kind(31, "") == DateKind::date);  // Chinese built-in yyyy"年"m"月"d"日"
  CHECK(import::number_format_kind(0, "") == DateKind::none);
  CHECK(import::number_format_kind(2, "0.00") == DateKind::none);
  CHECK(import::number_format_kind(164, "yyyy-mm-dd hh:mm:ss") == DateKind::date_time);
  CHECK(import::number_format_kind(164, "yyyy\"年\"m\"月\"d\"日\"") == DateKind::date);
  CHECK(import::number_format_kind(164, "[$¥-804]#,##0.00") == DateKind::none);
  CHECK(import::number_format_kind(164, "#,##0.00\"元\";[Red]-#,##0.00\"元\"") == DateKind::none);
  CHECK(import::number_format_kind(164, "[h]:mm") == DateKind::time);

  CHECK(import::serial_date_text("45717", DateKind::date, false) == "2025-03-01");
  CHECK(import::serial_date_text("45718.5", DateKind::date_time, false) == "2025-03-02 12:00:00");
  CHECK(import::serial_date_text("46082.378611111114", DateKind::date_time, false) == "2026-03-01 09:05:12");
  CHECK(import::serial_date_text("0.25", DateKind::time, false) == "06:00:00");
  CHECK(import::serial_date_text("59", DateKind::date, false) == "1900-02-28");
  CHECK(import::serial_date_text("61", DateKind::date, false) == "1900-03-01");
  CHECK_FALSE(import::serial_date_text("60", DateKind::date, false));  // Excel's 1900-02-29 never was
  CHECK(import::serial_date_text("44255", DateKind::date, true) == "2025-03-01");
  CHECK_FALSE(import::serial_date_text("-1", DateKind::date, false));
  CHECK_FALSE(import::serial_date_text("abc", DateKind::date, false));
}

TEST_CASE("xlsx: every kind of cell becomes the text a CSV would hold", "[import][xlsx]") {
  const std::string path = kSheets + "cells.xlsx";
  const auto read = read_all(path, "cfund");
  CHECK(read.summary.format == import::FileFormat::xlsx);
  CHECK(read.summary.sheet == "明细");
  CHECK(read.summary.sha256 == util::sha256_hex(file_bytes(path)));
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 4);
  const auto& r = read.records;

  CHECK(r[0].line == 2);                  // the sheet's row number
  CHECK(r[0].date == day("2025-03-01"));  // serial 45717, built-in format 14
  CHECK(r[0].time.empty());
  CHECK(r[0].amount == 1230);          // 12.300000000000001
  CHECK(r[0].counterparty == "张伟");  // rich text runs joined, the phonetic hint left out
  CHECK(r[0].note == "定向助学");      // a formula's text result

  CHECK(r[1].line == 4);  // row 3 is absent from the XML
  CHECK(r[1].date == day("2025-03-02"));
  CHECK(r[1].time == "12:00:00");  // a date-time serial
  CHECK(r[1].amount == 150000);    // 1.5E3
  CHECK(r[1].counterparty == "青溪建材有限公司");
  CHECK(r[1].donor_type == "organisation");  // 有限 / 公司: the profile's organisation words

  CHECK(r[2].line == 5);  // cells without references: placed after the previous one
  CHECK(r[2].date == day("2025-03-03"));
  CHECK(r[2].amount == 30);  // -0.30000000000000004: 30 fen out
  CHECK(r[2].direction == Direction::out);
  CHECK(r[2].counterparty.empty());  // 匿名 names nobody
  CHECK(r[2].anonymous == true);
  CHECK(r[2].note.empty());  // column D skipped in the XML: empty, and E's #N/A stays in E

  CHECK(r[3].line == 6);
  CHECK(r[3].date == day("2025-03-08"));  // an ISO date cell (t="d")
  CHECK(r[3].time == "09:15:00");
  CHECK(r[3].amount == 123456);  // amount as text: ¥1,234.56
}

TEST_CASE("xlsx: a 1904 date-system workbook", "[import][xlsx]") {
  const auto read = read_all(kSheets + "cells-1904.xlsx", "cfund");
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0].date == day("2025-03-01"));
  CHECK(read.records[0].amount == 1000);
}

TEST_CASE("wechat .xlsx of 2025: the CSV's layout in a workbook, ¥ amounts as text", "[import][xlsx]") {
  const auto read = read_all(kData + "wechat-2025.xlsx", "wechat");
  CHECK(read.summary.format == import::FileFormat::xlsx);
  CHECK(read.summary.sheet == "微信支付账单流水");
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 4);
  const auto& r = read.records;
  CHECK(r[0].line == 18);  // the header is row 17
  CHECK(r[0].date == day("2025-09-01"));
  CHECK(r[0].time == "09:12:45");
  CHECK(r[0].amount == 20000);
  CHECK(r[0].direction == Direction::in);
  CHECK(r[0].counterparty == "周晓燕");
  CHECK(r[0].reference == "1000050001202509010012345678");
  CHECK(r[0].donor_type.empty());
  CHECK_FALSE(r[0].anonymous);

  CHECK(r[1].line == 19);
  CHECK(r[1].amount == 6600);
  CHECK(r[1].counterparty.empty());  // 爱心人士
  CHECK(r[1].anonymous == true);
  CHECK(r[1].note == "收款方备注:二维码收款");

  CHECK(r[2].line == 20);
  CHECK(r[2].direction == Direction::out);
  CHECK(r[2].amount == 8650);
  CHECK(r[2].counterparty == "青溪印务");

  CHECK(r[3].line == 23);
  CHECK(r[3].amount == 150000);  // ¥1,500.00
  CHECK(r[3].counterparty == "桂溪物业服务有限公司");
  CHECK(r[3].donor_type == "organisation");
  // 已全额退款, a neutral withdrawal, 对方已退还.
  CHECK(read.summary.rows_filtered == 3);
  CHECK(read.summary.lines == 24);
}

TEST_CASE("wechat .xlsx of spring 2026: one more preamble row, numbers and dates as cells", "[import][xlsx]") {
  const auto read = read_all(kData + "wechat-2026.xlsx", "wechat");
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 4);
  const auto& r = read.records;
  CHECK(r[0].line == 19);  // the header is row 18
  CHECK(r[0].date == day("2026-03-01"));
  CHECK(r[0].time == "09:05:12");  // a date-time cell
  CHECK(r[0].amount == 20000);     // the number 200
  CHECK(r[1].amount == 330);       // 1.1 + 2.2 written as 3.3000000000000003
  CHECK(r[1].anonymous == true);   // 匿名用户
  CHECK(r[1].counterparty.empty());
  CHECK(r[2].direction == Direction::out);
  CHECK(r[2].amount == 30000);
  CHECK(r[3].amount == 128850);
  CHECK(r[3].donor_type == "organisation");  // 桂花里小学家长委员会
  CHECK(r[3].note.empty());                  // 商品 "/" is none
  CHECK(read.summary.rows_filtered == 2);    // 已全额退款, a neutral 零钱通 move
}

TEST_CASE("workbooks: --sheet picks a sheet by name; a missing one lists those there are", "[import][xlsx]") {
  const std::string path = kData + "wechat-2026.xlsx";
  CHECK(error_of([&] { read_sheet(path, "wechat", "汇总"); }) ==
        path + " 工作表“汇总”：没有找到列名行（第一个字段以“交易时间”开头的行）；这是“wechat”格式的文件吗？");
  CHECK(error_of([&] { read_sheet(path, "wechat", "三月"); }) ==
        path + "：没有名为“三月”的工作表（有：“微信支付账单流水”、“汇总”）；用 --sheet 选一个");
  CHECK(read_sheet(path, "wechat", "微信支付账单流水").records.size() == 4);
  CHECK(error_of([&] { read_sheet(kData + "bank-2025-03.xls", "bank", "Sheet9"); }) ==
        kData + "bank-2025-03.xls：没有名为“Sheet9”的工作表（有：“账户明细”）；用 --sheet 选一个");
  CHECK(error_of([&] {
          read_sheet(kData + "wechat.csv", "wechat", "Sheet1");
        }).find("不是电子表格（.xlsx 或 .xls），是文本（CSV）文件") != std::string::npos);
}

TEST_CASE("bank statement: the same records from .xlsx and .xls, with 借方/贷方 and 余额", "[import][xlsx][xls]") {
  const auto xlsx = read_all(kData + "bank-2025-03.xlsx", "bank");
  const auto xls = read_all(kData + "bank-2025-03.xls", "bank");
  CHECK(xls.summary.format == import::FileFormat::xls);
  CHECK(xls.summary.sheet == "账户明细");
  CHECK(xlsx.bad.empty());
  CHECK(xls.bad.empty());
  REQUIRE(xlsx.records.size() == 7);
  REQUIRE(xls.records.size() == 7);
  const util::Fen balances[] = {500000, 520000, 570000, 538000, 526000, 1726000, 1756000};
  for (std::size_t i = 0; i < 7; ++i) {
    const auto& a = xlsx.records[i];
    const auto& b = xls.records[i];
    CHECK(a.line == static_cast<int>(i) + 6);  // the header is row 5
    CHECK(a.line == b.line);
    CHECK(a.date == b.date);
    CHECK(a.amount == b.amount);
    CHECK(a.direction == b.direction);
    CHECK(a.counterparty == b.counterparty);
    CHECK(a.reference == b.reference);
    CHECK(a.note == b.note);
    CHECK(a.balance == balances[i]);
    CHECK(b.balance == balances[i]);
  }
  const auto& r = xlsx.records;
  CHECK(r[0].date == day("2025-03-01"));
  CHECK(r[0].amount == 500000);
  CHECK(r[0].direction == Direction::in);  // 贷方
  CHECK(r[0].reference == "QX20250301001");
  CHECK(r[0].note == "转账存入");           // 摘要
  CHECK(r[3].direction == Direction::out);  // 借方
  CHECK(r[3].amount == 32000);
  CHECK(r[5].donor_type == "organisation");
  CHECK(r[6].anonymous == true);    // 爱心人士
  CHECK(xlsx.summary.lines == 13);  // the 合计 row ends the table
}

TEST_CASE("alipay classic: 交易号 header, 金额（元）, preamble and footer", "[import]") {
  const auto read = read_all(kData + "alipay-classic.csv", "alipay");
  CHECK(read.summary.encoding == import::Encoding::gb18030);
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 4);
  const auto& r = read.records;
  CHECK(r[0].line == 6);
  CHECK(r[0].date == day("2025-03-02"));  // 交易创建时间
  CHECK(r[0].time == "10:21:09");
  CHECK(r[0].amount == 10000);
  CHECK(r[0].direction == Direction::in);
  CHECK(r[0].counterparty == "吴丽华");
  CHECK(r[0].reference == "2025030222001104561234567890");
  CHECK(r[0].note == "转账");
  CHECK(r[1].direction == Direction::out);
  CHECK(r[1].amount == 4560);
  CHECK(r[2].line == 9);
  CHECK(r[2].amount == 100000);
  CHECK(r[2].anonymous == true);  // 匿名
  CHECK(r[3].counterparty == "青溪镇商会");
  CHECK(r[3].donor_type == "organisation");
  CHECK(read.summary.rows_filtered == 2);  // 交易关闭, and 余额宝's neutral move
}

TEST_CASE("bad workbooks: damaged, a zip bomb, password-protected, wrong cell types", "[import][xlsx]") {
  CHECK(error_of([] { read_all(kBad + "cut-off.xlsx", "wechat"); }).find("不是有效的 .xlsx 文件") != std::string::npos);
  const std::string bomb = error_of([] { read_all(kBad + "bomb.xlsx", "wechat"); });
  CHECK(bomb.find("xl/worksheets/sheet1.xml 解压后有 64 MB") != std::string::npos);
  CHECK(bomb.find("zip 炸弹") != std::string::npos);
  CHECK(error_of([] { read_all(kBad + "protected.xlsx", "wechat"); }) ==
        kBad +
            "protected.xlsx：这个 Excel 文件受密码保护（已加密），无法读取；请在 Excel 或 WPS "
            "中打开，取消密码后另存为 .xlsx，再导入");

  const auto read = read_all(kBad + "wrong-types.xlsx", "wechat");
  REQUIRE(read.bad.size() == 3);
  CHECK(import::describe("w.xlsx", read.bad[0]).zh ==
        "w.xlsx 工作表“微信支付账单流水”第 19 行，字段 金额(元)（值“两百元”）：“两百元”不是有效的金额");
  CHECK(read.bad[1].line == 20);
  CHECK(read.bad[1].field == "交易时间");
  CHECK(read.bad[2].line == 22);
  CHECK(read.bad[2].value == "TRUE");
  CHECK(import::describe("w.xlsx", read.bad[2]).en ==
        "w.xlsx sheet '微信支付账单流水' row 22, field 金额(元) (value 'TRUE'): 'TRUE' is not a valid amount");
}

TEST_CASE("reconcile statement: a bank .xlsx gives signed amounts and balances", "[import][xlsx]") {
  const auto statement = import::read_statement(kData + "bank-2025-03.xlsx", config::load_import_profile("bank"));
  CHECK(statement.sheet == "账户明细");
  CHECK(statement.has_balances);
  REQUIRE(statement.lines.size() == 7);
  CHECK(statement.lines[3].amount == -32000);
  CHECK(statement.lines[3].balance == 538000);
}
