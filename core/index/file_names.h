#pragma once

// Every file name of an index, made and recognised in one place (as
// LevelDB's db/filename.h): docs/FORMAT.md, "Directory".
//
//   MANIFEST                 the current commit
//   MANIFEST.tmp             the next one, while it is being written
//   LOCK                     the writer's lock
//   catalog.<generation>     the catalogue of indexed files
//   seg-NNNNNN.<extension>   the five files of a segment (dict, post, pos, docs, store)
//   seg-NNNNNN.<gen>.del     a segment's deletions
//
// A writer removes only files that parse as one of these, and only in a
// folder that holds a manifest: never a file of someone else's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scoop {

inline constexpr std::string_view kManifestFile = "MANIFEST";
inline constexpr std::string_view kManifestTempFile = "MANIFEST.tmp";
inline constexpr std::string_view kLockFile = "LOCK";

std::string segment_name(std::uint64_t number);  // "seg-000007"
std::string segment_file(std::string_view segment, std::string_view extension);
std::string deletions_file(std::string_view segment, std::uint64_t generation);
std::string catalog_file(std::uint64_t generation);

enum class IndexFileKind {
    kManifest,
    kManifestTemp,
    kLock,
    kCatalog,
    kSegmentFile,  // one of the five
    kDeletions,
};

// What `name` is, or nullopt when it is no name this program writes.
std::optional<IndexFileKind> classify_file_name(std::string_view name);

// Whether `name` is a segment name as segment_name makes them.
bool is_segment_name(std::string_view name);

}  // namespace scoop
