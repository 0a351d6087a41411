#pragma once

#include <utility>
#include <vector>

#include "query/weight.h"

namespace scoop {

// Clauses combined as a boolean query's: +required (conjunction), plain
// (disjunction; optional beside required ones), -excluded, and filters.
class BooleanWeight final : public Weight {
  public:
    using Clause = std::pair<Occur, WeightPtr>;
    explicit BooleanWeight(std::vector<Clause> clauses);

    // The weight of `query`: nullptr when it can match nothing (a required
    // clause or every searched clause matches nothing), the clause itself
    // when it is the only one.
    static WeightPtr make(WeightContext& context, const BooleanQuery& query);

    ScorerPtr scorer(const Segment& segment, std::size_t si) const override;
    void collect_terms(std::size_t si, std::vector<const TermInfo*>& terms) const override;

  private:
    std::vector<Clause> clauses_;  // none null
};

}  // namespace scoop
