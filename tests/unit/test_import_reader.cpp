#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "error.hpp"
#include "import/profile.hpp"
#include "import/reader.hpp"
#include "reader_fixture.hpp"
#include "util/sha256.hpp"

using namespace cfund;
using import::Direction;
using import::Record;
using namespace cfund::testing;

namespace {

const std::string kData = CFUND_STATEMENTS "/";

class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/cfund-import-XXXXXX";
    dir_ = ::mkdtemp(pattern);
  }
  ~TempDir() { std::filesystem::remove_all(dir_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& name, const std::string& bytes) const {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

bool same(const Record& a, const Record& b) {
  return a.line == b.line && a.date == b.date && a.time == b.time && a.amount == b.amount &&
         a.direction == b.direction && a.counterparty == b.counterparty && a.reference == b.reference &&
         a.note == b.note && a.account == b.account && a.designation == b.designation;
}

}  // namespace

TEST_CASE("built-in profiles: the five are there and load", "[import]") {
  CHECK(config::builtin_import_profiles() ==
        std::vector<std::string>{"cfund", "wechat", "alipay", "bank", "beneficiaries"});
  for (const auto& name : config::builtin_import_profiles()) {
    const auto profile = config::load_import_profile(name);
    CHECK(profile.name == name);
    CHECK_FALSE(profile.description.empty());
  }
  CHECK(config::load_import_profile("wechat").account == "wechat");
  CHECK(config::load_import_profile("alipay").account == "alipay");
  CHECK(config::load_import_profile("bank").account == "bank");
  CHECK(config::load_import_profile("cfund").account.empty());
}

TEST_CASE("cfund CSV: Chinese headers, every column, quotes, a multi-line note", "[import]") {
  const auto read = read_all(kData + "cfund.csv", "cfund");
  CHECK(read.summary.encoding == import::Encoding::utf8);
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 5);
  const auto& r = read.records;

  CHECK(r[0].line == 2);
  CHECK(r[0].date == day("2025-03-01"));
  CHECK(r[0].amount == 50000);
  CHECK(r[0].direction == Direction::in);
  CHECK(r[0].counterparty == "张伟");
  CHECK(r[0].reference == "QX20250301001");
  CHECK(r[0].account == "bank");
  CHECK(r[0].donor_type == "individual");
  CHECK(r[0].anonymous == false);

  CHECK(r[1].line == 3);
  CHECK(r[1].date == day("2025-03-02"));
  CHECK(r[1].amount == 120000);
  CHECK(r[1].direction == Direction::unspecified);  // positive, no direction given
  CHECK(r[1].designation == "elderly");
  CHECK(r[1].donor_type == "organisation");
  CHECK(r[1].note == "春节慰问, 定向养老");

  CHECK(r[2].line == 4);  // its note runs over lines 4 and 5
  CHECK(r[2].date == day("2025-03-03"));
  CHECK(r[2].amount == 8000);
  CHECK(r[2].counterparty == "王\"小\"明");
  CHECK(r[2].anonymous == true);
  CHECK(r[2].note == "第一行 第二行");

  CHECK(r[3].line == 6);
  CHECK(r[3].time == "14:22:01");
  CHECK(r[3].amount == 60000);
  CHECK(r[3].direction == Direction::out);  // a minus sign
  CHECK(r[3].category == "relief");
  CHECK(r[3].purpose == "冬季慰问金");
  CHECK(r[3].beneficiary == "B0001");
  CHECK(r[3].approval_ref == "议-2025-03");
  CHECK(r[3].voucher == "记-003");

  CHECK(r[4].line == 7);
  CHECK(r[4].date == day("2025-03-05"));  // padded
  CHECK(r[4].amount == 30000);
  CHECK(r[4].direction == Direction::out);   // 支出
  CHECK(r[4].reference == "QX20250305009");  // backtick and tab removed
  CHECK(r[4].account == "cash");

  CHECK(read.summary.rows_taken == 5);
  CHECK(read.summary.lines == 7);
  CHECK_FALSE(read.summary.closing_balance);
}

