#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/catalog.h"
#include "index/manifest.h"
#include "index/merge_policy.h"
#include "index/segment.h"
#include "index/segment_builder.h"

namespace scoop {

struct WriterOptions {
    std::size_t ram_budget_bytes = std::size_t{256} << 20;
    // Stemming language of a new index; empty keeps an existing index's.
    std::string language;
    // Title weight of a new index (see Manifest); 0 keeps an existing index's.
    std::uint32_t title_weight = 0;
    MergePolicy merge_policy;
};

// Reports what a merge is doing, for progress output.
using MergeListener = std::function<void(std::size_t segments, std::uint64_t documents)>;

// The single writer of an index directory. Holds the LOCK file for its
// lifetime, so a second writer fails at once with the holder's pid.
// Documents go to an in-memory segment that becomes a segment file set when
// the RAM budget is reached; nothing is visible to readers (or survives a
// crash) until commit(), which makes new segments, deletions and the
// catalogue current in one atomic manifest replacement.
class IndexWriter {
  public:
    IndexWriter(std::string dir, WriterOptions options);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    const std::string& dir() const { return dir_; }
    const std::string& language() const { return manifest_.language; }
    const Manifest& manifest() const { return manifest_; }
    const Catalog& catalog() const { return catalog_; }

    std::uint64_t new_file_id() { return manifest_.next_file_id++; }
    void put_catalog_entry(CatalogEntry entry) {
        catalog_.put(std::move(entry));
        dirty_ = true;
    }
    void erase_catalog_entry(std::string_view path) {
        catalog_.erase(path);
        dirty_ = true;
    }

    // Buffers a document; writes a segment when the buffer is over budget.
    void add(const AnalyzedDocument& doc);
    // Marks every committed document of this file id for deletion at commit.
    void delete_file_documents(std::uint64_t file_id) {
        pending_deletes_.insert(file_id);
        dirty_ = true;
    }

    // Writes the buffer out as a segment (not yet committed).
    void flush();
    // Segments written since the last commit.
    std::size_t pending_segments() const { return flushed_.size(); }
    std::size_t buffered_documents() const { return builder_ ? builder_->doc_count() : 0; }
    std::size_t buffered_bytes() const { return builder_ ? builder_->memory_bytes() : 0; }

    // Makes everything added, deleted and catalogued so far durable and
    // visible (a no-op when nothing changed). Returns the documents it deleted.
    std::uint64_t commit();

    // Merges by the policy (or everything into one segment when
    // `to_one_segment`) and commits. Returns the number of merges done.
    std::size_t merge(bool to_one_segment, const MergeListener& listener = {});

  private:
    void acquire_lock();
    void remove_unreferenced_files(const std::vector<std::string>& keep_also = {});
    std::vector<std::uint32_t> documents_of_files(const Segment& segment) const;
    std::shared_ptr<const Segment> open_segment(const SegmentMeta& meta);

    std::string dir_;
    WriterOptions options_;
    int lock_fd_ = -1;
    Manifest manifest_;
    Catalog catalog_;
    // Open committed segments by name, for deletions and merges.
    std::vector<std::shared_ptr<const Segment>> segments_;
    std::unique_ptr<SegmentBuilder> builder_;
    std::vector<SegmentSummary> flushed_;  // written, not yet committed
    std::unordered_set<std::uint64_t> pending_deletes_;
    bool dirty_ = false;  // something to commit besides flushed segments
};

}  // namespace scoop
