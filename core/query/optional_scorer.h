#pragma once

#include "query/scorer.h"

namespace scoop {

// Matches what `required` matches; `optional` adds its score where it also
// matches (SHOULD clauses beside MUST ones: "+iran missile").
class OptionalScorer final : public Scorer {
  public:
    OptionalScorer(ScorerPtr required, ScorerPtr optional);

    void next() override;
    void advance(std::uint32_t target) override;
    std::uint64_t cost() const override { return required_->cost(); }
    double score() override;
    double max_score() const override { return required_->max_score() + optional_->max_score(); }
    std::uint32_t shallow_advance(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    void set_min_competitive_score(double score) override;
    void explain(std::vector<ScorePart>& parts) override;

  private:
    ScorerPtr required_, optional_;
    double window_max_ = 0;
};

}  // namespace scoop
