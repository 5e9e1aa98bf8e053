#pragma once
// A fund of random events of every kind, recorded through the books API: for tests that
// must hold on books they did not shape (test_report_annual, test_storage_posting_facts).

#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/goods.hpp"
#include "books/income.hpp"
#include "books/movements.hpp"
#include "books/openings.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "model/categories.hpp"

namespace cfund::testing {

// Records random events of every kind over 2023-2025, each through the books API; an
// event the rules refuse (an overdraft, a stock that would go negative, a project not
// yet approved) is skipped, as a worker would be refused.
class RandomFund {
 public:
  RandomFund(const TempFund& fund, std::uint64_t seed) : file_(fund.open()), random_(seed) {}

  void run() {
    open_books();
    for (int year = 2023; year <= 2025; ++year) {
      for (int step = 0; step < 70; ++step) {
        const std::string date = fmt::format("{}-{:02d}-{:02d}", year, 1 + step * 12 / 70, 1 + step % 27);
        attempt(date);
      }
    }
  }

 private:
  using Fen = util::Fen;
  static util::Date day(const std::string& iso) { return *util::parse_date(iso); }
  Fen amount(Fen low, Fen high) { return low + static_cast<Fen>(random_() % static_cast<std::uint64_t>(high - low)); }
  bool chance(int percent) { return random_() % 100 < static_cast<std::uint64_t>(percent); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[random_() % items.size()];
  }
  books::Recorder rec() const { return TempFund::recorder("2026-01-10"); }

  void open_books() {
    books::OpeningInput money;
    money.date = day("2023-01-01");
    money.account = "bank";
    money.amount = 500000;
    books::record_opening(file_, rec(), money);
    money.designation = "elderly";
    money.amount = 200000;
    books::record_opening(file_, rec(), money);
    books::OpeningInput goods;
    goods.date = day("2023-01-01");
    goods.item = "棉被";
    goods.unit = "床";
    goods.quantity = "10";
    goods.amount = 150000;
    books::record_opening(file_, rec(), goods);
    for (const char* name : {"王秀英", "陈建国", "欧阳小明"}) {
      people_.push_back(books::register_beneficiary(file_, rec(), {name, "", "", "", "独居老人", ""}));
    }
  }

  void attempt(const std::string& date) {
    const int what = static_cast<int>(random_() % 12);
    try {
      switch (what) {
        case 0:
        case 1:
          donate(date);
          break;
        case 2:
          income(date);
          break;
        case 3:
        case 4:
          pay(date);
          break;
        case 5:
          goods_out(date);
          break;
        case 6:
          books::record_transfer(file_, rec(),
                                 {day(date), amount(100, 20000), pick(accounts_), pick(accounts_), "", ""});
          break;
        case 7:
          books::record_reallocation(
              file_, rec(),
              {day(date), amount(100, 30000), pick(designations_), pick(designations_), "捐赠人同意", "议-1", ""});
          break;
        case 8:
        case 9:
          project_step(date);
          break;
        default:
          void_something(date);
      }
    } catch (const Error&) {
      // refused by a rule of the books: the event did not happen
    }
  }

  void donate(const std::string& date) {
    books::DonationInput gift;
    gift.donor = pick(std::vector<std::string>{"刘芳", "张伟", "青溪建材"});
    gift.date = day(date);
    gift.amount = amount(1000, 300000);
    if (chance(25)) {
      gift.goods = true;
      gift.item = pick(std::vector<std::string>{"大米", "食用油"});
      gift.unit = "份";
      gift.quantity = std::to_string(amount(1, 20));
    } else {
      gift.account = pick(accounts_);
      gift.designation = chance(30) && !project_.empty() ? project_ : pick(designations_);
    }
    entries_.push_back(books::record_donation(file_, rec(), gift).entry_id);
  }

