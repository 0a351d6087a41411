#include "query/disjunction_scorer.h"

#include <algorithm>
#include <numeric>

namespace scoop {

DisjunctionScorer::DisjunctionScorer(std::vector<ScorerPtr> members) : members_(std::move(members)) {
    for (const auto& m : members_) {
        max_score_ += m->max_score();
        cost_ += m->cost();
    }
    order_.resize(members_.size());
    bounds_.resize(members_.size());
    prefix_bound_.resize(members_.size());
    target_ = 0;
    find_candidate();
}

void DisjunctionScorer::set_min_competitive_score(double score) {
    min_competitive_ = score;
    window_valid_ = false;  // the partition depends on it
}

void DisjunctionScorer::next() {
    if (doc_ == kEndDoc) return;
    target_ = doc_ + 1;
    find_candidate();
}

void DisjunctionScorer::advance(std::uint32_t target) {
    if (doc_ != kEndDoc && target <= doc_) return;
    target_ = target;
    find_candidate();
}

void DisjunctionScorer::find_candidate() {
    score_ready_ = false;
    if (min_competitive_ > 0) find_pruned();
    else find_unpruned();
}

// Nothing to prune against yet: the smallest document of any member.
void DisjunctionScorer::find_unpruned() {
    std::uint32_t candidate = kEndDoc;
    for (auto& m : members_) {
        if (m->doc() < target_) m->advance(target_);
        candidate = std::min(candidate, m->doc());
    }
    doc_ = candidate;
}

bool DisjunctionScorer::open_window() {
    std::uint32_t end = kEndDoc;
    for (std::size_t i = 0; i < members_.size(); ++i) {
        const std::uint32_t e = members_[i]->advance_shallow(target_);
        bounds_[i] = e == kEndDoc ? 0 : members_[i]->window_max_score();
        if (e != kEndDoc) end = std::min(end, e);
    }
    if (end == kEndDoc) return false;  // no member has anything from target_ on
    window_end_ = end;
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return bounds_[a] < bounds_[b]; });
    double sum = 0;
    first_essential_ = members_.size();
    for (std::size_t k = 0; k < order_.size(); ++k) {
        sum += bounds_[order_[k]];
        prefix_bound_[k] = sum;
        if (first_essential_ == members_.size() && sum > min_competitive_) first_essential_ = k;
    }
    window_valid_ = true;
    return true;
}

void DisjunctionScorer::find_pruned() {
    for (;;) {
        if (!window_valid_ || target_ > window_end_) {
            if (!open_window()) break;
            if (first_essential_ == members_.size()) {
                // Nothing in this window can compete: skip it whole.
                if (window_end_ >= kEndDoc - 1) break;
                target_ = window_end_ + 1;
                window_valid_ = false;
                continue;
            }
        }
        // The next document of an essential member within the window.
        std::uint32_t candidate = kEndDoc;
        for (std::size_t k = first_essential_; k < order_.size(); ++k) {
            Scorer& m = *members_[order_[k]];
            if (m.doc() < target_) m.advance(target_);
            candidate = std::min(candidate, m.doc());
        }
        if (candidate > window_end_) {
            if (window_end_ >= kEndDoc - 1) break;
            target_ = window_end_ + 1;
            window_valid_ = false;
            continue;
        }
        double s = 0;
        for (std::size_t k = first_essential_; k < order_.size(); ++k) {
            Scorer& m = *members_[order_[k]];
            if (m.doc() == candidate) s += m.score();
        }
        // The strongest non-essential members first; stop as soon as the
        // rest cannot lift the score above the minimum.
        bool competitive = true;
        for (std::size_t k = first_essential_; k-- > 0;) {
            if (s + prefix_bound_[k] <= min_competitive_) {
                competitive = false;
                break;
            }
            Scorer& m = *members_[order_[k]];
            if (m.doc() < candidate) m.advance(candidate);
            if (m.doc() == candidate) s += m.score();
        }
        if (competitive && s > min_competitive_) {
            doc_ = candidate;
            score_ = s;
            score_ready_ = true;
            return;
        }
        target_ = candidate + 1;
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
