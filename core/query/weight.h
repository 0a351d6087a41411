#pragma once

// Query -> Weight -> Scorer (as Lucene and tantivy): a Weight is a query
// compiled against one index snapshot, holding what is fixed for the whole
// search (its terms' statistics, idf, BM25 parameters and where each term
// is in each segment); per segment it makes the scorer tree that matches
// and scores there. One weight per query kind: term_weight.h,
// phrase_weight.h, boolean_weight.h, date_range_weight.h; prefixes expand
// into a boolean weight of terms (prefix_weight.h).

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "index/segment.h"
#include "query/bm25.h"
#include "query/doc_filter.h"
#include "query/query.h"
#include "query/scorer.h"

namespace scoop {

// What weights are made with.
struct WeightContext {
    const IndexReader& reader;
    Bm25Params bm25;
    std::size_t max_prefix_terms = 128;
    std::vector<std::string>& warnings;  // notes for the user, e.g. a prefix cut short
    // How many words all the query's prefixes and fuzzy words together may
    // still stand for (the query's term limit): a pasted line of 400
    // fuzzy words must not become 20,000 posting lists.
    std::size_t expansion_budget = 1024;
    bool budget_spent_noted = false;
};

class Weight {
  public:
    virtual ~Weight() = default;

    // The scorer over segment number `si` of the weight's reader; nullptr
    // when nothing matches there.
    virtual ScorerPtr scorer(const Segment& segment, std::size_t si) const = 0;

    // For weights that only restrict and never score (a date range): the
    // filter a kFilter clause applies instead of a scorer. nullptr for the
    // others.
    virtual DocFilterPtr filter(const Segment& segment) const {
        (void)segment;
        return nullptr;
    }

    // Appends the posting lists of its positive terms in segment `si`:
    // where the best documents are likely to be (their champion lists seed
    // the top k, see TopScoreCollector).
    virtual void collect_terms(std::size_t si, std::vector<const TermInfo*>& terms) const {
        (void)si;
        (void)terms;
    }
};

using WeightPtr = std::unique_ptr<Weight>;

// The weight of `query`; nullptr when it matches nothing in the snapshot.
WeightPtr create_weight(const Query& query, WeightContext& context);

}  // namespace scoop
