// The Directory of a real folder: files written with write(2) and made
// durable with fsync(2), read through read-only memory maps, the writer
// lock an flock(2) on a file holding the writer's pid.

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/directory.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
    std::string message = what + " " + path + ": " + std::strerror(err);
    if (err == ENOENT) throw FileMissingError(message);
    throw Error(message);
}

class PosixWritableFile final : public WritableFile {
  public:
    PosixWritableFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    ~PosixWritableFile() override {
        if (fd_ >= 0) ::close(fd_);
    }
    void append(std::string_view bytes) override {
        const char* p = bytes.data();
        std::size_t n = bytes.size();
        while (n > 0) {
            const ssize_t w = ::write(fd_, p, n);
            if (w < 0) {
                if (errno == EINTR) continue;
                fail("cannot write", path_, errno);
            }
            p += w;
            n -= static_cast<std::size_t>(w);
        }
    }
    void sync() override {
        if (::fsync(fd_) != 0) fail("cannot fsync", path_, errno);
    }
    void close() override {
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) fail("cannot close", path_, errno);
    }

  private:
    int fd_;
    std::string path_;
};

class PosixReadableFile final : public ReadableFile {
  public:
    explicit PosixReadableFile(const std::string& path) : file_(path) {}
    std::span<const std::uint8_t> bytes() const override { return file_.bytes(); }

  private:
    MappedFile file_;
};

class PosixLock final : public DirectoryLock {
  public:
    explicit PosixLock(int fd) : fd_(fd) {}
    ~PosixLock() override { ::close(fd_); }  // releases the flock

  private:
    int fd_;
};

class PosixDirectory final : public Directory {
  public:
    explicit PosixDirectory(std::string path) : path_(std::move(path)) {}

    std::string describe(std::string_view name) const override { return join_path(path_, name); }
    std::string location() const override { return path_; }

    std::unique_ptr<WritableFile> create(const std::string& name) override {
        const std::string path = describe(name);
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) fail("cannot create", path, errno);
        return std::make_unique<PosixWritableFile>(fd, path);
    }
    std::shared_ptr<const ReadableFile> open(const std::string& name) const override {
        return std::make_shared<PosixReadableFile>(describe(name));
    }
    bool exists(const std::string& name) const override {
        struct stat st {};
        return ::stat(describe(name).c_str(), &st) == 0;
    }
    std::vector<std::string> list() const override {
        std::vector<std::string> names;
        DIR* d = ::opendir(path_.c_str());
        if (d == nullptr) fail("cannot read folder", path_, errno);
        while (const dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name != "." && name != "..") names.push_back(name);
        }
        ::closedir(d);
        return names;
    }
    std::uint64_t size(const std::string& name) const override {
        struct stat st {};
        if (::stat(describe(name).c_str(), &st) != 0) fail("cannot stat", describe(name), errno);
        return static_cast<std::uint64_t>(st.st_size);
    }
    void rename(const std::string& from, const std::string& to) override {
        if (::rename(describe(from).c_str(), describe(to).c_str()) != 0)
            fail("cannot rename " + describe(from) + " to", describe(to), errno);
    }
    void remove(const std::string& name) override {
        if (::unlink(describe(name).c_str()) != 0 && errno != ENOENT)
            fail("cannot remove", describe(name), errno);
    }
    void sync_directory() override {
        const int fd = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) fail("cannot open directory", path_, errno);
        const int rc = ::fsync(fd);
        const int err = errno;
        ::close(fd);
        if (rc != 0) fail("cannot fsync directory", path_, err);
    }
    std::unique_ptr<DirectoryLock> lock(const std::string& name) override {
        const std::string path = describe(name);
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) fail("cannot open lock file", path, errno);
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int err = errno;
            std::string holder;
            try {
                holder = read_file(path);
            } catch (const Error&) {
            }
            while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' '))
                holder.pop_back();
            ::close(fd);
            if (err == EWOULDBLOCK)
                throw Error("the index at '" + path_ +
                            "' is being written by another indexer (pid " +
                            (holder.empty() ? std::string("unknown") : holder) +
                            "); wait for it to finish and try again");
            fail("cannot lock", path, err);
        }
        const std::string pid = std::to_string(::getpid()) + "\n";
        if (::ftruncate(fd, 0) != 0 ||
            ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
            const int err = errno;
            ::close(fd);
            fail("cannot write lock file", path, err);
        }
        return std::make_unique<PosixLock>(fd);
    }

  private:
    std::string path_;
};

}  // namespace

std::shared_ptr<Directory> open_posix_directory(const std::string& path, bool create) {
    std::error_code ec;
    if (create) {
        std::filesystem::create_directories(path, ec);
        if (ec) throw Error("cannot create index directory '" + path + "': " + ec.message());
    }
    if (!std::filesystem::is_directory(path, ec)) throw Error("'" + path + "' is not a folder");
    return std::make_shared<PosixDirectory>(path);
}

}  // namespace scoop
