#pragma once

#include <cstdint>
#include <vector>

#include "query/collector.h"
#include "query/top_k.h"

namespace scoop {

// The k newest matches (undated ones last), each with its score; every
// match is counted.
class NewestFirstCollector {
  public:
    explicit NewestFirstCollector(std::size_t k) : top_(k) {}

    void begin_segment(const SegmentView& view) {
        docs_ = &view.segment.docs();
        base_ = view.doc_base;
    }
    void collect(std::uint32_t doc, Scorer& scorer) {
        ++total_;
        const Timestamp date = docs_->date(doc);
        const double key =
            date == kNoDate ? -std::numeric_limits<double>::infinity() : static_cast<double>(date);
        top_.insert(key, base_ + doc, scorer.score());
    }
    double min_competitive_score() const { return kNoMinimumScore; }

    std::uint64_t total() const { return total_; }
    std::vector<TopK::Entry> sorted() const { return top_.sorted(); }

  private:
    TopK top_;
    const DocTable* docs_ = nullptr;
    std::uint64_t base_ = 0;
    std::uint64_t total_ = 0;
};

}  // namespace scoop
