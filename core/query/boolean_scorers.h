#pragma once

// Scorers that take a required part and restrict or add to it, the way a
// boolean query's clauses combine: optional (SHOULD alongside MUST), excluded
// (MUST_NOT), filtered (a date range), and every document (a query of
// filters only).

#include <functional>

#include "analysis/article.h"
#include "index/doc_table.h"
#include "query/scorer.h"

namespace scoop {

// Matches what `required` matches; `optional` adds its score where it also matches.
class ReqOptScorer final : public Scorer {
  public:
    ReqOptScorer(ScorerPtr required, ScorerPtr optional);
    void next() override;
    void advance(std::uint32_t target) override;
    double score() override;
    double max_score() const override { return required_->max_score() + optional_->max_score(); }
    std::uint32_t advance_shallow(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    std::uint64_t cost() const override { return required_->cost(); }
    void set_min_competitive_score(double score) override;
    void explain(std::vector<ScorePart>& parts) override;

  private:
    ScorerPtr required_, optional_;
    double window_max_ = 0;
};

// Matches what `required` matches among the documents a subclass accepts,
// with `required`'s scores: a filter never changes a score, so bounds and
// pruning pass straight through to `required`.
class FilterScorer : public Scorer {
  public:
    void next() override;
    void advance(std::uint32_t target) override;
    double score() override { return required_->score(); }
    double max_score() const override { return required_->max_score(); }
    std::uint32_t advance_shallow(std::uint32_t target) override {
        return required_->advance_shallow(target);
    }
    double window_max_score() override { return required_->window_max_score(); }
    std::uint64_t cost() const override { return required_->cost(); }
    void set_min_competitive_score(double score) override {
        required_->set_min_competitive_score(score);
    }
    void explain(std::vector<ScorePart>& parts) override { required_->explain(parts); }

  protected:
    explicit FilterScorer(ScorerPtr required) : required_(std::move(required)) {}
    // Subclasses call this at the end of their constructor.
    void skip_rejected();
    virtual bool accepts(std::uint32_t doc) = 0;

  private:
    ScorerPtr required_;
};

// Matches what `required` matches and `excluded` does not.
class ReqExclScorer final : public FilterScorer {
  public:
    ReqExclScorer(ScorerPtr required, ScorerPtr excluded);

  private:
    bool accepts(std::uint32_t doc) override;
    ScorerPtr excluded_;
};

// Matches what `required` matches among documents dated in [from, to].
class DateFilterScorer final : public FilterScorer {
  public:
    DateFilterScorer(ScorerPtr required, const DocTable& docs, Timestamp from, Timestamp to);

  private:
    bool accepts(std::uint32_t doc) override;
    const DocTable& docs_;
    Timestamp from_, to_;
};

// Every document of the segment, scoring 0.
class AllDocsScorer final : public Scorer {
  public:
    explicit AllDocsScorer(std::uint32_t doc_count);
    void next() override { doc_ = doc_ + 1 < count_ ? doc_ + 1 : kEndDoc; }
    void advance(std::uint32_t target) override {
        if (doc_ != kEndDoc && target > doc_) doc_ = target < count_ ? target : kEndDoc;
    }
    double score() override { return 0; }
    double max_score() const override { return 0; }
    // One window to the last document; past it, nothing (kEndDoc), as
    // every scorer says when it has nothing from `target` on.
    std::uint32_t advance_shallow(std::uint32_t target) override {
        return target < count_ ? count_ - 1 : kEndDoc;
    }
    double window_max_score() override { return 0; }
    std::uint64_t cost() const override { return count_; }
    void explain(std::vector<ScorePart>&) override {}

  private:
    std::uint32_t count_;
};

}  // namespace scoop
