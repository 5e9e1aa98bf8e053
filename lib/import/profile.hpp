#pragma once
// Import profiles: how to read one kind of statement export, or a register of
// beneficiaries. Built-in profiles (cfund, wechat, alipay, bank, beneficiaries) are
// TOML files embedded in cfund; a user may write
// their own and pass `--profile FILE`. docs/imports.md documents every key.

#include <cstddef>
#include <string>
#include <vector>

namespace cfund::import {

// The fields a profile can map to columns of the file (Record's members, plus credit
// and debit for banks' separate 收入金额/支出金额 columns).
// "date", "time", "amount", "credit", "debit", "direction", "counterparty", "reference",
// "note", "account", "designation", "donor_type", "anonymous", "category", "purpose",
// "beneficiary", "approval_ref", "voucher", "balance" (the account's balance after the row),
// "summary" (a bank's 摘要: what kind of transaction), and the fields of a register of
// people: "name", "id_number", "phone", "address".
const std::vector<std::string>& profile_fields();

// The text fields a [[classify]] rule may look in.
const std::vector<std::string>& classify_fields();

// One field and the header names that may stand for it in the file, in order of
// preference. Headers are compared after trimming, folding full-width forms to ASCII
// ("金额（元）" = "金额(元)") and ignoring ASCII case.
struct ColumnNames {
  std::string field;
  std::vector<std::string> headers;
};

// A row filter on one column: the row is taken only when its value is in `take`
// (when `take` is not empty) and not in `leave`. With `prefix`, a value matches when
// it starts with a listed text ("已退款" matches "已退款(￥50.00)").
struct RowFilter {
  std::vector<std::string> column;  // header names, as for ColumnNames
  std::vector<std::string> take;
  std::vector<std::string> leave;
  bool prefix = false;
  bool optional = false;  // a file without the column is read unfiltered (else the column is required)
};

enum class AmountSign {
  signed_amount,    // a minus sign means money out (cfund CSV, some banks)
  unsigned_amount,  // the amount is never negative: the direction column says which way
};

// What a file lists: money moving (a statement) or people (a register of beneficiaries).
enum class ProfileKind {
  statement,      // needs a date and an amount (or credit and debit) column
  beneficiaries,  // needs a name column; no date, no amount
};

// What a [[classify]] rule books a statement row as.
enum class BookAs {
  donation,  // money in: a donation (what every credit is without rules)
  income,    // money in: income of a registry income kind (interest, grant, ...)
  fee,       // money out: a payment of category fee (bank charges)
  transfer,  // in or out: a transfer from or to another account of the fund
  skip,      // left out, counted as filtered, with the rule's reason
};

// Which counterparty a rule needs.
enum class CounterpartyIs {
  any,
  own,           // the fund itself: its name, its organisation's, or one of its accounts' names
  own_or_empty,  // the fund itself, or none given
};

// Which way the money must go for a rule to apply.
enum class RuleDirection { both, in, out };

// One row of [[classify]]: rules are tried in order and the first that matches
// decides; a row no rule matches is a donation (money in) or a payment (money out).
// A rule matches when one of its fields contains one of its words (any row when it
// lists no words), its counterparty condition holds and the money goes its way.
struct ClassifyRule {
  std::vector<std::string> fields;  // classify_fields() names; default summary and note
  std::vector<std::string> words;
  CounterpartyIs counterparty = CounterpartyIs::any;
  RuleDirection direction = RuleDirection::both;
  BookAs as = BookAs::donation;
  std::string income_kind;  // as income: a registry income kind
  std::string account;      // as transfer: the other account (code or name); "" = the one the counterparty names
  std::string source;       // as income: who paid, when the row names nobody else ("" = the account's name)
  std::string reason;       // as skip: why, for the report
};

struct Profile {
  ProfileKind kind = ProfileKind::statement;
  std::string name;         // "cfund", "wechat", "alipay", "bank", or the profile file's path
  std::string description;  // one line, Chinese
  std::string account;      // default account (code or name) for rows that name none; "" = the command must say
  std::string designation;  // default designation; "" = the general fund

  // Finding the table. Lines before skip_lines + 1 are never looked at; the header is
  // the first row whose first field starts with one of header_starts (any row when that
  // list is empty) and that has every required column. After the header, a row whose
  // first field starts with one of footer_starts ends the table.
  int skip_lines = 0;
  std::vector<std::string> header_starts;
  std::vector<std::string> footer_starts;

  // Columns, and which fields must have one ("date" and "amount" or "credit"+"debit").
  std::vector<ColumnNames> columns;
  std::vector<std::string> required;

  // Amounts and direction.
  AmountSign amount_sign = AmountSign::signed_amount;
  bool positive_is_in = false;            // without a direction column: a positive amount is money in
  std::vector<std::string> direction_in;  // values of the direction column
  std::vector<std::string> direction_out;
  std::vector<std::string> direction_leave;  // neutral rows ("/", 不计收支): filtered out
  bool direction_other_is_bad = true;        // any other value: a bad row (else filtered out)

  std::vector<RowFilter> filters;

  // Values of the date cell that mark the closing-balance line (cfund CSV).
  std::vector<std::string> closing_labels;

  // Counterparty names that name nobody (匿名, 爱心人士, 匿名用户): such a row is an
  // anonymous gift with no donor name. Compared like headers (padding, case, width).
  std::vector<std::string> anonymous_counterparties;
  // Words that make a counterparty an organisation (公司, 委员会, 学校 …) when the file
  // has no donor-type column.
  std::vector<std::string> organisation_words;

  // How statement rows are booked ([[classify]]); empty: credits are donations and
  // debits payments.
  std::vector<ClassifyRule> classify;

  // How many bytes the reader takes from the file at a time. Not a TOML key: tests
  // set it tiny to prove that chunk boundaries split nothing.
  std::size_t read_chunk_bytes = 64 * 1024;

  // The header names of a field ({} when the profile maps no column to it).
  const std::vector<std::string>* headers_of(const std::string& field) const;
};

}  // namespace cfund::import

namespace cfund::config {

// The built-in profile of that name, or (when the name contains a '/' or ends in
// ".toml") the profile file at that path. Throws InputError naming the file, line
// and key for a bad profile file, and listing the built-in names for an unknown one.
import::Profile load_import_profile(const std::string& name_or_path);

// "cfund", "wechat", "alipay", "bank", "beneficiaries".
std::vector<std::string> builtin_import_profiles();

}  // namespace cfund::config
