// fts5_engine: the SQLite FTS5 side of the side-by-side benchmark (issue 5).
//
// FTS5 has no stemmer and its own tokenizer, so it is given text that its
// tokenizer cannot take apart: the words scoop's analyser emits, each
// escaped to [a-z0-9~] (see fts5_token), joined by spaces. Phrases and
// prefixes search the words, keywords search a column of the stems.
//
//   fts5_engine index --db FILE [--threads N] [--prefix-index "2 3"]
//                     [--cache-mb 256] [--no-vacuum] [--verify] FILE.jsonl...
//   fts5_engine search --db FILE [--warmup 1] [--count] < queries.jsonl
//
// Schema:
//   articles: fts5(title, body, stems, content='', detail=full,
//                  tokenize="unicode61 remove_diacritics 0 tokenchars '~'")
//     title  the title's words              (phrases, prefixes, exact words)
//     body   the body's words               (phrases, prefixes, exact words)
//     stems  the stems of title then body   (keywords)
//   docs(id INTEGER PRIMARY KEY, meta BLOB): scoop's serialisation of the
//     stored fields, what a hit shows.
// The FTS5 table is contentless: storing the analysed text as well would
// only add a second and third copy of the text to FTS5's size; the stored
// fields are kept once, in docs, as scoop and Xapian keep them once. The
// rowid of an article is its 1-based number in input order, as Xapian's
// docid is, so "top" lists compare across engines.
//
// Scoop's text field is the title, a gap, then the body, so no phrase spans
// the two; FTS5 phrases never span columns, which is the same thing. FTS5
// ranks with its bm25() (k1 = 1.2, b = 0.75, fixed; scoop's defaults),
// every column weighted 1. A prefix matches every word starting with it,
// where scoop takes the 128 most frequent: FTS5's hit counts of prefixes
// with more expansions than that are larger, by design.
//
// Building: one transaction, journal_mode=OFF, synchronous=OFF, then
// 'optimize' (all segments merged into one) and VACUUM (so the file holds
// no free pages and its size is the index's size; --no-vacuum skips it).
// Searching: mmap and a large page cache, FTS5 at its fastest.
//
// No prefix index by default: with prefix='2 3 4' on Reuters-21578 the
// file grew from 40 to 76 MB (it covers the stems column too) and the
// median 3-letter prefix query got no faster (4.6 ms against 3.8 ms), since
// ORDER BY rank still scores every match. --prefix-index turns it on.

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "common/engine_common.h"
#include "common/result_record.h"
#include "index/stored_fields.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

using namespace scoop::bench;

// ---------------------------------------------------------------------------
// SQLite

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

// What FTS5 sees of one of scoop's words or stems. unicode61 splits at
// punctuation and would take "3.5", "1,000" or "_x" apart (and with its
// default remove_diacritics=1 would fold "é" into "e"), so every byte
// outside [a-z0-9] is written as '~' and two hex digits: "3.5" -> "3~2e5",
// "café" -> "caf~c3~a9". '~' is declared a token character, and unicode61
// sees nothing else but [a-z0-9] and spaces, so a word is always exactly one
// token. The mapping is injective ('~' itself is escaped) and keeps byte
// prefixes, so "3.*" -> "3~2e"* matches what scoop's prefix matches. Folded
// words are lower case already; the news corpora are ASCII, so the escapes
// are rare.
void append_fts5_token(std::string_view word, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (const char ch : word) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(ch);
        } else {
            out.push_back('~');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
}

std::string fts5_token(std::string_view word) {
    std::string out;
    append_fts5_token(word, out);
    return out;
}

