#pragma once

#include <vector>

#include "query/scorer.h"
#include "query/term_scorer.h"

namespace scoop {

// Documents any member matches, scored by the sum of the members that
// match. Pruned with block-max MaxScore (Turtle and Flood; Ding and Suel's
// block maxima; windows as in Lucene's MaxScoreBulkScorer): the document
// range is cut into windows where every member's block bound holds; in each
// window the members are ordered by bound, and the weakest ones whose
// bounds together cannot beat the minimum competitive score become
// "non-essential": they no longer propose documents and are only consulted
// for documents the others found, and only while the score so far plus
// their bounds could still compete. A window whose bounds all together
// cannot compete is skipped whole. A top-10 query over long lists thus reads
// a small part of them.
class DisjunctionScorer final : public Scorer {
  public:
    explicit DisjunctionScorer(std::vector<ScorerPtr> members);

    void next() override;
    void advance(std::uint32_t target) override;
    double score() override;
    double max_score() const override { return max_score_; }
    std::uint32_t advance_shallow(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    std::uint64_t cost() const override { return cost_; }
    void set_min_competitive_score(double score) override;
    void explain(std::vector<ScorePart>& parts) override;

  private:
    // From target_ on, the first document to return.
    void find_candidate();
    // The algorithms, over members seen as Scorer or, when every member is
    // a term, as TermScorer, whose calls the compiler can then inline.
    template <typename Member>
    void find_unpruned(const std::vector<Member*>& members);
    template <typename Member>
    void find_pruned(const std::vector<Member*>& members);
    // Bounds every member for the window holding target_ and partitions them.
    template <typename Member>
    bool open_window(const std::vector<Member*>& members);
    template <typename Member>
    double score_over(const std::vector<Member*>& members);

    std::vector<ScorerPtr> members_;
    std::vector<Scorer*> scorers_;    // the same, as pointers
    std::vector<TermScorer*> terms_;  // the same when all are terms, else empty
    double max_score_ = 0;
    std::uint64_t cost_ = 0;
    double min_competitive_ = 0;
    std::uint32_t target_ = 0;  // no document below it is wanted any more
    double score_ = 0;
    bool score_ready_ = false;

    // The current window: members by increasing bound within it, the
    // running sums of those bounds, and where the essential ones start.
    bool window_valid_ = false;
    std::uint32_t window_end_ = 0;
    std::vector<std::size_t> order_;
    std::vector<double> bounds_;       // by member, up to ends_
    std::vector<std::uint32_t> ends_;  // by member: where its bound stops holding
    bool bounds_known_ = false;
    std::vector<double> prefix_bound_;  // by position in order_
    std::size_t first_essential_ = 0;   // position in order_
    double window_max_ = 0;             // for a parent's advance_shallow
};

}  // namespace scoop
