#include "query/disjunction_scorer.h"

#include <algorithm>
#include <numeric>

namespace scoop {

DisjunctionScorer::DisjunctionScorer(std::vector<ScorerPtr> members)
    : members_(std::move(members)) {
    for (const auto& m : members_) {
        max_score_ += m->max_score();
        cost_ += m->cost();
        scorers_.push_back(m.get());
        if (auto* t = dynamic_cast<TermScorer*>(m.get())) terms_.push_back(t);
    }
    if (terms_.size() != members_.size()) terms_.clear();
    order_.resize(members_.size());
    bounds_.resize(members_.size());
    ends_.resize(members_.size());
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
    if (min_competitive_ > 0)
        terms_.empty() ? find_pruned(scorers_) : find_pruned(terms_);
    else
        terms_.empty() ? find_unpruned(scorers_) : find_unpruned(terms_);
}

// Nothing to prune against yet: the smallest document of any member.
template <typename Member>
void DisjunctionScorer::find_unpruned(const std::vector<Member*>& members) {
    std::uint32_t candidate = kEndDoc;
    for (Member* m : members) {
        if (m->doc() < target_) m->advance(target_);
        candidate = std::min(candidate, m->doc());
    }
    doc_ = candidate;
}

template <typename Member>
bool DisjunctionScorer::open_window(const std::vector<Member*>& members) {
    // Only members whose block ended before target_ move on: the others'
    // bounds still hold. A frequent word ORed with a rarer one skips most
    // windows, each a block of the frequent word's list, so a skipped
    // window costs one member's new bound and a sum.
    std::uint32_t end = kEndDoc;
    double total = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (!bounds_known_ || ends_[i] < target_) {
            ends_[i] = members[i]->advance_shallow(target_);
            bounds_[i] = ends_[i] == kEndDoc ? 0 : members[i]->window_max_score();
        }
        if (ends_[i] == kEndDoc) continue;  // nothing from target_ on
        end = std::min(end, ends_[i]);
        total += bounds_[i];
    }
    bounds_known_ = true;
    if (end == kEndDoc) return false;  // no member has anything from target_ on
    window_end_ = end;
    window_valid_ = true;
    first_essential_ = members_.size();
    if (total <= min_competitive_) return true;  // bounds carry slack for the order of sums
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(),
              [&](std::size_t a, std::size_t b) { return bounds_[a] < bounds_[b]; });
    double sum = 0;
    for (std::size_t k = 0; k < order_.size(); ++k) {
        sum += bounds_[order_[k]];
        prefix_bound_[k] = sum;
        if (first_essential_ == members_.size() && sum > min_competitive_) first_essential_ = k;
    }
    return true;
}

template <typename Member>
void DisjunctionScorer::find_pruned(const std::vector<Member*>& members) {
    for (;;) {
        if (!window_valid_ || target_ > window_end_) {
            if (!open_window(members)) break;
            if (first_essential_ == members_.size()) {
                // Nothing in this window can compete: skip it whole.
                if (window_end_ >= kEndDoc - 1) break;
                target_ = window_end_ + 1;
                window_valid_ = false;
                continue;
            }
        }
        // The next document of an essential member within the window, and
        // the essential members' score there.
        std::uint32_t candidate = kEndDoc;
        double s = 0;
        if (first_essential_ + 1 == order_.size()) {
            // One essential member, the usual case once the threshold is
            // up: its documents in a tight loop, each dropped as soon as
            // its score and every non-essential bound cannot compete (the
            // first test of the loop below, done here without the rest).
            Member& m = *members[order_.back()];
            const double rest = first_essential_ == 0 ? 0.0 : prefix_bound_[first_essential_ - 1];
            if (m.doc() < target_) m.advance(target_);
            for (; m.doc() <= window_end_; m.next()) {
                s = m.score();
                if (s + rest > min_competitive_) break;
            }
            candidate = m.doc();
        } else {
            for (std::size_t k = first_essential_; k < order_.size(); ++k) {
                Member& m = *members[order_[k]];
                if (m.doc() < target_) m.advance(target_);
                candidate = std::min(candidate, m.doc());
            }
            if (candidate <= window_end_)
                for (std::size_t k = first_essential_; k < order_.size(); ++k) {
                    Member& m = *members[order_[k]];
                    if (m.doc() == candidate) s += m.score();
                }
        }
        if (candidate > window_end_) {
            if (window_end_ >= kEndDoc - 1) break;
            target_ = window_end_ + 1;
            window_valid_ = false;
            continue;
        }
        // The strongest non-essential members first; stop as soon as the
        // rest cannot lift the score above the minimum.
        bool competitive = true;
        for (std::size_t k = first_essential_; k-- > 0;) {
            if (s + prefix_bound_[k] <= min_competitive_) {
                competitive = false;
                break;
            }
            Member& m = *members[order_[k]];
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
    return terms_.empty() ? score_over(scorers_) : score_over(terms_);
}

template <typename Member>
double DisjunctionScorer::score_over(const std::vector<Member*>& members) {
    double s = 0;
    for (Member* m : members) {
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
