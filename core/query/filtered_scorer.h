#pragma once

#include "query/doc_filter.h"
#include "query/scorer.h"

namespace scoop {

// Matches what `required` matches among the documents `filter` accepts,
// with `required`'s scores: a filter never changes a score, so bounds and
// pruning pass straight through to `required`.
class FilteredScorer final : public Scorer {
  public:
    FilteredScorer(ScorerPtr required, DocFilterPtr filter);

    void next() override;
    void advance(std::uint32_t target) override;
    std::uint64_t cost() const override { return required_->cost(); }
    double score() override { return required_->score(); }
    double max_score() const override { return required_->max_score(); }
    std::uint32_t shallow_advance(std::uint32_t target) override {
        return required_->shallow_advance(target);
    }
    double window_max_score() override { return required_->window_max_score(); }
    void set_min_competitive_score(double score) override {
        required_->set_min_competitive_score(score);
    }
    void explain(std::vector<ScorePart>& parts) override { required_->explain(parts); }

  private:
    void skip_rejected();

    ScorerPtr required_;
    DocFilterPtr filter_;
};

// The documents of a doc set, each scoring `score`: a query of filters
// alone ("date:2009", "-iran") matches without ranking.
class ConstantScorer final : public Scorer {
  public:
    explicit ConstantScorer(DocSetPtr docs, double score = 0);

    void next() override {
        docs_->next();
        doc_ = docs_->doc();
    }
    void advance(std::uint32_t target) override {
        docs_->advance(target);
        doc_ = docs_->doc();
    }
    std::uint64_t cost() const override { return docs_->cost(); }
    double score() override { return score_; }
    double max_score() const override { return score_; }

  private:
    DocSetPtr docs_;
    double score_;
};

// Every document of a segment of `doc_count`, scoring 0.
inline ScorerPtr all_docs_scorer(std::uint32_t doc_count) {
    return std::make_unique<ConstantScorer>(std::make_unique<AllDocs>(doc_count));
}

}  // namespace scoop
