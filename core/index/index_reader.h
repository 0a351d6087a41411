#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/catalog.h"
#include "index/manifest.h"
#include "index/segment.h"

namespace scoop {

struct ReaderOptions {
    // Verify the checksum of every file at open, not only of the small ones.
    bool verify_checksums = false;
};

// A snapshot of an index: the segments one manifest named, opened and
// kept. A writer may commit meanwhile; this reader goes on seeing what it
// opened. Thread-safe for concurrent queries (everything is read-only).
class IndexReader {
  public:
    // Throws scoop::Error when there is no index at `dir` (saying how to
    // build one) and CorruptIndexError when a file is damaged.
    static std::shared_ptr<const IndexReader> open(const std::string& dir,
                                                   ReaderOptions options = {});
    static std::shared_ptr<const IndexReader> open(std::shared_ptr<const Directory> dir,
                                                   ReaderOptions options = {});

    // Several indexes searched as one (searcher --index A --index B): the
    // parts' segments in the order given, so that the statistics BM25 uses
    // (document count, field lengths, document frequencies) are those of
    // one index holding every document, and so are its scores and order.
    // Throws scoop::Error naming the indexes when they were made with a
    // different language or title weight: their scores would not compare.
    static std::shared_ptr<const IndexReader> combine(
        std::span<const std::shared_ptr<const IndexReader>> parts);

    // The index this reader opened: for a combined one, the first part's.
    const Directory& directory() const { return *dir_; }
    // Where each index searched is (one for a reader of one index), and
    // which of them holds a segment.
    const std::vector<std::string>& locations() const { return locations_; }
    std::size_t segment_location(std::size_t segment) const { return segment_locations_[segment]; }
    const Manifest& manifest() const { return manifest_; }
    const std::vector<std::shared_ptr<const Segment>>& segments() const { return segments_; }
    // Global document number of a segment's first document.
    std::uint64_t doc_base(std::size_t segment) const { return bases_[segment]; }
    // The segment holding global document `doc` (below doc_count()), and
    // the document's number there.
    struct DocLocation {
        std::size_t segment;
        std::uint32_t local;
    };
    DocLocation locate(std::uint64_t doc) const {
        const auto after = std::upper_bound(bases_.begin(), bases_.end(), doc);
        const auto segment = static_cast<std::size_t>(after - bases_.begin()) - 1;
        return {segment, static_cast<std::uint32_t>(doc - bases_[segment])};
    }

    // Statistics BM25 uses. Like Lucene and Xapian before a merge, they
    // count deleted documents until merging removes them.
    std::uint64_t doc_count() const { return doc_count_; }
    std::uint64_t live_doc_count() const { return manifest_.live_doc_count(); }
    double average_length(Field f) const;
    std::uint64_t total_length(Field f) const { return totals_[static_cast<std::size_t>(f)]; }
    // Documents containing the term, summed over segments.
    std::uint64_t doc_freq(std::string_view key) const;

    // The catalogue, read on demand (it can be large and queries don't need
    // it). Throws scoop::Error for a combined reader, which has several.
    Catalog load_catalog() const;

  private:
    IndexReader() = default;

    std::shared_ptr<const Directory> dir_;
    Manifest manifest_;
    std::vector<std::shared_ptr<const Segment>> segments_;
    std::vector<std::uint64_t> bases_;
    std::uint64_t doc_count_ = 0;
    std::array<std::uint64_t, kFieldCount> totals_{};
    std::vector<std::string> locations_;
    std::vector<std::size_t> segment_locations_;
};

// The catalogue a manifest names (empty when it names none).
Catalog load_catalog(const Directory& dir, const Manifest& manifest);

}  // namespace scoop
