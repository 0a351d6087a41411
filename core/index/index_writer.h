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
#include "storage/directory.h"

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
// lifetime, so a second writer fails at once with the holder's pid. The
// directory is the index's own: a folder that is neither empty nor an
// index is refused untouched, and the writer removes only files it writes
// (file_names.h) that no commit references.
// Documents go to an in-memory segment that becomes a segment file set when
// the RAM budget is reached; nothing is visible to readers (or survives a
// crash) until commit(), which makes new segments, deletions and the
// catalogue current in one atomic manifest replacement.
class IndexWriter {
  public:
    // Opens the index in `dir`, or makes one there (an empty folder, or
    // one left by a run that crashed before its first commit): making an
    // index commits an empty manifest first, so that the folder is an
    // index from then on. Throws scoop::Error.
    IndexWriter(std::shared_ptr<Directory> dir, WriterOptions options);
    // The same for a folder, created when missing.
    IndexWriter(const std::string& path, WriterOptions options);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    Directory& directory() { return *dir_; }
    const std::string& language() const { return manifest_.language; }
    const Manifest& manifest() const { return manifest_; }
    const Catalog& catalog() const { return catalog_; }

    std::uint64_t new_file_id() { return manifest_.next_file_id++; }
    // Records that every document is now extracted with `version`.
    void set_extraction_version(std::uint32_t version) {
        manifest_.extraction_version = version;
        dirty_ = true;
    }
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

    // Marks for deletion every committed document whose file is not in the
    // catalogue; returns how many.
    std::uint64_t delete_uncatalogued_documents();

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
    void remove_unreferenced_files();
    std::vector<std::uint32_t> documents_of_files(const Segment& segment) const;
    std::shared_ptr<const Segment> open_segment(const SegmentMeta& meta);

    std::shared_ptr<Directory> dir_;
    WriterOptions options_;
    std::unique_ptr<DirectoryLock> lock_;
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
