#include "query/term_scorer.h"

namespace scoop {

TermScorer::TermScorer(ScoredList list, const DocTable& docs)
    : list_(std::move(list)), docs_(docs) {
    doc_ = list_.cursor.doc();
    max_score_ = list_.weight.bound(list_.cursor.term().term_impacts());
}

std::uint32_t TermScorer::advance_shallow(std::uint32_t target) {
    const std::uint32_t end = list_.cursor.shallow_advance(target);
    // The same window end is the same block: its bound is known. Pruning
    // loops ask again for every window of the other members, and computing
    // a bound scores every entry of the block's impact frontier.
    if (bound_valid_ && end == bound_end_) return end;
    window_max_ = end == kEndDoc ? 0 : list_.weight.bound(list_.cursor.shallow_impacts());
    bound_end_ = end;
    bound_valid_ = true;
    return end;
}

void TermScorer::skip_non_competitive() {
    while (doc_ != kEndDoc) {
        if (!window_valid_ || doc_ > window_end_) {
            window_end_ = advance_shallow(doc_);
            window_valid_ = true;
        }
        if (window_max_ > min_competitive_ || window_end_ == kEndDoc) return;
        list_.cursor.advance(window_end_ + 1);
        doc_ = list_.cursor.doc();
    }
}

void TermScorer::explain(std::vector<ScorePart>& parts) {
    const std::uint32_t length = docs_.length(list_.field, doc_);
    parts.push_back({list_.label, list_.cursor.freq(), length, list_.weight.idf(),
                     list_.weight.score(list_.cursor.freq(), length)});
}

}  // namespace scoop
