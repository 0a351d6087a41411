#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/weight.h"

namespace scoop {

// One posting list scored by BM25: a word's stem, an exact word, or a
// word pair standing for a two-word phrase.
class TermWeight final : public Weight {
  public:
    // infos: where the key is in each segment.
    TermWeight(std::string key, Field field, Bm25 bm25, std::vector<std::optional<TermInfo>> infos);

    // The weight of `key` in `field`, its idf from the snapshot's
    // statistics; nullptr when no segment has it.
    static WeightPtr make(const WeightContext& context, Field field, std::string key);

    ScorerPtr scorer(const Segment& segment, std::size_t si) const override;
    void collect_terms(std::size_t si, std::vector<const TermInfo*>& terms) const override;

  private:
    std::string key_;
    Field field_;
    Bm25 bm25_;
    std::vector<std::optional<TermInfo>> infos_;
};

// Where `key` is in each segment of `reader` (appended to `infos`), and its
// document frequency over all of them.
std::uint64_t find_in_segments(const IndexReader& reader, std::string_view key,
                               std::vector<std::optional<TermInfo>>& infos);

}  // namespace scoop
