#pragma once

// Matching, apart from scoring: the documents a query part matches, in
// increasing order (tantivy's DocSet, Lucene's DocIdSetIterator). Filters,
// exclusions and every scorer are doc sets; only scorers also score.

#include <cstdint>
#include <memory>

#include "index/posting_cursor.h"

namespace scoop {

class DocSet {
  public:
    virtual ~DocSet() = default;

    // Current document; kEndDoc when exhausted. A new doc set is on its first.
    std::uint32_t doc() const { return doc_; }
    virtual void next() = 0;
    // First document >= target; never moves backwards.
    virtual void advance(std::uint32_t target) = 0;
    // Documents it may match: what conjunctions order their members by.
    virtual std::uint64_t cost() const = 0;

  protected:
    std::uint32_t doc_ = kEndDoc;
};

using DocSetPtr = std::unique_ptr<DocSet>;

// Every document of a segment: what a query of filters alone starts from.
class AllDocs final : public DocSet {
  public:
    explicit AllDocs(std::uint32_t doc_count) : count_(doc_count) {
        doc_ = doc_count > 0 ? 0 : kEndDoc;
    }
    void next() override { doc_ = doc_ + 1 < count_ ? doc_ + 1 : kEndDoc; }
    void advance(std::uint32_t target) override {
        if (doc_ != kEndDoc && target > doc_) doc_ = target < count_ ? target : kEndDoc;
    }
    std::uint64_t cost() const override { return count_; }

  private:
    std::uint32_t count_;
};

// The documents of one posting list, unscored (a source: filter's).
class PostingDocs final : public DocSet {
  public:
    explicit PostingDocs(PostingCursor cursor) : cursor_(std::move(cursor)) {
        doc_ = cursor_.doc();
    }
    void next() override {
        cursor_.next();
        doc_ = cursor_.doc();
    }
    void advance(std::uint32_t target) override {
        cursor_.advance(target);
        doc_ = cursor_.doc();
    }
    std::uint64_t cost() const override { return cursor_.df(); }

  private:
    PostingCursor cursor_;
};

}  // namespace scoop
