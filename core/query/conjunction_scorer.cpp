#include "query/conjunction_scorer.h"

#include <algorithm>

namespace scoop {

ConjunctionScorer::ConjunctionScorer(std::vector<ScorerPtr> members) : members_(std::move(members)) {
    std::stable_sort(members_.begin(), members_.end(), [](const ScorerPtr& a, const ScorerPtr& b) { return a->cost() < b->cost(); });
    for (const auto& m : members_) max_score_ += m->max_score();
    align();
}

void ConjunctionScorer::next() {
    if (doc_ == kEndDoc) return;
    members_.front()->next();
    align();
}

void ConjunctionScorer::advance(std::uint32_t target) {
    if (doc_ != kEndDoc && target <= doc_) return;
    members_.front()->advance(target);
    align();
}

void ConjunctionScorer::align() {
    Scorer& lead = *members_.front();
    for (;;) {
        const std::uint32_t candidate = lead.doc();
        if (candidate == kEndDoc) break;
        if (min_competitive_ > 0) {
            if (!window_valid_ || candidate > window_end_) {
                window_end_ = advance_shallow(candidate);
                window_valid_ = true;
            }
            if (window_max_ <= min_competitive_) {
                if (window_end_ == kEndDoc) break;
                lead.advance(window_end_ + 1);
                continue;
            }
        }
        std::uint32_t ahead = candidate;
        for (std::size_t i = 1; i < members_.size() && ahead == candidate; ++i) {
            members_[i]->advance(candidate);
            ahead = members_[i]->doc();
        }
        if (ahead == candidate) {
            doc_ = candidate;
            return;
        }
        if (ahead == kEndDoc) break;
        lead.advance(ahead);
    }
    doc_ = kEndDoc;
}

double ConjunctionScorer::score() {
    double s = 0;
    for (auto& m : members_) s += m->score();
    return s;
}

std::uint32_t ConjunctionScorer::advance_shallow(std::uint32_t target) {
    std::uint32_t end = kEndDoc;
    double sum = 0;
    for (auto& m : members_) {
        const std::uint32_t e = m->advance_shallow(target);
        if (e == kEndDoc) {  // a member has nothing from target on: neither has the conjunction
            window_max_ = 0;
            return kEndDoc;
        }
        end = std::min(end, e);
        sum += m->window_max_score();
    }
    window_max_ = sum;
    return end;
}

void ConjunctionScorer::explain(std::vector<ScorePart>& parts) {
    for (auto& m : members_) m->explain(parts);
}

}  // namespace scoop
