#pragma once

// Files as the index uses them: written once through a buffered writer that
// checksums as it goes, read through read-only memory maps.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace scoop {

// Appends to a new file. finish() flushes and fsyncs; a writer destroyed
// without finish() leaves an incomplete file that nothing references.
class FileWriter {
  public:
    explicit FileWriter(std::string path);
    ~FileWriter();
    FileWriter(const FileWriter&) = delete;
    FileWriter& operator=(const FileWriter&) = delete;

    void append(std::string_view bytes);
    void append(const void* data, std::size_t n) {
        append(std::string_view(static_cast<const char*>(data), n));
    }
    std::uint64_t offset() const { return offset_; }
    // XXH3-64 of everything appended so far.
    std::uint64_t digest() const;
    void finish();
    const std::string& path() const { return path_; }

  private:
    void flush_buffer();

    std::string path_;
    int fd_ = -1;
    std::string buffer_;
    std::uint64_t offset_ = 0;
    void* hash_state_ = nullptr;  // XXH3_state_t, kept out of this header
};

// A whole file mapped read-only. Empty files map to an empty span.
class MappedFile {
  public:
    explicit MappedFile(std::string path);
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;

    std::span<const std::uint8_t> bytes() const { return {data_, size_}; }
    std::size_t size() const { return size_; }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

std::uint64_t xxh3_64(std::span<const std::uint8_t> bytes);

// Reads a small file whole; throws scoop::Error naming the path.
std::string read_file(const std::string& path);

// fsyncs a directory so that renames and creations in it survive a crash.
void fsync_directory(const std::string& dir);

// Writes `bytes` to `path` so that after a crash either the old or the new
// content is there: write to path.tmp, fsync, rename over, fsync directory.
void replace_file_atomically(const std::string& dir, const std::string& name,
                             std::string_view bytes);

std::string join_path(std::string_view dir, std::string_view name);

}  // namespace scoop
