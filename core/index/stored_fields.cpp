#include "index/stored_fields.h"

#include <zstd.h>

#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

constexpr std::size_t kBlockTarget = 64 * 1024;
constexpr std::size_t kIndexEntryBytes = 12;
constexpr std::size_t kTrailerBytes = 8 + 4 + 4;
// A block never decompresses to more than this; a frame claiming more is damaged.
constexpr std::size_t kMaxBlockBytes = std::size_t{1} << 31;

std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

}  // namespace

std::string serialize_document(const Article& a) {
    std::string out;
    out.reserve(a.body.size() + a.title.size() + a.path.size() + 32);
    put_varint64(out, zigzag(a.date));
    put_varint32(out, a.line);
    put_bytes(out, a.path);
    put_bytes(out, a.title);
    put_bytes(out, a.source);
    put_bytes(out, a.url);
    put_bytes(out, a.body);
    return out;
}

StoredDocument parse_document(std::string_view bytes, const std::string& file_for_errors) {
    ByteReader r(bytes);
    StoredDocument d;
    d.date = unzigzag(r.varint64());
    d.line = r.varint32();
    d.path = r.length_prefixed();
    d.title = r.length_prefixed();
    d.source = r.length_prefixed();
    d.url = r.length_prefixed();
    d.body = r.length_prefixed();
    if (!r.ok()) throw CorruptIndexError(file_for_errors, "a stored document is malformed");
    return d;
}

StoredFieldsWriter::StoredFieldsWriter(FileWriter& out, std::uint64_t payload_base, int zstd_level)
    : out_(out), base_(payload_base), level_(zstd_level) {}

void StoredFieldsWriter::add(std::string_view serialized) {
    put_bytes(block_, serialized);
    ++docs_;
    if (block_.size() >= kBlockTarget) flush_block();
}

void StoredFieldsWriter::flush_block() {
    if (block_.empty()) return;
    compressed_.resize(ZSTD_compressBound(block_.size()));
    ZSTD_CCtx* ctx = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, level_);
    ZSTD_CCtx_setParameter(ctx, ZSTD_c_checksumFlag, 1);
    const std::size_t n = ZSTD_compress2(ctx, compressed_.data(), compressed_.size(), block_.data(), block_.size());
    ZSTD_freeCCtx(ctx);
    if (ZSTD_isError(n)) throw Error(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
    put_fixed32(index_, block_first_doc_);
    put_fixed64(index_, out_.offset() - base_);
    out_.append(compressed_.data(), n);
    block_.clear();
    block_first_doc_ = docs_;
}

void StoredFieldsWriter::finish() {
    flush_block();
    const std::uint64_t index_offset = out_.offset() - base_;
    out_.append(index_);
    std::string trailer;
    put_fixed64(trailer, index_offset);
    put_fixed32(trailer, static_cast<std::uint32_t>(index_.size() / kIndexEntryBytes));
    put_fixed32(trailer, docs_);
    out_.append(trailer);
}

StoredFieldsReader::StoredFieldsReader(std::span<const std::uint8_t> payload, std::string path,
                                       std::uint32_t doc_count)
    : payload_(payload), path_(std::move(path)), doc_count_(doc_count) {
    if (payload_.size() < kTrailerBytes) throw CorruptIndexError(path_, "stored fields too short");
    const std::uint8_t* trailer = payload_.data() + payload_.size() - kTrailerBytes;
    const std::uint64_t index_offset = load_fixed64(trailer);
    block_count_ = load_fixed32(trailer + 8);
    const std::uint32_t docs = load_fixed32(trailer + 12);
    if (docs != doc_count_) throw CorruptIndexError(path_, "stored document count does not match the segment");
    if (index_offset + std::uint64_t{block_count_} * kIndexEntryBytes != payload_.size() - kTrailerBytes ||
        (docs > 0 && block_count_ == 0))
        throw CorruptIndexError(path_, "stored fields index is malformed");
    index_ = payload_.data() + index_offset;
    blocks_end_ = index_offset;
}

std::uint32_t StoredFieldsReader::block_of(std::uint32_t doc) const {
    // Last block whose first document <= doc.
    std::uint32_t lo = 0, hi = block_count_;
    while (hi - lo > 1) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (load_fixed32(index_ + mid * kIndexEntryBytes) <= doc) lo = mid; else hi = mid;
    }
    return lo;
}

std::string_view StoredFieldsReader::raw_document(std::uint32_t doc, BlockCache& cache) const {
    if (doc >= doc_count_) throw CorruptIndexError(path_, "document " + std::to_string(doc) + " is not stored");
    const std::uint32_t block = block_of(doc);
    const std::uint32_t first = load_fixed32(index_ + block * kIndexEntryBytes);
    if (cache.block != block) {
        const std::uint64_t begin = load_fixed64(index_ + block * kIndexEntryBytes + 4);
        const std::uint64_t end = block + 1 < block_count_
                                      ? load_fixed64(index_ + (block + 1) * kIndexEntryBytes + 4)
                                      : blocks_end_;
        if (begin > end || end > blocks_end_) throw CorruptIndexError(path_, "a stored block lies outside the file");
        const void* src = payload_.data() + begin;
        const std::size_t src_size = static_cast<std::size_t>(end - begin);
        const unsigned long long size = ZSTD_getFrameContentSize(src, src_size);
        if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxBlockBytes)
            throw CorruptIndexError(path_, "a stored block is damaged");
        cache.block = UINT32_MAX;
        cache.data.resize(static_cast<std::size_t>(size));
        const std::size_t n = ZSTD_decompress(cache.data.data(), cache.data.size(), src, src_size);
        if (ZSTD_isError(n) || n != size)
            throw CorruptIndexError(path_, std::string("a stored block is damaged: ") +
                                               (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short"));
        cache.offsets.clear();
        ByteReader r(cache.data);
        const auto* base = reinterpret_cast<const std::uint8_t*>(cache.data.data());
        while (r.ok() && !r.at_end()) {
            r.length_prefixed();
            if (r.ok()) cache.offsets.push_back(static_cast<std::uint32_t>(r.position() - base));
        }
        if (!r.ok()) throw CorruptIndexError(path_, "a stored block is malformed");
        cache.block = block;
    }
    const std::uint32_t k = doc - first;
    if (k >= cache.offsets.size()) throw CorruptIndexError(path_, "a stored block is missing documents");
    // offsets[k] is the end of document k; re-read its length prefix from
    // the start of the record.
    const std::uint32_t record_start = k == 0 ? 0 : cache.offsets[k - 1];
    ByteReader r(std::string_view(cache.data).substr(record_start));
    return r.length_prefixed();
}

}  // namespace scoop
