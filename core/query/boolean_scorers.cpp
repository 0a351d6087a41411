#include "query/boolean_scorers.h"

#include <algorithm>

namespace scoop {

ReqOptScorer::ReqOptScorer(ScorerPtr required, ScorerPtr optional)
    : required_(std::move(required)), optional_(std::move(optional)) {
    doc_ = required_->doc();
}

void ReqOptScorer::next() {
    required_->next();
    doc_ = required_->doc();
}

void ReqOptScorer::advance(std::uint32_t target) {
    required_->advance(target);
    doc_ = required_->doc();
}

double ReqOptScorer::score() {
    double s = required_->score();
    if (optional_->doc() < doc_) optional_->advance(doc_);
    if (optional_->doc() == doc_) s += optional_->score();
    return s;
}

std::uint32_t ReqOptScorer::advance_shallow(std::uint32_t target) {
    std::uint32_t end = required_->advance_shallow(target);
    if (end == kEndDoc) {
        window_max_ = 0;
        return kEndDoc;
    }
    window_max_ = required_->window_max_score();
    const std::uint32_t optional_end = optional_->advance_shallow(target);
    if (optional_end != kEndDoc) {
        end = std::min(end, optional_end);
        window_max_ += optional_->window_max_score();
    }
    return end;
}

void ReqOptScorer::set_min_competitive_score(double score) {
    // A document needs required + optional > score, and optional adds at
    // most its maximum.
    const double needed = score - optional_->max_score();
    if (needed > 0) required_->set_min_competitive_score(needed);
}

void ReqOptScorer::explain(std::vector<ScorePart>& parts) {
    required_->explain(parts);
    if (optional_->doc() < doc_) optional_->advance(doc_);
    if (optional_->doc() == doc_) optional_->explain(parts);
}

void FilterScorer::skip_rejected() {
    for (;;) {
        const std::uint32_t d = required_->doc();
        if (d == kEndDoc || accepts(d)) break;
        required_->next();
    }
    doc_ = required_->doc();
}

void FilterScorer::next() {
    required_->next();
    skip_rejected();
}

void FilterScorer::advance(std::uint32_t target) {
    required_->advance(target);
    skip_rejected();
}

ReqExclScorer::ReqExclScorer(ScorerPtr required, ScorerPtr excluded)
    : FilterScorer(std::move(required)), excluded_(std::move(excluded)) {
    skip_rejected();
}

bool ReqExclScorer::accepts(std::uint32_t doc) {
    excluded_->advance(doc);
    return excluded_->doc() != doc;
}

DateFilterScorer::DateFilterScorer(ScorerPtr required, const DocTable& docs, Timestamp from,
                                   Timestamp to)
    : FilterScorer(std::move(required)), docs_(docs), from_(from), to_(to) {
    skip_rejected();
}

bool DateFilterScorer::accepts(std::uint32_t doc) {
    const Timestamp date = docs_.date(doc);
    return date != kNoDate && date >= from_ && date <= to_;
}

AllDocsScorer::AllDocsScorer(std::uint32_t doc_count) : count_(doc_count) {
    doc_ = doc_count > 0 ? 0 : kEndDoc;
}

}  // namespace scoop
