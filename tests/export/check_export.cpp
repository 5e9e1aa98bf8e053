// check_export: proves that cfund export gives files the accounting tools accept and
// whose every account total equals cfund's own figure.
//
//   check_export CFUND_BINARY FUND_FILE WORK_DIR [PERIOD ...]
//
// For the whole journal and for each PERIOD: exports ledger, beancount and JSON with
// the cfund binary; runs `ledger balance` and `bean-check` (which also checks the
// closing balance assertions) and `bean-query`; sums the JSON's postings; and compares
// each account's and each designation's total with the books, read here with plain
// SQL (postings dated up to the end of the export). Also checks that no beneficiary's
// name, ID number or phone, and no anonymous donor's name, appears in any file.
// Prints one line per check; exits 1 on the first difference found in a check.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "util/date.hpp"
#include "util/money.hpp"

namespace {

using Fen = std::int64_t;
using Totals = std::map<std::string, Fen>;  // account path → total as a ledger shows it (debit positive)

int failures = 0;

std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs a shell command; returns its stdout, and its exit status in `status`.
std::string run(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return output;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int raw = ::pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return output;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "1,234.56 CNY", "-12.5", "0" → fen, exactly.
bool parse_fen(std::string text, Fen& fen) {
  std::string digits;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || c == '.' || c == '-') digits += c;
  }
  if (digits.empty()) return false;
  const bool negative = digits.front() == '-';
  if (negative) digits.erase(0, 1);
  const auto dot = digits.find('.');
  std::string whole = dot == std::string::npos ? digits : digits.substr(0, dot);
  std::string cents = dot == std::string::npos ? "" : digits.substr(dot + 1);
  while (cents.size() > 2 && cents.back() == '0') cents.pop_back();
  if (cents.size() > 2) return false;
  cents.resize(2, '0');
  fen = std::stoll(whole.empty() ? "0" : whole) * 100 + std::stoll(cents);
  if (negative) fen = -fen;
  return true;
}

// How the export names income and expense accounts (docs/export.md): Income:<Kind>,
// Expenses:<Category>. Written out here, not taken from cfund, so that the check is
// the documented naming against the books.
const std::map<std::string, std::string> kIncomeComponents = {{"grant", "Grant"},       {"matching", "Matching"},
                                                              {"interest", "Interest"}, {"service", "Service"},
                                                              {"sales", "Sales"},       {"other", "Other"}};
const std::map<std::string, std::string> kCategoryComponents = {{"relief", "Relief"},
                                                                {"project", "Project"},
                                                                {"management", "Management"},
                                                                {"fundraising", "Fundraising"},
                                                                {"fee", "Fee"}};

// What the export's accounts say they are (from its JSON header).
struct Declared {
  std::map<std::string, std::string> assets;        // path -> account code, or "item/unit" for goods
  std::map<std::string, bool> goods;                // path -> is a goods item
  std::map<std::string, std::string> designations;  // suffix -> designation code
};

Declared declared_accounts(const nlohmann::json& json) {
  Declared declared;
  for (const auto& account : json.at("accounts")) {
    if (account.at("type") == "designation") {
      declared.designations[account.at("suffix")] = account.at("code");
    } else {
      declared.assets[account.at("path")] = account.at("code");
      declared.goods[account.at("path")] = account.at("kind") == "goods";
    }
  }
  return declared;
}

Fen one_number(SQLite::Database& db, const std::string& sql, const std::vector<std::string>& binds) {
  SQLite::Statement q(db, sql);
  for (std::size_t i = 0; i < binds.size(); ++i) q.bind(static_cast<int>(i + 1), binds[i]);
  q.executeStep();
  return q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64();
}

// The flows of one detail table's amount column dated within [first, last] as a
// ledger shows them (`sign` for the originals), less the voids dated within it.
Fen flows(SQLite::Database& db, const std::string& table, const std::string& column, const std::string& where,
          const std::string& first, const std::string& last, int sign) {
  const std::string originals = "SELECT COALESCE(SUM(x." + column + "), 0) FROM " + table +
                                " x JOIN entries e ON e.id = x.entry_id WHERE e.date BETWEEN ? AND ?" + where;
  const std::string voids = "SELECT COALESCE(SUM(x." + column + "), 0) FROM " + table +
                            " x JOIN entries v ON v.voids_entry = x.entry_id WHERE v.date BETWEEN ? AND ?" + where;
  return sign * (one_number(db, originals, {first, last}) - one_number(db, voids, {first, last}));
}

