#include "query/term_weight.h"

#include "query/term_scorer.h"

namespace scoop {

std::uint64_t find_in_segments(const IndexReader& reader, std::string_view key,
                               std::vector<std::optional<TermInfo>>& infos) {
    std::uint64_t df = 0;
    for (const auto& segment : reader.segments()) {
        infos.push_back(segment->find(key));
        if (infos.back()) df += infos.back()->df;
    }
    return df;
}

TermWeight::TermWeight(std::string key, Field field, Bm25 bm25,
                       std::vector<std::optional<TermInfo>> infos)
    : key_(std::move(key)), field_(field), bm25_(bm25), infos_(std::move(infos)) {}

WeightPtr TermWeight::make(const WeightContext& context, Field field, std::string key) {
    std::vector<std::optional<TermInfo>> infos;
    const std::uint64_t df = find_in_segments(context.reader, key, infos);
    if (df == 0) return nullptr;
    const Bm25 bm25(bm25_idf(df, context.reader.doc_count()), context.bm25,
                    context.reader.average_length(field));
    return std::make_unique<TermWeight>(std::move(key), field, bm25, std::move(infos));
}

ScorerPtr TermWeight::scorer(const Segment& segment, std::size_t si) const {
    const auto& info = infos_[si];
    if (!info) return nullptr;
    return std::make_unique<TermScorer>(
        ScoredList{segment.postings(*info), bm25_, field_, describe_key(key_)}, segment.docs());
}

void TermWeight::collect_terms(std::size_t si, std::vector<const TermInfo*>& terms) const {
    if (infos_[si]) terms.push_back(&*infos_[si]);
}

}  // namespace scoop
