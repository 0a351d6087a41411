#include "query/disjunction_scorer.h"

#include <algorithm>
#include <numeric>

#include "query/term_scorer.h"

namespace scoop {

template <typename Member>
DisjunctionScorer<Member>::DisjunctionScorer(std::vector<std::unique_ptr<Member>> members)
    : members_(std::move(members)) {
    for (const auto& m : members_) {
        max_score_ += m->max_score();
        cost_ += m->cost();
    }
    order_.resize(members_.size());
    bounds_.resize(members_.size());
    ends_.resize(members_.size());
    prefix_bound_.resize(members_.size());
    target_ = 0;
    find_candidate();
}

template <typename Member>
void DisjunctionScorer<Member>::set_min_competitive_score(double score) {
    min_competitive_ = score;
    window_.close();  // the partition depends on it
}

template <typename Member>
void DisjunctionScorer<Member>::next() {
    if (doc_ == kEndDoc) return;
    target_ = doc_ + 1;
    find_candidate();
}

template <typename Member>
void DisjunctionScorer<Member>::advance(std::uint32_t target) {
    if (doc_ != kEndDoc && target <= doc_) return;
    target_ = target;
    find_candidate();
}

template <typename Member>
void DisjunctionScorer<Member>::find_candidate() {
    score_ready_ = false;
    if (min_competitive_ > 0)
        find_pruned();
    else
        find_unpruned();
}

template <typename Member>
void DisjunctionScorer<Member>::find_unpruned() {
    std::uint32_t candidate = kEndDoc;
    for (auto& m : members_) {
        if (m->doc() < target_) m->advance(target_);
        candidate = std::min(candidate, m->doc());
    }
    doc_ = candidate;
}

template <typename Member>
std::uint32_t DisjunctionScorer<Member>::open_window() {
    // Only members whose block ended before target_ move on: the others'
    // bounds still hold. A frequent word ORed with a rarer one skips most
    // windows, each a block of the frequent word's list, so a skipped
    // window costs one member's new bound and a sum.
    std::uint32_t end = kEndDoc;
    double total = 0;
    for (std::size_t i = 0; i < members_.size(); ++i) {
        if (!bounds_known_ || ends_[i] < target_) {
            ends_[i] = members_[i]->shallow_advance(target_);
            bounds_[i] = ends_[i] == kEndDoc ? 0 : members_[i]->window_max_score();
        }
        if (ends_[i] == kEndDoc) continue;  // nothing from target_ on
        end = std::min(end, ends_[i]);
        total += bounds_[i];
    }
    bounds_known_ = true;
    first_essential_ = members_.size();
    if (end == kEndDoc) return end;
    if (total <= min_competitive_) return end;  // bounds carry slack for the order of sums
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(),
              [&](std::size_t a, std::size_t b) { return bounds_[a] < bounds_[b]; });
    double sum = 0;
    for (std::size_t k = 0; k < order_.size(); ++k) {
        sum += bounds_[order_[k]];
        prefix_bound_[k] = sum;
        if (first_essential_ == members_.size() && sum > min_competitive_) first_essential_ = k;
    }
    return end;
}

template <typename Member>
void DisjunctionScorer<Member>::find_pruned() {
    for (;;) {
        if (!window_.holds(target_)) {
            window_.move_to(target_, [this](std::uint32_t) { return open_window(); });
            if (window_.end() == kEndDoc) {  // no member has anything from target_ on
                window_.close();
                break;
            }
            if (first_essential_ == members_.size()) {
                // Nothing in this window can compete: skip it whole.
                if (window_.is_last()) break;
                target_ = window_.next_start();
                window_.close();
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
            Member& m = *members_[order_.back()];
            const double rest = first_essential_ == 0 ? 0.0 : prefix_bound_[first_essential_ - 1];
            if (m.doc() < target_) m.advance(target_);
            for (; m.doc() <= window_.end(); m.next()) {
                s = m.score();
                if (s + rest > min_competitive_) break;
            }
            candidate = m.doc();
        } else {
            for (std::size_t k = first_essential_; k < order_.size(); ++k) {
                Member& m = *members_[order_[k]];
                if (m.doc() < target_) m.advance(target_);
                candidate = std::min(candidate, m.doc());
            }
            if (candidate <= window_.end())
                for (std::size_t k = first_essential_; k < order_.size(); ++k) {
                    Member& m = *members_[order_[k]];
                    if (m.doc() == candidate) s += m.score();
                }
        }
        if (candidate > window_.end()) {
            if (window_.is_last()) break;
            target_ = window_.next_start();
            window_.close();
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
            Member& m = *members_[order_[k]];
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

template <typename Member>
double DisjunctionScorer<Member>::score() {
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

template <typename Member>
std::uint32_t DisjunctionScorer<Member>::shallow_advance(std::uint32_t target) {
    std::uint32_t end = kEndDoc;
    double sum = 0;
    for (auto& m : members_) {
        const std::uint32_t e = m->shallow_advance(target);
        if (e == kEndDoc) continue;  // contributes nothing from target on
        end = std::min(end, e);
        sum += m->window_max_score();
    }
    window_max_ = sum;
    return end;
}

template <typename Member>
void DisjunctionScorer<Member>::explain(std::vector<ScorePart>& parts) {
    for (auto& m : members_) {
        if (m->doc() < doc_) m->advance(doc_);
        if (m->doc() == doc_) m->explain(parts);
    }
}

template class DisjunctionScorer<Scorer>;
template class DisjunctionScorer<TermScorer>;

ScorerPtr make_disjunction(std::vector<ScorerPtr> members) {
    if (members.empty()) return nullptr;
    if (members.size() == 1) return std::move(members.front());
    if (auto terms = members_of_type<TermScorer>(members))
        return std::make_unique<DisjunctionScorer<TermScorer>>(std::move(*terms));
    return std::make_unique<DisjunctionScorer<Scorer>>(std::move(members));
}

}  // namespace scoop
