#include "query/term_scorer.h"

namespace scoop {

TermScorer::TermScorer(ScoredList main, std::optional<ScoredList> boost, const DocTable& docs)
    : main_(std::move(main)), boost_(std::move(boost)), docs_(docs) {
    doc_ = main_.cursor.doc();
    max_score_ = main_.weight.bound(main_.cursor.term().term_impacts());
    if (boost_) max_score_ += boost_->weight.bound(boost_->cursor.term().term_impacts());
}

double TermScorer::score() {
    double s = main_.weight.score(main_.cursor.freq(), docs_.length(main_.field, doc_));
    if (boost_) {
        PostingCursor& c = boost_->cursor;
        c.advance(doc_);
        if (c.doc() == doc_) s += boost_->weight.score(c.freq(), docs_.length(boost_->field, doc_));
    }
    return s;
}

std::uint32_t TermScorer::advance_shallow(std::uint32_t target) {
    std::uint32_t end = main_.cursor.shallow_advance(target);
    if (end == kEndDoc) {
        window_max_ = 0;
        return kEndDoc;
    }
    window_max_ = main_.weight.bound(main_.cursor.shallow_impacts());
    if (boost_) {
        const std::uint32_t boost_end = boost_->cursor.shallow_advance(target);
        if (boost_end != kEndDoc) {
            window_max_ += boost_->weight.bound(boost_->cursor.shallow_impacts());
            end = std::min(end, boost_end);
        }
    }
    return end;
}

void TermScorer::skip_non_competitive() {
    while (doc_ != kEndDoc) {
        if (!window_valid_ || doc_ > window_end_) {
            window_end_ = advance_shallow(doc_);
            window_valid_ = true;
        }
        if (window_max_ > min_competitive_ || window_end_ == kEndDoc) return;
        main_.cursor.advance(window_end_ + 1);
        doc_ = main_.cursor.doc();
    }
}

void TermScorer::explain(std::vector<ScorePart>& parts) {
    const std::uint32_t length = docs_.length(main_.field, doc_);
    parts.push_back({main_.label, main_.cursor.freq(), length, main_.weight.idf(),
                     main_.weight.score(main_.cursor.freq(), length)});
    if (boost_) {
        PostingCursor& c = boost_->cursor;
        c.advance(doc_);
        if (c.doc() == doc_) {
            const std::uint32_t title_length = docs_.length(boost_->field, doc_);
            parts.push_back({boost_->label, c.freq(), title_length, boost_->weight.idf(),
                             boost_->weight.score(c.freq(), title_length)});
        }
    }
}

}  // namespace scoop
