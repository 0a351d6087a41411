#include "util/file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>

#include "util/error.h"

namespace scoop {
namespace {

constexpr std::size_t kWriteBuffer = 1 << 20;

[[noreturn]] void fail(const std::string& what, const std::string& path) {
    std::string message = what + " " + path + ": " + std::strerror(errno);
    if (errno == ENOENT) throw FileMissingError(message);
    throw Error(message);
}

void write_all(int fd, const char* p, std::size_t n, const std::string& path) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", path);
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
}

}  // namespace

FileWriter::FileWriter(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create", path_);
    auto* state = XXH3_createState();
    XXH3_64bits_reset(state);
    hash_state_ = state;
    buffer_.reserve(kWriteBuffer);
}

FileWriter::~FileWriter() {
    if (fd_ >= 0) ::close(fd_);
    XXH3_freeState(static_cast<XXH3_state_t*>(hash_state_));
}

void FileWriter::append(std::string_view bytes) {
    XXH3_64bits_update(static_cast<XXH3_state_t*>(hash_state_), bytes.data(), bytes.size());
    offset_ += bytes.size();
    if (buffer_.size() + bytes.size() > kWriteBuffer) flush_buffer();
    if (bytes.size() >= kWriteBuffer) {
        write_all(fd_, bytes.data(), bytes.size(), path_);
    } else {
        buffer_.append(bytes);
    }
}

std::uint64_t FileWriter::digest() const {
    return XXH3_64bits_digest(static_cast<const XXH3_state_t*>(hash_state_));
}

void FileWriter::flush_buffer() {
    write_all(fd_, buffer_.data(), buffer_.size(), path_);
    buffer_.clear();
}

void FileWriter::finish() {
    flush_buffer();
    if (::fsync(fd_) != 0) fail("cannot fsync", path_);
    if (::close(fd_) != 0) {
        fd_ = -1;
        fail("cannot close", path_);
    }
    fd_ = -1;
}

MappedFile::MappedFile(std::string path) : path_(std::move(path)) {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot open", path_);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        fail("cannot stat", path_);
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED) {
            ::close(fd);
            fail("cannot map", path_);
        }
        data_ = static_cast<const std::uint8_t*>(p);
    }
    ::close(fd);  // the mapping keeps the file alive, even once unlinked
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : path_(std::move(other.path_)), data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<std::uint8_t*>(data_), size_);
}

std::uint64_t xxh3_64(std::span<const std::uint8_t> bytes) {
    return XXH3_64bits(bytes.data(), bytes.size());
}

std::string read_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot open", path);
    std::string out;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            errno = saved;
            fail("cannot read", path);
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

void fsync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("cannot open directory", dir);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) fail("cannot fsync directory", dir);
}

void replace_file_atomically(const std::string& dir, const std::string& name,
                             std::string_view bytes) {
    const std::string final_path = join_path(dir, name);
    const std::string temp_path = final_path + ".tmp";
    {
        FileWriter w(temp_path);
        w.append(bytes);
        w.finish();  // the content is durable before the name points at it
    }
    if (::rename(temp_path.c_str(), final_path.c_str()) != 0) fail("cannot rename to", final_path);
    fsync_directory(dir);  // and the name is durable before we report success
}

std::string join_path(std::string_view dir, std::string_view name) {
    std::string p(dir);
    if (!p.empty() && p.back() != '/') p += '/';
    p += name;
    return p;
}

}  // namespace scoop