// The books' own figures, read with plain SQL: each asset account's balance at the end
// of the export (goods items from the goods tables), each designation's, and the
// export's income and expenses by kind and category.
Totals books_totals(const std::string& fund, const std::string& first, const std::string& last,
                    const Declared& declared) {
  SQLite::Database db(fund, SQLite::OPEN_READONLY);
  Totals totals;
  const std::string goods_in = " AND EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = x.entry_id)";
  for (const auto& [path, code] : declared.assets) {
    if (!declared.goods.at(path)) {
      totals[path] = one_number(db,
                                "SELECT SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id "
                                "JOIN accounts a ON a.id = p.account_id WHERE a.code = ? AND e.date <= ?",
                                {code, last});
      continue;
    }
    const auto slash = code.find('/');
    const std::string item = code.substr(0, slash);
    const std::string unit = slash == std::string::npos ? "" : code.substr(slash + 1);
    const std::string where = " AND x.item = '" + item + "' AND COALESCE(x.unit, '') = '" + unit + "'";
    totals[path] = flows(db, "donations", "amount", where + " AND x.form = 'goods'" + goods_in, "0000", last, 1) +
                   flows(db, "openings", "amount", where, "0000", last, 1) -
                   flows(db, "goods_given", "value", where, "0000", last, 1) -
                   flows(db, "goods_sales", "value", where, "0000", last, 1);
  }
  for (const auto& [suffix, code] : declared.designations) {
    totals["*:" + suffix] =
        one_number(db,
                   "SELECT SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id "
                   "JOIN designations d ON d.id = p.designation_id WHERE d.code = ? AND e.date <= ?",
                   {code, last});
  }
  totals["Income:Donation"] = flows(db, "donations", "amount", " AND x.form = 'money'", first, last, -1) +
                              flows(db, "donations", "amount", " AND x.form = 'goods'" + goods_in, first, last, -1);
  for (const auto& [kind, component] : kIncomeComponents) {
    totals["Income:" + component] =
        flows(db, "incomes", "amount", " AND x.income_kind = '" + kind + "'", first, last, -1);
  }
  totals["Income:Sales"] += flows(db, "goods_sales", "amount", "", first, last, -1);
  for (const auto& [category, component] : kCategoryComponents) {
    totals["Expenses:" + component] =
        flows(db, "disbursements", "amount", " AND x.category = '" + category + "'", first, last, 1);
  }
  totals["Expenses:GoodsGiven"] = flows(db, "goods_given", "value", "", first, last, 1);
  totals["Expenses:GoodsSold"] = flows(db, "goods_sales", "value", "", first, last, 1);
  return totals;
}

// A tool's totals by account, summed the way the books count: asset accounts as they
// are, a designation over every account ending in its suffix, Income and Expenses by
// their first two components.
Totals as_books_count(const Totals& by_path, const Declared& declared) {
  Totals totals;
  for (const auto& [path, fen] : by_path) {
    if (declared.assets.count(path) > 0) {
      totals[path] += fen;
    } else if (path.rfind("Income:", 0) == 0 || path.rfind("Expenses:", 0) == 0) {
      const auto second = path.find(':', path.find(':') + 1);
      totals[path.substr(0, second)] += fen;
    } else if (path.rfind("Assets:", 0) == 0) {
      totals[path] += fen;  // not declared: compare() reports it
    }
    for (const auto& [suffix, code] : declared.designations) {
      if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), std::string::npos, suffix) == 0 &&
          path[path.size() - suffix.size() - 1] == ':') {
        totals["*:" + suffix] += fen;
      }
    }
    if (path.rfind("Funds:", 0) != 0 && path.rfind("Income:", 0) != 0 && path.rfind("Expenses:", 0) != 0 &&
        path.rfind("Assets:", 0) != 0) {
      totals[path] += fen;  // an account outside the export's roots: compare() reports it
    }
  }
  return totals;
}

bool compare(const std::string& what, const Totals& expected, const Totals& actual) {
  bool same = true;
  for (const auto& [path, fen] : expected) {
    auto found = actual.find(path);
    const Fen got = found == actual.end() ? 0 : found->second;
    if (got != fen) {
      std::cout << "  MISMATCH " << what << " " << path << ": cfund " << cfund::util::format_plain(fen) << ", tool "
                << cfund::util::format_plain(got) << "\n";
      same = false;
    }
  }
  for (const auto& [path, fen] : actual) {
    if (expected.count(path) == 0 && fen != 0) {
      std::cout << "  MISMATCH " << what << " " << path << " is not an account of the fund\n";
      same = false;
    }
  }
  std::cout << (same ? "ok   " : "FAIL ") << what << ": " << expected.size()
            << " accounts, designations, income kinds and payment categories\n";
  if (!same) ++failures;
  return same;
}

void check(const std::string& what, bool ok, const std::string& detail = "") {
  std::cout << (ok ? "ok   " : "FAIL ") << what << (detail.empty() ? "" : ": " + detail) << "\n";
  if (!ok) ++failures;
}

