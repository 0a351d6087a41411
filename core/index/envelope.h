#pragma once

// Every index file is wrapped the same way (docs/FORMAT.md, "Envelope"):
//
//   header      "SCOOPIX\0" | kind: 4 ASCII bytes | format version: u32
//   payload
//   page table  u32 per 4 KiB page of header + payload: its checksum
//   footer      payload size: u64 | XXH3-64 of the page table: u64 | "SCOOPEND"
//
// so that a reader can tell a truncated file (no footer), a file of another
// kind or version, and a damaged one apart, and say which. The page table
// lets a reader check a large file where it reads it, the first time it
// reads each page: a flipped bit anywhere is reported as soon as the data
// holding it is used, and never changes an answer silently, while a query
// that reads a few blocks of a large file checks those few pages only.

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "storage/directory.h"
#include "storage/file_writer.h"

namespace scoop {

// 2: word pair terms (TermKind kTextPair, kTitlePair).
// 3: page checksums in every file; catalogue entries with ctime and inode.
// 4: stored bodies in 4 KiB blocks compressed with a per-segment dictionary.
// 5: the folded source of each document as a term (TermKind kSource).
inline constexpr std::uint32_t kFormatVersion = 5;
inline constexpr std::size_t kEnvelopeHeaderSize = 16;
inline constexpr std::size_t kEnvelopeFooterSize = 24;

// Four-letter file kinds.
inline constexpr std::string_view kKindManifest = "MANI";
inline constexpr std::string_view kKindCatalog = "CATL";
inline constexpr std::string_view kKindDictionary = "DICT";
inline constexpr std::string_view kKindPostings = "POST";
inline constexpr std::string_view kKindPositions = "POSN";
inline constexpr std::string_view kKindDocuments = "DOCS";
inline constexpr std::string_view kKindStore = "STOR";
inline constexpr std::string_view kKindDeletions = "DELS";

void write_envelope_header(FileWriter& out, std::string_view kind);
// Appends the page table and the footer, and finishes (syncs) the file.
void finish_envelope(FileWriter& out);

// Whether `head` (a file's first bytes) begins an envelope of `kind`, of
// any version: enough to tell an index's own file from a user's.
bool starts_as_envelope(std::string_view head, std::string_view kind);

// The whole file content for a small in-memory file.
std::string wrap_in_envelope(std::string_view kind, std::string_view payload);

// An index file opened for reading: header, footer and page table checked.
class EnvelopeFile {
  public:
    EnvelopeFile() = default;
    // Throws CorruptIndexError naming `path`. With `verify_all`, every page
    // is checked now; otherwise each as verify() first covers it.
    EnvelopeFile(std::shared_ptr<const ReadableFile> file, std::string_view kind, std::string path,
                 bool verify_all);
    EnvelopeFile(EnvelopeFile&&) noexcept = default;
    EnvelopeFile& operator=(EnvelopeFile&&) noexcept = default;

    std::span<const std::uint8_t> payload() const { return payload_; }
    const std::string& path() const { return path_; }

    // Checks the pages holding payload bytes [offset, offset + size), each
    // once for the life of this object (thread-safe). REQUIRES: the range
    // lies inside the payload. Throws CorruptIndexError.
    void verify(std::uint64_t offset, std::uint64_t size) const {
        if (size == 0) return;
        const std::uint64_t first = (kEnvelopeHeaderSize + offset) / kChecksumPageBytes;
        const std::uint64_t last = (kEnvelopeHeaderSize + offset + size - 1) / kChecksumPageBytes;
        for (std::uint64_t page = first; page <= last; ++page)
            if ((verified_[page / 64].load(std::memory_order_relaxed) >> (page % 64) & 1) == 0)
                verify_page(page);
    }
    // The same for a pointer into the payload.
    void verify(const std::uint8_t* at, std::uint64_t size) const {
        verify(static_cast<std::uint64_t>(at - payload_.data()), size);
    }
    void verify_all() const;

  private:
    void verify_page(std::uint64_t page) const;

    std::shared_ptr<const ReadableFile> file_;
    std::span<const std::uint8_t> bytes_;  // the whole file
    std::span<const std::uint8_t> payload_;
    const std::uint8_t* table_ = nullptr;
    std::uint64_t pages_ = 0;
    std::unique_ptr<std::atomic<std::uint64_t>[]> verified_;  // a bit per page
    std::string path_;
};

// Opens `name` of `dir` as an envelope of `kind`.
EnvelopeFile open_envelope(const Directory& dir, const std::string& name, std::string_view kind,
                           bool verify_all);

}  // namespace scoop