TEST_CASE("cfund CSV: the reconcile statement form with its closing line", "[import]") {
  const auto read = read_all(CFUND_STATEMENTS "/../statement.csv", "cfund");
  REQUIRE(read.records.size() == 5);
  CHECK(read.records[0].reference == "QX20250301001");
  CHECK(read.records[0].counterparty == "张伟");
  CHECK(read.records[2].amount == 30000);
  CHECK(read.records[2].direction == Direction::out);
  CHECK(read.records[4].line == 6);
  REQUIRE(read.summary.closing_balance);
  CHECK(*read.summary.closing_balance == 578000);
}

TEST_CASE("wechat: BOM, CRLF, preamble, ¥ amounts, refunds and neutral rows left out", "[import]") {
  const std::string path = kData + "wechat.csv";
  const auto read = read_all(path, "wechat");
  CHECK(read.summary.encoding == import::Encoding::utf8_bom);
  CHECK(read.summary.sha256 == util::sha256_hex(file_bytes(path)));
  CHECK(read.summary.bytes == file_bytes(path).size());
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 5);
  const auto& r = read.records;

  CHECK(r[0].line == 18);
  CHECK(r[0].date == day("2025-03-01"));
  CHECK(r[0].time == "09:12:45");
  CHECK(r[0].amount == 20000);
  CHECK(r[0].direction == Direction::in);
  CHECK(r[0].counterparty == "张伟");
  CHECK(r[0].reference == "1000050001202503010012345678");  // no trailing tab
  CHECK(r[0].note.empty());                                 // "/" is none

  CHECK(r[1].line == 19);
  CHECK(r[1].amount == 100000);
  CHECK(r[1].note == "收款方备注:二维码收款, 捐赠");

  CHECK(r[2].line == 20);
  CHECK(r[2].amount == 8650);
  CHECK(r[2].direction == Direction::out);
  CHECK(r[2].counterparty == "青溪印务");
  CHECK(r[2].note == "海报\"公示栏\"印制");

  CHECK(r[3].line == 23);  // 赵/敏 runs over two lines
  CHECK(r[3].counterparty == "赵 敏");
  CHECK(r[3].amount == 5000);
  CHECK(r[3].reference == "1000050001202503060055556666");

  CHECK(r[4].line == 26);  // the merchant-platform style: a backtick before every field
  CHECK(r[4].date == day("2025-03-08"));
  CHECK(r[4].time == "16:20:00");
  CHECK(r[4].amount == 30000);
  CHECK(r[4].direction == Direction::out);
  CHECK(r[4].counterparty == "青溪五金店");
  CHECK(r[4].reference == "4200002025030899990000");
  CHECK(r[4].note == "晾衣架");

  // 已全额退款, a neutral withdrawal ("/"), 对方已退还.
  CHECK(read.summary.rows_filtered == 3);
  CHECK(read.summary.rows_taken == 5);
  CHECK(read.summary.lines == 26);
}

TEST_CASE("alipay: GBK, preamble, trailing commas and tabs, footer, failed trades left out", "[import]") {
  const auto read = read_all(kData + "alipay.csv", "alipay");
  CHECK(read.summary.encoding == import::Encoding::gb18030);
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 4);
  const auto& r = read.records;

  CHECK(r[0].line == 17);
  CHECK(r[0].date == day("2025-03-02"));
  CHECK(r[0].time == "10:21:09");
  CHECK(r[0].amount == 10000);
  CHECK(r[0].direction == Direction::in);
  CHECK(r[0].counterparty == "李娜");
  CHECK(r[0].reference == "20250302200040011100123456789");
  CHECK(r[0].note == "转账");

  CHECK(r[1].line == 18);
  CHECK(r[1].amount == 100000);
  CHECK(r[1].counterparty == "周杰");
  CHECK(r[1].note == "捐赠, 助老");

  CHECK(r[2].line == 19);
  CHECK(r[2].amount == 4500);
  CHECK(r[2].direction == Direction::out);
  CHECK(r[2].counterparty == "青溪超市");
  CHECK(r[2].note == "慰问品\"大米\"");

  CHECK(r[3].line == 23);
  CHECK(r[3].amount == 20000);
  CHECK(r[3].counterparty == "吴芳");
  CHECK(r[3].note == "转账 附言：祝好");
  CHECK(r[3].reference == "20250308200040011100444444444");

  // 不计收支 twice (one of them a refund) and a closed trade; the footer ends the table.
  CHECK(read.summary.rows_filtered == 3);
}

