// Output safety: whatever the names in the books contain (<script>, |, =cmd(), line
// breaks, Markdown, quotes), no notice format changes shape. The same books are made
// twice, once with plain names and once with hostile ones in every text a notice
// shows (fund, accounts, special funds, donors, goods, payees, purposes, projects,
// reasons); each format must have the same structure both times: the same HTML tags,
// the same Markdown table cells and line kinds, the same CSV records and fields (and
// no text cell a spreadsheet would run as a formula), the same text lines.

#include <catch2/catch.hpp>

#include <functional>
#include <regex>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "books/projects.hpp"
#include "fund_fixture.hpp"
#include "render/notice_document.hpp"
#include "rendered_text.hpp"
#include "report/notice.hpp"

using namespace cfund;

namespace {

const std::vector<std::string> kHostile = {
    "<script>alert(1)</script>",
    "a|b|c",
    "=cmd()|'!A1",
    "第一行\n第二行\r\n# 第三行",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    "**粗体** _斜_ `代码` [链接](javascript:alert(1))",
    "\"引号\",逗号",
    "</td></tr><tr><td>伪造行",
    "<img src=x onerror=alert(1)>",
    "\t制表符开头",
    "- 列表项",
    "> 引用",
};

struct TempDir {
  TempDir() {
    char pattern[] = "/tmp/cfund-inject-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string path;
};

util::Date day(int d) { return util::Date{2025, 3, d}; }

// A project's texts refuse line breaks and tabs (they are refused, not flattened): the
// hostile text with them as spaces.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// The notice of March in every format, from books whose every text is `text(i)`.
std::vector<render::RenderedFile> notice_with(const std::function<std::string(int)>& text) {
  TempDir dir;
  model::FundDefinition definition;
  definition.settings.name = text(0);
  definition.settings.organisation = text(1);
  definition.settings.host = text(2);
  definition.settings.supervision_phone = "0571-" + text(3);
  definition.settings.approval_threshold = 100000000;
  definition.accounts = {{0, "bank", text(4), "bank"}, {0, "cash", text(5), "cash"}};
  definition.designations = {{0, "elderly", text(6), "special", true}};
  books::create_fund(dir.path + "/fund.cfund", definition);
  auto file = storage::FundFile::open(dir.path + "/fund.cfund");
  const auto rec = testing::TempFund::recorder("2025-03-20");

  int n = 7;
  for (int i = 0; i < 6; ++i) {
    books::DonationInput money;
    money.donor = text(n++);
    money.amount = 100000 + i;
    money.account = i % 2 ? "bank" : "cash";
    money.designation = i % 3 == 0 ? "elderly" : "";
    money.memo = text(n++);
    money.date = day(1 + i);
    books::record_donation(file, rec, money);
  }
  books::DonationInput goods;
  goods.donor = text(n++);
  goods.goods = true;
  goods.item = text(n++);
  goods.quantity = "20";
  goods.unit = text(n++);
  goods.amount = 50000;
  goods.date = day(8);
  books::record_donation(file, rec, goods);

  books::BeneficiaryInput person;
  person.name = text(n++);
  person.category = text(n++);
  person.address = text(n++);
  const auto number = books::register_beneficiary(file, rec, person);
  books::DisbursementInput relief;
  relief.amount = 30000;
  relief.account = "cash";
  relief.designation = "elderly";
  relief.category = "relief";
  relief.beneficiary = number;
  relief.purpose = text(n++);
  relief.voucher = text(n++);
  relief.date = day(9);
  books::record_disbursement(file, rec, relief);
  books::DisbursementInput cost;
  cost.amount = 12000;
  cost.account = "bank";
  cost.category = "management";
  cost.payee = text(n++);
  cost.purpose = text(n++);
  cost.date = day(10);
  const auto paid = books::record_disbursement(file, rec, cost);
  books::void_entry(file, rec, paid, model::entry_kind::disbursement, text(n++), day(11));

  books::ProjectProposal proposal;
  proposal.name = one_line(text(n++));
  proposal.category = "社区营造";
  proposal.budget = 500000;
  proposal.proposer = one_line(text(n++));
  proposal.implementer = one_line(text(n++));
  proposal.description = one_line(text(n++));
  proposal.date = day(12);
  const auto project = books::propose_project(file, rec, proposal);
  for (const auto* stage : {"under_review", "approved", "in_progress"}) {
    books::ProjectStep step;
    step.project = project.code;
    step.to_stage = stage;
    step.decision = "议-1";
    step.note = one_line(text(n++));
    step.date = day(13);
    books::advance_project(file, rec, step);
  }
  books::ReallocationInput move;
  move.amount = 20000;
  move.from_designation = "";
  move.to_designation = project.code;
  move.reason = text(n++);
  move.approval_ref = "议-2";
  move.date = day(14);
  books::record_reallocation(file, rec, move);
  books::DisbursementInput spend;
  spend.amount = 10000;
  spend.account = "bank";
  spend.designation = project.code;
  spend.category = "project";
  spend.payee = text(n++);
  spend.purpose = text(n++);
  spend.date = day(15);
  books::record_disbursement(file, rec, spend);

  const auto model = report::build_notice(
      file, {*util::parse_period("2025-03"), std::nullopt, 1743469200 /* 2025-04-01T09:00:00+08:00 */});
  std::vector<render::RenderedFile> files;
  for (const auto lang : {Lang::zh, Lang::en}) {
    const auto document = render::notice_document(model, lang);
    for (const auto& format : render::kNoticeFormats) {
      for (auto& rendered : render::render_notice(document, format)) {
        rendered.name += lang == Lang::en ? " (en)" : " (zh)";
        files.push_back(std::move(rendered));
      }
    }
  }
  return files;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  lines.push_back(line);
  return lines;
}

// HTML: each tag with its attribute names, attribute values left out.
std::vector<std::string> html_shape(const std::string& html) {
  std::vector<std::string> shape;
  const std::regex tag("<[^>]*>");
  const std::regex values("\"[^\"]*\"|'[^']*'");
  for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it) {
    shape.push_back(std::regex_replace(it->str(), values, "V"));
  }
  return shape;
}

// Markdown: per line, the unescaped table bars and what kind of line it is.
std::vector<std::string> markdown_shape(const std::string& md) {
  std::vector<std::string> shape;
  for (const auto& line : lines_of(md)) {
    int bars = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
      } else if (line[i] == '|') {
        ++bars;
      }
    }
    std::string kind = "text";
    if (line.empty())
      kind = "blank";
    else if (line[0] == '#')
      kind = "heading";
    else if (line[0] == '|')
      kind = "table";
    else if (line.rfind("- ", 0) == 0 || line.rfind("+ ", 0) == 0 || line.rfind("* ", 0) == 0)
      kind = "list";
    else if (line[0] == '>')
      kind = "quote";
    else if (line[0] == '<')
      kind = "html";
    shape.push_back(kind + " " + std::to_string(bars));
  }
  return shape;
}

