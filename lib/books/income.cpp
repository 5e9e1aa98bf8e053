#include "books/income.hpp"

#include "books/fund.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "storage/economy_queries.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

void check_income_input(const IncomeInput& input) {
  if (model::find_income_kind(input.kind) == nullptr) {
    const Message choices = model::income_kind_choices();
    throw InputError(bilingual("--kind：“{0}”无效，应为 {1}", "--kind: '{0}' is not valid: expected {2}", input.kind,
                               choices.zh, choices.en));
  }
  if (input.amount <= 0) {
    throw InputError(bilingual("--amount：收入金额必须大于零", "--amount: the income must be above zero"));
  }
  if (util::trim(input.source).empty()) {
    throw InputError(bilingual("--source：请写明款项来源（如 青溪镇人民政府、青溪农商银行）",
                               "--source: say who paid it (e.g. the town government, the bank)"));
  }
  if (input.account.empty()) {
    throw InputError(
        bilingual("--account：请写收款账户（如 bank）", "--account: name the account it went into (e.g. bank)"));
  }
  const bool matching = input.kind == "matching";
  if (matching && util::trim(input.matches).empty()) {
    throw InputError(bilingual("--matches：配捐须写明所配的捐赠分录编号或活动名称（如 99公益日）",
                               "--matches: matching funds name the entry or the campaign they match (e.g. 99公益日)"));
  }
  if (!matching && !util::trim(input.matches).empty()) {
    throw InputError(bilingual("--matches：只有配捐（--kind matching）才写所配的对象",
                               "--matches: only matching funds (--kind matching) name what they match"));
  }
}

// An entry number ("12") names a donation in the books; any other text is a campaign.
std::optional<std::int64_t> matched_entry(storage::FundFile& file, const std::string& matches) {
  const std::string text = util::trim(matches);
  if (text.empty() || text.size() > 15 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const std::int64_t id = std::stoll(text);
  const auto entry = storage::entry_summary(file, id);
  if (!entry || entry->kind != model::entry_kind::donation) {
    throw InputError(bilingual("--matches：第 {0} 号分录不是捐赠（配捐所配的是捐赠）",
                               "--matches: entry {0} is not a donation (matching funds match donations)", id));
  }
  return id;
}

}  // namespace

std::int64_t append_income(storage::FundFile& file, JournalAppender& journal, const IncomeInput& input) {
  check_income_input(input);
  const model::Account into = find_account(file, input.account);
  const model::Designation to = find_designation(file, input.designation);
  require_project_accepts_money(file, to);
  const std::string ref = util::trim(input.external_ref);
  if (!ref.empty() && !input.source_line) {
    if (auto existing = storage::live_income_with_ref(file, into.id, ref)) {
      throw Refused(
          bilingual("交易流水号“{0}”已记录在第 {1} 号分录：同一笔收入不能记两次",
                    "reference '{0}' is already recorded in entry {1}: the same income cannot be recorded twice", ref,
                    *existing));
    }
  }
  const auto matched = matched_entry(file, input.matches);
  EntryDraft draft;
  draft.kind = model::entry_kind::income;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.postings = {{PostingDraft::Side::account, into.id, input.amount},
                    {PostingDraft::Side::designation, to.id, -input.amount}};
  draft.detail.set("income_kind", input.kind)
      .set("source", util::trim(input.source))
      .set("amount", input.amount)
      .set("account_id", into.id)
      .set("designation_id", to.id)
      .set_text("external_ref", ref)
      .set("matches_entry", matched ? storage::Value{*matched} : storage::Value{})
      .set_text("matches_campaign", matched ? "" : util::trim(input.matches));
  if (input.source_line) {
    draft.detail.set("source_line", std::int64_t{input.source_line->line})
        .set_text("content_key", input.source_line->content_key);
  }
  return journal.append(draft);
}

std::int64_t record_income(storage::FundFile& file, const Recorder& recorder, const IncomeInput& input) {
  check_income_input(input);
  storage::FundFile::WriteTransaction tx(file);
  JournalAppender journal(file, recorder);
  const std::int64_t id = append_income(file, journal, input);
  journal.finish();
  tx.commit();
  return id;
}

std::vector<model::IncomeRow> list_income(storage::FundFile& file, const util::Period& period) {
  return storage::income_rows(file, period.first.iso(), period.last.iso());
}

}  // namespace cfund::books
