#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "query/weight.h"

namespace scoop {

// An exact phrase: the posting lists of its parts (words, and the word
// pairs the index keeps for phrases with a common word), their offsets in
// the phrase, and the phrase's BM25 (its words' idfs summed).
class PhraseWeight final : public Weight {
  public:
    struct Part {
        std::vector<std::uint32_t> offsets;          // in the phrase, increasing
        std::vector<std::optional<TermInfo>> infos;  // by segment
    };
    PhraseWeight(std::vector<Part> parts, Field field, Bm25 bm25, std::string label,
                 std::uint32_t slop = 0);

    // The weight of `phrase`: a TermWeight when one list is the whole
    // phrase (one word, or one pair), nullptr when a part occurs nowhere.
    static WeightPtr make(const WeightContext& context, const PhraseQuery& phrase);
    // A sloppy phrase ("arms iran"~3): each distinct word a part at its
    // first offset (a word written twice counts once; the index's word
    // pairs hold adjacent words only, so they are not used).
    static WeightPtr make_sloppy(const WeightContext& context, const PhraseQuery& phrase);

    ScorerPtr scorer(const Segment& segment, std::size_t si) const override;
    void collect_terms(std::size_t si, std::vector<const TermInfo*>& terms) const override;

  private:
    std::vector<Part> parts_;
    Field field_;
    Bm25 bm25_;
    std::string label_;
    std::uint32_t slop_;
};

}  // namespace scoop
