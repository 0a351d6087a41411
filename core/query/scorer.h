#pragma once

// The document-at-a-time scorers a query is evaluated with, one tree per
// segment. Modelled on Lucene's Scorer and PISA's cursors: every scorer
// iterates matching documents in increasing order and can say
//   - how high its score can ever be (max_score), and
//   - how high it can be within a window of documents (advance_shallow and
//     window_max_score, built on the postings' per-block impacts),
// which is what lets composite scorers skip documents and whole blocks that
// cannot enter the top k. The top-level scorer is told the score a document
// must beat (set_min_competitive_score) as the collector's heap fills.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "index/posting_cursor.h"

namespace scoop {

// One term's share of a hit's score, for --explain.
struct ScorePart {
    std::string term;  // "text~iran", "title~iran", "text:\"strictli defens\""
    std::uint32_t freq = 0;
    std::uint32_t length = 0;
    double idf = 0;
    double score = 0;
};

class Scorer {
  public:
    virtual ~Scorer() = default;

    // Current document; kEndDoc when exhausted. A new scorer is on its first.
    std::uint32_t doc() const { return doc_; }
    virtual void next() = 0;
    // First matching document >= target; never moves backwards.
    virtual void advance(std::uint32_t target) = 0;
    // Score of the current document.
    virtual double score() = 0;

    // Bound on every score this scorer can produce.
    virtual double max_score() const = 0;
    // Moves the bound window to the one holding `target` (>= doc()) and
    // returns its last document; window_max_score() then bounds the scores
    // of documents from target to that one.
    virtual std::uint32_t advance_shallow(std::uint32_t target) = 0;
    virtual double window_max_score() = 0;

    // Documents it may match: what conjunctions order their members by.
    virtual std::uint64_t cost() const = 0;

    // Only documents scoring above `score` are wanted from now on. Called on
    // the top-level scorer only; composites pass on what is valid.
    virtual void set_min_competitive_score(double score) { (void)score; }

    // Appends the score parts of the current document.
    virtual void explain(std::vector<ScorePart>& parts) = 0;

  protected:
    std::uint32_t doc_ = kEndDoc;
};

using ScorerPtr = std::unique_ptr<Scorer>;

// Matches nothing: a term absent from a segment.
class EmptyScorer final : public Scorer {
  public:
    void next() override {}
    void advance(std::uint32_t) override {}
    double score() override { return 0; }
    double max_score() const override { return 0; }
    std::uint32_t advance_shallow(std::uint32_t) override { return kEndDoc; }
    double window_max_score() override { return 0; }
    std::uint64_t cost() const override { return 0; }
    void explain(std::vector<ScorePart>&) override {}
};

}  // namespace scoop
