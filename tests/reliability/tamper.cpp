// Tampering: random raw edits of the journal tables of a fund, each on a fresh copy,
// each of which `cfund audit` must detect (exit 1) and pin on an entry.
//
//   tamper CFUND_BINARY FUND_FILE EDITS SEED
//
// An edit is an UPDATE of any column of a random row (to a plausible other value),
// a DELETE of a random row, or an INSERT of a plausible row (a copy of an existing
// row with its key moved), on one of the tables that make up the journal. It is made
// with the SQLite C API, as anyone holding the file could. An edit that changes
// nothing (the same value again, a constraint that refuses it) is drawn again and
// not counted. Prints the figures; on a miss, the seed, the edit and the audit.

#include <sqlite3.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> kTables = {
    "entries",  "postings",       "donations",       "disbursements", "beneficiaries", "host_receipts",
    "projects", "project_stages", "project_budgets", "period_closes", "publications",  "imports",
};

// The columns that identify a row of each table.
std::vector<std::string> key_of(const std::string& table) {
  if (table == "entries") return {"id"};
  if (table == "postings") return {"entry_id", "seq"};
  return {"entry_id"};
}

struct Cell {
  int type = SQLITE_NULL;
  sqlite3_int64 integer = 0;
  std::string text;
};

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Table read(const std::string& table) {
    Table result;
    sqlite3_stmt* st = prepare("SELECT * FROM " + table);
    for (int i = 0; i < sqlite3_column_count(st); ++i) result.columns.emplace_back(sqlite3_column_name(st, i));
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<Cell> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) row.push_back(cell(st, i));
      result.rows.push_back(row);
    }
    sqlite3_finalize(st);
    return result;
  }

  // Runs a statement with bound cells; returns the rows changed, or -1 when SQLite
  // refuses it (a constraint).
  int run(const std::string& sql, const std::vector<Cell>& values) {
    sqlite3_stmt* st = prepare(sql);
    for (std::size_t i = 0; i < values.size(); ++i) bind(st, static_cast<int>(i + 1), values[i]);
    const int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    return sqlite3_changes(db_);
  }

  std::string quoted(const std::string& sql, const std::vector<Cell>& values) {
    sqlite3_stmt* st = prepare(sql);
    for (std::size_t i = 0; i < values.size(); ++i) bind(st, static_cast<int>(i + 1), values[i]);
    std::string result = "(none)";
    if (sqlite3_step(st) == SQLITE_ROW) result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return result;
  }

 private:
  sqlite3_stmt* prepare(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot prepare " + sql + ": " + sqlite3_errmsg(db_));
    }
    return st;
  }
  static Cell cell(sqlite3_stmt* st, int i) {
    Cell c;
    c.type = sqlite3_column_type(st, i);
    if (c.type == SQLITE_INTEGER) c.integer = sqlite3_column_int64(st, i);
    if (c.type == SQLITE_TEXT || c.type == SQLITE_FLOAT) {
      c.type = c.type == SQLITE_FLOAT ? SQLITE_TEXT : c.type;
      c.text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
    }
    return c;
  }
  static void bind(sqlite3_stmt* st, int index, const Cell& c) {
    if (c.type == SQLITE_INTEGER) {
      sqlite3_bind_int64(st, index, c.integer);
    } else if (c.type == SQLITE_TEXT) {
      sqlite3_bind_text(st, index, c.text.c_str(), static_cast<int>(c.text.size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(st, index);
    }
  }
  sqlite3* db_ = nullptr;
};

std::string show(const Cell& c) {
  if (c.type == SQLITE_INTEGER) return std::to_string(c.integer);
  if (c.type == SQLITE_TEXT) return "'" + c.text + "'";
  return "NULL";
}

Cell integer(sqlite3_int64 v) { return Cell{SQLITE_INTEGER, v, {}}; }
Cell text(std::string v) { return Cell{SQLITE_TEXT, 0, std::move(v)}; }
Cell null() { return Cell{}; }

class Tamperer {
 public:
  explicit Tamperer(unsigned seed) : random_(seed) {}

  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }

  // Another plausible value for a cell: a neighbour of a number, a changed or
  // borrowed text, NULL for a value, a value for a NULL.
  Cell other_value(const Cell& current, const Table& table, std::size_t column) {
    switch (pick(4)) {
      case 0:  // a value from another row of the same column
        return table.rows[pick(table.rows.size())][column];
      case 1:
        return current.type == SQLITE_NULL ? (pick(2) ? integer(1) : text("x")) : null();
      default:
        break;
    }
    if (current.type == SQLITE_INTEGER) {
      const sqlite3_int64 deltas[] = {1, -1, 100, -100, 1000000};
      return pick(5) == 0 ? text(std::to_string(current.integer) + "x") : integer(current.integer + deltas[pick(5)]);
    }
    if (current.type == SQLITE_TEXT && !current.text.empty()) {
      std::string changed = current.text;
      switch (pick(3)) {
        case 0: {  // one character replaced (a digit of a date, a hex digit of a hash)
          const std::size_t at = pick(changed.size());
          changed[at] = changed[at] == '1' ? '2' : '1';
          return text(changed);
        }
        case 1:
          return text(changed + " ");
        default:
          return text("改");
      }
    }
    return text("2025-03-01");
  }

  // Makes one edit that changes the file; returns what it did, or "" if the draw
  // changed nothing (to be drawn again).
  std::string edit(Db& db, std::string& table_name) {
    table_name = kTables[pick(kTables.size())];
    const Table table = db.read(table_name);
    if (table.rows.empty()) return "";
    const auto key = key_of(table_name);
    const auto& row = table.rows[pick(table.rows.size())];
    auto column_index = [&table](const std::string& name) {
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i] == name) return i;
      }
      throw std::runtime_error("no column " + name);
    };
    std::string where;
    std::vector<Cell> key_values;
    std::string key_text;
    for (const auto& k : key) {
      where += (where.empty() ? " WHERE " : " AND ") + k + " = ?";
      key_values.push_back(row[column_index(k)]);
      key_text += (key_text.empty() ? "" : ", ") + k + " = " + show(row[column_index(k)]);
    }

    const std::size_t op = pick(3);
    if (op == 0) {  // UPDATE one column of one row
      const std::size_t column = pick(table.columns.size());
      const auto& name = table.columns[column];
      const Cell value = other_value(row[column], table, column);
      const std::string read_back = "SELECT quote(" + name + ") FROM " + table_name + where;
      const std::string before = db.quoted(read_back, key_values);
      std::vector<Cell> values{value};
      values.insert(values.end(), key_values.begin(), key_values.end());
      if (db.run("UPDATE " + table_name + " SET " + name + " = ?" + where, values) != 1) return "";
      // A key column cannot be read back under its old key: compare the values
      // (as SQLite stores them in an INTEGER column) instead.
      if (std::find(key.begin(), key.end(), name) != key.end()) {
        const Cell& old_value = row[column];
        const bool same = (value.type == SQLITE_INTEGER && value.integer == old_value.integer) ||
                          (value.type == SQLITE_TEXT && value.text == std::to_string(old_value.integer));
        if (same) return "";
        return "UPDATE " + table_name + " SET " + name + " = " + show(value) + " WHERE " + key_text;
      }
      if (db.quoted(read_back, key_values) == before) return "";
      return "UPDATE " + table_name + " SET " + name + " = " + show(value) + " WHERE " + key_text;
    }
    if (op == 1) {  // DELETE one row
      if (db.run("DELETE FROM " + table_name + where, key_values) != 1) return "";
      return "DELETE FROM " + table_name + " WHERE " + key_text;
    }
    // INSERT a copy of the row with its key moved (and unique columns nudged).
    std::vector<Cell> copy = row;
    const std::size_t moved = column_index(key.back());
    const sqlite3_int64 shifts[] = {1, 2, 100, -1};
    copy[moved] = integer(row[moved].integer + shifts[pick(4)]);
    for (std::size_t attempt = 0; attempt < 8; ++attempt) {
      std::string names;
      std::string marks;
      for (const auto& c : table.columns) {
        names += (names.empty() ? "" : ", ") + c;
        marks += marks.empty() ? "?" : ", ?";
      }
      if (db.run("INSERT INTO " + table_name + " (" + names + ") VALUES (" + marks + ")", copy) == 1) {
        std::string values;
        for (const auto& c : copy) values += (values.empty() ? "" : ", ") + show(c);
        return "INSERT INTO " + table_name + " VALUES (" + values + ")";
      }
      // A unique column refused the copy: change another column and try again.
      const std::size_t column = pick(table.columns.size());
      if (column == moved) continue;
      if (copy[column].type == SQLITE_INTEGER) {
        copy[column].integer += 1000;
      } else if (copy[column].type == SQLITE_TEXT) {
        copy[column].text += "-2";
      }
    }
    return "";
  }

 private:
  std::mt19937 random_;
};

