// Tampering: random raw edits of any table of a fund, each on a fresh copy, each
// classified by what cfund then says about the copy:
//
//   tamper CFUND_BINARY FUND_FILE EDITS SEED PERIOD
//
// An edit is an UPDATE of any column of a random row (to a plausible other value), a
// DELETE of a random row, or an INSERT of a plausible row (a copy of an existing row with
// its key moved), on any table of the file (WITHOUT ROWID tables included), made with the
// SQLite C API, as anyone holding the file could. An edit that changes nothing (the same
// value again, a constraint that refuses it) is drawn again and not counted.
//
// After each edit `cfund audit --deep` runs. The edit is
//   detected                when the audit fails (exit 1) or refuses the file (exit 4);
//   changed nothing visible when the audit is clean and the read commands (fund show,
//                           publish PERIOD as text, export as JSON) print exactly what
//                           they print for the untouched fund;
//   missed                  when the audit is clean but a read command prints something
//                           else or fails.
// Every table counts, the registries (fund_settings, accounts, designations, donors:
// on the chain since schema 8, checked by the audit's REGISTRY) as much as the journal.
// Prints the three counts per table; on a miss, the seed, the edit and what differed.

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

struct Cell {
  int type = SQLITE_NULL;
  sqlite3_int64 integer = 0;
  std::string text;
};

struct Table {
  std::vector<std::string> columns;  // "rowid" first for a rowid table without a declared key
  std::vector<std::string> key;      // the columns that identify a row
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

  // Every table of the file but SQLite's own.
  std::vector<std::string> tables() {
    std::vector<std::string> names;
    sqlite3_stmt* st = prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name");
    while (sqlite3_step(st) == SQLITE_ROW)
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return names;
  }

