#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/weight.h"

namespace scoop {

// source:presstv, source:"press tv": the documents whose extracted source,
// folded as the text is, equals the query's, or one of its names does
// (source:reuters finds "AP, Reuters"). The index keeps each folded
// source as a term of its own (TermKind::kSource), so the filter is one
// posting list advanced alongside the query's scorer. Scores nothing.
class SourceWeight final : public Weight {
  public:
    SourceWeight(std::string key, std::vector<std::optional<TermInfo>> infos);

    // nullptr when no document has that source.
    static WeightPtr make(const WeightContext& context, const SourceQuery& query);

    ScorerPtr scorer(const Segment& segment, std::size_t si) const override;
    DocFilterPtr filter(const Segment& segment) const override;

  private:
    std::string key_;
    std::vector<std::optional<TermInfo>> infos_;
};

}  // namespace scoop