struct AuditResult {
  int exit_code = -1;
  std::string output;
};

AuditResult run_audit(const std::string& cfund, const std::string& fund) {
  AuditResult result;
  const std::string command = "'" + cfund + "' -f '" + fund + "' audit 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: tamper CFUND_BINARY FUND_FILE EDITS SEED\n";
    return 2;
  }
  const std::string cfund = argv[1];
  const std::string fund = argv[2];
  const int edits = std::stoi(argv[3]);
  const unsigned seed = static_cast<unsigned>(std::stoul(argv[4]));
  const std::string copy = fund + ".tampered";

  const auto clean = run_audit(cfund, fund);
  if (clean.exit_code != 0) {
    std::cerr << "the untouched fund does not audit clean:\n" << clean.output;
    return 1;
  }

  Tamperer tamperer(seed);
  const std::regex names_entry("第 [0-9]+ 号|entry [0-9]+");
  std::map<std::string, std::map<std::string, int>> made;  // table -> operation -> count
  int missed = 0;
  int draws = 0;
  for (int done = 0; done < edits;) {
    ++draws;
    std::filesystem::copy_file(fund, copy, std::filesystem::copy_options::overwrite_existing);
    std::string table;
    std::string what;
    {
      Db db(copy);
      what = tamperer.edit(db, table);
    }
    if (what.empty()) continue;
    ++done;
    ++made[table][what.substr(0, what.find(' '))];
    const auto audit = run_audit(cfund, copy);
    if (audit.exit_code != 1 || !std::regex_search(audit.output, names_entry)) {
      ++missed;
      std::cerr << "MISSED (seed " << seed << ", edit " << done << "): " << what << "\n  audit exit " << audit.exit_code
                << ":\n"
                << audit.output << "\n";
    }
  }
  std::filesystem::remove(copy);

  std::cout << "tampering: " << edits << " raw edits (seed " << seed << ", " << draws - edits
            << " draws that changed nothing were drawn again), " << edits - missed << " detected by cfund audit\n";
  for (const auto& [table, operations] : made) {
    std::cout << "  " << table << ":";
    for (const auto& [operation, count] : operations) std::cout << " " << operation << " " << count;
    std::cout << "\n";
  }
  return missed == 0 ? 0 : 1;
}
