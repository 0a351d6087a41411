#pragma once

// The storage seam of an index: every file an index reads or writes, and
// every write, fsync, rename and unlink, goes through a Directory, as
// LevelDB's Env and tantivy's Directory do. Two implementations: the real
// folder (posix_directory), and memory (memory_directory) that models what
// a crash keeps, so that tests can fail or crash an index at every single
// operation of a commit and check what is left (fault_injection.h).
//
// Names are plain file names inside the directory, never paths.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace scoop {

// A file being written, appended to and never read back. Errors throw
// scoop::Error naming the file.
class WritableFile {
  public:
    virtual ~WritableFile() = default;
    virtual void append(std::string_view bytes) = 0;
    // Makes the content written so far durable (fsync).
    virtual void sync() = 0;
    // Releases the file; nothing may be appended after.
    virtual void close() = 0;
};

// A whole file, read-only, as one span (a memory map for real files). The
// bytes stay valid for the object's lifetime, even once the file is
// removed or replaced.
class ReadableFile {
  public:
    virtual ~ReadableFile() = default;
    virtual std::span<const std::uint8_t> bytes() const = 0;
};

// Held by the one writer of an index; released when destroyed.
class DirectoryLock {
  public:
    virtual ~DirectoryLock() = default;
};

class Directory {
  public:
    virtual ~Directory() = default;

    // For messages: "index/seg-000001.post".
    virtual std::string describe(std::string_view name) const = 0;
    // For messages: the folder, "index".
    virtual std::string location() const = 0;

    // Creates `name`, empty (an existing file is replaced).
    virtual std::unique_ptr<WritableFile> create(const std::string& name) = 0;
    // Throws FileMissingError when there is no such file.
    virtual std::shared_ptr<const ReadableFile> open(const std::string& name) const = 0;
    virtual bool exists(const std::string& name) const = 0;
    // Names of everything in the directory (files and folders), in no
    // particular order.
    virtual std::vector<std::string> list() const = 0;
    // Size in bytes; throws FileMissingError when there is no such file.
    virtual std::uint64_t size(const std::string& name) const = 0;

    // Atomically replaces `to` with `from`.
    virtual void rename(const std::string& from, const std::string& to) = 0;
    // Removes `name`; a missing file is not an error.
    virtual void remove(const std::string& name) = 0;
    // Makes creations, renames and removals so far durable.
    virtual void sync_directory() = 0;

    // The exclusive writer lock, held through the file `name`. Throws
    // scoop::Error, naming the holder's process id when it is known, when
    // another writer holds it.
    virtual std::unique_ptr<DirectoryLock> lock(const std::string& name) = 0;
};

// The folder at `path`, created (with its parents) when `create` is set.
// Throws scoop::Error when it cannot be created or is not a folder.
std::shared_ptr<Directory> open_posix_directory(const std::string& path, bool create);

// Writes `bytes` to `name` so that after a crash either the old or the new
// content is there: name.tmp written and synced, renamed over, directory
// synced.
void replace_atomically(Directory& dir, const std::string& name, std::string_view bytes);

// Reads a whole small file.
std::string read_all(const Directory& dir, const std::string& name);

}  // namespace scoop
