#pragma once

#include "query/weight.h"

namespace scoop {

// Documents dated in [from, to]: a filter beside other clauses
// ("iran date:2009"), every dated match scoring 0 alone ("date:2009").
class DateRangeWeight final : public Weight {
  public:
    DateRangeWeight(Timestamp from, Timestamp to) : from_(from), to_(to) {}

    ScorerPtr scorer(const Segment& segment, std::size_t si) const override;
    DocFilterPtr filter(const Segment& segment) const override;

  private:
    Timestamp from_, to_;
};

}  // namespace scoop
