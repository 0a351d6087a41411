#include "query/disjunction_scorer.h"

#include <algorithm>

namespace scoop {

DisjunctionScorer::DisjunctionScorer(std::vector<ScorerPtr> members) : members_(std::move(members)) {
    std::stable_sort(members_.begin(), members_.end(),
                     [](const ScorerPtr& a, const ScorerPtr& b) { return a->max_score() < b->max_score(); });
    double sum = 0;
    for (const auto& m : members_) {
        sum += m->max_score();
        bounds_.push_back(sum);
        cost_ += m->cost();
    }
    max_score_ = sum;
    find_candidate();
}

void DisjunctionScorer::set_min_competitive_score(double score) {
    min_competitive_ = score;
    while (first_essential_ < members_.size() && bounds_[first_essential_] <= min_competitive_) ++first_essential_;
}

void DisjunctionScorer::next() {
    if (doc_ == kEndDoc) return;
    for (std::size_t i = first_essential_; i < members_.size(); ++i)
        if (members_[i]->doc() == doc_) members_[i]->next();
    find_candidate();
}

void DisjunctionScorer::advance(std::uint32_t target) {
    if (doc_ != kEndDoc && target <= doc_) return;
    for (std::size_t i = first_essential_; i < members_.size(); ++i) members_[i]->advance(target);
    find_candidate();
}

void DisjunctionScorer::find_candidate() {
    for (;;) {
        std::uint32_t candidate = kEndDoc;
        for (std::size_t i = first_essential_; i < members_.size(); ++i) candidate = std::min(candidate, members_[i]->doc());
        if (candidate == kEndDoc) break;
        if (first_essential_ == 0) {
            // Nothing is pruned yet: every member is consulted in score().
            doc_ = candidate;
            score_ready_ = false;
            return;
        }
        double partial = 0;
        for (std::size_t i = first_essential_; i < members_.size(); ++i)
            if (members_[i]->doc() == candidate) partial += members_[i]->score();

        bool competitive = partial + bounds_[first_essential_ - 1] > min_competitive_;
        if (competitive) {
            // Tighter: the non-essential members' maxima in their current blocks.
            double window = partial;
            for (std::size_t i = 0; i < first_essential_; ++i) {
                if (members_[i]->advance_shallow(candidate) != kEndDoc) window += members_[i]->window_max_score();
            }
            competitive = window > min_competitive_;
        }
        if (competitive) {
            // Most promising first; stop as soon as the rest cannot lift it.
            double s = partial;
            for (std::size_t i = first_essential_; i-- > 0;) {
                if (s + bounds_[i] <= min_competitive_) {
                    competitive = false;
                    break;
                }
                members_[i]->advance(candidate);
                if (members_[i]->doc() == candidate) s += members_[i]->score();
            }
            if (competitive && s > min_competitive_) {
                doc_ = candidate;
                score_ = s;
                score_ready_ = true;
                return;
            }
        }
        for (std::size_t i = first_essential_; i < members_.size(); ++i)
            if (members_[i]->doc() == candidate) members_[i]->next();
    }
    doc_ = kEndDoc;
}

double DisjunctionScorer::score() {
    if (score_ready_) return score_;
    double s = 0;
    for (auto& m : members_) {
        if (m->doc() < doc_) m->advance(doc_);
        if (m->doc() == doc_) s += m->score();
    }
    score_ = s;
    score_ready_ = true;
    return s;
}

std::uint32_t DisjunctionScorer::advance_shallow(std::uint32_t target) {
    std::uint32_t end = kEndDoc;
    double sum = 0;
    for (auto& m : members_) {
        const std::uint32_t e = m->advance_shallow(target);
        if (e == kEndDoc) continue;  // contributes nothing from target on
        end = std::min(end, e);
        sum += m->window_max_score();
    }
    window_max_ = sum;
    return end;
}

void DisjunctionScorer::explain(std::vector<ScorePart>& parts) {
    for (auto& m : members_) {
        if (m->doc() < doc_) m->advance(doc_);
        if (m->doc() == doc_) m->explain(parts);
    }
}

}  // namespace scoop
