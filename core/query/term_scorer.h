#pragma once

#include <string>

#include "index/doc_table.h"
#include "index/posting_cursor.h"
#include "query/block_window.h"
#include "query/bm25.h"
#include "query/scorer.h"

namespace scoop {

// One posting list with what it takes to score it.
struct ScoredList {
    PostingCursor cursor;
    Bm25 bm25;
    Field field = Field::kTitleAndBody;
    std::string label;  // for explain
};

// A query word: BM25 over one posting list, normally the text field's
// stem (in which title words already count extra, see Manifest).
class TermScorer final : public Scorer {
  public:
    TermScorer(ScoredList list, const DocTable& docs);

    void next() override {
        list_.cursor.next();
        doc_ = list_.cursor.doc();
        if (min_competitive_ > 0) skip_non_competitive();
    }
    void advance(std::uint32_t target) override {
        list_.cursor.advance(target);
        doc_ = list_.cursor.doc();
        if (min_competitive_ > 0) skip_non_competitive();
    }
    std::uint64_t cost() const override { return list_.cursor.df(); }
    double score() override {
        return list_.bm25.score(list_.cursor.freq(), docs_.length(list_.field, doc_));
    }
    double max_score() const override { return max_score_; }
    std::uint32_t shallow_advance(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    void set_min_competitive_score(double score) override { min_competitive_ = score; }
    void explain(std::vector<ScorePart>& parts) override;

  private:
    // Moves past whole blocks whose best score cannot beat the minimum.
    void skip_non_competitive();

    ScoredList list_;
    const DocTable& docs_;
    double max_score_ = 0;
    double min_competitive_ = 0;
    BlockWindow window_;  // where skip_non_competitive is
    double window_max_ = 0;
    std::uint32_t bound_end_ = 0;  // the window end window_max_ was computed for
    bool bound_valid_ = false;
};

}  // namespace scoop
