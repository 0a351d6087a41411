#pragma once

// A Directory that counts the operations that change storage (create,
// append, sync, close, rename, remove, sync_directory) and, at the Nth,
// either fails it as a full or broken disk would (ENOSPC, EIO) or crashes:
// the operation and every later one throw SimulatedCrash, and the test
// takes what a MemoryDirectory would keep after a power loss at that
// instant. Running a commit once per N, for every N, proves what the index
// looks like after any failure at any point, where random kills only
// sample it.

#include <cstdint>
#include <memory>
#include <stdexcept>

#include "storage/directory.h"

namespace scoop {

// Thrown by a crashed FaultInjectingDirectory. Not a scoop::Error: nothing
// in the library may catch it and go on, as nothing runs after a power loss.
class SimulatedCrash : public std::runtime_error {
  public:
    SimulatedCrash() : std::runtime_error("simulated crash") {}
};

class FaultInjectingDirectory final : public Directory {
  public:
    enum class Fault {
        kNone,
        kNoSpace,  // the Nth operation fails with ENOSPC; later ones work
        kIoError,  // the same with EIO
        kCrash,    // the Nth operation and all after it throw SimulatedCrash
    };

    explicit FaultInjectingDirectory(std::shared_ptr<Directory> inner) : inner_(std::move(inner)) {}

    // Arms the fault for the `n`th operation from now (1-based).
    void arm(Fault fault, std::uint64_t n) {
        fault_ = fault;
        fail_at_ = operations_ + n;
    }
    std::uint64_t operations() const { return operations_; }
    bool fired() const { return fired_; }

    std::string describe(std::string_view name) const override { return inner_->describe(name); }
    std::string location() const override { return inner_->location(); }
    std::unique_ptr<WritableFile> create(const std::string& name) override;
    std::shared_ptr<const ReadableFile> open(const std::string& name) const override {
        check_alive();
        return inner_->open(name);
    }
    bool exists(const std::string& name) const override {
        check_alive();
        return inner_->exists(name);
    }
    std::vector<std::string> list() const override {
        check_alive();
        return inner_->list();
    }
    std::uint64_t size(const std::string& name) const override {
        check_alive();
        return inner_->size(name);
    }
    void rename(const std::string& from, const std::string& to) override;
    void remove(const std::string& name) override;
    void sync_directory() override;
    std::unique_ptr<DirectoryLock> lock(const std::string& name) override {
        check_alive();
        return inner_->lock(name);
    }

    // Counts one operation on `name`; throws when it is the one to fail.
    void operation(const char* what, std::string_view name);

  private:
    void check_alive() const {
        if (crashed_) throw SimulatedCrash();
    }

    std::shared_ptr<Directory> inner_;
    Fault fault_ = Fault::kNone;
    std::uint64_t operations_ = 0;
    std::uint64_t fail_at_ = 0;
    bool fired_ = false;
    bool crashed_ = false;
};

}  // namespace scoop
