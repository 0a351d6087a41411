#include "query/phrase_scorer.h"

#include <algorithm>
#include <numeric>

namespace scoop {
namespace {

// The most a document can have of every word, and the least length it can
// have, from the words' impact frontiers: a phrase occurs at most as often
// as its rarest word in a document, and the document's length is one.
void combine(std::uint32_t& max_freq, std::uint32_t& min_length,
                                                std::span<const Impact> impacts) {
    std::uint32_t f = 0, l = UINT32_MAX;
    for (const Impact& i : impacts) {
        f = std::max(f, i.freq);
        l = std::min(l, i.length);
    }
    max_freq = std::min(max_freq, f);
    min_length = std::max(min_length, l == UINT32_MAX ? 0 : l);
}

}  // namespace

PhraseScorer::PhraseScorer(std::vector<PostingCursor> words, TermWeight weight, Field field, const DocTable& docs,
                           std::string label)
    : words_(std::move(words)), weight_(weight), field_(field), docs_(docs), label_(std::move(label)) {
    order_.resize(words_.size());
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return words_[a].df() < words_[b].df(); });
    std::uint32_t max_freq = UINT32_MAX, min_length = 0;
    for (const auto& w : words_) combine(max_freq, min_length, w.term().term_impacts());
    max_score_ = bound(max_freq, min_length);
    positions_.resize(words_.size());
    find_match();
}

double PhraseScorer::bound(std::uint32_t max_freq, std::uint32_t min_length) const {
    return weight_.score(max_freq, min_length) * kBoundSlack;
}

void PhraseScorer::next() {
    if (doc_ == kEndDoc) return;
    words_[order_.front()].next();
    find_match();
}

void PhraseScorer::advance(std::uint32_t target) {
    if (doc_ != kEndDoc && target <= doc_) return;
    words_[order_.front()].advance(target);
    find_match();
}

void PhraseScorer::find_match() {
    PostingCursor& lead = words_[order_.front()];
    while (lead.doc() != kEndDoc) {
        const std::uint32_t candidate = lead.doc();
        bool all = true;
        for (std::size_t k = 1; k < order_.size(); ++k) {
            PostingCursor& c = words_[order_[k]];
            c.advance(candidate);
            if (c.doc() != candidate) {
                all = false;
                if (c.doc() == kEndDoc) {
                    doc_ = kEndDoc;
                    return;
                }
                lead.advance(c.doc());
                break;
            }
        }
        if (!all) continue;
        freq_ = count_occurrences();
        if (freq_ > 0) {
            doc_ = candidate;
            return;
        }
        lead.next();
    }
    doc_ = kEndDoc;
}

std::uint32_t PhraseScorer::count_occurrences() {
    if (words_.size() == 1) return words_[0].freq();
    for (std::size_t i = 0; i < words_.size(); ++i) positions_[i] = words_[i].positions();
    // The phrase starts at p when word i is at p + i for every i. Walk the
    // first word's positions and keep a pointer into each other list.
    std::vector<std::size_t>& at = cursor_offsets_;
    at.assign(words_.size(), 0);
    std::uint32_t count = 0;
    for (std::uint32_t start : positions_[0]) {
        bool match = true;
        for (std::size_t i = 1; i < words_.size() && match; ++i) {
            const auto& p = positions_[i];
            const std::uint32_t want = start + static_cast<std::uint32_t>(i);
            while (at[i] < p.size() && p[at[i]] < want) ++at[i];
            if (at[i] == p.size()) return count;  // no later start can match either
            match = p[at[i]] == want;
        }
        count += match;
    }
    return count;
}

std::uint32_t PhraseScorer::advance_shallow(std::uint32_t target) {
    std::uint32_t end = kEndDoc - 1;
    std::uint32_t max_freq = UINT32_MAX, min_length = 0;
    for (auto& w : words_) {
        const std::uint32_t e = w.shallow_advance(target);
        if (e == kEndDoc) {
            window_max_ = 0;
            return kEndDoc;
        }
        end = std::min(end, e);
        combine(max_freq, min_length, w.shallow_impacts());
    }
    window_max_ = bound(max_freq, min_length);
    return end;
}

void PhraseScorer::explain(std::vector<ScorePart>& parts) {
    const std::uint32_t length = docs_.length(field_, doc_);
    parts.push_back({label_, freq_, length, weight_.idf(), weight_.score(freq_, length)});
}

}  // namespace scoop
