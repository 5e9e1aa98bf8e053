#pragma once
// The fund as a whole: creating it, its settings, finding accounts and designations
// by what a person types, and where the money stands.

#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "util/clock.hpp"

namespace cfund::books {

// Checks the definition and creates a new fund file from it, in one transaction,
// with its opening balances (recorded by `recorder`). On any failure no file is left
// behind.
storage::FundFile create_fund(const std::string& path, const model::FundDefinition& definition,
                              const Recorder& recorder = Recorder{"cfund", util::now()});

// Refuses a code an account, a special fund or a project cannot have: a code is what
// people type on the command line and what notices show. `what` names the thing.
void check_code(const std::string& code, const Message& what);

// Refuses a definition a fund cannot be run with (names the field).
void validate_definition(const model::FundDefinition& definition);

model::FundSettings load_settings(storage::FundFile& file);

// Finds a money account by its code or its name; the error lists the ones there
// are. The goods stock is no money account: naming it is an error.
model::Account find_account(storage::FundFile& file, const std::string& code_or_name);
// Finds a designation of money by code or name; empty text means the general fund.
// The goods designation is refused like the goods account.
model::Designation find_designation(storage::FundFile& file, const std::string& code_or_name);

// The codes a person types for accounts, for designations (projects included) or
// for projects alone, in the books' order: what shell completion offers.
enum class CodeKind { accounts, designations, projects };
std::vector<std::string> codes(storage::FundFile& file, CodeKind kind);

struct BalanceLine {
  std::string code;
  std::string name;
  std::string kind;
  bool restricted = false;
  Fen balance = 0;
  std::string closed_on;  // closed (cfund account close / special-fund close) on this day
};

struct FundOverview {
  model::FundSettings settings;
  std::vector<BalanceLine> accounts;
  std::vector<BalanceLine> designations;
  Fen total = 0;                        // money: sum of accounts == sum of designations
  Fen restricted_total = 0;             // money held for special funds and projects
  std::vector<model::StockLine> goods;  // goods in stock, by item
  Fen goods_value = 0;                  // their estimated value
  ChainHead chain;
};

FundOverview overview(storage::FundFile& file);

}  // namespace cfund::books