TEST_CASE("bank: GBK, separate credit and debit columns, padding, thousands, 合计 footer", "[import]") {
  const auto read = read_all(kData + "bank.csv", "bank");
  CHECK(read.summary.encoding == import::Encoding::gb18030);
  CHECK(read.bad.empty());
  REQUIRE(read.records.size() == 4);
  const auto& r = read.records;

  CHECK(r[0].line == 7);
  CHECK(r[0].date == day("2025-03-01"));
  CHECK(r[0].time == "09:15:22");
  CHECK(r[0].amount == 500000);
  CHECK(r[0].direction == Direction::in);
  CHECK(r[0].counterparty == "张伟");
  CHECK(r[0].reference == "B20250301001");
  CHECK(r[0].note == "捐赠");

  CHECK(r[1].line == 8);
  CHECK(r[1].date == day("2025-03-03"));
  CHECK(r[1].time == "14:30:05");
  CHECK(r[1].amount == 128050);
  CHECK(r[1].direction == Direction::out);
  CHECK(r[1].counterparty == "夕阳红服务社");
  CHECK(r[1].reference == "B20250303007");

  CHECK(r[2].amount == 2000000);  // "0.00" in the debit column is no amount
  CHECK(r[2].direction == Direction::in);
  CHECK(r[2].note == "定向捐赠，养老");

  CHECK(r[3].line == 10);
  CHECK(r[3].amount == 200);
  CHECK(r[3].direction == Direction::out);
  CHECK(r[3].counterparty.empty());

  CHECK(read.summary.rows_filtered == 0);
  CHECK(read.summary.lines == 11);  // the 合计 line is read, and ends the table
}

TEST_CASE("the header row is the first candidate with every needed column", "[import]") {
  TempDir dir;
  // A title line above a cfund CSV; a bank preamble line that starts like the header.
  const auto cfund =
      read_all(dir.write("titled.csv", "桂花里社区基金 3 月捐赠登记\n日期,金额,捐赠人\n2025-03-01,10,张伟\n"), "cfund");
  REQUIRE(cfund.records.size() == 1);
  CHECK(cfund.records[0].line == 3);
  const auto bank = read_all(
      dir.write("bank.csv", "交易日期：2025-03-01 至 2025-03-31\n交易日期,收入金额,支出金额\n2025-03-01,10.00,\n"),
      "bank");
  REQUIRE(bank.records.size() == 1);
  CHECK(bank.records[0].amount == 1000);
  CHECK(bank.records[0].line == 3);
}

TEST_CASE("chunk boundaries split no character, no CRLF and no BOM", "[import]") {
  for (const char* name : {"cfund", "wechat", "alipay", "bank"}) {
    const std::string path = kData + name + ".csv";
    const auto whole = read_all(path, name);
    for (std::size_t chunk : {1, 2, 3, 5, 7, 64}) {
      INFO(name << " in chunks of " << chunk << " bytes");
      const auto pieces = read_all(path, name, chunk);
      REQUIRE(pieces.records.size() == whole.records.size());
      for (std::size_t i = 0; i < whole.records.size(); ++i) CHECK(same(pieces.records[i], whole.records[i]));
      CHECK(pieces.summary.rows_filtered == whole.summary.rows_filtered);
      // Where a footer ends the table, how far the reader looked ahead depends on the chunks.
      if (std::string(name) == "cfund" || std::string(name) == "wechat")
        CHECK(pieces.summary.lines == whole.summary.lines);
      CHECK(pieces.summary.sha256 == whole.summary.sha256);
      CHECK(pieces.bad.empty());
    }
  }
  // A four-byte GB18030 character (㐀, not in GBK) next to a two-byte one (张), CRLF.
  TempDir dir;
  const auto path =
      dir.write("gb.csv", "date,amount,counterparty\r\n2025-03-01,1,\x81\x39\xEE\x39\xD5\xC5\r\n2025-03-02,2,x\r\n");
  for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
    INFO("chunks of " << chunk << " bytes");
    const auto read = read_all(path, "cfund", chunk);
    CHECK(read.summary.encoding == import::Encoding::gb18030);
    REQUIRE(read.records.size() == 2);
    CHECK(read.records[0].counterparty == "㐀张");
    CHECK(read.records[1].line == 3);
    CHECK(read.summary.lines == 3);
  }
}

