// The privacy guarantee of notices (SPEC §6), as a property: whatever the
// beneficiaries and donors, no beneficiary's full name, ID number, phone or address,
// and no anonymous donor's name, appears in any byte of any format, in either language.
// The same for the community side: no volunteer's phone, no name of a volunteer who did
// not agree to be named, no private data of a wish's beneficiary or of a household.

#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/households.hpp"
#include "books/movements.hpp"
#include "books/points.hpp"
#include "books/volunteers.hpp"
#include "books/wishes.hpp"
#include "fund_fixture.hpp"
#include "privacy/resident_id.hpp"
#include "render/notice_document.hpp"
#include "rendered_text.hpp"
#include "report/notice.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周",   "吴",   "徐",  "孙",
                                            "胡", "朱", "高", "林", "何", "郭", "马", "罗", "欧阳", "司马", "诸葛"};
const std::vector<std::string> kGiven = {"秀", "英", "明", "华", "芳", "娜", "敏", "静", "丽", "强", "磊", "军",
                                         "洋", "勇", "艳", "杰", "娟", "涛", "超", "霞", "平", "刚", "桂", "兰",
                                         "玉", "萍", "红", "鹏", "辉", "波", "宁", "琳", "倩", "雪", "晨", "浩"};

struct Generator {
  std::mt19937 random{20250310};

  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); }

  // 2 to 4 characters.
  std::string name() {
    const std::string surname = kSurnames[pick(kSurnames.size())];
    const std::size_t surname_chars = surname.size() / 3;
    const std::size_t given_chars =
        std::max<std::size_t>(1, std::uniform_int_distribution<std::size_t>(1, 4 - surname_chars)(random));
    std::string out = surname;
    for (std::size_t i = 0; i < given_chars; ++i) out += kGiven[pick(kGiven.size())];
    return out;
  }

  std::string resident_id(int serial) {
    const int year = 1930 + static_cast<int>(pick(80));
    const int month = 1 + static_cast<int>(pick(12));
    const int day = 1 + static_cast<int>(pick(28));
    const std::string first17 = fmt::format("330106{:04d}{:02d}{:02d}{:03d}", year, month, day, serial % 1000);
    return first17 + privacy::resident_id_check_char(first17);
  }

  std::string phone() {
    std::string out = "1" + std::to_string(3 + pick(7));
    for (int i = 0; i < 9; ++i) out += static_cast<char>('0' + pick(10));
    return out;
  }

  std::string address() {
    return fmt::format("桂花里{}栋{}单元{}0{}室", 1 + pick(30), 1 + pick(6), 1 + pick(18), 1 + pick(4));
  }
};

std::string every_format(storage::FundFile& file, const char* period) {
  const auto model = report::build_notice(
      file, {*util::parse_period(period), std::nullopt, 1743469200 /* 2025-04-01T09:00:00+08:00 */});
  std::string all;
  for (Lang lang : {Lang::zh, Lang::en}) {
    const auto document = render::notice_document(model, lang);
    for (const auto& format : render::kNoticeFormats) {
      for (const auto& file_out : render::render_notice(document, format)) all += test::rendered_text(file_out) + "\n";
    }
  }
  return all;
}

}  // namespace

