#include "storage/fund_file.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <cstdio>

#include "storage/migrations.hpp"
#include "storage/statement_cache.hpp"

namespace cfund::storage {

namespace {

// PRAGMA application_id of every cfund fund file: "CFND".
constexpr int kApplicationId = 0x43464E44;
// How long a writer waits for another writer before giving up.
constexpr int kBusyTimeoutMs = 60000;
// How long a read-only reader waits (only while a log index is being rebuilt).
constexpr int kReadBusyTimeoutMs = 5000;

bool path_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// A connection is used by one thread only (cfund starts none): SQLite need not lock
// its mutex on every call, which it otherwise does for each column read.
const int kOpenFlags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;

void configure_connection(SQLite::Database& db) {
  db.setBusyTimeout(kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys = ON");
  // FULL: a committed entry survives a power cut (WAL is otherwise only consistent).
  db.exec("PRAGMA synchronous = FULL");
}

// SQLite reports a full disk as SQLITE_FULL only when the main file or the WAL
// cannot grow; a shared-memory file (-shm) that cannot be made on a full disk comes
// back as an I/O error. Both mean the same to the user: no room on the disk (or
// under the process's file size limit).
bool no_room_beside(const std::string& path) {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) return true;
  const auto slash = path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  struct statvfs disk {};
  if (::statvfs(folder.c_str(), &disk) != 0) return false;
  return static_cast<unsigned long long>(disk.f_bavail) * disk.f_frsize < 1024ULL * 1024;
}

// What tells that a file changed: its size, modification time (nanoseconds) and inode.
std::string file_stamp(const struct stat& st) {
  return fmt::format("{}:{}.{}:{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ino);
}

// file:PATH?immutable=1, the path percent-encoded where a URI needs it.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      uri += fmt::format("%{:02X}", c);
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

FundFileError not_a_fund(const std::string& path) {
  return FundFileError(bilingual("“{0}”不是 cfund 基金账套文件", "'{0}' is not a cfund fund file", path));
}

}  // namespace

FundFile::FundFile(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}
FundFile::FundFile(FundFile&&) noexcept = default;
FundFile& FundFile::operator=(FundFile&&) noexcept = default;
FundFile::~FundFile() = default;

FundFile FundFile::create(const std::string& path) {
  // SQLite reads ":memory:" (and "", a temporary file) as a database that vanishes when
  // the command ends: "created" would be a lie.
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) {
    throw InputError(bilingual("“{0}”不是文件名：基金账套须是磁盘上的文件（如 guihuali.cfund）",
                               "'{0}' is not a file name: a fund is a file on disk (e.g. guihuali.cfund)", path));
  }
  if (path_exists(path)) {
    throw FundFileError(bilingual("文件“{0}”已存在：init 只创建新的基金账套，不会覆盖",
                                  "'{0}' already exists: init only creates a new fund file and never overwrites",
                                  path));
  }
  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(path, kOpenFlags | SQLite::OPEN_CREATE);
  } catch (const SQLite::Exception&) {
    throw FundFileError(bilingual("无法创建“{0}”：请检查目录是否存在、是否可写",
                                  "cannot create '{0}': check that the folder exists and is writable", path));
  }
  try {
    configure_connection(*db);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    FundFile file(path, std::move(db));
    file.migrate();
    return file;
  } catch (...) {
    // A full disk (or any failure) while setting up: leave no half-made fund behind,
    // or the next init would call it existing and every command "not a fund".
    db.reset();
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
    if (auto explained = explain_storage_failure(std::current_exception(), path)) throw *explained;
    throw;
  }
}

FundFile FundFile::open(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw FundFileError(bilingual(
        "找不到基金账套“{0}”（用 cfund init 创建，或用 -f / CFUND_FUND 指定已有文件）",
        "fund file '{0}' not found (create one with cfund init, or name an existing one with -f / CFUND_FUND)", path));
  }
  if (!S_ISREG(st.st_mode)) throw not_a_fund(path);
  std::unique_ptr<SQLite::Database> db;
  try {
    // No OPEN_CREATE: a missing file is never created by accident.
    db = std::make_unique<SQLite::Database>(path, kOpenFlags);
    configure_connection(*db);
    int application_id = db->execAndGet("PRAGMA application_id").getInt();
    if (application_id != kApplicationId) throw not_a_fund(path);
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xFF) == SQLITE_NOTADB) throw not_a_fund(path);
    throw;
  }
  FundFile file(path, std::move(db));
  file.migrate();
  return file;
}

