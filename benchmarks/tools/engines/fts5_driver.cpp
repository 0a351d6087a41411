#include "engines/fts5_driver.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <utility>
#include <vector>

#include "engines/analysed_corpus.h"
#include "engines/fts5_terms.h"
#include "engines/result_record.h"
#include "engines/sqlite.h"
#include "engines/stopwatch.h"
#include "query/query_parser.h"
#include "util/error.h"

namespace scoop::bench {

struct Fts5Engine::Searching {
    Sqlite db;
    // The statement texts never change, so each is prepared once; the
    // query goes in as a bound MATCH string. The page's size is written
    // into the text, a constant LIMIT as the benchmark has always used.
    std::unique_ptr<Statement> top;
    std::size_t top_k = 0;
    Statement fetch;
    Statement counter;

    explicit Searching(const std::string& path)
        : db(path, SQLITE_OPEN_READONLY),
          fetch(db, "SELECT meta FROM docs WHERE id = ?1"),
          counter(db, "SELECT count(*) FROM articles WHERE articles MATCH ?1") {}
};

Fts5Engine::Fts5Engine(Fts5EngineOptions options)
    : options_(std::move(options)), analyzer_(options_.analysis.language) {}

Fts5Engine::~Fts5Engine() = default;

nlohmann::json Fts5Engine::build(std::span<const std::string> corpus_files) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        std::filesystem::remove(options_.db_path + suffix);
    Sqlite db(options_.db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("PRAGMA journal_mode=OFF");
    db.exec("PRAGMA synchronous=OFF");
    db.exec(fmt::format("PRAGMA cache_size=-{}", options_.cache_mb * 1024));
    std::string options = fmt::format("content='', detail=full, tokenize=\"{}\"", kFts5Tokenizer);
    if (!options_.prefix_index.empty())
        options += fmt::format(", prefix='{}'", options_.prefix_index);
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
    const InputStats input = for_each_analysed_chunk(
        corpus_files, options_.analysis.threads, options_.analysis.language,
        [&](std::vector<AnalysedArticle>& chunk) {
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
                        for (std::uint32_t k = 0;
                             k < (tokens == &a.title ? options_.analysis.title_weight : 1u); ++k) {
                            if (!stem_text.empty()) stem_text.push_back(' ');
                            append_fts5_token(t.stem, stem_text);
                        }
                        if (options_.verify) {
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
    const Stopwatch optimize;
    db.exec("INSERT INTO articles(articles) VALUES('optimize')");
    const double optimize_seconds = optimize.seconds();

    nlohmann::json out = {{"documents", documents},
                          {"optimize_seconds", optimize_seconds},
                          {"bytes", input.bytes},
                          {"problems", input.problems},
                          {"threads", options_.analysis.threads},
                          {"prefix_index", options_.prefix_index},
                          {"optimized_bytes", std::filesystem::file_size(options_.db_path)}};
    if (options_.vacuum) {
        const Stopwatch vacuum;
        db.exec("VACUUM");
        out["compact_seconds"] = vacuum.seconds();
        out["compact_bytes"] = std::filesystem::file_size(options_.db_path);
    }
    if (options_.verify) {
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
    return out;
}

void Fts5Engine::open() {
    if (!std::filesystem::exists(options_.db_path))
        throw Error(options_.db_path + ": no such database; build it with fts5_engine index");
    searching_ = std::make_unique<Searching>(options_.db_path);
    Sqlite& db = searching_->db;
    db.exec(fmt::format("PRAGMA mmap_size={}",
                        std::filesystem::file_size(options_.db_path) + (1 << 20)));
    db.exec(fmt::format("PRAGMA cache_size=-{}", options_.cache_mb * 1024));
}

Fts5Engine::Searching& Fts5Engine::searching() {
    if (!searching_) throw Error("fts5 engine: search before open()");
    return *searching_;
}

std::string Fts5Engine::match(std::string_view query) {
    return fts5_match(QueryParser(analyzer_).parse(query).query);
}

Page Fts5Engine::search(std::string_view query, std::size_t k) {
    // Parse the query and write the MATCH string, find the best k, fetch
    // and decode their stored fields: what scoop's searcher does for a page.
    Searching& s = searching();
    if (!s.top || s.top_k != k) {
        s.top = std::make_unique<Statement>(
            s.db,
            fmt::format("SELECT rowid FROM articles WHERE articles MATCH ?1 ORDER BY rank LIMIT {}",
                        k));
        s.top_k = k;
    }
    const std::string expression = match(query);
    Statement& top = *s.top;
    top.reset();
    top.bind(1, expression);
    Page page;
    while (top.step()) {
        const std::int64_t id = sqlite3_column_int64(top.get(), 0);
        s.fetch.reset();
        s.fetch.bind(1, id);
        if (s.fetch.step()) {
            const auto* data = static_cast<const char*>(sqlite3_column_blob(s.fetch.get(), 0));
            const auto size = static_cast<std::size_t>(sqlite3_column_bytes(s.fetch.get(), 0));
            [[maybe_unused]] const StoredDocument d = parse_meta({data, size}, options_.db_path);
        }
        page.top.push_back(id);
    }
    return page;
}

std::uint64_t Fts5Engine::count(std::string_view query) {
    Searching& s = searching();
    const std::string expression = match(query);
    s.counter.reset();
    s.counter.bind(1, expression);
    if (!s.counter.step()) throw Error("fts5 engine: count(*) returned no row");
    return static_cast<std::uint64_t>(sqlite3_column_int64(s.counter.get(), 0));
}

std::uint64_t Fts5Engine::index_bytes() const {
    return std::filesystem::file_size(options_.db_path);
}

}  // namespace scoop::bench
