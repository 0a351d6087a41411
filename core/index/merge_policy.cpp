#include "index/merge_policy.h"

#include <algorithm>
#include <map>

namespace scoop {

std::vector<std::vector<std::size_t>> MergePolicy::find_merges(
    const std::vector<SegmentMeta>& segments) const {
    const std::size_t f = std::max<std::size_t>(factor, 2);
    std::map<int, std::vector<std::size_t>> tiers;
    std::vector<std::vector<std::size_t>> merges;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const SegmentMeta& s = segments[i];
        if (s.doc_count > 0 && s.deleted_count * 2 > s.doc_count) {
            merges.push_back({i});
            continue;
        }
        int tier = 0;
        for (std::size_t size = floor_docs; s.live_count() >= size * f; size *= f) ++tier;
        tiers[tier].push_back(i);
    }
    for (auto& [tier, members] : tiers) {
        if (members.size() < f) continue;
        std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return segments[a].live_count() < segments[b].live_count();
        });
        for (std::size_t start = 0; start + f <= members.size(); start += f)
            merges.emplace_back(members.begin() + static_cast<std::ptrdiff_t>(start),
                                members.begin() + static_cast<std::ptrdiff_t>(start + f));
    }
    return merges;
}

}  // namespace scoop
