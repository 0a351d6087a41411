#pragma once

#include <vector>

#include "query/scorer.h"
#include "query/term_scorer.h"

namespace scoop {

// Documents every member matches, scored by the sum. The member with the
// fewest documents leads and the others follow with skip-based advance().
// At the top level it also skips whole windows of documents whose summed
// block maxima cannot beat the minimum competitive score (block-max AND).
class ConjunctionScorer final : public Scorer {
  public:
    explicit ConjunctionScorer(std::vector<ScorerPtr> members);

    void next() override;
    void advance(std::uint32_t target) override;
    double score() override;
    double max_score() const override { return max_score_; }
    std::uint32_t advance_shallow(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    std::uint64_t cost() const override { return members_.front()->cost(); }
    void set_min_competitive_score(double score) override { min_competitive_ = score; }
    void explain(std::vector<ScorePart>& parts) override;

  private:
    void align();
    // The algorithms, over members seen as Scorer or, when every member is
    // a term, as TermScorer, whose calls the compiler can then inline.
    template <typename Member>
    void align_over(const std::vector<Member*>& members);
    template <typename Member>
    std::uint32_t shallow_over(const std::vector<Member*>& members, std::uint32_t target);
    template <typename Member>
    double score_over(const std::vector<Member*>& members);

    std::vector<ScorerPtr> members_;     // by increasing cost
    std::vector<Scorer*> scorers_;       // the same, as pointers
    std::vector<TermScorer*> terms_;     // the same when all are terms, else empty
    std::vector<double> window_bounds_;  // by member, in the current window
    double lead_score_ = 0;              // the lead's score at doc_, when computed
    bool lead_score_ready_ = false;
    double max_score_ = 0;
    double min_competitive_ = 0;
    double window_max_ = 0;
    std::uint32_t window_end_ = 0;
    bool window_valid_ = false;
};

}  // namespace scoop
