#include "query/conjunction_scorer.h"

#include <algorithm>

#include "query/term_scorer.h"

namespace scoop {

template <typename Member>
ConjunctionScorer<Member>::ConjunctionScorer(std::vector<std::unique_ptr<Member>> members)
    : members_(std::move(members)) {
    std::stable_sort(members_.begin(), members_.end(),
                     [](const auto& a, const auto& b) { return a->cost() < b->cost(); });
    for (const auto& m : members_) max_score_ += m->max_score();
    window_bounds_.resize(members_.size());
    align();
}

template <typename Member>
void ConjunctionScorer<Member>::next() {
    if (doc_ == kEndDoc) return;
    members_.front()->next();
    align();
}

template <typename Member>
void ConjunctionScorer<Member>::advance(std::uint32_t target) {
    if (doc_ != kEndDoc && target <= doc_) return;
    members_.front()->advance(target);
    align();
}

template <typename Member>
void ConjunctionScorer<Member>::align() {
    Member& lead = *members_.front();
    lead_score_ready_ = false;
    for (;;) {
        const std::uint32_t candidate = lead.doc();
        if (candidate == kEndDoc) break;
        if (min_competitive_ > 0) {
            window_.move_to(candidate, [this](std::uint32_t d) { return shallow_advance(d); });
            if (window_max_ <= min_competitive_) {
                if (window_.end() == kEndDoc) break;
                lead.advance(window_.next_start());
                continue;
            }
            // The lead's own score plus the others' bounds: often enough to
            // drop the document before the others are moved at all.
            const double lead_score = lead.score();
            if (lead_score + (window_max_ - window_bounds_[0]) <= min_competitive_) {
                lead.next();
                continue;
            }
            lead_score_ = lead_score;
            lead_score_ready_ = true;
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
        lead_score_ready_ = false;
        if (ahead == kEndDoc) break;
        lead.advance(ahead);
    }
    doc_ = kEndDoc;
}

template <typename Member>
double ConjunctionScorer<Member>::score() {
    double s = lead_score_ready_ ? lead_score_ : members_.front()->score();
    for (std::size_t i = 1; i < members_.size(); ++i) s += members_[i]->score();
    return s;
}

template <typename Member>
std::uint32_t ConjunctionScorer<Member>::shallow_advance(std::uint32_t target) {
    std::uint32_t end = kEndDoc;
    double sum = 0;
    for (std::size_t i = 0; i < members_.size(); ++i) {
        const std::uint32_t e = members_[i]->shallow_advance(target);
        if (e == kEndDoc) {  // a member has nothing from target on: neither has the conjunction
            window_max_ = 0;
            return kEndDoc;
        }
        end = std::min(end, e);
        window_bounds_[i] = members_[i]->window_max_score();
        sum += window_bounds_[i];
    }
    window_max_ = sum;
    return end;
}

template <typename Member>
void ConjunctionScorer<Member>::explain(std::vector<ScorePart>& parts) {
    for (auto& m : members_) m->explain(parts);
}

template class ConjunctionScorer<Scorer>;
template class ConjunctionScorer<TermScorer>;

ScorerPtr make_conjunction(std::vector<ScorerPtr> members) {
    if (members.size() == 1) return std::move(members.front());
    if (auto terms = members_of_type<TermScorer>(members))
        return std::make_unique<ConjunctionScorer<TermScorer>>(std::move(*terms));
    return std::make_unique<ConjunctionScorer<Scorer>>(std::move(members));
}

}  // namespace scoop
