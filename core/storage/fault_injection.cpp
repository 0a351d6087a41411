#include "storage/fault_injection.h"

#include <cerrno>
#include <cstring>

#include "util/error.h"

namespace scoop {
namespace {

class FaultInjectingFile final : public WritableFile {
  public:
    FaultInjectingFile(FaultInjectingDirectory& dir, std::unique_ptr<WritableFile> inner,
                       std::string name)
        : dir_(dir), inner_(std::move(inner)), name_(std::move(name)) {}
    void append(std::string_view bytes) override {
        dir_.operation("write", name_);
        inner_->append(bytes);
    }
    void sync() override {
        dir_.operation("fsync", name_);
        inner_->sync();
    }
    void close() override {
        dir_.operation("close", name_);
        inner_->close();
    }

  private:
    FaultInjectingDirectory& dir_;
    std::unique_ptr<WritableFile> inner_;
    std::string name_;
};

}  // namespace

void FaultInjectingDirectory::operation(const char* what, std::string_view name) {
    check_alive();
    ++operations_;
    if (fault_ == Fault::kNone || operations_ != fail_at_) return;
    fired_ = true;
    if (fault_ == Fault::kCrash) {
        crashed_ = true;
        throw SimulatedCrash();
    }
    const int err = fault_ == Fault::kNoSpace ? ENOSPC : EIO;
    throw Error(std::string("cannot ") + what + " " + describe(name) + ": " + std::strerror(err));
}

std::unique_ptr<WritableFile> FaultInjectingDirectory::create(const std::string& name) {
    operation("create", name);
    return std::make_unique<FaultInjectingFile>(*this, inner_->create(name), name);
}

void FaultInjectingDirectory::rename(const std::string& from, const std::string& to) {
    operation("rename", to);
    inner_->rename(from, to);
}

void FaultInjectingDirectory::remove(const std::string& name) {
    operation("remove", name);
    inner_->remove(name);
}

void FaultInjectingDirectory::sync_directory() {
    operation("fsync the directory of", "");
    inner_->sync_directory();
}

}  // namespace scoop
