#include "ingest/file_walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <map>
#include <set>

#include "index/envelope.h"
#include "index/file_names.h"

namespace scoop {
namespace {

std::int64_t nanoseconds(const struct timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

FoundFile found(std::string path, const struct stat& st) {
    return FoundFile{std::move(path),
                     static_cast<std::uint64_t>(st.st_size),
                     nanoseconds(st.st_mtim),
                     nanoseconds(st.st_ctim),
                     static_cast<std::uint64_t>(st.st_dev),
                     static_cast<std::uint64_t>(st.st_ino)};
}

// What a file that is not regular and not a folder is, for the skip list.
std::string kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string join(const std::string& dir, const std::string& name) {
    return dir == "/" ? "/" + name : dir + "/" + name;
}

class Walker {
  public:
    Walker(const std::string& exclude, WalkResult& out) : exclude_(exclude), out_(out) {}

    void input(const std::string& given) {
        char resolved[PATH_MAX];
        if (::realpath(given.c_str(), resolved) == nullptr) {
            ++out_.missing_inputs;
            out_.skipped.push_back(
                {given, errno == ENOENT ? "no such file or folder"
                                        : std::string("cannot read: ") + std::strerror(errno)});
            return;
        }
        const std::string path = resolved;
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            out_.skipped.push_back({given, std::string("cannot read: ") + std::strerror(errno)});
            return;
        }
        if (!exclude_.empty() && is_within(path, exclude_)) {
            out_.skipped.push_back({given, "the index folder itself"});
            return;
        }
        out_.roots.push_back(path);
        if (S_ISDIR(st.st_mode))
            walk(path, st);
        else if (S_ISREG(st.st_mode))
            out_.files.push_back(found(path, st));  // named, so taken even when hidden
        else
            out_.skipped.push_back({given, kind_of(st.st_mode)});
    }

  private:
    void walk(const std::string& root, const struct stat& root_stat) {
        std::vector<std::string> folders{root};
        visited_.insert({root_stat.st_dev, root_stat.st_ino});
        while (!folders.empty()) {
            const std::string folder = std::move(folders.back());
            folders.pop_back();
            DIR* d = ::opendir(folder.c_str());
            if (d == nullptr) {
                out_.skipped.push_back(
                    {folder, std::string("cannot read folder: ") + std::strerror(errno)});
                continue;
            }
            std::vector<std::string> names;
            while (const dirent* e = ::readdir(d)) {
                const std::string name = e->d_name;
                // Hidden files and folders (.git, editor backups) are not articles.
                if (!name.starts_with(".")) names.push_back(name);
            }
            ::closedir(d);
            std::sort(names.begin(), names.end(), std::greater<>());  // popped in order
            for (const std::string& name : names) entry(join(folder, name), folders);
        }
    }

    void entry(const std::string& path, std::vector<std::string>& folders) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) {
            out_.skipped.push_back({path, std::string("cannot read: ") + std::strerror(errno)});
            return;
        }
        if (S_ISDIR(st.st_mode)) {
            if (!exclude_.empty() && is_within(path, exclude_)) return;  // never index the index
            if (is_index_folder(path)) {
                out_.skipped.push_back({path, "a scoop index folder"});
                return;
            }
            if (visited_.insert({st.st_dev, st.st_ino}).second) folders.push_back(path);
            return;
        }
        if (S_ISLNK(st.st_mode)) {
            struct stat target {};
            if (::stat(path.c_str(), &target) != 0) {
                out_.skipped.push_back(
                    {path, std::string("a broken symbolic link: ") + std::strerror(errno)});
                return;
            }
            if (S_ISREG(target.st_mode)) {
                out_.files.push_back(found(path, target));
            } else if (S_ISDIR(target.st_mode)) {
                out_.skipped.push_back({path,
                                        "a link to a folder (links to folders are not "
                                        "followed; give the folder itself)"});
            } else {
                out_.skipped.push_back({path, "a link to " + kind_of(target.st_mode)});
            }
            return;
        }
        if (S_ISREG(st.st_mode))
            out_.files.push_back(found(path, st));
        else
            out_.skipped.push_back({path, kind_of(st.st_mode)});
    }

    const std::string& exclude_;
    WalkResult& out_;
    std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

bool is_within(const std::string& path, const std::string& root) {
    if (root == "/") return path.starts_with("/");
    return path == root ||
           (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

bool is_index_folder(const std::string& path) {
    const int fd =
        ::open(join(path, std::string(kManifestFile)).c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    char head[kEnvelopeHeaderSize] = {};
    const ssize_t n = ::read(fd, head, sizeof head);
    ::close(fd);
    return n > 0 && starts_as_envelope({head, static_cast<std::size_t>(n)}, kKindManifest);
}

WalkResult walk_inputs(const std::vector<std::string>& inputs, const std::string& exclude,
                       const std::function<bool(std::string_view)>& preferred) {
    WalkResult out;
    Walker walker(exclude, out);
    for (const std::string& input : inputs) walker.input(input);

    // Each file once: by path (overlapping inputs), then by identity (links).
    std::sort(out.files.begin(), out.files.end(),
              [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    out.files.erase(
        std::unique(out.files.begin(), out.files.end(),
                    [](const FoundFile& a, const FoundFile& b) { return a.path == b.path; }),
        out.files.end());
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::size_t> by_identity;
    std::vector<bool> keep(out.files.size(), true);
    for (std::size_t i = 0; i < out.files.size(); ++i) {
        const auto [it, first] =
            by_identity.try_emplace({out.files[i].device, out.files[i].inode}, i);
        if (first) continue;
        std::size_t& kept = it->second;
        if (preferred && !preferred(out.files[kept].path) && preferred(out.files[i].path)) {
            keep[kept] = false;
            kept = i;
        } else {
            keep[i] = false;
        }
    }
    std::vector<FoundFile> unique;
    for (std::size_t i = 0; i < out.files.size(); ++i) {
        if (keep[i])
            unique.push_back(std::move(out.files[i]));
        else
            out.other_names.push_back(out.files[i].path);
    }
    out.files = std::move(unique);
    std::sort(out.skipped.begin(), out.skipped.end(),
              [](const WalkIssue& a, const WalkIssue& b) { return a.path < b.path; });
    std::sort(out.roots.begin(), out.roots.end());
    out.roots.erase(std::unique(out.roots.begin(), out.roots.end()), out.roots.end());
    return out;
}

}  // namespace scoop
