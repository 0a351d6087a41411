#pragma once

// Hit rendering, the step after the search: the collector gives document
// numbers and scores; this reads what a person sees of each (stored fields,
// a snippet around the query's words) and, for --explain, the score parts.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/index_reader.h"
#include "index/stored_fields.h"
#include "query/query.h"
#include "query/scorer.h"
#include "query/search_options.h"
#include "query/snippet.h"
#include "query/top_k.h"
#include "query/weight.h"

namespace scoop {

struct Hit {
    std::uint64_t doc = 0;  // global document number in this snapshot
    double score = 0;
    StoredDocument document;
    // Where the index holding it is, when several are searched together
    // (IndexReader::combine); empty for one.
    std::string index;
    Snippet snippet;
    std::vector<ScorePart> explanation;
};

class HitRenderer {
  public:
    explicit HitRenderer(const IndexReader& reader);

    // The hits of `entries` (best first) from `options.offset` on, as the
    // options ask: documents, snippets of `query`'s words, explanations
    // from `weight`'s scorers.
    std::vector<Hit> render(std::span<const TopK::Entry> entries, const SearchOptions& options,
                            const Query& query, const Weight* weight, Analyzer& analyzer);

  private:
    const IndexReader& reader_;
    // Per segment, kept across queries: decompression contexts are costly
    // to make, and consecutive queries often show the same documents.
    std::vector<StoredFieldsReader::BlockCache> caches_;
};

}  // namespace scoop
