#include "storage/file_writer.h"

#include <xxhash.h>

namespace scoop {
namespace {

constexpr std::size_t kWriteBuffer = std::size_t{1} << 20;

}  // namespace

std::uint32_t page_checksum(const std::uint8_t* data, std::size_t size) {
    return static_cast<std::uint32_t>(XXH3_64bits(data, size));
}

FileWriter::FileWriter(Directory& dir, std::string name)
    : name_(std::move(name)), file_(dir.create(name_)) {
    buffer_.reserve(kWriteBuffer + kChecksumPageBytes);
}

FileWriter::~FileWriter() = default;

void FileWriter::append(std::string_view bytes) {
    buffer_.append(bytes);
    offset_ += bytes.size();
    if (buffer_.size() >= kWriteBuffer) flush(false);
}

void FileWriter::flush(bool everything) {
    std::size_t n = buffer_.size();
    if (!sealed_) {
        // The buffer starts on a page boundary: checksum its whole pages.
        n = everything ? n : n / kChecksumPageBytes * kChecksumPageBytes;
        const auto* p = reinterpret_cast<const std::uint8_t*>(buffer_.data());
        for (std::size_t at = 0; at < n; at += kChecksumPageBytes)
            pages_.push_back(page_checksum(p + at, std::min(kChecksumPageBytes, n - at)));
    }
    if (n == 0) return;
    file_->append(std::string_view(buffer_).substr(0, n));
    buffer_.erase(0, n);
}

std::vector<std::uint32_t> FileWriter::seal_pages() {
    if (!sealed_) {
        flush(true);
        sealed_ = true;
    }
    return pages_;
}

void FileWriter::finish() {
    if (!sealed_) flush(false);
    flush(true);
    file_->sync();
    file_->close();
}

}  // namespace scoop
