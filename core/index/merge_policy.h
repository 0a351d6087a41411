#pragma once

#include <cstddef>
#include <vector>

#include "index/segment.h"

namespace scoop {

// Tiered merging, as Lucene's TieredMergePolicy and tantivy's log merge
// policy do it in spirit: segments are grouped in tiers by live size, each
// tier `factor` times the one below; when a tier holds `factor` segments
// they merge into one of the next tier. The number of segments then stays
// about factor x log_factor(documents). A segment more than half deleted is
// rewritten on its own to drop the dead documents.
struct MergePolicy {
    std::size_t factor = 10;
    std::size_t floor_docs = 1000;  // segments below this are all tier 0

    // Each element lists indexes into `segments` to merge into one segment.
    std::vector<std::vector<std::size_t>> find_merges(
        const std::vector<SegmentMeta>& segments) const;
};

}  // namespace scoop