TEST_CASE("no notice in any format shows a beneficiary's private data or an anonymous donor's name",
          "[render][privacy]") {
  TempFund fund;
  auto file = fund.open();
  TempFund::set_setting(file, "band_donations_below", "50.00");  // some anonymous donors end up in bands, some listed
  Generator generate;

  // Text every notice has anyway (labels, fund and designation names): a generated
  // name that happens to be part of it is not a secret we can test for.
  const std::string fixed_text = every_format(file, "2025-03");
  std::set<std::string> used;
  auto fresh_name = [&] {
    for (;;) {
      std::string candidate = generate.name();
      // No name inside another: the notice masks any mention of a beneficiary's name, so a
      // volunteer 孙红杰 beside a beneficiary 孙红 is masked too (on the safe side).
      bool overlaps = fixed_text.find(candidate) != std::string::npos;
      for (const auto& other : used)
        overlaps = overlaps || other.find(candidate) != std::string::npos || candidate.find(other) != std::string::npos;
      if (!overlaps && used.insert(candidate).second) return candidate;
    }
  };

  const auto recorder = TempFund::recorder("2025-03-31");
  std::vector<std::string> forbidden;
  // Donors: named ones are organisations with plain numbered names; anonymous ones
  // have Chinese names that must never appear.
  for (int i = 0; i < 120; ++i) {
    books::DonationInput input;
    input.anonymous = i % 3 == 0;
    input.donor = input.anonymous ? fresh_name() : fmt::format("第{}号爱心商户", i);
    if (input.anonymous) forbidden.push_back(input.donor);
    input.amount = 1000 + static_cast<util::Fen>(generate.pick(800000));
    input.account = "bank";
    input.designation = i % 2 == 0 ? "elderly" : "";
    input.date = util::Date{2025, 3, 1 + static_cast<int>(generate.pick(10))};
    books::record_donation(file, recorder, input);
  }
  // 200 beneficiaries, each paid once; some purposes and void reasons name them.
  std::vector<std::int64_t> payments;
  for (int i = 0; i < 200; ++i) {
    books::BeneficiaryInput person;
    person.name = fresh_name();
    person.id_number = generate.resident_id(i);
    person.phone = generate.phone();
    person.address = generate.address();
    person.category = i % 2 == 0 ? "独居老人" : "困难学生";
    const auto number = books::register_beneficiary(file, recorder, person);
    forbidden.insert(forbidden.end(), {person.name, person.id_number, person.phone, person.address});

    books::DisbursementInput paid;
    paid.amount = 1000 + static_cast<util::Fen>(generate.pick(20000));
    paid.account = "bank";
    paid.designation = i % 2 == 0 ? "elderly" : "";
    paid.category = "relief";
    paid.beneficiary = number;
    paid.purpose = i % 5 == 0 ? "慰问" + person.name + "（电话 " + person.phone + "）" : "生活救助";
    paid.voucher = fmt::format("记-{:03d}", i);
    paid.date = util::Date{2025, 3, 11 + static_cast<int>(generate.pick(15))};
    payments.push_back(books::record_disbursement(file, recorder, paid));
    if (i % 17 == 0) {
      books::void_entry(file, recorder, payments.back(), "disbursement",
                        "误付给" + person.name + "，住址 " + person.address, util::Date{2025, 3, 28});
    }
  }

  for (const char* period : {"2025-03", "2025-Q1", "2025"}) {
    const std::string all = every_format(file, period);
    INFO("period " << period);
    CHECK(all.find("独居老人 ") != std::string::npos);  // the relief rows are there
    for (const auto& secret : forbidden) {
      INFO("secret " << secret);
      CHECK(all.find(secret) == std::string::npos);
    }
  }
}

