#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace scoop {

// The best k documents seen so far by a key (score, or date), ties broken
// by the lower document number so that results are deterministic and a
// document never displaces an equal one seen before it. Documents arrive in
// increasing number, so "beats the threshold" means "key above it".
class TopK {
  public:
    struct Entry {
        double key;
        std::uint64_t doc;
        double score;
    };

    // Memory grows with the entries, not with k: a deep page of a query
    // with few matches costs what it holds.
    explicit TopK(std::size_t k) : k_(k) { heap_.reserve(std::min<std::size_t>(k, 1024)); }

    bool full() const { return heap_.size() >= k_; }
    // The key a new document must exceed once the heap is full.
    double threshold() const {
        return full() && k_ > 0 ? heap_.front().key : -std::numeric_limits<double>::infinity();
    }

    bool insert(double key, std::uint64_t doc, double score) {
        if (k_ == 0) return false;
        const Entry e{key, doc, score};
        if (full()) {
            if (!better(e, heap_.front())) return false;
            std::pop_heap(heap_.begin(), heap_.end(), &TopK::better);
            heap_.back() = e;
        } else {
            heap_.push_back(e);
        }
        std::push_heap(heap_.begin(), heap_.end(), &TopK::better);
        return true;
    }

    // Best first.
    std::vector<Entry> sorted() const {
        std::vector<Entry> out = heap_;
        std::sort(out.begin(), out.end(), &TopK::better);
        return out;
    }

  private:
    // Heap order: the worst entry at the front.
    static bool better(const Entry& a, const Entry& b) {
        return a.key != b.key ? a.key > b.key : a.doc < b.doc;
    }

    std::size_t k_;
    std::vector<Entry> heap_;
};

}  // namespace scoop
