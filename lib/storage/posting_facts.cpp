// posting_facts_in_one_pass (audit_queries.hpp): the entries, the postings and the
// detail tables that state amounts, each read once in key order and side by side, for
// the trial balance, the check of postings against details, the balances by day and the
// yearly ratios' flows.
// posting_facts_by_queries (audit_queries.cpp) reads the same facts one query each.

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/categories.hpp"
#include "storage/audit_queries.hpp"
#include "storage/columns.hpp"
#include "storage/fund_file.hpp"
#include "storage/stated_amounts.hpp"
#include "util/date.hpp"

namespace cfund::storage {

namespace {

using util::Fen;

bool add(Fen& sum, Fen amount) { return !__builtin_add_overflow(sum, amount, &sum); }
bool negate(Fen& value) { return !__builtin_sub_overflow(Fen{0}, value, &value); }

struct Posting {
  std::optional<std::int64_t> account;
  std::optional<std::int64_t> designation;
  Fen amount = 0;
};

// One side's postings summed by target and day, as PostingDays lists them.
class DaySums {
 public:
  bool add_posting(std::int64_t target, const std::string& date, Fen amount, std::int64_t entry) {
    Target& t = targets_[target];
    if (!t.last || (*t.last)->first != date) t.last = t.days.try_emplace(date).first;
    Day& day = (*t.last)->second;
    if (amount < 0) day.outflows.push_back(entry);
    return add(day.total, amount);
  }
  std::vector<PostingDay> flatten() {
    std::vector<PostingDay> out;
    for (auto& [target, t] : targets_) {
      for (auto& [date, day] : t.days) out.push_back({target, date, day.total, std::move(day.outflows)});
    }
    return out;
  }

 private:
  struct Day {
    Fen total = 0;
    std::vector<std::int64_t> outflows;
  };
  struct Target {
    std::map<std::string, Day> days;
    std::optional<std::map<std::string, Day>::iterator> last;  // the day added to last
  };
  std::map<std::int64_t, Target> targets_;
};

// A value that is an integer or NULL, as cfund writes targets; false for any other.
bool optional_integer(const SQLite::Column& column, std::optional<std::int64_t>& value) {
  if (column.isNull()) {
    value.reset();
    return true;
  }
  if (!column.isInteger()) return false;
  value = column.getInt64();
  return true;
}

// The year whose range [YYYY-01-01, YYYY-12-31] holds the date as text compares (as
// flows_between's BETWEEN does): only a date that starts with "YYYY-" can be in one.
// The last year's bounds are kept: dates come mostly in order.
class YearOf {
 public:
  std::optional<int> operator()(const std::string& date) {
    if (date.size() < 5 || date[4] != '-') return std::nullopt;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      if (date[i] < '0' || date[i] > '9') return std::nullopt;
      year = year * 10 + (date[i] - '0');
    }
    if (year != year_) {
      year_ = year;
      first_ = util::first_day_of_year(year);
      last_ = util::last_day_of_year(year);
    }
    if (date < first_ || date > last_) return std::nullopt;
    return year;
  }

 private:
  int year_ = -1;
  std::string first_, last_;
};

// One detail table read in entry order (entry_id is its key), with the columns its
// stated amounts read.
class DetailCursor {
 public:
  DetailCursor(FundFile& file, const StatedAmount& first) : table_(first.table) {
    std::string columns = "entry_id";
    for (const StatedAmount& stated : kStatedAmounts) {
      if (std::string(stated.table) != table_) continue;
      if (columns.find(std::string(", ") + stated.amount) == std::string::npos)
        columns += std::string(", ") + stated.amount;
      targets_ = targets_ || !stated.goods;
      form_ = form_ || stated.rows != StatedRows::all;
    }
    if (targets_) columns += ", account_id, designation_id";
    if (form_) columns += ", form";
    query_ =
        std::make_unique<SQLite::Statement>(file.db(), "SELECT " + columns + " FROM " + table_ + " ORDER BY entry_id");
    for (int i = 0; i < query_->getColumnCount(); ++i) names_.emplace_back(query_->getColumnName(i));
    more_ = query_->executeStep();
  }
  const std::string& table() const { return table_; }
  // Whether the table has a row of entry `id`, passing over the rows before it (their
  // entries do not exist). Called with rising ids.
  bool at(std::int64_t id) {
    while (more_ && query_->getColumn(0).getInt64() < id) more_ = query_->executeStep();
    return more_ && query_->getColumn(0).getInt64() == id;
  }
  SQLite::Column column(const char* name) const {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == name) return query_->getColumn(static_cast<int>(i));
    }
    return query_->getColumn(column_at(*query_, name));  // throws: a column this cursor does not read
  }

 private:
  std::string table_;
  std::vector<std::string> names_;  // the select's columns, by position
  bool targets_ = false;
  bool form_ = false;
  std::unique_ptr<SQLite::Statement> query_;
  bool more_ = false;
};

