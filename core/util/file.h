#pragma once

// Plain files: read whole, or mapped read-only. The index's own files go
// through storage/directory.h instead.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace scoop {

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

std::string join_path(std::string_view dir, std::string_view name);

}  // namespace scoop
