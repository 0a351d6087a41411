#pragma once

#include <memory>
#include <vector>

#include "query/block_window.h"
#include "query/scorer.h"

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
//
// One algorithm over members of type Member: Scorer in general, TermScorer
// when every member is a term (its calls then inline). make_disjunction picks.
template <typename Member>
class DisjunctionScorer final : public Scorer {
  public:
    explicit DisjunctionScorer(std::vector<std::unique_ptr<Member>> members);

    void next() override;
    void advance(std::uint32_t target) override;
    std::uint64_t cost() const override { return cost_; }
    double score() override;
    double max_score() const override { return max_score_; }
    std::uint32_t shallow_advance(std::uint32_t target) override;
    double window_max_score() override { return window_max_; }
    void set_min_competitive_score(double score) override;
    void explain(std::vector<ScorePart>& parts) override;

  private:
    // From target_ on, the first document to return.
    void find_candidate();
    // Nothing to prune against yet: the smallest document of any member.
    void find_unpruned();
    void find_pruned();
    // Bounds every member for the window holding target_ and partitions
    // them; returns the window's end, kEndDoc when no member has anything
    // from target_ on.
    std::uint32_t open_window();

    std::vector<std::unique_ptr<Member>> members_;
    double max_score_ = 0;
    std::uint64_t cost_ = 0;
    double min_competitive_ = 0;
    std::uint32_t target_ = 0;  // no document below it is wanted any more
    double score_ = 0;
    bool score_ready_ = false;

    // The current window: members by increasing bound within it, the
    // running sums of those bounds, and where the essential ones start.
    BlockWindow window_;
    std::vector<std::size_t> order_;
    std::vector<double> bounds_;       // by member, up to ends_
    std::vector<std::uint32_t> ends_;  // by member: where its bound stops holding
    bool bounds_known_ = false;
    std::vector<double> prefix_bound_;  // by position in order_
    std::size_t first_essential_ = 0;   // position in order_
    double window_max_ = 0;             // for a parent's shallow_advance
};

// The disjunction of `members`; nullptr for none, the member itself for one.
ScorerPtr make_disjunction(std::vector<ScorerPtr> members);

}  // namespace scoop