  void income(const std::string& date) {
    books::IncomeInput input;
    input.kind = pick(model::income_kinds()).id;
    input.source = "来源";
    input.date = day(date);
    input.amount = amount(100, 200000);
    input.account = pick(accounts_);
    input.designation = pick(designations_);
    if (input.kind == "matching") input.matches = "99公益日";
    entries_.push_back(books::record_income(file_, rec(), input));
  }

  void pay(const std::string& date) {
    books::DisbursementInput payment;
    payment.date = day(date);
    payment.amount = amount(100, 150000);
    payment.account = pick(accounts_);
    payment.category = pick(model::payment_categories()).id;
    payment.designation = payment.category == "project" && !project_.empty() ? project_ : pick(designations_);
    payment.purpose = "支出";
    payment.payee = "收款方";
    payment.approval_ref = "议-2";
    if (payment.category == "relief") {
      payment.beneficiary = pick(people_);
      payment.repeat_reason = "再次困难";
    }
    entries_.push_back(books::record_disbursement(file_, rec(), payment));
  }

  void goods_out(const std::string& date) {
    const auto stock = books::goods_stock(file_, date);
    if (stock.empty()) return;
    const auto& line = pick(stock);
    if (chance(50)) {
      books::GiveInput give;
      give.date = day(date);
      give.item = line.item;
      give.unit = line.unit;
      give.quantity = "1";
      if (chance(50)) {
        give.beneficiary = pick(people_);
      } else {
        give.recipient = "重阳节慰问";
      }
      entries_.push_back(books::give_goods(file_, rec(), give));
    } else {
      books::SaleInput sale;
      sale.date = day(date);
      sale.item = line.item;
      sale.unit = line.unit;
      sale.quantity = "1";
      sale.amount = amount(100, 20000);
      sale.account = "cash";
      entries_.push_back(books::sell_goods(file_, rec(), sale));
    }
  }

  // A project from proposal to closing with its remainder returned to the general fund.
  void project_step(const std::string& date) {
    if (project_.empty()) {
      books::ProjectProposal proposal;
      proposal.name = fmt::format("项目{}", ++projects_);
      proposal.category = "社区营造";
      proposal.budget = amount(50000, 300000);
      proposal.date = day(date);
      project_ = books::propose_project(file_, rec(), proposal).code;
      stage_ = 0;
      return;
    }
    static const std::vector<std::string> steps = {books::project_stage::under_review,
                                                   books::project_stage::approved,
                                                   "allocate",
                                                   books::project_stage::in_progress,
                                                   "spend",
                                                   "spend",
                                                   books::project_stage::completed,
                                                   books::project_stage::evaluated,
                                                   books::project_stage::closed};
    const std::string& step = steps[static_cast<std::size_t>(stage_)];
    if (step == "allocate") {
      books::ProjectAllocation allocation{project_, amount(20000, 100000), "", "议-3", "", day(date), ""};
      books::allocate_to_project(file_, rec(), allocation);
    } else if (step == "spend") {
      pay(date);
    } else {
      books::ProjectStep move;
      move.project = project_;
      move.to_stage = step;
      move.date = day(date);
      move.decision = "议-4";
      move.summary = "完成";
      move.people_served = 30;
      move.score = 4;
      if (step == books::project_stage::closed) move.remainder = {"general", true};
      books::advance_project(file_, rec(), move);
    }
    if (++stage_ == static_cast<int>(steps.size())) project_.clear();
  }

  void void_something(const std::string& date) {
    if (entries_.empty()) return;
    const std::int64_t id = pick(entries_);
    books::void_entry(file_, rec(), id,
                      std::vector<std::string>{"donation", "income", "disbursement", "goods_given", "goods_sale"},
                      "录错", day(date));
  }

  storage::FundFile file_;
  std::mt19937_64 random_;
  std::vector<std::string> accounts_ = {"bank", "cash"};
  std::vector<std::string> designations_ = {"general", "elderly"};
  std::vector<std::int64_t> people_;
  std::vector<std::int64_t> entries_;
  std::string project_;
  int stage_ = 0;
  int projects_ = 0;
};

}  // namespace cfund::testing