TEST_CASE("bad rows are reported with file, line, field and value, and reading goes on", "[import]") {
  TempDir dir;
  const auto path = dir.write("donations.csv",
                              "date,amount,donor\n"
                              "2025-03-01,12.345,张伟\n"  // 2: three decimals
                              "2025-02-30,10,李娜\n"      // 3: no such day
                              "2025-03-03,10,王磊,x\n"    // 4: one field too many
                              "2025-03-04,20,孙丽,\n"     // 5: a trailing comma is fine
                              "2025-03-05,0,赵敏\n"       // 6: zero
                              "2025-03-06,abc,钱多多\n"   // 7: no amount
                              "2025-03-07,30,吴芳\n");
  const auto profile = config::load_import_profile("cfund");
  import::StatementReader reader(path, profile);
  Record record;
  std::vector<int> taken;
  while (reader.next(record)) taken.push_back(record.line);
  CHECK(taken == std::vector<int>{5, 8});
  const auto& bad = reader.bad_rows();
  REQUIRE(bad.size() == 5);
  CHECK(reader.summary().bad_rows == 5);

  CHECK(bad[0].line == 2);
  CHECK(bad[0].field == "amount");
  CHECK(bad[0].value == "12.345");
  CHECK(import::describe(path, bad[0]).zh == path + " 第 2 行，字段 amount（值“12.345”）：金额“12.345”超过两位小数");
  CHECK(import::describe(path, bad[0]).en.find(" line 2, field amount (value '12.345')") != std::string::npos);

  CHECK(bad[1].line == 3);
  CHECK(bad[1].field == "date");
  CHECK(import::describe(path, bad[1]).zh.find("第 3 行，字段 date（值“2025-02-30”）：") != std::string::npos);

  CHECK(bad[2].line == 4);
  CHECK(bad[2].field.empty());
  CHECK(import::describe(path, bad[2]).zh ==
        path + " 第 4 行（“2025-03-03,10,王磊,x”）：应有 3 列（与列名行相同），实有 4 列");

  CHECK(bad[3].line == 6);
  CHECK(import::describe(path, bad[3]).zh.find("第 6 行，字段 amount（值“0”）：金额为 0") != std::string::npos);
  CHECK(bad[4].line == 7);
  CHECK(bad[4].field == "amount");
}

TEST_CASE("only the first 50 bad rows are kept; all are counted", "[import]") {
  TempDir dir;
  std::string text = "date,amount\n";
  for (int i = 0; i < 70; ++i) text += "2025-03-01,bad\n";
  text += "2025-03-02,1\n";
  const auto read = read_all(dir.write("many.csv", text), "cfund");
  CHECK(read.bad.size() == import::StatementReader::max_reported);
  CHECK(read.summary.bad_rows == 70);
  CHECK(read.bad.back().line == 51);
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0].line == 72);
}

