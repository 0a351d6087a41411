#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "index/index_reader.h"
#include "index/stored_fields.h"
#include "query/bm25.h"
#include "query/query.h"
#include "query/query_parser.h"
#include "query/scorer.h"
#include "query/snippet.h"
#include "query/spelling.h"

namespace scoop {

enum class SortOrder { kRelevance, kDate };

// The deepest result a search can reach (offset + limit), as Elasticsearch's
// max_result_window: the top k is held in memory while the matches stream
// past, so a page must be bounded.
inline constexpr std::size_t kMaxResultWindow = 100'000;

struct SearchOptions {
    std::size_t limit = 10;
    std::size_t offset = 0;
    SortOrder sort = SortOrder::kRelevance;
    Bm25Params bm25;
    bool snippets = true;
    // Read each hit's stored fields (title, path, body); off for callers
    // that only need document numbers and scores.
    bool load_documents = true;
    std::size_t snippet_width = 160;  // bytes, about two lines
    bool explain = false;
    // Matches are counted exactly up to this many; past it, pruning may skip
    // documents that cannot make the page and the total is a lower bound.
    std::uint64_t exact_total_up_to = 1000;
    // Count every match even when pruning could skip them (slower).
    bool exact_total = false;
    // Skip block-max pruning and score every match: the reference that
    // tests compare the pruned evaluation with.
    bool exhaustive = false;
    std::size_t max_prefix_terms = 128;
    bool suggest = true;  // "did you mean" when nothing matches
    QueryLimits limits;
};

// Throws scoop::Error naming the option when `options` cannot be honoured:
// a page past kMaxResultWindow, BM25 parameters that are not finite or out
// of range, a snippet width or prefix expansion of zero or beyond reason.
void validate(const SearchOptions& options);

struct Hit {
    std::uint64_t doc = 0;  // global document number in this snapshot
    double score = 0;
    StoredDocument document;
    Snippet snippet;
    std::vector<ScorePart> explanation;
};

struct SearchResult {
    std::string parsed;  // the query as understood
    std::vector<Hit> hits;
    std::uint64_t total = 0;     // matching documents
    bool total_is_exact = true;  // false: total is a lower bound (pruning skipped some)
    double took_ms = 0;
    std::vector<std::string> warnings;
    std::vector<Suggestion> suggestions;  // only when nothing matched
};

// Answers queries over one index snapshot. Not thread-safe (it owns an
// analyser); use one per thread, sharing the IndexReader.
class Searcher {
  public:
    explicit Searcher(std::shared_ptr<const IndexReader> reader);
    ~Searcher();

    // Throws QueryError for a malformed query.
    SearchResult search(std::string_view query, const SearchOptions& options = {});
    // The exact number of matching documents.
    std::uint64_t count(std::string_view query, const SearchOptions& options = {});

    const IndexReader& reader() const { return *reader_; }
    Analyzer& analyzer() { return analyzer_; }

    struct Plan;  // a query compiled against the index's statistics

  private:
    std::unique_ptr<Plan> compile(const Query& query, const SearchOptions& options,
                                  std::vector<std::string>& warnings);
    std::vector<Suggestion> suggestions(const Query& query);

    std::shared_ptr<const IndexReader> reader_;
    Analyzer analyzer_;
    // Per segment, kept across queries: decompression contexts are costly
    // to make, and consecutive queries often show the same documents.
    std::vector<StoredFieldsReader::BlockCache> stored_caches_;
};

}  // namespace scoop
