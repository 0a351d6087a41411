#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "query/collector.h"
#include "query/top_k.h"

namespace scoop {

// The k best-scoring matches. Matches are counted exactly up to
// `exact_total_up_to`; from there on, when `prune` is set, the k-th best
// score is passed down as the minimum competitive score, so that the
// scorers skip what cannot enter, and the total becomes a lower bound.
// Each segment starts seeded with the exact scores of the documents where
// the query's terms score best (their champion lists), so that pruning has
// a high minimum from the first block on instead of one that creeps up in
// document order.
class TopScoreCollector {
  public:
    TopScoreCollector(std::size_t k, std::uint64_t exact_total_up_to, bool prune)
        : top_(k), exact_total_up_to_(exact_total_up_to), prune_(prune) {}

    void begin_segment(const SegmentView& view);
    void collect(std::uint32_t doc, Scorer& scorer) {
        ++total_;
        const std::uint64_t global = base_ + doc;
        if (!seeded_.empty() && std::binary_search(seeded_.begin(), seeded_.end(), global))
            return;  // in already
        const double score = scorer.score();
        top_.insert(score, global, score);
        if (prune_ && !pruned_ && total_ >= exact_total_up_to_ && top_.full()) pruned_ = true;
    }
    double min_competitive_score() const {
        return pruned_ ? top_.threshold() : kNoMinimumScore;  // pruned_ implies a full heap
    }

    std::uint64_t total() const { return total_; }
    // false: pruning skipped matches, and total() is a lower bound.
    bool total_is_exact() const { return !pruned_; }
    std::vector<TopK::Entry> sorted() const { return top_.sorted(); }

  private:
    TopK top_;
    std::uint64_t exact_total_up_to_;
    bool prune_;
    bool pruned_ = false;
    std::uint64_t total_ = 0;
    std::uint64_t base_ = 0;
    std::vector<std::uint64_t> seeded_;  // this segment's, global numbers, increasing
};

}  // namespace scoop