TEST_CASE("files that cannot be read as a statement", "[import]") {
  TempDir dir;
  const auto cfund = config::load_import_profile("cfund");
  auto open = [&](const std::string& name, const std::string& bytes, const import::Profile& profile) {
    const auto path = dir.write(name, bytes);
    return error_of([&] { import::StatementReader reader(path, profile); });
  };
  CHECK(open("empty.csv", "", cfund) == dir.dir() + "/empty.csv：文件是空的");
  CHECK(open("binary.csv", std::string("date,amount\n\0\x01\x02", 15), cfund) ==
        dir.dir() + "/binary.csv：不是文本文件（含有 NUL 字节，是二进制文件吗？）");
  CHECK(open("latin.csv", "date,amount,donor\n2025-03-01,1,x\n2025-03-02,1,\x80\x80\n", cfund) ==
        dir.dir() +
            "/latin.csv 第 3 行：既不是 UTF-8 也不是 GBK/GB18030 编码的文字，无法读取（请用文本编辑器另存为 UTF-8）");
  CHECK(open("nohead.csv", "2025-03-01,1\n", config::load_import_profile("wechat"))
            .find("没有找到列名行（第一个字段以“交易时间”开头的行）") != std::string::npos);
  CHECK(open("nodate.csv", "\n\nwhen,amount\n2025-03-01,1\n", cfund) ==
        dir.dir() +
            "/nodate.csv 第 3 行（列名行）：缺少字段 date "
            "的列（可用的列名：date、日期、交易日期、交易时间、发放日期、支付日期）");
  CHECK(open("nostatus.csv", "交易时间,收/支,金额(元),交易单号\n", config::load_import_profile("wechat"))
            .find("第 1 行（列名行）：缺少筛选条件的列（可用的列名：当前状态）") != std::string::npos);
  CHECK(error_of([&] { import::StatementReader reader(dir.dir() + "/missing.csv", cfund); }) ==
        "无法读取对账单“" + dir.dir() + "/missing.csv”");

  SECTION("a file cut off inside a quoted field: a bad row on the line the field began") {
    const auto read =
        read_all(dir.write("cut.csv", "date,amount,note\n2025-03-01,1,ok\n2025-03-02,2,\"cut off\nhere"), cfund);
    REQUIRE(read.records.size() == 1);
    REQUIRE(read.bad.size() == 1);
    CHECK(read.bad[0].line == 3);
    CHECK(import::describe("cut.csv", read.bad[0]).zh ==
          "cut.csv 第 3 行：文件在引号括起的字段中间结束：文件不完整（被截断）或引号没有配对");
  }
  SECTION("a malformed quote is a bad row; the next line is read") {
    const auto read =
        read_all(dir.write("quote.csv", "date,amount,note\n2025-03-01,1,\"a\"b\n2025-03-02,2,c\n"), cfund);
    REQUIRE(read.records.size() == 1);
    CHECK(read.records[0].line == 3);
    REQUIRE(read.bad.size() == 1);
    CHECK(read.bad[0].line == 2);
    CHECK(import::describe("quote.csv", read.bad[0]).zh.find("第 2 行：CSV 格式错误") != std::string::npos);
  }
  SECTION("a closing line that is not the last") {
    const auto read = read_all(dir.write("closing.csv", "date,amount\nclosing,5\n2025-03-01,1\n"), cfund);
    REQUIRE(read.bad.size() == 1);
    CHECK(read.bad[0].line == 3);
    CHECK(read.summary.closing_balance == 5 * 100);
  }
}

TEST_CASE("direction: sign, direction column, or credit and debit", "[import]") {
  TempDir dir;
  SECTION("a direction column with an unknown value or a contradicting sign") {
    const auto read = read_all(
        dir.write("d.csv", "date,amount,收/支\n2025-03-01,5,转入\n2025-03-02,-5,收入\n2025-03-03,-5,支出\n"), "cfund");
    REQUIRE(read.bad.size() == 2);
    CHECK(read.bad[0].field == "direction");
    CHECK(import::describe("d.csv", read.bad[0]).zh ==
          "d.csv 第 2 行，字段 direction（值“转入”）：收/支应为 in、收入、收 或 out、支出、支");
    CHECK(read.bad[1].field == "amount");
    REQUIRE(read.records.size() == 1);
    CHECK(read.records[0].direction == Direction::out);
    CHECK(read.records[0].amount == 500);
  }
  SECTION("unsigned profiles refuse a minus sign") {
    const auto path =
        dir.write("w.csv", "交易时间,收/支,金额(元),当前状态,交易单号\n2025-03-01 10:00:00,收入,-¥5.00,已收钱,1\n");
    const auto read = read_all(path, "wechat");
    REQUIRE(read.bad.size() == 1);
    CHECK(read.bad[0].field == "amount");
  }
  SECTION("a bank row with both or neither side") {
    const auto path =
        dir.write("b.csv", "交易日期,收入金额,支出金额\n2025-03-01,1.00,2.00\n2025-03-02,,\n2025-03-03,,3.00\n");
    const auto read = read_all(path, "bank");
    CHECK(read.bad.size() == 2);
    REQUIRE(read.records.size() == 1);
    CHECK(read.records[0].direction == Direction::out);
  }
}

