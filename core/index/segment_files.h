#pragma once

// The files of one segment (docs/FORMAT.md, "Directory"; their names are
// made in file_names.h). A segment called "seg-000007" consists of
//   seg-000007.dict   term dictionary
//   seg-000007.post   document numbers, frequencies, impacts, skip tables
//   seg-000007.pos    positions
//   seg-000007.docs   field lengths, dates, file ids
//   seg-000007.store  stored fields
// plus, once documents in it are deleted, seg-000007.<generation>.del.

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "index/envelope.h"
#include "index/file_names.h"
#include "storage/directory.h"
#include "storage/file_writer.h"

namespace scoop {

struct SegmentFileKind {
    std::string_view extension;
    std::string_view envelope_kind;
};

inline constexpr std::array<SegmentFileKind, 5> kSegmentFiles = {{
    {"dict", kKindDictionary},
    {"post", kKindPostings},
    {"pos", kKindPositions},
    {"docs", kKindDocuments},
    {"store", kKindStore},
}};

// Creates the five files of a new segment with their headers written.
class SegmentFilesWriter {
  public:
    SegmentFilesWriter(Directory& dir, const std::string& segment);

    FileWriter& dict() { return *files_[0]; }
    FileWriter& post() { return *files_[1]; }
    FileWriter& pos() { return *files_[2]; }
    FileWriter& docs() { return *files_[3]; }
    FileWriter& store() { return *files_[4]; }
    static constexpr std::uint64_t kPayloadBase = kEnvelopeHeaderSize;

    // Footers, fsync. Returns the total size of the five files.
    std::uint64_t finish();

  private:
    std::array<std::unique_ptr<FileWriter>, 5> files_;
};

}  // namespace scoop
