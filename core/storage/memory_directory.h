#pragma once

// A Directory held in memory that remembers what a crash would keep: for
// each file, the content its last sync made durable; for the directory,
// the names its last sync_directory made durable. crash() turns it into
// what a machine would find after losing power at that instant, which is
// how the tests prove that a commit interrupted anywhere leaves an index at
// the previous commit or the new one (fault_injection.h).

#include <map>
#include <memory>
#include <mutex>

#include "storage/directory.h"

namespace scoop {

class MemoryDirectory final : public Directory {
  public:
    MemoryDirectory() = default;

    std::string describe(std::string_view name) const override;
    std::string location() const override { return "memory"; }
    std::unique_ptr<WritableFile> create(const std::string& name) override;
    std::shared_ptr<const ReadableFile> open(const std::string& name) const override;
    bool exists(const std::string& name) const override;
    std::vector<std::string> list() const override;
    std::uint64_t size(const std::string& name) const override;
    void rename(const std::string& from, const std::string& to) override;
    void remove(const std::string& name) override;
    void sync_directory() override;
    std::unique_ptr<DirectoryLock> lock(const std::string& name) override;

    // What survives a crash now. Unsynced file content is always lost. With
    // kUnsyncedNamesLost, every creation, rename and removal since the last
    // sync_directory is undone too; with kUnsyncedNamesKept they all reached
    // the disk (a file system may write directory changes at any time).
    // Both are states a real crash can leave; a correct commit survives
    // either. Locks are released.
    enum class CrashKind { kUnsyncedNamesLost, kUnsyncedNamesKept };
    std::shared_ptr<MemoryDirectory> crash(CrashKind kind) const;

    // A copy of the current state (as if every file were synced).
    std::shared_ptr<MemoryDirectory> clone() const;

    // The bytes of `name` replaced, as a disk might damage them.
    void overwrite(const std::string& name, std::string bytes);

  private:
    struct Node {
        std::string data;    // what the file holds now
        std::string synced;  // what its last sync made durable
    };
    friend class MemoryWritableFile;
    friend class MemoryLock;

    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Node>> names_;          // now
    std::map<std::string, std::shared_ptr<Node>> durable_names_;  // as of the last sync_directory
    bool locked_ = false;
};

}  // namespace scoop
