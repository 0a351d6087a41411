#pragma once

#include <optional>
#include <string>

#include "index/doc_table.h"
#include "index/posting_cursor.h"
#include "query/bm25.h"
#include "query/scorer.h"

namespace scoop {

// One posting list with what it takes to score it.
struct ScoredList {
    PostingCursor cursor;
    TermWeight weight;
    Field field = Field::kText;
    std::string label;  // for explain
};

// A query word: BM25 over its main list (the text field's stem) plus,
// when a title boost is set, the boosted BM25 of the same stem in the title
// field. The title list only adds score: every document with a title word
// also has it in the text field, so the main list decides what matches.
class TermScorer final : public Scorer {
public:
    TermScorer(ScoredList main, std::optional<ScoredList> boost, const DocTable& docs);

    void next() override {
        main_.cursor.next();
        doc_ = main_.cursor.doc();
        if (min_competitive_ > 0) skip_non_competitive();
    }
    void advance(std::uint32_t target) override {
        main_.cursor.advance(target);
        doc_ = main_.cursor.doc();
        if (min_competitive_ > 0) skip_non_competitive();
    }
    double score() override;
    double max_score() const override { return max_score_; }
    std::uint32_t advance_shallow(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    std::uint64_t cost() const override { return main_.cursor.df(); }
    void set_min_competitive_score(double score) override { min_competitive_ = score; }
    void explain(std::vector<ScorePart>& parts) override;

private:
    // Moves past whole blocks whose best score cannot beat the minimum.
    void skip_non_competitive();

    ScoredList main_;
    std::optional<ScoredList> boost_;
    const DocTable& docs_;
    double max_score_ = 0;
    double min_competitive_ = 0;
    std::uint32_t window_end_ = 0;
    bool window_valid_ = false;
    double window_max_ = 0;
};

}  // namespace scoop
