#pragma once

#include <memory>
#include <vector>

#include "query/block_window.h"
#include "query/scorer.h"

namespace scoop {

// Documents every member matches, scored by the sum. The member with the
// fewest documents leads and the others follow with skip-based advance().
// At the top level it also skips whole windows of documents whose summed
// block maxima cannot beat the minimum competitive score (block-max AND).
//
// One algorithm over members of type Member: Scorer in general, TermScorer
// when every member is a term (its calls then inline, which the benchmarks
// say pays). make_conjunction picks.
template <typename Member>
class ConjunctionScorer final : public Scorer {
  public:
    explicit ConjunctionScorer(std::vector<std::unique_ptr<Member>> members);

    void next() override;
    void advance(std::uint32_t target) override;
    std::uint64_t cost() const override { return members_.front()->cost(); }
    double score() override;
    double max_score() const override { return max_score_; }
    std::uint32_t shallow_advance(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    void set_min_competitive_score(double score) override { min_competitive_ = score; }
    void explain(std::vector<ScorePart>& parts) override;

  private:
    // From the lead's document on, the first every member has.
    void align();

    std::vector<std::unique_ptr<Member>> members_;  // by increasing cost
    std::vector<double> window_bounds_;             // by member, in the current window
    double lead_score_ = 0;                         // the lead's score at doc_, when computed
    bool lead_score_ready_ = false;
    double max_score_ = 0;
    double min_competitive_ = 0;
    double window_max_ = 0;
    BlockWindow window_;
};

// The conjunction of `members` (at least two), over the fastest member type.
ScorerPtr make_conjunction(std::vector<ScorerPtr> members);

}  // namespace scoop
