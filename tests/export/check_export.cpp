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

struct Target {
  std::string path;
  std::string code;
  bool designation = false;
};

// The books' own figure for every account and designation: postings dated up to
// `last_date`, accounts debit positive, designations shown as a ledger shows them.
Totals books_totals(const std::string& fund, const std::string& last_date, const std::vector<Target>& targets) {
  SQLite::Database db(fund, SQLite::OPEN_READONLY);
  Totals totals;
  for (const auto& target : targets) {
    const std::string table = target.designation ? "designations" : "accounts";
    const std::string column = target.designation ? "designation_id" : "account_id";
    SQLite::Statement q(db,
                        "SELECT COALESCE(SUM(p.amount), 0) FROM postings p JOIN entries e ON e.id = p.entry_id "
                        "JOIN " +
                            table + " t ON t.id = p." + column + " WHERE t.code = ? AND e.date <= ?");
    q.bind(1, target.code);
    q.bind(2, last_date);
    q.executeStep();
    totals[target.path] = q.getColumn(0).getInt64();
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
  std::cout << (same ? "ok   " : "FAIL ") << what << ": " << expected.size() << " accounts and designations\n";
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
  std::vector<Target> targets;
  for (const auto& account : json.at("accounts")) {
    targets.push_back({account.at("path"), account.at("code"), account.at("side") == "designation"});
  }
  std::string last_date = "9999-12-31";
  if (!period.empty()) last_date = cfund::util::parse_period(period)->last.iso();
  const Totals expected = books_totals(fund, last_date, targets);

  // JSON: the opening entry and every entry's postings, summed; and the closing figures it states.
  Totals from_json;
  Totals stated;
  auto add_postings = [&from_json](const nlohmann::json& entry) {
    for (const auto& posting : entry.at("postings"))
      from_json[posting.at("account")] += posting.at("amount").get<Fen>();
  };
  if (!json.at("opening").is_null()) add_postings(json.at("opening"));
  for (const auto& entry : json.at("entries")) add_postings(entry);
  for (const auto& account : json.at("accounts")) {
    const Fen closing = account.at("closing").get<Fen>();
    stated[account.at("path")] = account.at("side") == "designation" ? -closing : closing;
  }
  compare(label + ": JSON postings summed", expected, from_json);
  compare(label + ": JSON closing balances", expected, stated);

  // ledger-cli.
  const std::string ledger_out =
      run("ledger -f " + quote(stem + ".ledger") +
              " balance --flat --no-total -E --balance-format '%(account)\\t%(display_total)\\n' 2>&1",
          status);
  check(label + ": ledger balance reads the file", status == 0 && ledger_out.find("Error") == std::string::npos,
        status == 0 ? "" : ledger_out);
  Totals from_ledger;
  std::istringstream lines(ledger_out);
  for (std::string line; std::getline(lines, line);) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Fen fen = 0;
    if (parse_fen(line.substr(tab + 1), fen)) from_ledger[line.substr(0, tab)] = fen;
  }
  compare(label + ": ledger balance", expected, from_ledger);

  // beancount: bean-check (syntax, balancing, and the closing balance assertions), then bean-query.
  const std::string bean_check = run("bean-check " + quote(stem + ".beancount") + " 2>&1", status);
  check(label + ": bean-check accepts the file and its balance assertions", status == 0 && bean_check.empty(),
        bean_check);
  const std::string query = run("bean-query -f csv " + quote(stem + ".beancount") +
                                    " 'SELECT account, sum(number) AS total GROUP BY account ORDER BY account' 2>&1",
                                status);
  check(label + ": bean-query reads the file", status == 0, status == 0 ? "" : query);
  Totals from_beancount;
  std::istringstream rows(query);
  for (std::string row; std::getline(rows, row);) {
    const auto comma = row.find(',');
    if (comma == std::string::npos) continue;
    Fen fen = 0;
    std::string account = row.substr(0, comma);
    while (!account.empty() && account.back() == ' ') account.pop_back();  // bean-query pads its columns
    if (parse_fen(row.substr(comma + 1), fen)) from_beancount[account] = fen;
  }
  compare(label + ": bean-query totals", expected, from_beancount);

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
