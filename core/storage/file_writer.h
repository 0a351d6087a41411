#pragma once

// Writes a new file of a Directory through a buffer, and checksums it page
// by page as it goes: every 4 KiB page of the file (from its first byte)
// gets the low 32 bits of its XXH3-64, which is what lets a reader check
// each part of a large file the first time it uses it, instead of all of it
// at open or none of it (docs/FORMAT.md, "Envelope").

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/directory.h"

namespace scoop {

inline constexpr std::size_t kChecksumPageBytes = 4096;

// The low 32 bits of the XXH3-64 of a page, as FileWriter stores them.
std::uint32_t page_checksum(const std::uint8_t* data, std::size_t size);

class FileWriter {
  public:
    FileWriter(Directory& dir, std::string name);
    // Without finish() the file stays incomplete, as after a crash: nothing
    // references it and the next writer removes it.
    ~FileWriter();
    FileWriter(const FileWriter&) = delete;
    FileWriter& operator=(const FileWriter&) = delete;

    void append(std::string_view bytes);
    void append(const void* data, std::size_t n) {
        append(std::string_view(static_cast<const char*>(data), n));
    }
    std::uint64_t offset() const { return offset_; }
    const std::string& name() const { return name_; }

    // The checksums of the pages of everything appended so far, the last
    // page possibly partial. What is appended after is not covered.
    std::vector<std::uint32_t> seal_pages();
    // Writes out the buffer, syncs and closes the file.
    void finish();

  private:
    // Writes the buffer's whole pages (all of it once sealed).
    void flush(bool everything);

    std::string name_;
    std::unique_ptr<WritableFile> file_;
    std::string buffer_;  // starts on a page boundary until sealed
    std::uint64_t offset_ = 0;
    bool sealed_ = false;
    std::vector<std::uint32_t> pages_;
};

}  // namespace scoop
