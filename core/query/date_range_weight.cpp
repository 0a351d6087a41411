#include "query/date_range_weight.h"

#include "query/filtered_scorer.h"

namespace scoop {

ScorerPtr DateRangeWeight::scorer(const Segment& segment, std::size_t) const {
    return std::make_unique<FilteredScorer>(all_docs_scorer(segment.doc_count()), filter(segment));
}

DocFilterPtr DateRangeWeight::filter(const Segment& segment) const {
    return std::make_unique<DateRangeFilter>(segment.docs(), from_, to_);
}

}  // namespace scoop