void FundFile::refuse_newer(int version, int latest) const {
  if (version <= latest) return;
  throw FundFileError(
      bilingual("基金账套“{0}”由更新版本的 cfund 创建（格式版本 {1}，本程序只认识到 {2}）：请升级 cfund",
                "fund file '{0}' was written by a newer cfund (schema {1}; this cfund knows up to {2}): upgrade cfund",
                path_, version, latest));
}

FundFile FundFile::open_read_only(const std::string& path, bool immutable) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw FundFileError(bilingual("找不到基金账套“{0}”", "fund file '{0}' not found", path));
  }
  if (!S_ISREG(st.st_mode)) throw not_a_fund(path);
  immutable = immutable && !path_exists(path + "-wal");
  std::unique_ptr<SQLite::Database> db;
  try {
    const int flags = SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX | (immutable ? SQLite::OPEN_URI : 0);
    db = std::make_unique<SQLite::Database>(immutable ? immutable_uri(path) : path, flags);
    // The last connection to close would otherwise checkpoint the log into the main
    // file (a read-only one cannot, but say so rather than rely on it).
    sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    // A WAL reader waits only while another connection recovers the log index.
    db->setBusyTimeout(kReadBusyTimeoutMs);
    if (db->execAndGet("PRAGMA application_id").getInt() != kApplicationId) throw not_a_fund(path);
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xFF) == SQLITE_NOTADB) throw not_a_fund(path);
    if (auto explained = explain_storage_failure(std::current_exception(), path)) throw *explained;
    throw;
  }
  FundFile file(path, std::move(db));
  if (immutable) file.immutable_stamp_ = file_stamp(st);
  const int latest = latest_schema_version();
  const int version = file.db_->execAndGet("PRAGMA user_version").getInt();
  file.refuse_newer(version, latest);
  if (version < latest) {
    throw FundFileNeedsUpgrade(bilingual(
        "基金账套“{0}”是旧版 cfund 的格式（格式版本 {1}，现为 {2}）：只读时不升级。请先用 cfund 打开一次"
        "（如 cfund -f {0} fund show），再汇总",
        "fund file '{0}' has the format of an older cfund (schema {1}, now {2}) and is not upgraded when read only: "
        "open it once with cfund (e.g. cfund -f {0} fund show), then roll up again",
        path, version, latest));
  }
  return file;
}

bool FundFile::changed_since_open() const {
  if (immutable_stamp_.empty()) return false;
  struct stat st {};
  return ::stat(path_.c_str(), &st) != 0 || file_stamp(st) != immutable_stamp_;
}

void FundFile::migrate() {
  const int latest = latest_schema_version();
  int version = db_->execAndGet("PRAGMA user_version").getInt();
  refuse_newer(version, latest);
  if (version == latest) return;
  // A migration may rebuild a table that others reference (SQLite's way to drop a
  // constraint), which needs foreign keys off; they are checked before committing.
  // The pragma has no effect inside a transaction, so it is set around it.
  db_->exec("PRAGMA foreign_keys = OFF");
  try {
    WriteTransaction tx(*this);
    // Another process may have migrated while we waited for the write lock.
    version = db_->execAndGet("PRAGMA user_version").getInt();
    for (const auto& migration : migrations()) {
      if (migration.version <= version) continue;
      db_->exec(migration.sql);
      db_->exec(fmt::format("PRAGMA user_version = {}", migration.version));
    }
    SQLite::Statement violations(*db_, "PRAGMA foreign_key_check");
    if (violations.executeStep()) {
      throw FundFileError(bilingual("基金账套“{0}”已损坏：表 {1} 有指向不存在的行的记录，无法升级格式。请用备份恢复",
                                    "fund file '{0}' is damaged: table {1} has rows pointing at rows that do not "
                                    "exist, so its format cannot be upgraded. Restore it from a backup",
                                    path_, violations.getColumn("table").getString()));
    }
    violations.reset();
    tx.commit();
  } catch (...) {
    db_->exec("PRAGMA foreign_keys = ON");
    throw;
  }
  db_->exec("PRAGMA foreign_keys = ON");
}

SQLite::Statement& FundFile::prepared(const std::string& sql) {
  auto& statement = prepared_[sql];
  if (!statement) statement = std::make_unique<SQLite::Statement>(*db_, sql);
  return *statement;
}

FundFile FundFile::open_again() {
  if (!immutable_stamp_.empty()) return open_read_only(path_, true);
  if (read_only()) return open_read_only(path_, false);
  return open(path_);
}

