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

ReqExclScorer::ReqExclScorer(ScorerPtr required, ScorerPtr excluded)
    : required_(std::move(required)), excluded_(std::move(excluded)) {
    skip_excluded();
}

void ReqExclScorer::skip_excluded() {
    for (;;) {
        const std::uint32_t d = required_->doc();
        if (d == kEndDoc) break;
        excluded_->advance(d);
        if (excluded_->doc() != d) break;
        required_->next();
    }
    doc_ = required_->doc();
}

void ReqExclScorer::next() {
    required_->next();
    skip_excluded();
}

void ReqExclScorer::advance(std::uint32_t target) {
    required_->advance(target);
    skip_excluded();
}

DateFilterScorer::DateFilterScorer(ScorerPtr required, const DocTable& docs, Timestamp from, Timestamp to)
    : required_(std::move(required)), docs_(docs), from_(from), to_(to) {
    skip_out_of_range();
}

void DateFilterScorer::skip_out_of_range() {
    for (;;) {
        const std::uint32_t d = required_->doc();
        if (d == kEndDoc) break;
        const Timestamp date = docs_.date(d);
        if (date != kNoDate && date >= from_ && date <= to_) break;
        required_->next();
    }
    doc_ = required_->doc();
}

void DateFilterScorer::next() {
    required_->next();
    skip_out_of_range();
}

void DateFilterScorer::advance(std::uint32_t target) {
    required_->advance(target);
    skip_out_of_range();
}

AllDocsScorer::AllDocsScorer(std::uint32_t doc_count) : count_(doc_count) { doc_ = doc_count > 0 ? 0 : kEndDoc; }

}  // namespace scoop