// An FTS5 string: double quotes around it, inner quotes doubled.
void append_quoted(std::string_view text, std::string& out) {
    out.push_back('"');
    for (const char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// ---------------------------------------------------------------------------
// Indexing

constexpr const char* kTokenizer = "unicode61 remove_diacritics 0 tokenchars '~'";

int run_index(const std::string& db_path, unsigned threads, unsigned title_weight,
              const std::string& language, const std::string& prefix_index, int cache_mb,
              bool vacuum, bool verify, const std::vector<std::string>& files) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        std::filesystem::remove(db_path + suffix);
    const auto start = Clock::now();
    Sqlite db(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("PRAGMA journal_mode=OFF");
    db.exec("PRAGMA synchronous=OFF");
    db.exec(fmt::format("PRAGMA cache_size=-{}", cache_mb * 1024));
    std::string options = fmt::format("content='', detail=full, tokenize=\"{}\"", kTokenizer);
    if (!prefix_index.empty()) options += fmt::format(", prefix='{}'", prefix_index);
    db.exec(
        fmt::format("CREATE VIRTUAL TABLE articles USING fts5(title, body, stems, {})", options));
    db.exec("CREATE TABLE docs(id INTEGER PRIMARY KEY, meta BLOB)");
    db.exec("BEGIN");
    Statement insert_text(db,
                          "INSERT INTO articles(rowid, title, body, stems) VALUES(?1, ?2, ?3, ?4)");
    Statement insert_meta(db, "INSERT INTO docs(id, meta) VALUES(?1, ?2)");

    std::int64_t documents = 0;
    std::set<std::string> words, stems;  // --verify only
    std::string title, body, stem_text, meta;
    const InputStats input =
        for_each_chunk(files, threads, language, [&](std::vector<AnalysedArticle>& chunk) {
            for (const AnalysedArticle& a : chunk) {
                title.clear();
                body.clear();
                stem_text.clear();
                for (const Token& t : a.title) {
                    if (!title.empty()) title.push_back(' ');
                    append_fts5_token(t.word, title);
                }
                for (const Token& t : a.body) {
                    if (!body.empty()) body.push_back(' ');
                    append_fts5_token(t.word, body);
                }
                // Title stems repeated title_weight times: FTS5 has no term
                // weights, and this is how scoop's title weight counts them.
                for (const auto* tokens : {&a.title, &a.body})
                    for (const Token& t : *tokens) {
                        for (unsigned k = 0; k < (tokens == &a.title ? title_weight : 1u); ++k) {
                            if (!stem_text.empty()) stem_text.push_back(' ');
                            append_fts5_token(t.stem, stem_text);
                        }
                        if (verify) {
                            words.insert(fts5_token(t.word));
                            stems.insert(fts5_token(t.stem));
                        }
                    }
                ++documents;
                insert_text.reset();
                insert_text.bind(1, documents);
                insert_text.bind(2, title);
                insert_text.bind(3, body);
                insert_text.bind(4, stem_text);
                insert_text.step();
                meta = serialize_meta(a.article);
                insert_meta.reset();
                insert_meta.bind(1, documents);
                insert_meta.bind_blob(2, meta);
                insert_meta.step();
            }
        });
    db.exec("COMMIT");
    const auto optimize_start = Clock::now();
    db.exec("INSERT INTO articles(articles) VALUES('optimize')");
    const double optimize_seconds = seconds_since(optimize_start);
    const double seconds = seconds_since(start);

    nlohmann::json out = {{"engine", "fts5"},
                          {"documents", documents},
                          {"seconds", seconds},
                          {"optimize_seconds", optimize_seconds},
                          {"bytes", input.bytes},
                          {"problems", input.problems},
                          {"threads", threads},
                          {"prefix_index", prefix_index},
                          {"index_bytes", std::filesystem::file_size(db_path)}};
    if (vacuum) {
        const auto vacuum_start = Clock::now();
        db.exec("VACUUM");
        out["compact_seconds"] = seconds_since(vacuum_start);
        out["compact_bytes"] = std::filesystem::file_size(db_path);
    }
    if (verify) {
        // The check behind fts5_token: FTS5's vocabulary must be exactly the
        // escaped words (title and body columns) and stems (stems column).
        db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles, 'col')");
        std::set<std::string> seen_words, seen_stems;
        Statement terms(db, "SELECT term, col FROM temp.vocab");
        while (terms.step()) {
            const std::string term =
                reinterpret_cast<const char*>(sqlite3_column_text(terms.get(), 0));
            const std::string_view col =
                reinterpret_cast<const char*>(sqlite3_column_text(terms.get(), 1));
            (col == "stems" ? seen_stems : seen_words).insert(term);
        }
        const bool ok = seen_words == words && seen_stems == stems;
        out["verify"] = {{"ok", ok},
                         {"words", words.size()},
                         {"fts5_words", seen_words.size()},
                         {"stems", stems.size()},
                         {"fts5_stems", seen_stems.size()}};
        if (!ok) {
            std::vector<std::string> missing;
            std::set_symmetric_difference(words.begin(), words.end(), seen_words.begin(),
                                          seen_words.end(), std::back_inserter(missing));
            missing.resize(std::min<std::size_t>(missing.size(), 20));
            out["verify"]["word_differences"] = missing;
        }
    }
    out["peak_rss_kb"] = peak_rss_kb();
    std::cout << out.dump() << "\n";
    return 0;
}

// ---------------------------------------------------------------------------
// Searching

// The MATCH expression meaning what scoop's query means (see the header).
std::string match_expression(const LogicalQuery& q) {
    std::string out;
    std::string token;
    for (const Clause& c : q.clauses) {
        if (!out.empty()) out += q.conjunctive ? " AND " : " OR ";
        token.clear();
        for (const std::string& term : c.terms) {
            if (!token.empty()) token.push_back(' ');
            append_fts5_token(term, token);
        }
        out += c.kind == Clause::Kind::kKeyword ? "stems : " : "{title body} : ";
        append_quoted(token, out);
        if (c.kind == Clause::Kind::kPrefix) out += " *";
    }
    return out;
}

int run_search(const std::string& db_path, int warmup, bool count, int cache_mb,
               const std::string& language) {
    const std::vector<QueryLine> queries = read_query_lines(std::cin);

    if (!std::filesystem::exists(db_path)) throw Error(db_path + ": no such database");
    Sqlite db(db_path, SQLITE_OPEN_READONLY);
    db.exec(fmt::format("PRAGMA mmap_size={}", std::filesystem::file_size(db_path) + (1 << 20)));
    db.exec(fmt::format("PRAGMA cache_size=-{}", cache_mb * 1024));
    // The statement texts never change, so each is prepared once; the
    // query goes in as a bound MATCH string.
    Statement top(db, "SELECT rowid FROM articles WHERE articles MATCH ?1 ORDER BY rank LIMIT 10");
    Statement fetch(db, "SELECT meta FROM docs WHERE id = ?1");
    Statement counter(db, "SELECT count(*) FROM articles WHERE articles MATCH ?1");
    Analyzer analyzer(language);

    // Analyse the query and write the MATCH string, find the best ten, fetch
    // and decode their stored fields: what scoop's searcher does for a page.
    std::string expression;
    auto answer = [&](const QueryLine& line) {
        Answer a;
        const LogicalQuery logical = analyse_query(analyzer, line);
        if (logical.error.empty()) {
            expression = match_expression(logical);
            top.reset();
            top.bind(1, expression);
            while (top.step()) {
                const std::int64_t id = sqlite3_column_int64(top.get(), 0);
                fetch.reset();
                fetch.bind(1, id);
                if (fetch.step()) {
                    const auto* data =
                        static_cast<const char*>(sqlite3_column_blob(fetch.get(), 0));
                    const auto size =
                        static_cast<std::size_t>(sqlite3_column_bytes(fetch.get(), 0));
                    [[maybe_unused]] const StoredDocument d = parse_meta({data, size}, db_path);
                }
                a.top.push_back(id);
            }
        } else {
            a.error = logical.error;
        }
        return a;
    };

    const std::vector<Answer> answers = answer_all(queries, warmup, answer);

    for (std::size_t i = 0; i < queries.size(); ++i) {
        const Answer& a = answers[i];
        nlohmann::json out = answer_record(queries[i], a);
        if (count) {
            std::int64_t hits = 0;
            if (a.error.empty()) {
                expression = match_expression(analyse_query(analyzer, queries[i]));
                counter.reset();
                counter.bind(1, expression);
                if (counter.step()) hits = sqlite3_column_int64(counter.get(), 0);
            }
            out["hits"] = hits;
        }
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return 0;
}

}  // namespace
}  // namespace scoop