std::optional<std::int64_t> first_goods(FundFile& file, const char* table) {
  SQLite::Statement q(file.db(), std::string("SELECT id FROM ") + table + " WHERE kind = 'goods' ORDER BY id LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn("id").getInt64();
}

// The year, kind and sort that class a flow.
using FlowGroup = std::tuple<int, std::string, std::string>;

class OnePass {
 public:
  explicit OnePass(FundFile& file)
      : entries_(file.db(), "SELECT id, date, kind, voids_entry FROM entries ORDER BY id"),
        postings_(file.db(),
                  "SELECT entry_id, account_id, designation_id, amount FROM postings ORDER BY entry_id, seq"),
        classes_(file.db(), std::string("SELECT o.kind AS kind, ") + kSortOfOriginal + " AS sort FROM entries o " +
                                kJoinsOfOriginal + " WHERE o.id = ?1"),
        goods_account_(first_goods(file, "accounts")),
        goods_designation_(first_goods(file, "designations")) {
    for (const auto& kind : model::kinds_classed_beyond_kind()) classed_.insert(kind);
    for (const StatedAmount& stated : kStatedAmounts) {
      if (cursor_of(stated.table) == nullptr) cursors_.push_back(std::make_unique<DetailCursor>(file, stated));
      cursor_of_stated_.push_back(cursor_of(stated.table));
    }
  }
  std::optional<PostingFacts> run();

 private:
  bool next_entry();
  bool take_posting();
  bool finish_entry();
  bool judge(const StatedAmount& stated, DetailCursor& row);
  bool add_flows();
  void class_by(std::int64_t entry, FlowGroup& group);
  bool posted(std::optional<std::int64_t> Posting::*side, std::optional<std::int64_t> target, Fen& sum) const;
  DetailCursor* cursor_of(const char* table);

  SQLite::Statement entries_;
  SQLite::Statement postings_;
  SQLite::Statement classes_;  // the kind and sort an entry's id gives (a void's original's)
  std::optional<std::int64_t> goods_account_, goods_designation_;
  std::set<std::string> classed_;  // the kinds classed by the entry they name (flows_between)
  std::vector<std::unique_ptr<DetailCursor>> cursors_;
  std::vector<DetailCursor*> cursor_of_stated_;  // by position in kStatedAmounts
  bool has_entry_ = false;
  std::int64_t id_ = 0;
  std::string date_;
  std::string kind_;
  std::optional<std::int64_t> voids_;
  std::vector<Posting> of_entry_;
  DaySums accounts_, designations_;
  YearOf year_of_;
  // The flows' sums by year, kind and sort, then by designation; the group added to last.
  std::map<FlowGroup, std::map<std::int64_t, Fen>> flow_sums_;
  std::pair<const FlowGroup, std::map<std::int64_t, Fen>>* last_group_ = nullptr;
  PostingFacts facts_;
};

DetailCursor* OnePass::cursor_of(const char* table) {
  for (auto& cursor : cursors_) {
    if (cursor->table() == table) return cursor.get();
  }
  return nullptr;
}

std::optional<PostingFacts> OnePass::run() {
  if (!next_entry()) return std::nullopt;
  while (postings_.executeStep()) {
    if (!take_posting()) return std::nullopt;
  }
  while (has_entry_) {
    if (!finish_entry() || !next_entry()) return std::nullopt;
  }
  facts_.days = {accounts_.flatten(), designations_.flatten()};
  facts_.flows_by_year.emplace();
  std::map<int, std::map<FlowKey, Fen>> by_year;
  for (const auto& [group, sums] : flow_sums_) {
    const auto& [year, kind, sort] = group;
    for (const auto& [designation, sum] : sums) by_year[year][FlowKey{kind, sort, std::nullopt, designation}] = sum;
  }
  for (const auto& [year, sums] : by_year) (*facts_.flows_by_year)[year] = flows_of(sums);
  return std::move(facts_);
}

// Steps to the next entry; false when its date or kind is not text, its date is of a
// year before 0, or what it voids is not an id.
bool OnePass::next_entry() {
  of_entry_.clear();
  has_entry_ = entries_.executeStep();
  if (!has_entry_) return true;
  id_ = entries_.getColumn(0).getInt64();
  const SQLite::Column date = entries_.getColumn(1);
  const SQLite::Column kind = entries_.getColumn(2);
  if (!date.isText() || !kind.isText() || !optional_integer(entries_.getColumn(3), voids_)) return false;
  date_.assign(date.getText(), static_cast<std::size_t>(date.getBytes()));
  kind_.assign(kind.getText(), static_cast<std::size_t>(kind.getBytes()));
  // A date of a year before 0 ("-001-…") is in a year the ratios ask for (entry_years)
  // that YearOf does not read: the queries decide.
  return date_.empty() || date_[0] != '-';
}

// The posting row read: counted in the totals, then kept with its entry, finishing
// the entries before it, or counted as belonging to none.
bool OnePass::take_posting() {
  Posting p;
  const SQLite::Column amount = postings_.getColumn(3);
  if (!amount.isInteger() || !optional_integer(postings_.getColumn(1), p.account) ||
      !optional_integer(postings_.getColumn(2), p.designation)) {
    return false;
  }
  p.amount = amount.getInt64();
  PostingTotals& totals = facts_.totals;
  if (p.account && !add(totals.accounts, p.amount)) return false;
  Fen credit = p.amount;
  if (p.designation && (!negate(credit) || !add(totals.designations, credit))) return false;
  const SQLite::Column entry = postings_.getColumn(0);
  if (entry.isInteger()) {
    const std::int64_t id = entry.getInt64();
    while (has_entry_ && id_ < id) {
      if (!finish_entry() || !next_entry()) return false;
    }
    if (has_entry_ && id_ == id) {
      of_entry_.push_back(p);
      return true;
    }
  }
  ++totals.orphaned_rows;  // a key that is no entry's: an id of none, or not an integer
  return add(totals.orphaned, p.amount);
}

// The current entry's balance, its days, its flows, and the amounts its detail rows state.
bool OnePass::finish_entry() {
  Fen sum = 0;
  for (const Posting& p : of_entry_) {
    if (!add(sum, p.amount)) return false;
    if (p.account && !accounts_.add_posting(*p.account, date_, p.amount, id_)) return false;
    Fen credit = p.amount;
    if (p.designation && (!negate(credit) || !designations_.add_posting(*p.designation, date_, credit, id_))) {
      return false;
    }
  }
  if (!of_entry_.empty() && sum != 0) facts_.unbalanced.push_back({id_, date_, sum});
  if (!add_flows()) return false;
  for (std::size_t i = 0; i < std::size(kStatedAmounts); ++i) {
    DetailCursor& row = *cursor_of_stated_[i];
    if (row.at(id_) && !judge(kStatedAmounts[i], row)) return false;
  }
  return true;
}

// The entry's postings on designations added to its year's flows, classed as
// flows_between classes them.
bool OnePass::add_flows() {
  const auto on_designation = [](const Posting& p) { return p.designation.has_value(); };
  if (std::none_of(of_entry_.begin(), of_entry_.end(), on_designation)) return true;
  const auto year = year_of_(date_);
  if (!year) return true;
  FlowGroup group{*year, kind_, ""};
  if (classed_.count(kind_) > 0) class_by(voids_.value_or(id_), group);
  if (last_group_ == nullptr || last_group_->first != group) last_group_ = &*flow_sums_.try_emplace(group).first;
  for (const Posting& p : of_entry_) {
    if (p.designation && !add(last_group_->second[*p.designation], p.amount)) return false;
  }
  return true;
}

// The kind and sort of the entry `entry` (an entry's own, or a void's original's); the
// group's own kind and no sort when there is no such entry.
void OnePass::class_by(std::int64_t entry, FlowGroup& group) {
  classes_.reset();
  classes_.bind(1, entry);
  if (!classes_.executeStep()) return;
  if (!classes_.getColumn(0).isNull()) std::get<1>(group) = classes_.getColumn(0).getString();
  std::get<2>(group) = text_or_empty(classes_.getColumn(1));
}

// The sum of the entry's postings to `target` on one side (none when there is no target).
bool OnePass::posted(std::optional<std::int64_t> Posting::*side, std::optional<std::int64_t> target, Fen& sum) const {
  sum = 0;
  if (!target) return true;
  for (const Posting& p : of_entry_) {
    if (p.*side == target && !add(sum, p.amount)) return false;
  }
  return true;
}

// A mismatch when the row states an amount its entry did not post to its account and
// designation in their own signs.
bool OnePass::judge(const StatedAmount& stated, DetailCursor& row) {
  if (stated.rows != StatedRows::all) {
    const SQLite::Column form = row.column("form");
    if (!form.isText()) return false;
    const bool money = stated.rows == StatedRows::money_form;
    if (form.getString() != (money ? "money" : "goods") || (!money && of_entry_.empty())) return true;
  }
  const SQLite::Column amount = row.column(stated.amount);
  if (!amount.isInteger()) return false;
  std::optional<std::int64_t> account = goods_account_;
  std::optional<std::int64_t> designation = goods_designation_;
  if (!stated.goods && (!optional_integer(row.column("account_id"), account) ||
                        !optional_integer(row.column("designation_id"), designation))) {
    return false;
  }
  Fen on_account = 0;
  Fen on_designation = 0;
  if (!posted(&Posting::account, account, on_account) || !posted(&Posting::designation, designation, on_designation) ||
      !negate(stated.in ? on_designation : on_account)) {
    return false;
  }
  const Fen stated_amount = amount.getInt64();
  if (on_account != stated_amount || on_designation != stated_amount) {
    facts_.mismatches.push_back({id_, date_, stated.kind, stated_amount, on_account, on_designation});
  }
  return true;
}

}  // namespace

std::optional<PostingFacts> posting_facts_in_one_pass(FundFile& file) { return OnePass(file).run(); }

}  // namespace cfund::storage
