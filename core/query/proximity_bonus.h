#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "query/bm25.h"
#include "query/query.h"

namespace scoop {

// A term-proximity bonus for ranked queries of several words: BM25TP
// (Rasolofo and Savoy, "Term proximity scoring for keyword-based retrieval
// systems", ECIR 2003). Every two occurrences of different query words at
// most kProximityWindow positions apart add 1 / distance^2 to their pair's
// accumulator acc; each pair adds
//   (k1 + 1) * acc / (K + acc) * min(idf_a, idf_b),  K = k1 * (1 - b + b * dl / avgdl)
// to the document's BM25 score, times the caller's weight. The words are
// the query's ranked words of the whole text (not excluded ones, not
// phrases, which already require their words together), compared as
// folded words, since the index keeps positions of words, not stems.
//
// Applied by the searcher as a re-ranking of the BM25 top (SearchOptions::
// proximity_weight): the bonus has no block bounds, so it cannot prune.
class ProximityBonus {
  public:
    static constexpr std::uint32_t kProximityWindow = 5;

    ProximityBonus(const IndexReader& reader, const Query& query, Bm25Params params);
    // Whether the query has two words or more to be near each other.
    bool applies() const { return words_.size() >= 2; }
    // The bonus of global document `doc`.
    double bonus(std::uint64_t doc) const;

  private:
    struct Word {
        double idf = 0;
        std::vector<std::optional<TermInfo>> infos;  // per segment
    };
    const IndexReader& reader_;
    Bm25Params params_;
    std::vector<Word> words_;
};

}  // namespace scoop
