#include "query/filtered_scorer.h"

namespace scoop {

FilteredScorer::FilteredScorer(ScorerPtr required, DocFilterPtr filter)
    : required_(std::move(required)), filter_(std::move(filter)) {
    skip_rejected();
}

void FilteredScorer::skip_rejected() {
    for (;;) {
        const std::uint32_t d = required_->doc();
        if (d == kEndDoc || filter_->accepts(d)) break;
        required_->next();
    }
    doc_ = required_->doc();
}

void FilteredScorer::next() {
    required_->next();
    skip_rejected();
}

void FilteredScorer::advance(std::uint32_t target) {
    required_->advance(target);
    skip_rejected();
}

ConstantScorer::ConstantScorer(DocSetPtr docs, double score)
    : docs_(std::move(docs)), score_(score) {
    doc_ = docs_->doc();
}

}  // namespace scoop