  // The rows of a table with the columns that identify them: its declared primary key,
  // else its rowid (read as a column of its own).
  Table read(const std::string& table) {
    Table result;
    sqlite3_stmt* info = prepare("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
    sqlite3_bind_text(info, 1, table.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(info) == SQLITE_ROW) {
      result.key.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info, 0)));
    }
    sqlite3_finalize(info);
    const bool by_rowid = result.key.empty();
    if (by_rowid) result.key.emplace_back("rowid");
    sqlite3_stmt* st = prepare(std::string("SELECT ") + (by_rowid ? "rowid, " : "") + "* FROM " + table);
    for (int i = 0; i < sqlite3_column_count(st); ++i) result.columns.emplace_back(sqlite3_column_name(st, i));
    if (by_rowid) result.columns.front() = "rowid";
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

  // Another value for the key of a copied row: a neighbouring number, another day of
  // the same month for a date, a changed name for any other text.
  Cell moved_key(const Cell& key) {
    const sqlite3_int64 shifts[] = {1, 2, 100, -1};
    if (key.type == SQLITE_INTEGER) return integer(key.integer + shifts[pick(4)]);
    static const std::regex date("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    if (key.type == SQLITE_TEXT && std::regex_match(key.text, date)) {
      const int day = 1 + static_cast<int>(pick(28));
      return text(key.text.substr(0, 8) + (day < 10 ? "0" : "") + std::to_string(day));
    }
    return text(key.text + (pick(2) ? "_2" : ".x"));
  }

  // Makes one edit that changes the file; returns what it did, or "" if the draw
  // changed nothing (to be drawn again).
  std::string edit(Db& db, std::string& table_name) {
    const auto names = db.tables();
    table_name = names[pick(names.size())];
    const Table table = db.read(table_name);
    if (table.rows.empty()) return "";
    const auto& key = table.key;
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
    copy[moved] = moved_key(row[moved]);
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

struct Run {
  int exit_code = -1;
  std::string output;
  bool operator==(const Run& other) const { return exit_code == other.exit_code && output == other.output; }
};

Run run(const std::string& command) {
  Run result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// What a person reading the fund sees: the fund's balances, a notice as text, the export.
struct Views {
  std::vector<std::string> commands;
  std::vector<Run> outputs;
};

Views read_views(const std::string& cfund, const std::string& fund, const std::string& period) {
  const std::string base = "'" + cfund + "' -f '" + fund + "' ";
  Views views;
  views.commands = {"fund show", "publish --period " + period + " --format txt --dry-run", "export --format json"};
  for (const auto& command : views.commands) views.outputs.push_back(run(base + command));
  return views;
}

enum class Outcome { detected, nothing_visible, missed };

struct Counts {
  int detected = 0;
  int nothing_visible = 0;
  int missed = 0;
};

struct Trial {
  Outcome outcome = Outcome::detected;
  std::string report;  // on a miss: the audit and the first view that differed
};

Trial classify(const std::string& cfund, const std::string& copy, const std::string& period, const Views& clean) {
  const Run audit = run("'" + cfund + "' -f '" + copy + "' audit --deep");
  // The shell could not run cfund at all (replaced while linking?): no figure is honest.
  if (audit.exit_code == 126 || audit.exit_code == 127)
    throw std::runtime_error("cannot run " + cfund + ": " + audit.output);
  if (audit.exit_code == 1 || audit.exit_code == 4) return {};
  Trial trial;
  if (audit.exit_code != 0) {
    trial.outcome = Outcome::missed;
    trial.report = "  audit exit " + std::to_string(audit.exit_code) + ":\n" + audit.output;
    return trial;
  }
  const Views now = read_views(cfund, copy, period);
  for (std::size_t i = 0; i < now.outputs.size(); ++i) {
    if (now.outputs[i] == clean.outputs[i]) continue;
    trial.outcome = Outcome::missed;
    trial.report = "  audit clean, but `cfund " + now.commands[i] + "` changed (exit " +
                   std::to_string(now.outputs[i].exit_code) + ")";
    return trial;
  }
  trial.outcome = Outcome::nothing_visible;
  return trial;
}

void print_counts(const std::map<std::string, Counts>& by_table) {
  Counts all;
  std::cout << "  table: detected / changed nothing visible / missed\n";
  for (const auto& [table, counts] : by_table) {
    std::cout << "  " << table << ": " << counts.detected << " / " << counts.nothing_visible << " / " << counts.missed
              << "\n";
    all.detected += counts.detected;
    all.nothing_visible += counts.nothing_visible;
    all.missed += counts.missed;
  }
  std::cout << "  all tables: " << all.detected << " / " << all.nothing_visible << " / " << all.missed << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: tamper CFUND_BINARY FUND_FILE EDITS SEED PERIOD\n";
    return 2;
  }
  const std::string cfund = argv[1];
  const std::string fund = argv[2];
  const int edits = std::stoi(argv[3]);
  const unsigned seed = static_cast<unsigned>(std::stoul(argv[4]));
  const std::string period = argv[5];
  const std::string copy = fund + ".tampered";

  const Run clean_audit = run("'" + cfund + "' -f '" + fund + "' audit --deep");
  if (clean_audit.exit_code != 0) {
    std::cerr << "the untouched fund does not audit clean:\n" << clean_audit.output;
    return 1;
  }
  const Views clean = read_views(cfund, fund, period);
  for (std::size_t i = 0; i < clean.outputs.size(); ++i) {
    if (clean.outputs[i].exit_code != 0) {
      std::cerr << "`cfund " << clean.commands[i] << "` fails on the untouched fund:\n" << clean.outputs[i].output;
      return 1;
    }
  }

  Tamperer tamperer(seed);
  std::map<std::string, Counts> by_table;
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
    const Trial trial = classify(cfund, copy, period, clean);
    Counts& counts = by_table[table];
    if (trial.outcome == Outcome::detected) ++counts.detected;
    if (trial.outcome == Outcome::nothing_visible) ++counts.nothing_visible;
    if (trial.outcome == Outcome::missed) {
      ++counts.missed;
      ++missed;
      std::cerr << "MISSED (seed " << seed << ", edit " << done << "): " << what << "\n" << trial.report << "\n";
    }
  }
  std::filesystem::remove(copy);

  std::cout << "tampering: " << edits << " raw edits (seed " << seed << ", " << draws - edits
            << " draws that changed nothing were drawn again), audit --deep and fund show / publish / export:\n";
  print_counts(by_table);
  return missed == 0 ? 0 : 1;
}
