#include "books/openings.hpp"

#include "books/fund.hpp"
#include "books/goods.hpp"
#include "error.hpp"
#include "storage/economy_queries.hpp"
#include "util/quantity.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

void check_opening_input(const OpeningInput& input) {
  if (input.amount <= 0) {
    throw InputError(bilingual("--amount：期初余额必须大于零", "--amount: an opening balance must be above zero"));
  }
  const bool goods = !util::trim(input.item).empty();
  if (goods && (!input.account.empty() || !input.designation.empty())) {
    throw InputError(bilingual("期初物资记入库存物资：请去掉 --account 和 --designation",
                               "opening goods go into the goods stock: drop --account and --designation"));
  }
  if (!goods && input.account.empty()) {
    throw InputError(bilingual("--account：请写期初余额所在的资金账户（如 bank）",
                               "--account: name the account that holds the opening balance (e.g. bank)"));
  }
  if (!goods && (!input.quantity.empty() || !input.unit.empty())) {
    throw InputError(bilingual("--quantity / --unit 只用于期初物资（须同时写 --item）",
                               "--quantity and --unit are for opening goods only (with --item)"));
  }
  if (goods) {
    if (auto quantity = util::parse_quantity(input.quantity); !quantity) {
      throw InputError(bilingual("--quantity：{0}", "--quantity: {1}", quantity.error().zh, quantity.error().en));
    }
  }
}

// Balances brought forward come before everything the fund records in cfund.
void require_before_other_entries(storage::FundFile& file, const util::Date& date) {
  const auto earliest = storage::earliest_entry_besides_openings(file);
  if (!earliest || date.iso() < earliest->date) return;
  throw Refused(
      bilingual("--date：期初余额须早于账上其他所有分录的日期（最早的是第 {0} 号分录，{1}，{2}）；"
                "请把期初余额的日期定在 {1} 之前",
                "--date: an opening balance must be dated before every other entry of the books (the earliest "
                "is entry {0}, {1}, {3}); date the opening balance before {1}",
                earliest->id, earliest->date, model::entry_kind_name(earliest->kind, Lang::zh),
                model::entry_kind_name(earliest->kind, Lang::en)));
}

}  // namespace

std::int64_t append_opening(storage::FundFile& file, JournalAppender& journal, const OpeningInput& input) {
  check_opening_input(input);
  require_before_other_entries(file, input.date);
  EntryDraft draft;
  draft.kind = model::entry_kind::opening;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.approval_ref = util::trim(input.approval_ref);
  std::int64_t account_id = 0;
  std::int64_t designation_id = 0;
  if (util::trim(input.item).empty()) {
    account_id = find_account(file, input.account).id;
    designation_id = find_designation(file, input.designation).id;
  } else {
    const auto goods = storage::goods_targets(file);
    account_id = goods.account_id;
    designation_id = goods.designation_id;
  }
  draft.postings = {{PostingDraft::Side::account, account_id, input.amount},
                    {PostingDraft::Side::designation, designation_id, -input.amount}};
  draft.detail.set("amount", input.amount).set("account_id", account_id).set("designation_id", designation_id);
  if (!util::trim(input.item).empty()) {
    draft.detail.set("item", util::trim(input.item))
        .set_text("unit", util::trim(input.unit))
        .set("quantity", util::format_quantity(*util::parse_quantity(input.quantity)));
  }
  return journal.append(draft);
}

std::int64_t record_opening(storage::FundFile& file, const Recorder& recorder, const OpeningInput& input) {
  check_opening_input(input);
  storage::FundFile::WriteTransaction tx(file);
  JournalAppender journal(file, recorder);
  const std::int64_t id = append_opening(file, journal, input);
  journal.finish();
  tx.commit();
  return id;
}

std::vector<model::OpeningRow> list_openings(storage::FundFile& file) { return storage::opening_rows(file); }

}  // namespace cfund::books
