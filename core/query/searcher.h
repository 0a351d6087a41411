#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "index/index_reader.h"
#include "query/hit_renderer.h"
#include "query/query.h"
#include "query/query_parser.h"
#include "query/search_options.h"
#include "query/spelling.h"
#include "query/weight.h"

namespace scoop {

struct SearchResult {
    std::string parsed;  // the query as understood
    std::vector<Hit> hits;
    std::uint64_t total = 0;     // matching documents
    bool total_is_exact = true;  // false: total is a lower bound (pruning skipped some)
    double took_ms = 0;
    std::vector<std::string> warnings;
    std::vector<Suggestion> suggestions;  // only when nothing matched
};

// Answers queries over one index snapshot: parse, compile into a Weight
// (weight.h), run it through a collector (collector.h), render the page's
// hits (hit_renderer.h). Not thread-safe (it owns an analyser); use one per
// thread, sharing the IndexReader.
class Searcher {
  public:
    explicit Searcher(std::shared_ptr<const IndexReader> reader);

    // Throws QueryError for a malformed query.
    SearchResult search(std::string_view query, const SearchOptions& options = {});
    // The exact number of matching documents.
    std::uint64_t count(std::string_view query, const SearchOptions& options = {});

    const IndexReader& reader() const { return *reader_; }
    Analyzer& analyzer() { return analyzer_; }

  private:
    struct Compiled {
        ParsedQuery parsed;
        WeightPtr weight;  // nullptr: matches nothing
    };
    // Parses and compiles `text`; the parser's and the weights' warnings
    // end up in compiled.parsed.warnings.
    Compiled compile(std::string_view text, const SearchOptions& options);
    std::vector<Suggestion> suggestions(const Query& query);

    std::shared_ptr<const IndexReader> reader_;
    Analyzer analyzer_;
    HitRenderer renderer_;
};

}  // namespace scoop