TEST_CASE("streaming: a 200,000-row file is read row by row", "[import][stream]") {
  TempDir dir;
  const std::string path = dir.dir() + "/big.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "日期,金额,捐赠人,流水号,备注\n";
    for (int i = 1; i <= 200000; ++i) {
      out << "2025-03-" << (i % 28 + 1 < 10 ? "0" : "") << (i % 28 + 1) << "," << (i % 5000 + 1) << ".50,捐赠人" << i
          << ",R" << i << ",\"第 " << i << " 笔, 谢谢\"\n";
    }
  }
  import::StatementReader reader(path, config::load_import_profile("cfund"));
  Record record;
  std::int64_t count = 0;
  util::Fen total = 0;
  int last_line = 0;
  while (reader.next(record)) {
    ++count;
    total += record.amount;
    last_line = record.line;
  }
  CHECK(count == 200000);
  CHECK(reader.summary().rows_taken == 200000);
  CHECK(reader.bad_rows().empty());
  CHECK(last_line == 200001);
  CHECK(record.reference == "R200000");
  CHECK(reader.bytes_consumed() == reader.summary().bytes);
  util::Fen expected = 0;
  for (int i = 1; i <= 200000; ++i) expected += (i % 5000 + 1) * 100 + 50;
  CHECK(total == expected);
}

TEST_CASE("profile files: user profiles, and errors naming file, line and key", "[import][config]") {
  TempDir dir;
  SECTION("a user profile reads a file of its own kind") {
    const auto profile_path = dir.write("community.toml",
                                        "description = \"社区超市代收\"\n"
                                        "account = \"cash\"\n"
                                        "[table]\n"
                                        "skip_lines = 1\n"
                                        "footer_starts = [\"小计\"]\n"
                                        "[columns]\n"
                                        "date = [\"收款日期\"]\n"
                                        "amount = [\"实收\"]\n"
                                        "counterparty = [\"顾客\"]\n"
                                        "[amount]\n"
                                        "sign = \"unsigned\"\n"
                                        "positive = \"in\"\n"
                                        "[[filter]]\n"
                                        "column = [\"状态\"]\n"
                                        "leave = [\"作废\"]\n");
    const auto profile = config::load_import_profile(profile_path);
    CHECK(profile.name == profile_path);
    CHECK(profile.account == "cash");
    const auto path = dir.write("s.csv",
                                "桂花里便民超市代收捐款\n收款日期,实收,顾客,状态\n2025-03-01,10,张伟,正常\n2025-03-02,"
                                "20,李娜,作废\n小计,30,,\n");
    const auto read = read_all(path, profile);
    REQUIRE(read.records.size() == 1);
    CHECK(read.records[0].direction == Direction::in);
    CHECK(read.records[0].counterparty == "张伟");
    CHECK(read.summary.rows_filtered == 1);
  }
  SECTION("errors") {
    auto load = [&](const std::string& text) {
      const auto path = dir.write("bad.toml", text);
      return error_of([&] { config::load_import_profile(path); });
    };
    const std::string file = dir.dir() + "/bad.toml";
    CHECK(load("[columns]\ndate = [\"日期\"]\namount = [\"金额\"]\n[amount]\nsign = \"negative\"\n") ==
          "导入格式文件 " + file + " 第 5 行，键 amount.sign：“negative”无效：应为 signed / unsigned");
    CHECK(load("[columns]\ndate = [\"日期\"]\namount = [\"金额\"]\nmoney = [\"钱\"]\n")
              .find(file + " 第 4 行，键 columns.money：未知的字段") != std::string::npos);
    CHECK(load("[table]\nskip_line = 2\n[columns]\ndate = [\"日期\"]\namount = [\"金额\"]\n")
              .find(file + " 第 2 行，键 table.skip_line：未知的键") != std::string::npos);
    CHECK(load("[columns]\ndate = [\"日期\"]\namount = [\"金额\"]\n[[filter]]\ncolumn = \"状态\"\ntake = [1]\n") ==
          "导入格式文件 " + file + " 第 6 行，键 filter[1].take：应为文字列表，如 [\"收入\", \"已收钱\"]");
    CHECK(load("[columns]\ndate = [\"日期\"\n").find(file + " 第 2 行：TOML 格式错误") != std::string::npos);
    CHECK(load("[columns]\ndate = [\"日期\"]\n").find("键 columns.amount：应给出 amount") != std::string::npos);
  }
  SECTION("unknown names and missing files") {
    CHECK(error_of([] { config::load_import_profile("paypal"); }) ==
          "没有名为“paypal”的导入格式（内置：cfund, wechat, alipay, bank, beneficiaries；自己编写的格式请给出 .toml "
          "文件的路径）");
    CHECK(error_of([&] { config::load_import_profile(dir.dir() + "/none.toml"); }) ==
          "无法读取导入格式文件“" + dir.dir() + "/none.toml”");
  }
}
