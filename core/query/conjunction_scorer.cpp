#include "query/conjunction_scorer.h"

#include <algorithm>

namespace scoop {

ConjunctionScorer::ConjunctionScorer(std::vector<ScorerPtr> members)
    : members_(std::move(members)) {
    std::stable_sort(members_.begin(), members_.end(),
                     [](const ScorerPtr& a, const ScorerPtr& b) { return a->cost() < b->cost(); });
    for (const auto& m : members_) {
        max_score_ += m->max_score();
        scorers_.push_back(m.get());
        if (auto* t = dynamic_cast<TermScorer*>(m.get())) terms_.push_back(t);
    }
    if (terms_.size() != members_.size()) terms_.clear();
    window_bounds_.resize(members_.size());
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
    if (!terms_.empty())
        align_over(terms_);
    else
        align_over(scorers_);
}

template <typename Member>
void ConjunctionScorer::align_over(const std::vector<Member*>& members) {
    Member& lead = *members.front();
    lead_score_ready_ = false;
    for (;;) {
        const std::uint32_t candidate = lead.doc();
        if (candidate == kEndDoc) break;
        if (min_competitive_ > 0) {
            if (!window_valid_ || candidate > window_end_) {
                window_end_ = shallow_over(members, candidate);
                window_valid_ = true;
            }
            if (window_max_ <= min_competitive_) {
                if (window_end_ == kEndDoc) break;
                lead.advance(window_end_ + 1);
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
        for (std::size_t i = 1; i < members.size() && ahead == candidate; ++i) {
            members[i]->advance(candidate);
            ahead = members[i]->doc();
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

double ConjunctionScorer::score() {
    return terms_.empty() ? score_over(scorers_) : score_over(terms_);
}

template <typename Member>
double ConjunctionScorer::score_over(const std::vector<Member*>& members) {
    double s = lead_score_ready_ ? lead_score_ : members.front()->score();
    for (std::size_t i = 1; i < members.size(); ++i) s += members[i]->score();
    return s;
}

std::uint32_t ConjunctionScorer::advance_shallow(std::uint32_t target) {
    return terms_.empty() ? shallow_over(scorers_, target) : shallow_over(terms_, target);
}

template <typename Member>
std::uint32_t ConjunctionScorer::shallow_over(const std::vector<Member*>& members,
                                              std::uint32_t target) {
    std::uint32_t end = kEndDoc;
    double sum = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::uint32_t e = members[i]->advance_shallow(target);
        if (e == kEndDoc) {  // a member has nothing from target on: neither has the conjunction
            window_max_ = 0;
            return kEndDoc;
        }
        end = std::min(end, e);
        window_bounds_[i] = members[i]->window_max_score();
        sum += window_bounds_[i];
    }
    window_max_ = sum;
    return end;
}

void ConjunctionScorer::explain(std::vector<ScorePart>& parts) {
    for (auto& m : members_) m->explain(parts);
}

}  // namespace scoop
