#include "storage/memory_directory.h"

#include "util/error.h"

namespace scoop {

namespace {

class MemoryReadableFile final : public ReadableFile {
  public:
    explicit MemoryReadableFile(std::string bytes) : bytes_(std::move(bytes)) {}
    std::span<const std::uint8_t> bytes() const override {
        return {reinterpret_cast<const std::uint8_t*>(bytes_.data()), bytes_.size()};
    }

  private:
    std::string bytes_;
};

}  // namespace

class MemoryWritableFile final : public WritableFile {
  public:
    MemoryWritableFile(MemoryDirectory& dir, std::shared_ptr<MemoryDirectory::Node> node)
        : dir_(dir), node_(std::move(node)) {}
    void append(std::string_view bytes) override {
        std::lock_guard lock(dir_.mutex_);
        node_->data.append(bytes);
    }
    void sync() override {
        std::lock_guard lock(dir_.mutex_);
        node_->synced = node_->data;
    }
    void close() override {}

  private:
    MemoryDirectory& dir_;
    std::shared_ptr<MemoryDirectory::Node> node_;
};

class MemoryLock final : public DirectoryLock {
  public:
    explicit MemoryLock(MemoryDirectory& dir) : dir_(dir) {}
    ~MemoryLock() override {
        std::lock_guard lock(dir_.mutex_);
        dir_.locked_ = false;
    }

  private:
    MemoryDirectory& dir_;
};

std::string MemoryDirectory::describe(std::string_view name) const {
    return "memory:" + std::string(name);
}

std::unique_ptr<WritableFile> MemoryDirectory::create(const std::string& name) {
    auto node = std::make_shared<Node>();
    std::lock_guard lock(mutex_);
    names_[name] = node;
    return std::make_unique<MemoryWritableFile>(*this, std::move(node));
}

std::shared_ptr<const ReadableFile> MemoryDirectory::open(const std::string& name) const {
    std::lock_guard lock(mutex_);
    const auto it = names_.find(name);
    if (it == names_.end())
        throw FileMissingError("cannot open " + describe(name) + ": No such file or directory");
    return std::make_shared<MemoryReadableFile>(it->second->data);
}

bool MemoryDirectory::exists(const std::string& name) const {
    std::lock_guard lock(mutex_);
    return names_.count(name) > 0;
}

std::vector<std::string> MemoryDirectory::list() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [name, _] : names_) out.push_back(name);
    return out;
}

std::uint64_t MemoryDirectory::size(const std::string& name) const {
    std::lock_guard lock(mutex_);
    const auto it = names_.find(name);
    if (it == names_.end())
        throw FileMissingError("cannot stat " + describe(name) + ": No such file or directory");
    return it->second->data.size();
}

void MemoryDirectory::rename(const std::string& from, const std::string& to) {
    std::lock_guard lock(mutex_);
    const auto it = names_.find(from);
    if (it == names_.end())
        throw FileMissingError("cannot rename " + describe(from) + ": No such file or directory");
    auto node = it->second;
    names_.erase(it);
    names_[to] = std::move(node);
}

void MemoryDirectory::remove(const std::string& name) {
    std::lock_guard lock(mutex_);
    names_.erase(name);
}

void MemoryDirectory::sync_directory() {
    std::lock_guard lock(mutex_);
    durable_names_ = names_;
}

std::unique_ptr<DirectoryLock> MemoryDirectory::lock(const std::string&) {
    std::lock_guard lock(mutex_);
    if (locked_) throw Error("the index in memory is being written by another writer; wait for it");
    locked_ = true;
    return std::make_unique<MemoryLock>(*this);
}

std::shared_ptr<MemoryDirectory> MemoryDirectory::crash(CrashKind kind) const {
    std::lock_guard lock(mutex_);
    auto after = std::make_shared<MemoryDirectory>();
    const auto& names = kind == CrashKind::kUnsyncedNamesLost ? durable_names_ : names_;
    for (const auto& [name, node] : names) {
        auto kept = std::make_shared<Node>(Node{node->synced, node->synced});
        after->names_[name] = kept;
        after->durable_names_[name] = kept;
    }
    return after;
}

std::shared_ptr<MemoryDirectory> MemoryDirectory::clone() const {
    std::lock_guard lock(mutex_);
    auto copy = std::make_shared<MemoryDirectory>();
    for (const auto& [name, node] : names_) {
        auto kept = std::make_shared<Node>(Node{node->data, node->data});
        copy->names_[name] = kept;
        copy->durable_names_[name] = kept;
    }
    return copy;
}

void MemoryDirectory::overwrite(const std::string& name, std::string bytes) {
    std::lock_guard lock(mutex_);
    auto node = std::make_shared<Node>(Node{bytes, bytes});
    names_[name] = node;
    durable_names_[name] = node;
}

}  // namespace scoop