bool FundFile::read_only() { return sqlite3_db_readonly(db_->getHandle(), "main") == 1; }

std::optional<std::string> FundFile::setting(const std::string& key) {
  CachedStatement query(*this, "SELECT value FROM fund_settings WHERE key = ?");
  query->bind(1, key);
  if (!query->executeStep()) return std::nullopt;
  return query->getColumn("value").getString();
}

std::map<std::string, std::string> FundFile::settings_under(const std::string& prefix) {
  CachedStatement query(*this, "SELECT key, value FROM fund_settings WHERE substr(key, 1, length(?1)) = ?1");
  query->bind(1, prefix);
  std::map<std::string, std::string> found;
  while (query->executeStep()) {
    found[query->getColumn("key").getString().substr(prefix.size())] = query->getColumn("value").getString();
  }
  return found;
}

void FundFile::set_setting(const std::string& key, const std::string& value) {
  CachedStatement upsert(*this,
                         "INSERT INTO fund_settings(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  upsert->bind(1, key);
  upsert->bind(2, value);
  upsert->exec();
}

FundFile::ReadSnapshot::ReadSnapshot(FundFile& file)
    : file_(file), owned_(sqlite3_get_autocommit(file.db_->getHandle()) != 0) {
  if (!owned_) return;
  file_.db_->exec("BEGIN DEFERRED");
  // The snapshot starts with the first read: take it now.
  file_.db_->execAndGet("SELECT COUNT(*) FROM sqlite_master");
}

FundFile::ReadSnapshot::~ReadSnapshot() {
  if (!owned_) return;
  try {
    file_.db_->exec("ROLLBACK");  // nothing was written
  } catch (...) {                 // NOLINT(bugprone-empty-catch): nothing more can be done in a destructor
  }
}

FundFile::WriteTransaction::WriteTransaction(FundFile& file)
    : file_(file), nested_(sqlite3_get_autocommit(file.db_->getHandle()) == 0) {
  // Inside a larger write (an import records many entries) a savepoint lets this
  // part fail alone; otherwise take the write lock at once.
  file_.db_->exec(nested_ ? "SAVEPOINT cfund_write" : "BEGIN IMMEDIATE");
}

FundFile::WriteTransaction::~WriteTransaction() {
  if (done_) return;
  try {
    if (nested_) {
      file_.db_->exec("ROLLBACK TO cfund_write");
      file_.db_->exec("RELEASE cfund_write");
    } else {
      file_.db_->exec("ROLLBACK");
    }
  } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more can be done in a destructor
  }
}

void FundFile::WriteTransaction::commit() {
  file_.db_->exec(nested_ ? "RELEASE cfund_write" : "COMMIT");
  done_ = true;
}

std::optional<FundFileError> explain_storage_failure(std::exception_ptr failure, const std::string& fund_path) {
  try {
    std::rethrow_exception(failure);
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode() & 0xFF;  // primary code of an extended one
    if (code == SQLITE_IOERR && no_room_beside(fund_path)) code = SQLITE_FULL;
    switch (code) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return FundFileError(bilingual(
            "基金账套“{0}”正被其他人写入，等待 60 秒后仍未轮到：请稍后重试",
            "fund file '{0}' is being written by someone else and stayed busy for 60 seconds: try again later",
            fund_path));
      case SQLITE_FULL:
        return FundFileError(bilingual(
            "磁盘已满，无法写入“{0}”：本次操作未生效，账目没有改变",
            "the disk is full, cannot write '{0}': nothing was recorded and the books are unchanged", fund_path));
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_CANTOPEN:
        return FundFileError(
            bilingual("无法写入基金账套“{0}”（文件或目录只读？）：账目没有改变",
                      "cannot write fund file '{0}' (read-only file or folder?): the books are unchanged", fund_path));
      case SQLITE_NOTADB:
        return FundFileError(bilingual("“{0}”不是 cfund 基金账套文件", "'{0}' is not a cfund fund file", fund_path));
      case SQLITE_CORRUPT:
        return FundFileError(bilingual("基金账套“{0}”已损坏：{1}。请用备份恢复",
                                       "fund file '{0}' is damaged: {1}. Restore it from a backup", fund_path,
                                       e.what()));
      default:
        return FundFileError(bilingual("读写基金账套“{0}”失败：{1}", "reading or writing fund file '{0}' failed: {1}",
                                       fund_path, e.what()));
    }
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace cfund::storage
