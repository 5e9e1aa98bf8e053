#pragma once
// One fund's books in one SQLite file (*.cfund). Only lib/storage touches SQLite.
//
// Opening never creates a file; create() never opens an existing one. Opening an
// older file migrates it forward inside a transaction; a newer one is refused.

#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "error.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace cfund::storage {

// A fund file of an older schema opened for reading only: it must be opened once by a
// command that may write (which migrates it) before it can be read.
class FundFileNeedsUpgrade : public FundFileError {
 public:
  using FundFileError::FundFileError;
};

class FundFile {
 public:
  // Creates a new fund file with the current schema. Refuses an existing path.
  static FundFile create(const std::string& path);
  // Opens an existing fund file, migrating it forward if it is older.
  static FundFile open(const std::string& path);
  // Opens an existing fund file for reading only (cfund rollup, the warehouse export):
  // the file is opened read-only, so nothing in it can change; a checkpoint of the
  // write-ahead log is never run on close; a writer holding a transaction does not
  // block it (WAL readers see the last committed state). An older file is not
  // migrated: FundFileNeedsUpgrade says to open it once with cfund. A newer one is
  // refused as open() refuses it.
  //
  // A file without a write-ahead log beside it (a fund nobody is writing: the last
  // writer checkpointed and removed its log) is read as an immutable file, so that
  // SQLite does not create the -wal and -shm companions a WAL reader otherwise leaves
  // behind; the reader must then ask changed_since_open() when it is done and read
  // again (with `immutable` false) if a writer changed the file meanwhile. With a log
  // beside it, the file is read as any WAL reader reads it.
  static FundFile open_read_only(const std::string& path, bool immutable = true);
  // Whether a file opened immutable has been changed since (its size, time or inode);
  // false for every other way of opening.
  bool changed_since_open() const;
  // Another connection to the same file, opened as this one was: read only (immutable when
  // this one is) for a reader that must never write, as open() does otherwise.
  FundFile open_again();

  FundFile(FundFile&&) noexcept;
  FundFile& operator=(FundFile&&) noexcept;
  ~FundFile();

  const std::string& path() const { return path_; }
  // Whether this connection can only read (a file or folder without write permission).
  bool read_only();
  SQLite::Database& db() { return *db_; }

  // The statement prepared once for this connection (storage/statement_cache.hpp
  // wraps it so that it is reset after each use).
  SQLite::Statement& prepared(const std::string& sql);

  std::optional<std::string> setting(const std::string& key);
  // Every setting whose key starts with `prefix`, by the rest of its key.
  std::map<std::string, std::string> settings_under(const std::string& prefix);
  void set_setting(const std::string& key, const std::string& value);

  // A consistent view for a reader that makes many queries (the audit, a notice):
  // every query sees the books as of the first one, even while other processes
  // commit (WAL snapshot). Nothing when a transaction is already open.
  class ReadSnapshot {
   public:
    explicit ReadSnapshot(FundFile& file);
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot();

   private:
    FundFile& file_;
    bool owned_;
  };

  // A write transaction (BEGIN IMMEDIATE, so concurrent writers queue behind the
  // busy timeout instead of failing); a savepoint when one is already open.
  // Rolls back unless commit() is called.
  class WriteTransaction {
   public:
    explicit WriteTransaction(FundFile& file);
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();
    void commit();

   private:
    FundFile& file_;
    bool nested_;
    bool done_ = false;
  };

 private:
  FundFile(std::string path, std::unique_ptr<SQLite::Database> db);
  void migrate();
  void refuse_newer(int version, int latest) const;

  std::string path_;
  std::string immutable_stamp_;  // size, mtime and inode when opened immutable; "" otherwise
  std::unique_ptr<SQLite::Database> db_;
  // Declared after db_: destroyed (finalized) before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> prepared_;
};

// Turns a failure that came out of SQLite (busy, disk full, read-only, not a
// database, I/O error) into a FundFileError naming the file. Returns nothing for
// other exceptions.
std::optional<FundFileError> explain_storage_failure(std::exception_ptr failure, const std::string& fund_path);

}  // namespace cfund::storage