TEST_CASE("no notice shows a volunteer's phone or unconsented name, nor a wish's or household's private data",
          "[render][privacy]") {
  TempFund fund;
  auto file = fund.open();
  TempFund::set_setting(file, "points.per_yuan", "1");
  TempFund::set_setting(file, "points.per_hour", "10");
  TempFund::set_setting(file, "points.notice_top", "20");
  Generator generate{std::mt19937{20250401}};
  const std::string fixed_text = every_format(file, "2025-03");
  std::set<std::string> used;
  auto fresh_name = [&] {
    for (;;) {
      std::string candidate = generate.name();
      // No name inside another: the notice masks any mention of a beneficiary's name, so a
      // volunteer 孙红杰 beside a beneficiary 孙红 is masked too (on the safe side).
      bool overlaps = fixed_text.find(candidate) != std::string::npos;
      for (const auto& other : used)
        overlaps = overlaps || other.find(candidate) != std::string::npos || candidate.find(other) != std::string::npos;
      if (!overlaps && used.insert(candidate).second) return candidate;
    }
  };
  const auto recorder = TempFund::recorder("2025-03-31");
  books::DonationInput money;
  money.donor = "第1号爱心商户";
  money.amount = 5000000;
  money.account = "bank";
  money.date = util::Date{2025, 3, 1};
  books::record_donation(file, recorder, money);

  std::vector<std::string> forbidden;
  std::vector<std::string> named;
  // 60 volunteers, each serving twice; one in four agrees to be named; some activities
  // were typed with the volunteer's phone in them.
  for (int i = 0; i < 60; ++i) {
    const std::string name = fresh_name();
    const std::string phone = generate.phone();
    const auto number = books::register_volunteer(file, recorder, {name, phone, ""});
    forbidden.push_back(phone);
    (i % 4 == 0 ? named : forbidden).push_back(name);
    if (i % 4 == 0) books::record_consent(file, recorder, name, true, util::Date{2025, 3, 20});
    for (int session = 0; session < 2; ++session) {
      books::ServiceInput service;
      service.volunteer = "V" + std::to_string(number);
      service.hours = 50 + static_cast<util::Hundredths>(generate.pick(400));
      service.activity = i % 5 == 0 ? "助老陪伴（联系 " + phone + "）" : "社区清扫";
      service.date = util::Date{2025, 3, 1 + static_cast<int>(generate.pick(28))};
      books::record_service(file, recorder, service);
    }
  }
  // 40 wishes for beneficiaries in households; some titles name them; half fulfilled.
  for (int i = 0; i < 40; ++i) {
    const std::string home = fresh_name() + "家";
    const std::string address = generate.address();
    const auto household = books::register_household(file, recorder, {home, address, ""});
    forbidden.insert(forbidden.end(), {home, address});
    books::BeneficiaryInput person;
    person.name = fresh_name();
    person.id_number = generate.resident_id(500 + i);
    person.phone = generate.phone();
    person.address = generate.address();
    person.category = "困难学生";
    person.household = household;
    const auto beneficiary = books::register_beneficiary(file, recorder, person);
    forbidden.insert(forbidden.end(), {person.name, person.id_number, person.phone, person.address});
    books::WishInput wish;
    wish.date = util::Date{2025, 3, 2};
    wish.title = i % 3 == 0 ? "给" + person.name + "买书包（" + person.phone + "）" : "新书包";
    wish.category = "学习用品";
    wish.estimate = 10000;
    wish.beneficiary = beneficiary;
    const auto number = books::post_wish(file, recorder, wish);
    if (i % 2 == 1) continue;
    books::ClaimInput claim;
    claim.wish = number;
    claim.donor = fmt::format("第{}号爱心商户", i);
    claim.donor_kind = "organisation";
    claim.date = util::Date{2025, 3, 3};
    books::claim_wish(file, recorder, claim);
    books::DisbursementInput paid;
    paid.amount = 10000;
    paid.account = "bank";
    paid.category = "relief";
    paid.beneficiary = beneficiary;
    paid.purpose = "微心愿：书包";
    paid.date = util::Date{2025, 3, 10};
    const auto entry = books::record_disbursement(file, recorder, paid);
    books::fulfil_wish(file, recorder, number, entry, util::Date{2025, 3, 11});
  }

  for (const char* period : {"2025-03", "2025-Q1", "2025"}) {
    const std::string all = every_format(file, period);
    INFO("period " << period);
    CHECK(all.find("W0001") != std::string::npos);     // the wishes are there
    CHECK(all.find("社区清扫") != std::string::npos);  // and the volunteer service
    for (const auto& name : named) {
      INFO("named " << name);
      CHECK(all.find(name) != std::string::npos);  // named with consent
    }
    for (const auto& secret : forbidden) {
      INFO("secret " << secret);
      CHECK(all.find(secret) == std::string::npos);
    }
  }
}
