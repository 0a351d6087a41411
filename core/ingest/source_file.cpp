#include "ingest/source_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "util/error.h"

namespace scoop {
namespace {

constexpr std::size_t kReadPiece = std::size_t{1} << 20;

struct HashState {
    XXH3_state_t* state = XXH3_createState();
    ~HashState() { XXH3_freeState(state); }
};

}  // namespace

SourceFile::SourceFile(const std::string& path) : path_(path) {
    // O_NONBLOCK: if the file was swapped for a FIFO since it was found,
    // opening it must not wait for a writer.
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd_ < 0) throw Error(std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int err = errno;
        ::close(fd_);
        fd_ = -1;
        throw Error(S_ISREG(st.st_mode) ? std::string("cannot read: ") + std::strerror(err)
                                        : std::string("no longer a regular file"));
    }
    size_ = static_cast<std::uint64_t>(st.st_size);
}

SourceFile::~SourceFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::size_t SourceFile::read_at(std::uint64_t offset, char* out, std::size_t n) {
    if (size_ <= kSmallFile && !small_loaded_) {
        small_loaded_ = true;  // before reading: the loop below reads through here
        small_.resize(static_cast<std::size_t>(size_));
        std::size_t done = 0;
        while (done < small_.size()) {
            const ssize_t r =
                ::pread(fd_, small_.data() + done, small_.size() - done, static_cast<off_t>(done));
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) throw Error(std::string("cannot read: ") + std::strerror(errno));
            if (r == 0) break;  // shrank meanwhile
            done += static_cast<std::size_t>(r);
        }
        small_.resize(done);
    }
    if (small_loaded_) {
        if (offset >= small_.size()) return 0;
        const std::size_t k = std::min<std::size_t>(n, small_.size() - offset);
        std::memcpy(out, small_.data() + offset, k);
        return k;
    }
    for (;;) {
        const ssize_t r = ::pread(fd_, out, n, static_cast<off_t>(offset));
        if (r >= 0) return static_cast<std::size_t>(r);
        if (errno != EINTR) throw Error(std::string("cannot read: ") + std::strerror(errno));
    }
}

std::uint64_t SourceFile::content_hash() {
    HashState h;
    XXH3_64bits_reset(h.state);
    const auto buffer = std::make_unique<char[]>(kReadPiece);
    for (std::uint64_t offset = 0;;) {
        const std::size_t n = read_at(offset, buffer.get(), kReadPiece);
        if (n == 0) break;
        XXH3_64bits_update(h.state, buffer.get(), n);
        offset += n;
    }
    return XXH3_64bits_digest(h.state);
}

std::string SourceFile::read_prefix(std::uint64_t n) {
    std::string out(static_cast<std::size_t>(std::min(n, size_)), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
        const std::size_t got = read_at(done, out.data() + done, out.size() - done);
        if (got == 0) break;  // shrank meanwhile
        done += got;
    }
    out.resize(done);
    return out;
}

void SourceFile::for_each_line_piece(
    std::size_t piece_bytes, std::size_t max_line_bytes,
    const std::function<void(std::string_view, std::uint32_t)>& piece,
    const std::function<void(std::uint32_t, std::uint64_t)>& long_line) {
    std::string buffer;        // from the start of the piece being gathered
    std::uint64_t offset = 0;  // in the file, of the end of buffer
    bool at_end = false;
    auto fill = [&] {
        const std::size_t before = buffer.size();
        buffer.resize(before + kReadPiece);
        const std::size_t got = read_at(offset, buffer.data() + before, kReadPiece);
        buffer.resize(before + got);
        offset += got;
        at_end = got == 0;
    };
    std::size_t scan = 0;          // where the next line starts in buffer
    std::uint32_t line = 1;        // its number
    std::uint32_t piece_line = 1;  // number of buffer's first line
    auto hand_on = [&](std::size_t end) {
        if (end > 0) piece(std::string_view(buffer).substr(0, end), piece_line);
        buffer.erase(0, end);
        scan -= end;
        piece_line = line;
    };
    for (;;) {
        const std::size_t nl = buffer.find('\n', scan);
        if (nl == std::string::npos && !at_end) {
            if (buffer.size() - scan <= max_line_bytes) {
                fill();
                continue;
            }
            // A line longer than any article may be: read past it, keep nothing.
            hand_on(scan);
            std::uint64_t skipped = buffer.size();
            for (;;) {
                buffer.clear();
                fill();
                const std::size_t end = buffer.find('\n');
                if (end != std::string::npos || at_end) {
                    const std::size_t cut = end == std::string::npos ? buffer.size() : end + 1;
                    long_line(line, skipped + cut);
                    buffer.erase(0, cut);
                    break;
                }
                skipped += buffer.size();
            }
            scan = 0;
            piece_line = ++line;
            continue;
        }
        if (scan >= buffer.size()) break;  // at the end, everything handed on
        const std::size_t end = nl == std::string::npos ? buffer.size() : nl + 1;
        if (end - scan > max_line_bytes) {
            hand_on(scan);
            long_line(line, end - scan);
            buffer.erase(0, end - scan);
            scan = 0;
            piece_line = ++line;
            continue;
        }
        scan = end;
        ++line;
        if (scan >= piece_bytes) hand_on(scan);
    }
    hand_on(buffer.size());
}

}  // namespace scoop
