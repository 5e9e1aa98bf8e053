// cfund_bench_load: records a generated fund's rows through the library, for the
// benchmark's large funds (tests/bench/run.sh).
//
//   cfund_bench_load FUND_FILE [--donations CSV] [--payments CSV]
//
// --donations records each row with books::record_donation (every rule checked), all
// in one transaction; run.sh uses it only when the cfund binary has no
// `donate import`.
// --payments appends each payment with books::append_entry: the same entry and
// detail row that record_disbursement writes, but WITHOUT re-running the per-row
// rules (overdraft, project budget, approval, repeated relief). Those rules cost
// O(postings of the account) per payment (storage::lowest_balance_from), so an
// import of 150,000 payments into a 1M fund takes hours (docs/PERFORMANCE.md). The
// generator (cfund_generate) already keeps every rule, and run.sh runs `cfund audit`
// on the result, which checks overdrafts, approvals and budgets over the whole fund.
// Both read the generator's CSVs, which hold no quoted fields.

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "books/donations.hpp"
#include "books/fund.hpp"
#include "books/journal.hpp"
#include "error.hpp"
#include "storage/fund_file.hpp"
#include "util/clock.hpp"
#include "util/money.hpp"

namespace {

using namespace cfund;

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

template <typename Each>
long each_row(const std::string& path, std::size_t columns, Each each) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  std::getline(in, line);  // header
  long rows = 0;
  while (std::getline(in, line)) {
    const auto row = fields(line);
    if (row.size() != columns)
      throw std::runtime_error(path + ": a row without " + std::to_string(columns) + " fields");
    each(row);
    ++rows;
  }
  return rows;
}

util::Date date_of(const std::string& text) { return *util::parse_date(text); }
util::Fen amount_of(const std::string& text) { return *util::parse_amount(text); }

long record_donations(storage::FundFile& file, const books::Recorder& recorder, const std::string& path) {
  storage::FundFile::WriteTransaction tx(file);
  const long rows = each_row(path, 9, [&](const std::vector<std::string>& f) {
    books::DonationInput input;
    input.date = date_of(f[0]);
    input.amount = amount_of(f[1]);
    input.donor = f[2];
    input.donor_kind = f[3];
    input.anonymous = f[4] == "1";
    input.external_ref = f[5];
    input.account = f[6];
    input.designation = f[7];
    input.memo = f[8];
    books::record_donation(file, recorder, input);
  });
  tx.commit();
  return rows;
}

long append_payments(storage::FundFile& file, const books::Recorder& recorder, const std::string& path) {
  storage::FundFile::WriteTransaction tx(file);
  const long rows = each_row(path, 11, [&](const std::vector<std::string>& f) {
    const auto account = books::find_account(file, f[8]);
    const auto designation = books::find_designation(file, f[9]);
    const util::Fen amount = amount_of(f[1]);
    books::EntryDraft draft;
    draft.kind = books::entry_kind::disbursement;
    draft.date = date_of(f[0]);
    draft.memo = f[10];
    draft.approval_ref = f[6];
    draft.postings = {{books::PostingDraft::Side::designation, designation.id, amount},
                      {books::PostingDraft::Side::account, account.id, -amount}};
    draft.detail.set("category", f[3])
        .set("amount", amount)
        .set("account_id", account.id)
        .set("designation_id", designation.id)
        .set_text("payee", f[2])
        .set("purpose", f[4])
        .set("beneficiary", f[5].empty() ? storage::Value{} : storage::Value{std::stoll(f[5].substr(1))})
        .set_text("voucher", "")
        .set_text("external_ref", f[7])
        .set_text("repeat_reason", "");
    books::append_entry(file, recorder, draft);
  });
  tx.commit();
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || (argc % 2) != 0) {
    std::cerr << "usage: cfund_bench_load FUND_FILE [--donations CSV] [--payments CSV]\n";
    return 2;
  }
  try {
    auto file = storage::FundFile::open(argv[1]);
    const books::Recorder recorder{"bench", util::now()};
    for (int i = 2; i + 1 < argc; i += 2) {
      const std::string what = argv[i];
      const auto start = std::chrono::steady_clock::now();
      long rows = 0;
      if (what == "--donations") {
        rows = record_donations(file, recorder, argv[i + 1]);
      } else if (what == "--payments") {
        rows = append_payments(file, recorder, argv[i + 1]);
      } else {
        std::cerr << "cfund_bench_load: unknown option " << what << "\n";
        return 2;
      }
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "cfund_bench_load: " << rows << " rows " << what.substr(2) << " in " << seconds << " s\n";
    }
  } catch (const Error& e) {
    std::cerr << "cfund_bench_load: " << e.message().en << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cfund_bench_load: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
