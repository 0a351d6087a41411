#pragma once

// The one interface through which the side-by-side benchmark builds and
// queries every engine (scoop, Xapian, SQLite FTS5), so that the three are
// driven and timed by the same code (measurement.h, engine_program.h) and
// differ only in what the engines themselves do.
//
// Queries are given as text in scoop's query language (docs/QUERY.md).
// scoop answers them through its Searcher; the reference engines parse
// them with scoop's own QueryParser and Analyzer and translate the parsed
// Query into their own queries, so that all three search what scoop's
// parser makes of the text, and parsing is part of every engine's time.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace scoop::bench {

// One result page as an engine answered it.
struct Page {
    // The engine's own ids of the best documents, best first. For the
    // reference engines the articles' 1-based numbers in input order.
    std::vector<std::int64_t> top;
    // The engine's count of matches while finding the page, when it makes
    // one (possibly an estimate or a lower bound).
    std::optional<std::uint64_t> estimated;
};

class Engine {
  public:
    virtual ~Engine() = default;

    // "scoop", "xapian", "fts5": how reports name the engine.
    virtual std::string_view name() const = 0;

    // Builds a new index from the prepared corpus (JSON Lines files, read
    // in the order given), replacing any index in the engine's place.
    // Returns the engine's own figures for the report (at least
    // "documents"); the caller times the call and adds the index's size.
    virtual nlohmann::json build(std::span<const std::string> corpus_files) = 0;

    // Opens the index built earlier, for search() and count().
    virtual void open() = 0;

    // The best `k` documents for `query`, with each hit's stored fields
    // (title, date, source, path) read and decoded: the work of a result
    // page. Throws QueryError for a query scoop's parser refuses, and
    // scoop::Error for one this engine cannot express.
    virtual Page search(std::string_view query, std::size_t k) = 0;

    // The exact number of documents matching `query`. Not timed.
    virtual std::uint64_t count(std::string_view query) = 0;

    // What the index takes on disk, in bytes.
    virtual std::uint64_t index_bytes() const = 0;
};

}  // namespace scoop::bench
