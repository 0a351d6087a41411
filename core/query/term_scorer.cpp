#include "query/term_scorer.h"

namespace scoop {

TermScorer::TermScorer(ScoredList list, const DocTable& docs)
    : list_(std::move(list)), docs_(docs) {
    doc_ = list_.cursor.doc();
    max_score_ = list_.bm25.bound(list_.cursor.term().term_impacts());
}

std::uint32_t TermScorer::shallow_advance(std::uint32_t target) {
    const std::uint32_t end = list_.cursor.shallow_advance(target);
    // The same window end is the same block: its bound is known. Pruning
    // loops ask again for every window of the other members, and computing
    // a bound scores every entry of the block's impact frontier.
    if (bound_valid_ && end == bound_end_) return end;
    window_max_ = end == kEndDoc ? 0 : list_.bm25.bound(list_.cursor.shallow_impacts());
    bound_end_ = end;
    bound_valid_ = true;
    return end;
}

void TermScorer::skip_non_competitive() {
    while (doc_ != kEndDoc) {
        window_.move_to(doc_, [this](std::uint32_t d) { return shallow_advance(d); });
        if (window_max_ > min_competitive_ || window_.is_last()) return;
        list_.cursor.advance(window_.next_start());
        doc_ = list_.cursor.doc();
    }
}

void TermScorer::explain(std::vector<ScorePart>& parts) {
    const std::uint32_t length = docs_.length(list_.field, doc_);
    parts.push_back({list_.label, static_cast<double>(list_.cursor.freq()), length,
                     list_.bm25.idf(), list_.bm25.score(list_.cursor.freq(), length)});
}

}  // namespace scoop
