// A large WeChat Pay bill as an .xlsx workbook of the spring-2026 layout (17 preamble
// rows, the header on row 18, times as date cells, 金额(元) as numbers), for the
// benchmark's streaming check (tests/bench/run.sh, docs/PERFORMANCE.md). Text cells go
// into the shared strings table, as WeChat's own export does, so the reader keeps a
// large string table in memory while it streams the sheet. Deterministic: the same
// rows for the same count. A tool, not a test.
//
//   cfund_generate_wechat_xlsx ROWS OUT.xlsx

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const char* const kNames[] = {"周晓燕", "何志强", "冯静", "吴丽华", "郑凯", "王磊", "李娜", "张伟", "陈刚", "孙丽"};
const char* const kHeader[] = {"交易时间", "交易类型", "交易对方", "商品",     "收/支", "金额(元)",
                               "支付方式", "当前状态", "交易单号", "商户单号", "备注"};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s ROWS OUT.xlsx\n", argv[0]);
    return 2;
  }
  const long rows = std::atol(argv[1]);
  lxw_workbook* book = workbook_new(argv[2]);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "微信支付账单流水");
  lxw_format* when = workbook_add_format(book);
  format_set_num_format(when, "yyyy-mm-dd hh:mm:ss");
  const char* const preamble[] = {"微信支付账单明细",
                                  "微信昵称：[桂花里社区基金]",
                                  "起始时间：[2026-01-01 00:00:00] 终止时间：[2026-03-31 23:59:59]",
                                  "导出类型：[全部]",
                                  "导出时间：[2026-04-01 09:30:12]",
                                  "本账单中所有时间均为UTC+08:00时间"};
  lxw_row_t row = 0;
  for (const char* line : preamble) worksheet_write_string(sheet, row++, 0, line, nullptr);
  row = 16;
  worksheet_write_string(sheet, row++, 0, "----------------------微信支付账单明细列表--------------------", nullptr);
  for (lxw_col_t c = 0; c < 11; ++c) worksheet_write_string(sheet, row, c, kHeader[c], nullptr);
  ++row;
  unsigned long seed = 20260401;
  for (long i = 0; i < rows; ++i, ++row) {
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    const unsigned long r = seed >> 33;
    // 2026-01-01 is serial 46023; a row every 77 seconds or so.
    const double serial = 46023.0 + static_cast<double>(i) * 77.0 / 86400.0;
    worksheet_write_number(sheet, row, 0, serial, when);
    worksheet_write_string(sheet, row, 1, r % 3 == 0 ? "二维码收款" : "转账", nullptr);
    worksheet_write_string(sheet, row, 2, kNames[r % 10], nullptr);
    worksheet_write_string(sheet, row, 3, "/", nullptr);
    worksheet_write_string(sheet, row, 4, "收入", nullptr);
    worksheet_write_number(sheet, row, 5, static_cast<double>(1 + r % 50000) / 100.0, nullptr);
    worksheet_write_string(sheet, row, 6, "/", nullptr);
    worksheet_write_string(sheet, row, 7, "已存入零钱", nullptr);
    const std::string number = "10000500012026" + std::to_string(100000000000L + i) + "\t";
    worksheet_write_string(sheet, row, 8, number.c_str(), nullptr);
    worksheet_write_string(sheet, row, 9, "/", nullptr);
    worksheet_write_string(sheet, row, 10, "/", nullptr);
  }
  return workbook_close(book) == LXW_NO_ERROR ? 0 : 1;
}