void check_scope(const std::string& cfund, const std::string& fund, const std::string& work,
                 const std::string& period) {
  const std::string label = period.empty() ? "whole" : period;
  const std::string stem = work + "/export-" + label;
  int status = 0;
  for (const char* format : {"ledger", "beancount", "json"}) {
    run(quote(cfund) + " -f " + quote(fund) + " export --format " + format +
            (period.empty() ? "" : " --period " + quote(period)) + " --out " + quote(stem + "." + format) +
            " >/dev/null",
        status);
    check(label + ": cfund export --format " + format, status == 0);
  }

  const auto json = nlohmann::json::parse(read_file(stem + ".json"));
  const Declared declared = declared_accounts(json);
  const std::string first = json.at("first_date").get<std::string>();
  const std::string last = json.at("last_date").get<std::string>();
  const Totals expected = books_totals(fund, first.empty() ? "0000" : first, last.empty() ? "9999" : last, declared);

  // JSON: the opening entry and every entry's postings, summed; and the closing figures it states.
  Totals by_path;
  auto add_postings = [&by_path](const nlohmann::json& entry) {
    for (const auto& posting : entry.at("postings")) by_path[posting.at("account")] += posting.at("amount").get<Fen>();
  };
  if (!json.at("opening").is_null()) add_postings(json.at("opening"));
  for (const auto& entry : json.at("entries")) add_postings(entry);
  const Totals from_json = as_books_count(by_path, declared);
  Totals stated;
  for (const auto& account : json.at("accounts")) {
    const Fen closing = account.at("closing").get<Fen>();
    const bool designation = account.at("type") == "designation";
    stated[designation ? "*:" + account.at("suffix").get<std::string>() : account.at("path").get<std::string>()] =
        designation ? -closing : closing;
  }
  Totals expected_balances;
  for (const auto& [key, fen] : expected) {
    if (stated.count(key) > 0) expected_balances[key] = fen;
  }
  compare(label + ": JSON postings summed", expected, from_json);
  compare(label + ": JSON closing balances", expected_balances, stated);

  // ledger-cli.
  const std::string ledger_out =
      run("ledger -f " + quote(stem + ".ledger") +
              " balance --flat --no-total -E --balance-format '%(account)\\t%(display_total)\\n' 2>&1",
          status);
  check(label + ": ledger balance reads the file", status == 0 && ledger_out.find("Error") == std::string::npos,
        status == 0 ? "" : ledger_out);
  Totals ledger_paths;
  std::istringstream lines(ledger_out);
  for (std::string line; std::getline(lines, line);) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Fen fen = 0;
    if (parse_fen(line.substr(tab + 1), fen)) ledger_paths[line.substr(0, tab)] = fen;
  }
  compare(label + ": ledger balance", expected, as_books_count(ledger_paths, declared));

  // beancount: bean-check (syntax, balancing, and the closing balance assertions), then bean-query.
  const std::string bean_check = run("bean-check " + quote(stem + ".beancount") + " 2>&1", status);
  check(label + ": bean-check accepts the file and its balance assertions", status == 0 && bean_check.empty(),
        bean_check);
  const std::string query = run("bean-query -f csv " + quote(stem + ".beancount") +
                                    " 'SELECT account, sum(number) AS total GROUP BY account ORDER BY account' 2>&1",
                                status);
  check(label + ": bean-query reads the file", status == 0, status == 0 ? "" : query);
  Totals beancount_paths;
  std::istringstream rows(query);
  for (std::string row; std::getline(rows, row);) {
    const auto comma = row.find(',');
    if (comma == std::string::npos) continue;
    Fen fen = 0;
    std::string account = row.substr(0, comma);
    while (!account.empty() && account.back() == ' ') account.pop_back();  // bean-query pads its columns
    if (parse_fen(row.substr(comma + 1), fen)) beancount_paths[account] = fen;
  }
  compare(label + ": bean-query totals", expected, as_books_count(beancount_paths, declared));

  // Privacy: what a notice may not show, no export shows either.
  SQLite::Database db(fund, SQLite::OPEN_READONLY);
  std::vector<std::string> secrets;
  SQLite::Statement people(db,
                           "SELECT name, COALESCE(id_number, ''), COALESCE(phone, ''), COALESCE(address, '') "
                           "FROM beneficiaries");
  while (people.executeStep()) {
    for (int i = 0; i < 4; ++i) secrets.push_back(people.getColumn(i).getString());
  }
  SQLite::Statement anonymous(db, "SELECT DISTINCT donor_name FROM donations WHERE anonymous = 1 AND donor_name <> ''");
  while (anonymous.executeStep()) secrets.push_back(anonymous.getColumn(0).getString());
  for (const char* format : {"ledger", "beancount", "json"}) {
    const std::string text = read_file(stem + "." + format);
    std::string found;
    for (const auto& secret : secrets) {
      if (!secret.empty() && text.find(secret) != std::string::npos) found += (found.empty() ? "" : ", ") + secret;
    }
    check(label + ": no private data in the " + format + " export", found.empty(), found);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: check_export CFUND_BINARY FUND_FILE WORK_DIR [PERIOD ...]\n";
    return 2;
  }
  const std::string cfund = argv[1];
  const std::string fund = argv[2];
  const std::string work = argv[3];
  std::vector<std::string> periods = {""};
  for (int i = 4; i < argc; ++i) periods.push_back(argv[i]);
  for (const auto& period : periods) {
    try {
      check_scope(cfund, fund, work, period);
    } catch (const std::exception& e) {
      check((period.empty() ? "whole" : period) + ": reading the exports", false, e.what());
    }
  }
  std::cout << (failures == 0 ? "all checks passed\n" : std::to_string(failures) + " checks failed\n");
  return failures == 0 ? 0 : 1;
}
