#pragma once

// What restricts a query's matches without scoring them: a date range, or
// the documents an excluded clause matches. A filter is asked about the
// documents a scorer proposes (Lucene's two-phase matching), rather than
// iterated itself, so a filter costs what the query matches, not what the
// segment holds.

#include <memory>

#include "analysis/article.h"
#include "index/doc_table.h"
#include "query/doc_set.h"

namespace scoop {

class DocFilter {
  public:
    virtual ~DocFilter() = default;
    // Whether `doc` passes; asked in increasing document order.
    virtual bool accepts(std::uint32_t doc) = 0;
};

using DocFilterPtr = std::unique_ptr<DocFilter>;

// Documents dated in [from, to]; undated ones never pass.
class DateRangeFilter final : public DocFilter {
  public:
    DateRangeFilter(const DocTable& docs, Timestamp from, Timestamp to)
        : docs_(docs), from_(from), to_(to) {}
    bool accepts(std::uint32_t doc) override {
        const Timestamp date = docs_.date(doc);
        return date != kNoDate && date >= from_ && date <= to_;
    }

  private:
    const DocTable& docs_;
    Timestamp from_, to_;
};

// The documents of a doc set (source:presstv), or the documents it does
// not match (NOT, -word).
class MembershipFilter final : public DocFilter {
  public:
    enum class Pass { kMembers, kOthers };
    MembershipFilter(DocSetPtr set, Pass pass) : set_(std::move(set)), pass_(pass) {}
    bool accepts(std::uint32_t doc) override {
        set_->advance(doc);
        return (set_->doc() == doc) == (pass_ == Pass::kMembers);
    }

  private:
    DocSetPtr set_;
    Pass pass_;
};

}  // namespace scoop
