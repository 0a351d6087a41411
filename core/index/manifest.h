#pragma once

// The manifest names what an index is at one commit: its live segments,
// their deletion bitmaps, the catalogue of indexed files, and the counters
// the next writer continues from. It is replaced atomically on commit
// (write MANIFEST.tmp, fsync, rename, fsync the directory), so a crash at
// any instant leaves either the old or the new one, and readers that read
// it keep a consistent snapshot.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "index/file_names.h"
#include "index/segment.h"
#include "storage/directory.h"

namespace scoop {

struct Manifest {
    std::uint64_t generation = 0;
    std::string language = "english";
    // Each title word counts this many times in the text field's stem
    // frequencies and length: the title boost, fixed when the index is made.
    std::uint32_t title_weight = 2;
    // The article extractor's version (analysis/extractor.h) every document
    // was extracted with, at least: an older one means a re-extraction
    // (indexer --reextract) would index the articles better.
    std::uint32_t extraction_version = 1;
    std::uint64_t next_segment = 1;
    std::uint64_t next_file_id = 1;
    std::uint64_t next_deletions = 1;  // generation number for the next .del file
    std::string catalog;               // file name; empty before the first commit
    std::vector<SegmentMeta> segments;

    std::uint64_t doc_count() const;
    std::uint64_t live_doc_count() const;
    // Every file of the index this manifest references (not LOCK, not itself).
    std::vector<std::string> referenced_files() const;
};

// The manifest of the index in `dir`, or nullopt when there is none.
// Throws CorruptIndexError when it exists but cannot be read.
std::optional<Manifest> load_manifest(const Directory& dir);

// Makes `manifest` the current one, durably.
void commit_manifest(Directory& dir, const Manifest& manifest);

}  // namespace scoop
