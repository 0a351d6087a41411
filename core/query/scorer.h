#pragma once

// The document-at-a-time scorers a query is evaluated with, one tree per
// segment (made by the query's Weight, see weight.h). A scorer is a doc set
// that also scores its current document and can say
//   - how high its score can ever be (max_score), and
//   - how high it can be within a window of documents (shallow_advance and
//     window_max_score, built on the postings' per-block impacts),
// which is what lets the pruning algorithms (block-max MaxScore, the
// conjunction, the phrase) skip documents and whole blocks that cannot
// enter the top k. The collector raises the score a document must beat
// (set_min_competitive_score) on the top-level scorer as its heap fills.
// Scorers without block bounds or pruning keep the defaults: one window
// over the rest of the segment bounded by max_score, and no pruning.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/doc_set.h"

namespace scoop {

// One term's share of a hit's score, for --explain.
struct ScorePart {
    std::string term;  // "text~iran", "title~iran", "text:\"strictli defens\""
    double freq = 0;   // a count, or a sloppy phrase's sum of 1 / (1 + distance)
    std::uint32_t length = 0;
    double idf = 0;
    double score = 0;
};

// The last document id a window can end at when it has no end: the rest of
// the segment. A window ending at kEndDoc means nothing from its target on.
inline constexpr std::uint32_t kLastWindowDoc = kEndDoc - 1;

class Scorer : public DocSet {
  public:
    // Score of the current document.
    virtual double score() = 0;
    // Bound on every score this scorer can produce.
    virtual double max_score() const = 0;

    // Moves the bound window to the one holding `target` (>= doc()) and
    // returns its last document, or kEndDoc when nothing matches from
    // `target` on; window_max_score() then bounds the scores of documents
    // from target to that one.
    virtual std::uint32_t shallow_advance(std::uint32_t target) {
        (void)target;
        return doc() == kEndDoc ? kEndDoc : kLastWindowDoc;
    }
    virtual double window_max_score() { return max_score(); }

    // Only documents scoring above `score` are wanted from now on. Called on
    // the top-level scorer only; composites pass on what is valid.
    virtual void set_min_competitive_score(double score) { (void)score; }

    // Appends the score parts of the current document.
    virtual void explain(std::vector<ScorePart>& parts) { (void)parts; }
};

using ScorerPtr = std::unique_ptr<Scorer>;

// The members as `Member` when every one of them is one (a final class, so
// that the algorithms over them inline its calls), or nullopt, leaving
// `members` as they were.
template <typename Member>
std::optional<std::vector<std::unique_ptr<Member>>> members_of_type(
    std::vector<ScorerPtr>& members) {
    for (const ScorerPtr& m : members)
        if (dynamic_cast<Member*>(m.get()) == nullptr) return std::nullopt;
    std::vector<std::unique_ptr<Member>> typed;
    typed.reserve(members.size());
    for (ScorerPtr& m : members) typed.emplace_back(static_cast<Member*>(m.release()));
    members.clear();
    return typed;
}

}  // namespace scoop
