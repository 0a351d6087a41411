#pragma once

// SQLite connections and prepared statements that close themselves, and
// whose every failure is a scoop::Error with SQLite's own text.

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "util/error.h"

namespace scoop::bench {

// Owns a connection; every failure becomes a scoop::Error with SQLite's text.
class Sqlite {
  public:
    Sqlite(const std::string& path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw Error(path + ": " + message);
        }
    }
    ~Sqlite() { sqlite3_close(db_); }
    Sqlite(const Sqlite&) = delete;
    Sqlite& operator=(const Sqlite&) = delete;

    sqlite3* get() const { return db_; }

    void exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string text = message ? message : sqlite3_errmsg(db_);
            sqlite3_free(message);
            throw Error(fmt::format("{}: {}", sql, text));
        }
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error(fmt::format("{}: {}", what, sqlite3_errmsg(db_)));
    }

  private:
    sqlite3* db_ = nullptr;
};

class Statement {
  public:
    Statement(Sqlite& db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v3(db.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_,
                               nullptr) != SQLITE_OK)
            db.fail(sql);
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    sqlite3_stmt* get() const { return stmt_; }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
    // SQLITE_STATIC: the caller keeps the bytes alive until the step.
    void bind(int i, std::string_view text) {
        check(
            sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
    }
    void bind_blob(int i, std::string_view bytes) {
        check(sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()),
                                SQLITE_STATIC));
    }
    // True while there is a row.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) db_.fail(sqlite3_sql(stmt_));
        return false;
    }

  private:
    void check(int rc) const {
        if (rc != SQLITE_OK) db_.fail("bind");
    }
    Sqlite& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace scoop::bench
