#pragma once

// The catalogue of indexed files: what a re-run compares the file system
// with to find new, changed and removed files without reading unchanged
// ones. Each entry ties a path to the file id its documents carry in the
// segments' document tables.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scoop {

struct CatalogEntry {
    std::string path;
    std::uint64_t file_id = 0;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    // Status change time: set by the system whenever the file's content or
    // times change (utimes included), so a file edited with its size and
    // mtime put back still looks changed.
    std::int64_t ctime_ns = 0;
    std::uint64_t content_hash = 0;  // XXH3-64 of the bytes
    std::uint32_t doc_count = 0;
    std::string format;  // "text", "jsonl", "html"
};

class Catalog {
  public:
    const CatalogEntry* find(std::string_view path) const;
    void put(CatalogEntry entry);
    void erase(std::string_view path);
    std::size_t size() const { return entries_.size(); }
    // Entries sorted by path.
    std::vector<const CatalogEntry*> sorted() const;

    std::string serialize() const;  // envelope payload: zstd-compressed records
    static Catalog parse(std::string_view payload, const std::string& path);

  private:
    std::unordered_map<std::string, CatalogEntry> entries_;
};

}  // namespace scoop
