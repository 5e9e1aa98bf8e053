#pragma once
// Prepared statements kept for the life of a fund file's connection, for the
// statements a command runs once per row (an import runs them a million times).
// Private to lib/storage.
//
// A statement left stepped would hold a read snapshot open, and a later BEGIN
// IMMEDIATE on a stale snapshot fails at once instead of waiting its turn; so a
// CachedStatement resets its statement when it goes out of scope.

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "storage/fund_file.hpp"

namespace cfund::storage {

class CachedStatement {
 public:
  CachedStatement(FundFile& file, const std::string& sql) : statement_(file.prepared(sql)) {}
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;
  ~CachedStatement() {
    try {
      statement_.reset();
      statement_.clearBindings();
    } catch (...) {  // NOLINT(bugprone-empty-catch): reset only reports the last step's error again
    }
  }
  SQLite::Statement* operator->() { return &statement_; }
  SQLite::Statement& operator*() { return statement_; }

 private:
  SQLite::Statement& statement_;
};

}  // namespace cfund::storage
