#pragma once

#include <cstdint>

#include "query/collector.h"

namespace scoop {

// The exact number of matches; nothing is scored.
class CountCollector {
  public:
    void begin_segment(const SegmentView&) {}
    void collect(std::uint32_t, Scorer&) { ++count_; }
    double min_competitive_score() const { return kNoMinimumScore; }

    std::uint64_t count() const { return count_; }

  private:
    std::uint64_t count_ = 0;
};

}  // namespace scoop
