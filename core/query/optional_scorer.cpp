#include "query/optional_scorer.h"

#include <algorithm>

namespace scoop {

OptionalScorer::OptionalScorer(ScorerPtr required, ScorerPtr optional)
    : required_(std::move(required)), optional_(std::move(optional)) {
    doc_ = required_->doc();
}

void OptionalScorer::next() {
    required_->next();
    doc_ = required_->doc();
}

void OptionalScorer::advance(std::uint32_t target) {
    required_->advance(target);
    doc_ = required_->doc();
}

double OptionalScorer::score() {
    double s = required_->score();
    if (optional_->doc() < doc_) optional_->advance(doc_);
    if (optional_->doc() == doc_) s += optional_->score();
    return s;
}

std::uint32_t OptionalScorer::shallow_advance(std::uint32_t target) {
    std::uint32_t end = required_->shallow_advance(target);
    if (end == kEndDoc) {
        window_max_ = 0;
        return kEndDoc;
    }
    window_max_ = required_->window_max_score();
    const std::uint32_t optional_end = optional_->shallow_advance(target);
    if (optional_end != kEndDoc) {
        end = std::min(end, optional_end);
        window_max_ += optional_->window_max_score();
    }
    return end;
}

void OptionalScorer::set_min_competitive_score(double score) {
    // A document needs required + optional > score, and optional adds at
    // most its maximum.
    const double needed = score - optional_->max_score();
    if (needed > 0) required_->set_min_competitive_score(needed);
}

void OptionalScorer::explain(std::vector<ScorePart>& parts) {
    required_->explain(parts);
    if (optional_->doc() < doc_) optional_->advance(doc_);
    if (optional_->doc() == doc_) optional_->explain(parts);
}

}  // namespace scoop
