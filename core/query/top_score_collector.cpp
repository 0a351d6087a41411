#include "query/top_score_collector.h"

namespace scoop {

void TopScoreCollector::begin_segment(const SegmentView& view) {
    base_ = view.doc_base;
    seeded_.clear();
    if (!prune_) return;
    std::vector<const TermInfo*> terms;
    view.weight.collect_terms(view.index, terms);
    std::vector<std::uint32_t> candidates;
    for (const TermInfo* info : terms)
        if (info->champion_bytes > 0) {
            const auto docs = view.segment.postings(*info).champions();
            candidates.insert(candidates.end(), docs.begin(), docs.end());
        }
    if (candidates.empty()) return;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const ScorerPtr probe = view.weight.scorer(view.segment, view.index);
    if (!probe) return;
    for (const std::uint32_t d : candidates) {
        probe->advance(d);
        if (probe->doc() == kEndDoc) break;
        if (probe->doc() != d || view.segment.deleted(d)) continue;
        const double score = probe->score();
        if (top_.insert(score, base_ + d, score)) seeded_.push_back(base_ + d);
    }
}

}  // namespace scoop
