#include <catch2/catch.hpp>

#include "books/donations.hpp"
#include "fund_fixture.hpp"
#include "render/notice_document.hpp"
#include "render/notice_escape.hpp"
#include "report/notice.hpp"

using namespace cfund;
using cfund::testing::TempFund;

TEST_CASE("Markdown escaping keeps a name inside its cell", "[render]") {
  CHECK(render::markdown_escape("A|B") == "A\\|B");
  CHECK(render::markdown_escape("<script>") == "&lt;script&gt;");
  CHECK(render::markdown_escape("**粗体** _x_ `c` [l](u)") == "\\*\\*粗体\\*\\* \\_x\\_ \\`c\\` \\[l\\](u)");
  CHECK(render::markdown_escape("# 标题", true) == "\\# 标题");
  CHECK(render::markdown_escape("- 列表", true) == "\\- 列表");
  CHECK(render::markdown_escape("-¥300.00") == "-¥300.00");  // a cell never starts a line
  CHECK(render::markdown_escape("第一行\n第二行") == "第一行 第二行");
  CHECK(render::markdown_escape("a & b") == "a &amp; b");
}

TEST_CASE("HTML escaping", "[render]") {
  CHECK(render::html_escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(render::html_escape("a \"b\" & c") == "a &quot;b&quot; &amp; c");
  CHECK(render::html_escape("一\n二\x01") == "一 二");
}

TEST_CASE("CSV fields: quoting and formula neutralisation of text only", "[render]") {
  CHECK(render::csv_text_field("张伟") == "张伟");
  CHECK(render::csv_text_field("=cmd()") == "'=cmd()");
  CHECK(render::csv_text_field("+1") == "'+1");
  CHECK(render::csv_text_field("-1") == "'-1");
  CHECK(render::csv_text_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(render::csv_text_field("\t=1") == "' =1");
  CHECK(render::csv_text_field("a,b") == "\"a,b\"");
  CHECK(render::csv_text_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(render::csv_text_field("一\n二") == "一 二");
  CHECK(render::csv_number_field("-300.00") == "-300.00");
}

TEST_CASE("a donor named with markup breaks no format", "[render]") {
  TempFund fund;
  auto file = fund.open();
  books::DonationInput input;
  input.donor = "A|B <script>alert(1)</script> =cmd() 第一行\n第二行";
  input.amount = 50000;
  input.account = "bank";
  input.date = util::Date{2025, 3, 1};
  books::record_donation(file, TempFund::recorder(), input);
  const auto model = report::build_notice(file, {*util::parse_period("2025-03"), std::nullopt, 0});
  const auto document = render::notice_document(model, Lang::zh);

  const auto md = render::render_notice(document, "md").front().bytes;
  CHECK(md.find("A\\|B &lt;script&gt;alert(1)&lt;/script&gt; =cmd() 第一行 第二行") != std::string::npos);
  for (const auto& format : {"html", "wechat"}) {
    const auto html = render::render_notice(document, format).front().bytes;
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("A|B &lt;script&gt;") != std::string::npos);
  }
  const auto wechat = render::render_notice(document, "wechat").front().bytes;
  CHECK(wechat.find("<style") == std::string::npos);
  CHECK(wechat.find("class=") == std::string::npos);
  CHECK(wechat.find(" id=") == std::string::npos);
  CHECK(wechat.find("max-width:677px") != std::string::npos);

  for (const auto& csv : render::render_notice(document, "csv")) {
    CHECK(csv.bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    if (csv.name == "notice-2025-03-donations.csv") {
      CHECK(csv.bytes.find("2025-03-01,A|B <script>alert(1)</script> =cmd() 第一行 第二行,500.00,") !=
            std::string::npos);
    }
  }
  // Each table row stays one line in text and Markdown.
  const auto text = render::render_notice(document, "txt").front().bytes;
  CHECK(text.find("第一行 第二行") != std::string::npos);
}

TEST_CASE("the same books, period and cut-off give the same bytes", "[render]") {
  TempFund fund;
  auto file = fund.open();
  books::DonationInput input;
  input.donor = "张伟";
  input.amount = 50000;
  input.account = "bank";
  input.date = util::Date{2025, 3, 1};
  books::record_donation(file, TempFund::recorder(), input);
  auto render_all = [&] {
    const auto model = report::build_notice(
        file, {*util::parse_period("2025-03"), std::nullopt, 1743436800 /* 2025-04-01T00:00:00+08:00 */});
    std::string all;
    for (const auto& format : render::kNoticeFormats) {
      for (const auto& out : render::render_notice(render::notice_document(model, Lang::en), format)) all += out.bytes;
    }
    return all;
  };
  CHECK(render_all() == render_all());
}
