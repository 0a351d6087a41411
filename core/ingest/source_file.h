#pragma once

// An article file read in bounded memory, whatever its size: hashed in
// pieces, read whole only when small, otherwise as a prefix (whole-file
// formats) or as line-aligned pieces (JSON Lines). What a run keeps of one
// file never grows with the file.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace scoop {

class SourceFile {
  public:
    // Throws scoop::Error (naming the file) when it cannot be opened or is
    // not a regular file.
    explicit SourceFile(const std::string& path);
    ~SourceFile();
    SourceFile(const SourceFile&) = delete;
    SourceFile& operator=(const SourceFile&) = delete;

    std::uint64_t size() const { return size_; }
    // XXH3-64 of all its bytes.
    std::uint64_t content_hash();
    // Its first `n` bytes (all of them when it is shorter).
    std::string read_prefix(std::uint64_t n);

    // Calls `piece(text, first_line)` with consecutive pieces of whole lines
    // of about `piece_bytes` each (first_line: the 1-based number of the
    // piece's first line), and `long_line(line, bytes)` instead for each line
    // longer than `max_line_bytes`, whose bytes are read past without being
    // kept.
    void for_each_line_piece(
        std::size_t piece_bytes, std::size_t max_line_bytes,
        const std::function<void(std::string_view text, std::uint32_t first_line)>& piece,
        const std::function<void(std::uint32_t line, std::uint64_t bytes)>& long_line);

  private:
    // Files up to this size are read once and kept while they are used:
    // hashing and extracting them reads the disk once.
    static constexpr std::uint64_t kSmallFile = std::uint64_t{4} << 20;

    // Reads up to `n` bytes at `offset`; returns how many (0 at the end).
    std::size_t read_at(std::uint64_t offset, char* out, std::size_t n);

    std::string path_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    bool small_loaded_ = false;
    std::string small_;  // the whole file, when small
};

}  // namespace scoop
