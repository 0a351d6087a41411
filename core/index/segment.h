#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/dictionary.h"
#include "index/doc_table.h"
#include "index/envelope.h"
#include "index/posting_cursor.h"
#include "index/stored_fields.h"
#include "storage/directory.h"

namespace scoop {

// What the manifest says about a segment.
struct SegmentMeta {
    std::string name;
    std::uint32_t doc_count = 0;
    std::uint32_t deleted_count = 0;
    std::string deletions;  // file name of the deletion bitmap, empty if none
    std::uint64_t bytes = 0;

    std::uint32_t live_count() const { return doc_count - deleted_count; }
};

// A deletion bitmap as stored (a CRoaring portable bitmap in an envelope)
// and as used (one bit per document, so a test costs a shift and a load).
class Deletions {
  public:
    Deletions() = default;
    explicit Deletions(std::uint32_t doc_count) : bits_((doc_count + 63) / 64, 0) {}
    bool contains(std::uint32_t doc) const {
        return !bits_.empty() && (bits_[doc >> 6] >> (doc & 63) & 1);
    }
    // Returns true when the document was not deleted before.
    bool add(std::uint32_t doc);
    std::uint32_t count() const { return count_; }
    bool empty() const { return count_ == 0; }
    std::vector<std::uint32_t> to_vector() const;

    std::string serialize() const;  // envelope payload
    static Deletions parse(std::span<const std::uint8_t> payload, std::uint32_t doc_count,
                           const std::string& path);

  private:
    std::vector<std::uint64_t> bits_;
    std::uint32_t count_ = 0;
};

// An open, read-only segment: its files mapped, its headers checked.
class Segment {
  public:
    // Checks every file's envelope; with `verify_checksums` also every
    // page's checksum now. Otherwise the document table and the deletions
    // (read at random everywhere) are checked whole now, and the other
    // files page by page as they are first read.
    Segment(const Directory& dir, const SegmentMeta& meta, bool verify_checksums);
    Segment(const Segment&) = delete;  // cursors point into it
    Segment& operator=(const Segment&) = delete;

    const SegmentMeta& meta() const { return meta_; }
    const std::string& name() const { return meta_.name; }
    std::uint32_t doc_count() const { return docs_.doc_count(); }
    bool deleted(std::uint32_t doc) const { return deletions_.contains(doc); }
    const Deletions& deletions() const { return deletions_; }

    const Dictionary& dictionary() const { return dictionary_; }
    std::optional<TermInfo> find(std::string_view key) const { return dictionary_.find(key); }
    PostingCursor postings(const TermInfo& term) const { return PostingCursor(source_, term); }
    const PostingSource& posting_source() const { return source_; }

    const DocTable& docs() const { return docs_; }
    const StoredFieldsReader& stored() const { return stored_; }

    const std::string& file_path(std::size_t kind) const { return files_[kind].path(); }
    // Checks every page of every file (indexer --check, searcher --verify).
    void verify_all() const;

  private:
    SegmentMeta meta_;
    std::array<EnvelopeFile, 5> files_;
    EnvelopeFile deletions_file_;
    Dictionary dictionary_;
    DocTable docs_;
    StoredFieldsReader stored_;
    Deletions deletions_;
    PostingSource source_;
};

}  // namespace scoop
