#pragma once

// Collectors (as tantivy's and Lucene's): what a search does with each
// match, apart from how matches are found. The one search loop,
// collect_matches, drives any type that meets the Collector concept: top k
// by score (top_score_collector.h), newest first
// (newest_first_collector.h), a count (count_collector.h); facets and the
// collapsing of reposted stories are new collectors, not new loops. The
// loop is a template so that each collector's calls inline into it.

#include <concepts>
#include <cstdint>
#include <limits>

#include "index/index_reader.h"
#include "query/weight.h"

namespace scoop {

// What a collector learns of each segment before its matches.
struct SegmentView {
    const Segment& segment;
    std::size_t index;  // in the reader
    std::uint64_t doc_base;
    const Weight& weight;
};

// A collector that wants every match says so with this minimum.
inline constexpr double kNoMinimumScore = -std::numeric_limits<double>::infinity();

template <typename C>
concept Collector = requires(C& c, const SegmentView& view, std::uint32_t doc, Scorer& scorer) {
    c.begin_segment(view);
    // A live (not deleted) match, the scorer on it.
    c.collect(doc, scorer);
    // Only documents scoring above it are of use from now on; the loop
    // passes it to the scorer, whose pruning then skips the rest.
    { c.min_competitive_score() } -> std::convertible_to<double>;
};

// Runs the view's weight over its segment, in document order, feeding
// `collector`: the search loop.
template <Collector C>
void collect_segment(const SegmentView& view, C& collector) {
    const ScorerPtr scorer = view.weight.scorer(view.segment, view.index);
    if (!scorer) return;
    collector.begin_segment(view);
    double applied = kNoMinimumScore;
    auto pass_minimum = [&] {
        const double minimum = collector.min_competitive_score();
        if (minimum > applied) {
            scorer->set_min_competitive_score(minimum);
            applied = minimum;
        }
    };
    pass_minimum();
    for (; scorer->doc() != kEndDoc; scorer->next()) {
        const std::uint32_t doc = scorer->doc();
        if (view.segment.deleted(doc)) continue;
        collector.collect(doc, *scorer);
        pass_minimum();
    }
}

// The same over every segment of `reader`; `weight` nullptr is a query
// that matches nothing.
template <Collector C>
void collect_matches(const IndexReader& reader, const Weight* weight, C& collector) {
    if (weight == nullptr) return;
    for (std::size_t si = 0; si < reader.segments().size(); ++si)
        collect_segment(SegmentView{*reader.segments()[si], si, reader.doc_base(si), *weight},
                        collector);
}

}  // namespace scoop
