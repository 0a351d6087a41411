#include "query/source_weight.h"

#include "query/filtered_scorer.h"
#include "query/term_weight.h"

namespace scoop {

SourceWeight::SourceWeight(std::string key, std::vector<std::optional<TermInfo>> infos)
    : key_(std::move(key)), infos_(std::move(infos)) {}

WeightPtr SourceWeight::make(const WeightContext& context, const SourceQuery& query) {
    std::string key = term_key(TermKind::kSource, query.source);
    std::vector<std::optional<TermInfo>> infos;
    if (find_in_segments(context.reader, key, infos) == 0) return nullptr;
    return std::make_unique<SourceWeight>(std::move(key), std::move(infos));
}

ScorerPtr SourceWeight::scorer(const Segment& segment, std::size_t si) const {
    const auto& info = infos_[si];
    if (!info) return nullptr;
    return std::make_unique<ConstantScorer>(std::make_unique<PostingDocs>(segment.postings(*info)));
}

DocFilterPtr SourceWeight::filter(const Segment& segment) const {
    // Looked up again: filters are made without the segment's number. One
    // dictionary look-up per segment and query.
    const std::optional<TermInfo> info = segment.find(key_);
    if (!info) return nullptr;
    return std::make_unique<MembershipFilter>(
        std::make_unique<PostingDocs>(segment.postings(*info)), MembershipFilter::Pass::kMembers);
}

}  // namespace scoop
