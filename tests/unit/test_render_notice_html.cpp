#include <catch2/catch.hpp>

#include <string>

#include "render/notice_document.hpp"
#include "render/qr_svg.hpp"

using cfund::render::notice_chart_svg;
using cfund::render::NoticeChart;

namespace {

NoticeChart year_across_two_calendar_years() {
  NoticeChart chart;
  chart.title = "本期收支（按月）";
  chart.income_label = "收入";
  chart.spending_label = "支出";
  const char* labels[] = {"2023年\n10月", "11月", "12月", "2024年\n1月", "2月", "3月",
                          "4月",          "5月",  "6月",  "7月",         "8月", "9月"};
  for (const char* label : labels) chart.bars.push_back({label, "", 2284900, 2080000});
  return chart;
}

}  // namespace

TEST_CASE("chart: each line of a month label is whole, values are money", "[render][notice_html]") {
  const std::string svg = notice_chart_svg(year_across_two_calendar_years());
  CHECK(svg.find(">2023年</text>") != std::string::npos);
  CHECK(svg.find(">10月</text>") != std::string::npos);
  CHECK(svg.find(">2024年</text>") != std::string::npos);
  CHECK(svg.find(">9月</text>") != std::string::npos);
  CHECK(svg.find(">2023-1<") == std::string::npos);
  CHECK(svg.find(">¥22,849.00</text>") != std::string::npos);
  CHECK(svg.find(">¥20,800.00</text>") != std::string::npos);
  CHECK(svg.find(">22849<") == std::string::npos);
  // Twelve groups leave no room for "¥22,849.00" across a bar: the amounts are turned.
  CHECK(svg.find("rotate(-90") != std::string::npos);
}

TEST_CASE("chart: long names of many designations are turned, never cut", "[render][notice_html]") {
  NoticeChart chart;
  for (int i = 0; i < 12; ++i) chart.bars.push_back({"困难学生助学专项基金" + std::to_string(i), "", 10000, 5000});
  const std::string svg = notice_chart_svg(chart);
  CHECK(svg.find(">困难学生助学专项基金11</text>") != std::string::npos);
  CHECK(svg.find("rotate(-45") != std::string::npos);
  // Three fit upright.
  chart.bars.resize(3);
  const std::string few = notice_chart_svg(chart);
  CHECK(few.find("rotate(-45") == std::string::npos);
  CHECK(few.find(">¥100.00</text>") != std::string::npos);
}

TEST_CASE("qr_svg: one path of dark modules with a quiet zone", "[render][notice_html]") {
  const std::string svg = cfund::render::qr_svg("CF-5NHD-J6SE-HHGK", 32, "扫码核对校验码");
  CHECK(svg.rfind("<svg class=\"qr\"", 0) == 0);
  CHECK(svg.find("viewBox=\"0 0 33 33\"") != std::string::npos);  // version 2 (17 bytes at level M): 25 + 2 x 4
  CHECK(svg.find("aria-label=\"扫码核对校验码\"") != std::string::npos);
  CHECK(svg.find("<path fill=\"#000\" d=\"M4 4h7v1h-7z") != std::string::npos);  // the top-left finder
}
