#pragma once

#include <vector>

#include "query/scorer.h"

namespace scoop {

// Documents any member matches, scored by the sum of the members that
// match. Pruned with block-max MaxScore (Turtle and Flood; Ding and Suel's
// block-max refinement): members are ordered by their best score, and the
// low ones whose best scores together cannot beat the minimum competitive
// score become "non-essential": they no longer propose documents, are only
// consulted for documents the others found, and only when the document's
// score so far plus their block maxima could still compete. A top-10 query
// over long lists thus reads a small part of them.
class DisjunctionScorer final : public Scorer {
public:
    explicit DisjunctionScorer(std::vector<ScorerPtr> members);

    void next() override;
    void advance(std::uint32_t target) override;
    double score() override;
    double max_score() const override { return max_score_; }
    std::uint32_t advance_shallow(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    std::uint64_t cost() const override { return cost_; }
    void set_min_competitive_score(double score) override;
    void explain(std::vector<ScorePart>& parts) override;

private:
    void find_candidate();

    std::vector<ScorerPtr> members_;  // by increasing max_score
    std::vector<double> bounds_;      // bounds_[i]: sum of max_score of members 0..i
    std::size_t first_essential_ = 0;
    double max_score_ = 0;
    std::uint64_t cost_ = 0;
    double min_competitive_ = 0;
    double score_ = 0;
    bool score_ready_ = false;
    double window_max_ = 0;
};

}  // namespace scoop
