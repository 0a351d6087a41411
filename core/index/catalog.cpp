#include "index/catalog.h"

#include <zstd.h>

#include <algorithm>

#include "util/coding.h"
#include "util/error.h"

namespace scoop {

const CatalogEntry* Catalog::find(std::string_view path) const {
    const auto it = entries_.find(std::string(path));
    return it == entries_.end() ? nullptr : &it->second;
}

void Catalog::put(CatalogEntry entry) {
    std::string key = entry.path;
    entries_.insert_or_assign(std::move(key), std::move(entry));
}

void Catalog::erase(std::string_view path) {
    entries_.erase(std::string(path));
}

std::vector<const CatalogEntry*> Catalog::sorted() const {
    std::vector<const CatalogEntry*> out;
    out.reserve(entries_.size());
    for (const auto& [_, e] : entries_) out.push_back(&e);
    std::sort(out.begin(), out.end(),
              [](const auto* a, const auto* b) { return a->path < b->path; });
    return out;
}

std::string Catalog::serialize() const {
    std::string raw;
    put_varint64(raw, entries_.size());
    for (const CatalogEntry* e : sorted()) {
        put_bytes(raw, e->path);
        put_varint64(raw, e->file_id);
        put_varint64(raw, e->size);
        put_fixed64(raw, static_cast<std::uint64_t>(e->mtime_ns));
        put_fixed64(raw, static_cast<std::uint64_t>(e->ctime_ns));
        put_fixed64(raw, e->content_hash);
        put_varint32(raw, e->doc_count);
        put_bytes(raw, e->format);
    }
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 3);
    if (ZSTD_isError(n))
        throw Error(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

Catalog Catalog::parse(std::string_view payload, const std::string& path) {
    // zstd makes at most 128 KiB of 4 bytes (an RLE block): a frame header
    // claiming more than that of this payload is damaged, and believing it
    // would allocate up to 16 GiB before decompression fails (found by
    // tests/fuzz).
    constexpr std::uint64_t kZstdMaxExpansion = 32768;
    const unsigned long long size = ZSTD_getFrameContentSize(payload.data(), payload.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 34) ||
        size > std::uint64_t{payload.size()} * kZstdMaxExpansion)
        throw CorruptIndexError(path, "catalogue is damaged");
    std::string raw(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompress(raw.data(), raw.size(), payload.data(), payload.size());
    if (ZSTD_isError(n) || n != size) throw CorruptIndexError(path, "catalogue is damaged");
    ByteReader r(raw);
    Catalog catalog;
    const std::uint64_t count = r.varint64();
    for (std::uint64_t i = 0; i < count && r.ok(); ++i) {
        CatalogEntry e;
        e.path = r.length_prefixed();
        e.file_id = r.varint64();
        e.size = r.varint64();
        e.mtime_ns = static_cast<std::int64_t>(r.fixed64());
        e.ctime_ns = static_cast<std::int64_t>(r.fixed64());
        e.content_hash = r.fixed64();
        e.doc_count = r.varint32();
        e.format = r.length_prefixed();
        if (r.ok()) catalog.put(std::move(e));
    }
    if (!r.ok() || !r.at_end() || catalog.size() != count)
        throw CorruptIndexError(path, "catalogue is malformed");
    return catalog;
}

}  // namespace scoop