// CSV (RFC 4180): the records, each a list of fields.
std::vector<std::vector<std::string>> csv_records(const std::string& csv) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  std::size_t i = csv.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !record.empty()) {
    record.push_back(field);
    records.push_back(record);
  }
  return records;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

bool runs_as_formula(const std::string& field) {
  static const std::regex number("-?[0-9]+(\\.[0-9]+)?%?");
  if (field.empty() || std::string("=+-@\t\r").find(field[0]) == std::string::npos) return false;
  return !std::regex_match(field, number);
}

}  // namespace

TEST_CASE("hostile names change the shape of no notice format", "[render][injection]") {
  const auto plain = notice_with([](int i) { return "名称" + std::to_string(i); });
  const auto hostile =
      notice_with([](int i) { return kHostile[static_cast<std::size_t>(i) % kHostile.size()] + std::to_string(i); });
  REQUIRE(plain.size() == hostile.size());
  REQUIRE(plain.size() >= 10);

  for (std::size_t f = 0; f < plain.size(); ++f) {
    const auto& name = plain[f].name;
    INFO(name);
    REQUIRE(hostile[f].name == name);
    const auto& good = plain[f].bytes;
    const auto& bad = hostile[f].bytes;
    if (name.find(".html") != std::string::npos) {
      CHECK(html_shape(bad) == html_shape(good));
      CHECK(bad.find("<script") == std::string::npos);
      CHECK(bad.find("<img") == std::string::npos);
      CHECK(occurrences(bad, "</td></tr><tr>") == occurrences(good, "</td></tr><tr>"));
    } else if (name.find(".md") != std::string::npos) {
      CHECK(markdown_shape(bad) == markdown_shape(good));
      CHECK(bad.find("<script") == std::string::npos);
    } else if (name.find(".csv") != std::string::npos) {
      const auto good_records = csv_records(good);
      const auto bad_records = csv_records(bad);
      REQUIRE(bad_records.size() == good_records.size());
      for (std::size_t r = 0; r < bad_records.size(); ++r) {
        CHECK(bad_records[r].size() == good_records[r].size());
        for (const auto& field : bad_records[r]) {
          INFO(field);
          CHECK_FALSE(runs_as_formula(field));
          CHECK(field.find('\n') == std::string::npos);
        }
      }
    } else if (name.find(".xlsx") != std::string::npos) {
      // A workbook's shape is its rows and cells; a hostile name stays one text cell,
      // never a formula, and XML-escaped.
      const std::string good_xml = test::rendered_text(plain[f]);
      const std::string bad_xml = test::rendered_text(hostile[f]);
      CHECK(occurrences(bad_xml, "<row ") == occurrences(good_xml, "<row "));
      CHECK(occurrences(bad_xml, "<c ") == occurrences(good_xml, "<c "));
      CHECK(bad_xml.find("<f>") == std::string::npos);
      CHECK(bad_xml.find("<script") == std::string::npos);
    } else {
      CHECK(lines_of(bad).size() == lines_of(good).size());
    }
  }
}
