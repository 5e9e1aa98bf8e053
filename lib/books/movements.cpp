#include "books/movements.hpp"

#include <algorithm>

#include "books/fund.hpp"
#include "books/goods.hpp"
#include "books/projects.hpp"
#include "books/rules.hpp"
#include "error.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

void require_positive(Fen amount) {
  if (amount <= 0) throw InputError(bilingual("--amount：金额必须大于零", "--amount: the amount must be above zero"));
}

}  // namespace

std::int64_t append_transfer(storage::FundFile& file, JournalAppender& journal, const TransferInput& input) {
  require_positive(input.amount);
  const model::Account from = find_account(file, input.from_account);
  const model::Account to = find_account(file, input.to_account);
  if (from.id == to.id) {
    throw InputError(
        bilingual("--from 与 --to 是同一个账户“{0}”", "--from and --to are the same account '{0}'", from.code));
  }
  std::optional<std::int64_t> statement_account;
  if (!input.statement_account.empty()) statement_account = find_account(file, input.statement_account).id;
  EntryDraft draft;
  draft.kind = model::entry_kind::transfer;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.postings = {{PostingDraft::Side::account, to.id, input.amount},
                    {PostingDraft::Side::account, from.id, -input.amount}};
  draft.detail.set("amount", input.amount)
      .set("from_account_id", from.id)
      .set("to_account_id", to.id)
      .set("statement_account_id", statement_account ? storage::Value{*statement_account} : storage::Value{})
      .set_text("external_ref", util::trim(input.external_ref))
      .set("source_line", input.source ? storage::Value{std::int64_t{input.source->line}} : storage::Value{})
      .set_text("content_key", input.source ? input.source->content_key : "");
  // Against the balances the journal keeps: the books plus what it appended so far.
  require_no_overdraft(file, journal, draft);
  return journal.append(draft);
}

std::int64_t record_transfer(storage::FundFile& file, const Recorder& recorder, const TransferInput& input) {
  storage::FundFile::WriteTransaction tx(file);
  JournalAppender journal(file, recorder);
  const std::int64_t id = append_transfer(file, journal, input);
  journal.finish();
  tx.commit();
  return id;
}

std::int64_t record_reallocation(storage::FundFile& file, const Recorder& recorder, const ReallocationInput& input) {
  require_positive(input.amount);
  if (util::trim(input.reason).empty()) {
    throw InputError(bilingual("--reason：调整资金用途须写明理由（如捐赠人同意改用）",
                               "--reason: a reallocation needs a reason (e.g. the donor agreed)"));
  }
  if (util::trim(input.approval_ref).empty()) {
    throw InputError(bilingual("--approval：调整资金用途须写明议事会决议编号",
                               "--approval: a reallocation needs the council decision number"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const model::Designation from = find_designation(file, input.from_designation);
  const model::Designation to = find_designation(file, input.to_designation);
  require_project_accepts_money(file, to);
  if (from.id == to.id) {
    throw InputError(
        bilingual("--from 与 --to 是同一个资金用途“{0}”", "--from and --to are the same designation '{0}'", from.code));
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::reallocation;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.reason = util::trim(input.reason);
  draft.approval_ref = util::trim(input.approval_ref);
  draft.postings = {{PostingDraft::Side::designation, from.id, input.amount},
                    {PostingDraft::Side::designation, to.id, -input.amount}};
  require_no_overdraft(file, draft);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::int64_t void_entry(storage::FundFile& file, const Recorder& recorder, std::int64_t entry_id,
                        const std::vector<std::string>& expected_kinds, const std::string& reason,
                        const util::Date& date) {
  if (util::trim(reason).empty()) {
    throw InputError(bilingual("--reason：红冲须写明理由", "--reason: a void needs a reason"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const auto original = storage::entry_summary(file, entry_id);
  const bool expected =
      original && std::find(expected_kinds.begin(), expected_kinds.end(), original->kind) != expected_kinds.end();
  if (!original || (!expected && original->kind != model::entry_kind::void_entry)) {
    Message what;
    for (const auto& kind : expected_kinds) {
      what.zh += (what.zh.empty() ? "" : "或") + model::entry_kind_name(kind, Lang::zh);
      what.en += (what.en.empty() ? "" : " or ") + model::entry_kind_name(kind, Lang::en);
    }
    throw InputError(
        bilingual("没有编号为 {0} 的{1}", "there is no {2} with entry number {0}", entry_id, what.zh, what.en));
  }
  if (const auto* kind = model::find_entry_kind(original->kind);
      kind != nullptr && !kind->voidable && original->kind != model::entry_kind::void_entry) {
    throw Refused(bilingual("第 {0} 号分录（{1}）不能红冲", "entry {0} ({2}) cannot be voided", entry_id, kind->name.zh,
                            kind->name.en));
  }
  if (original->kind == model::entry_kind::void_entry) {
    throw Refused(bilingual("第 {0} 号分录本身是红冲分录，不能再红冲",
                            "entry {0} is itself a void and cannot be voided", entry_id));
  }
  if (original->voided_by) {
    throw Refused(bilingual("第 {0} 号分录已于第 {1} 号分录红冲，不能重复红冲",
                            "entry {0} was already voided by entry {1} and cannot be voided twice", entry_id,
                            *original->voided_by));
  }
  const util::Date original_date = *util::parse_date(original->date);
  if (date < original_date) {
    throw InputError(bilingual("--date：红冲日期 {0} 早于原分录日期 {1}",
                               "--date: the void's date {0} is before the original's date {1}", date.iso(),
                               original_date.iso()));
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::void_entry;
  draft.date = date;
  draft.reason = util::trim(reason);
  draft.voids_entry = entry_id;
  for (const auto& posting : storage::postings_of(file, entry_id)) {
    draft.postings.push_back(
        {posting.side == storage::Side::account ? PostingDraft::Side::account : PostingDraft::Side::designation,
         posting.target_id, -posting.amount});
  }
  // Goods that came in cannot be taken back once given out; goods given out return.
  if (const auto reversal = stock_reversal(file, entry_id)) require_stock(file, *reversal, date);
  require_no_overdraft(file, draft);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

}  // namespace cfund::books
