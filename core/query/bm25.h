#pragma once

// BM25, on its own so that it can be tested without an index:
//
//   score(t, d) = idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
//   idf(t)      = ln(1 + (N - df + 0.5) / (df + 0.5))
//
// with Lucene's always-positive idf. A Bm25 folds everything that is fixed
// for a query term into three numbers, so a score is one division.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>

#include "index/impacts.h"

namespace scoop {

struct Bm25Params {
    double k1 = 1.2;
    double b = 0.75;
    // Multiplies every score: a query's boost ("iran^2"), set by the
    // weights it is made inside.
    double boost = 1.0;
};

inline double bm25_idf(std::uint64_t df, std::uint64_t doc_count) {
    const double n = static_cast<double>(doc_count);
    const double f = static_cast<double>(std::min(df, doc_count));
    return std::log(1.0 + (n - f + 0.5) / (f + 0.5));
}

// Upper bounds are inflated by this factor so that the rounding of a sum
// of maxima taken in another order never falls below an actual score: a
// document is skipped only when it truly cannot compete.
inline constexpr double kBoundSlack = 1.0 + 1e-9;

class Bm25 {
  public:
    Bm25() = default;
    Bm25(double idf, Bm25Params p, double average_length)
        : idf_(idf),
          weight_(idf * (p.k1 + 1.0) * p.boost),
          base_(p.k1 * (1.0 - p.b)),
          per_length_(average_length > 0 ? p.k1 * p.b / average_length : 0.0) {}

    double score(std::uint32_t freq, std::uint32_t length) const {
        return score_frequency(static_cast<double>(freq), length);
    }
    // For frequencies that are not counts: a sloppy phrase's, where a match
    // counts 1 / (1 + its distance).
    double score_frequency(double tf, std::uint32_t length) const {
        return weight_ * tf / (tf + base_ + per_length_ * static_cast<double>(length));
    }
    // The best score any posting summarised by `impacts` can have.
    double bound(std::span<const Impact> impacts) const {
        double best = 0;
        for (const Impact& i : impacts) best = std::max(best, score(i.freq, i.length));
        return best * kBoundSlack;
    }
    double idf() const { return idf_; }
    // The score as tf grows without limit: a bound needing no statistics.
    double limit() const { return weight_ * kBoundSlack; }

  private:
    double idf_ = 0;
    double weight_ = 0;
    double base_ = 0;
    double per_length_ = 0;
};

}  // namespace scoop