int main(int argc, char** argv) {
    using namespace scoop;
    CLI::App app{
        "SQLite FTS5 reference engine for the side-by-side benchmark: indexes the words and stems "
        "scoop's analyser emits and answers benchmark query lines."};
    app.require_subcommand(1);
    std::string db_path, language = "english";
    int cache_mb = 256;

    CLI::App* index =
        app.add_subcommand("index", "Index JSON Lines files into a new database file");
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string prefix_index;
    bool no_vacuum = false, verify = false;
    std::vector<std::string> files;
    index->add_option("--db", db_path, "Database file (overwritten)")->required();
    unsigned title_weight = 2;
    index
        ->add_option(
            "--title-weight", title_weight,
            "Times a title stem is repeated in the stems column, as scoop's --title-weight")
        ->capture_default_str();
    index->add_option("--threads", threads, "Threads analysing text (SQLite itself writes on one)")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
    index->add_option(
        "--prefix-index", prefix_index,
        "FTS5 prefix indexes, e.g. \"2 3\" (prefix lengths in characters; none by default)");
    index->add_option("--cache-mb", cache_mb, "SQLite page cache while building")
        ->capture_default_str();
    index->add_flag("--no-vacuum", no_vacuum, "Skip the VACUUM after 'optimize'");
    index->add_flag("--verify", verify,
                    "Check that FTS5's vocabulary is exactly the analyser's words and stems");
    index->add_option("--language", language, "Stemming language")->capture_default_str();
    index->add_option("files", files, "JSON Lines files")->required();

    CLI::App* search =
        app.add_subcommand("search", "Answer query lines from standard input, one JSON line each");
    int warmup = 1;
    bool count = false;
    search->add_option("--db", db_path, "Database file")->required();
    search->add_option("--warmup", warmup, "Untimed passes over the whole query set first")
        ->capture_default_str();
    search->add_flag("--count", count,
                     "Also count every query's matches exactly (untimed), as \"hits\"");
    search->add_option("--cache-mb", cache_mb, "SQLite page cache")->capture_default_str();
    search->add_option("--language", language, "Stemming language")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        if (index->parsed())
            return run_index(db_path, threads, title_weight, language, prefix_index, cache_mb,
                             !no_vacuum, verify, files);
        return run_search(db_path, warmup, count, cache_mb, language);
    } catch (const std::exception& e) {
        fmt::print(stderr, "fts5_engine: {}\n", e.what());
    }
    return 2;
}
