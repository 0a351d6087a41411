#pragma once

#include <string>
#include <vector>

#include "index/doc_table.h"
#include "index/posting_cursor.h"
#include "query/block_window.h"
#include "query/bm25.h"
#include "query/scorer.h"

namespace scoop {

// An exact phrase, as parts that each occur at fixed offsets from the
// phrase's start: words, and word pairs (whose positions are their first
// word's). A term the phrase holds several times ("mln mln", "the the the")
// is one part with several offsets, read once. The parts' lists are
// intersected first (the rarest leading) and positions are decoded only for
// documents that have every part often enough. Scored by BM25 over the
// phrase's frequency in the document, with the words' idfs summed, as
// Lucene does. The work per candidate document is linear in the phrase's
// length and the parts' positions there, whatever the phrase repeats.
//
// With a slop, Lucene's sloppy phrase: word parts only, each at one offset;
// a match is a set of positions, one per word, whose distance (the spread
// of position less offset) is at most the slop, found by Lucene's sweep
// (SloppyPhraseMatcher), and the frequency is the sum over matches of
// 1 / (1 + distance). Each match moves a word on, so the frequency is at
// most the sum of the words' frequencies: the bound it prunes with.
class PhraseScorer final : public Scorer {
  public:
    struct Part {
        PostingCursor cursor;
        std::vector<std::uint32_t> offsets;  // from the phrase's first word, increasing
    };
    // Parts covering every word of the phrase, each term once.
    PhraseScorer(std::vector<Part> parts, Bm25 bm25, Field field, const DocTable& docs,
                 std::string label, std::uint32_t slop = 0);

    void next() override;
    void advance(std::uint32_t target) override;
    std::uint64_t cost() const override { return parts_[order_.front()].cursor.df(); }
    double score() override { return bm25_.score_frequency(freq_, docs_.length(field_, doc_)); }
    double max_score() const override { return max_score_; }
    std::uint32_t shallow_advance(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    void set_min_competitive_score(double score) override { min_competitive_ = score; }
    void explain(std::vector<ScorePart>& parts) override;

    double phrase_freq() const { return freq_; }

  private:
    // From the lead's current document on, the first with the whole phrase.
    void find_match();
    std::uint32_t count_occurrences();
    std::uint32_t count_distinct_parts();
    double sloppy_frequency();
    // The most a phrase can occur in a document where its parts occur
    // `freqs` times at most: the least of them, or for a sloppy phrase
    // their sum.
    void combine(std::uint32_t& max_freq, std::uint32_t& min_length,
                 std::span<const Impact> impacts) const;
    // What combine() and the per-document bound start from and fold with.
    std::uint32_t no_freq_bound() const { return slop_ > 0 ? 0 : UINT32_MAX; }
    std::uint32_t fold_freq_bound(std::uint32_t bound, std::uint32_t freq) const {
        return slop_ > 0 ? static_cast<std::uint32_t>(
                               std::min<std::uint64_t>(std::uint64_t{bound} + freq, UINT32_MAX))
                         : std::min(bound, freq);
    }
    double bound(std::uint32_t max_freq, std::uint32_t min_length) const;

    std::vector<Part> parts_;
    std::vector<std::size_t> order_;  // parts by increasing document frequency
    bool repeats_ = false;            // some part stands at several offsets
    Bm25 bm25_;
    Field field_;
    const DocTable& docs_;
    std::string label_;
    std::uint32_t slop_;
    double freq_ = 0;
    double max_score_ = 0;
    double window_max_ = 0;
    double min_competitive_ = 0;
    BlockWindow window_;
    std::vector<std::size_t> by_freq_;   // part indexes, rarest here first
    std::vector<std::uint32_t> starts_;  // phrase starts still possible
    std::vector<std::uint32_t> runs_;    // consecutive positions from each position on
    struct Sweep {
        std::span<const std::uint32_t> positions;
        std::size_t at;
        std::int64_t relative;  // positions[at] less the word's offset
    };
    std::vector<Sweep> sweep_;  // a sloppy phrase's words
};

}  // namespace scoop
