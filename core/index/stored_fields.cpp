#include "index/stored_fields.h"

#include <zdict.h>

#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

// A snippet decompresses its body's block up to the body: small blocks make
// a page of hits cheap, and a dictionary trained on the segment's first
// bodies (what news articles share: datelines, agency names, phrases) wins
// back what small blocks lose. On the 1M-article benchmark corpus, 4 KiB
// blocks with a 64 KiB dictionary are 7% smaller than 64 KiB blocks without
// one and decompress 13 times less per body shown.
constexpr std::size_t kBodyBlockTarget = 64 * 1024;       // without a dictionary
constexpr std::size_t kDictionaryBlockTarget = 4 * 1024;  // with one
constexpr std::size_t kDictionaryBytes = 64 * 1024;
// Bodies buffered to train the dictionary on; a segment with fewer bytes
// of bodies than kMinTrainingBytes gets none (training would not pay).
constexpr std::size_t kTrainingBytes = 1 << 20;
constexpr std::size_t kMinTrainingBytes = 256 * 1024;
constexpr std::size_t kMaxSampleBytes = 16 * 1024;  // of one body
constexpr std::size_t kIndexEntryBytes = 12;
constexpr std::size_t kTrailerBytes = 8 + 4 + 8 + 8 + 8 + 4 + 4 + 8 + 4;
// A block never decompresses to more than this; a frame claiming more is damaged.
constexpr std::size_t kMaxBlockBytes = std::size_t{1} << 31;
// Nor to more than zstd can make of its bytes: at best an RLE block of 4
// bytes (3 of header, 1 of value) stands for 128 KiB. A damaged frame
// header claiming more would otherwise have us allocate and zero up to
// kMaxBlockBytes for every query that shows a hit from the block (found
// by tests/fuzz).
constexpr std::uint64_t kZstdMaxExpansion = 32768;

std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

}  // namespace

StoredFieldsWriter::StoredFieldsWriter(FileWriter& out, std::uint64_t payload_base, int zstd_level)
    : out_(out), base_(payload_base), level_(zstd_level), ctx_(ZSTD_createCCtx()) {
    ZSTD_CCtx_setParameter(ctx_, ZSTD_c_compressionLevel, zstd_level);
    ZSTD_CCtx_setParameter(ctx_, ZSTD_c_checksumFlag, 1);
}

StoredFieldsWriter::~StoredFieldsWriter() {
    ZSTD_freeCCtx(ctx_);
    ZSTD_freeCDict(dictionary_);
}

std::uint32_t StoredFieldsWriter::intern(std::string_view s) {
    const auto [it, fresh] =
        string_ids_.try_emplace(std::string(s), static_cast<std::uint32_t>(string_ends_.size()));
    if (fresh) {
        strings_.append(s);
        string_ends_.push_back(strings_.size());
    }
    return it->second;
}

void StoredFieldsWriter::add(const StoredDocument& a) {
    put_varint64(meta_, zigzag(a.date));
    put_varint32(meta_, a.line);
    put_varint32(meta_, intern(a.path));
    put_varint32(meta_, intern(a.source));
    put_bytes(meta_, a.title);
    put_bytes(meta_, a.url);
    meta_ends_.push_back(meta_.size());

    if (training_) {
        put_bytes(pending_, a.body);
        pending_ends_.push_back(pending_.size());
        ++docs_;
        if (pending_.size() >= kTrainingBytes) start_blocks();
        return;
    }
    add_record(docs_++, [&](std::string& block) { put_bytes(block, a.body); });
}

template <typename Append>
void StoredFieldsWriter::add_record(std::uint32_t doc, Append append) {
    if (body_block_.empty()) body_block_first_doc_ = doc;
    append(body_block_);
    if (body_block_.size() >= (dictionary_ ? kDictionaryBlockTarget : kBodyBlockTarget))
        flush_body();
}

void StoredFieldsWriter::start_blocks() {
    training_ = false;
    if (pending_.size() >= kMinTrainingBytes) {
        // Each body one sample, long ones cut: a few huge articles would
        // otherwise make the dictionary theirs.
        std::string samples;
        std::vector<std::size_t> sizes;
        std::size_t begin = 0;
        for (const std::size_t end : pending_ends_) {
            const std::size_t n = std::min(end - begin, kMaxSampleBytes);
            samples.append(pending_, begin, n);
            sizes.push_back(n);
            begin = end;
        }
        std::string dictionary(kDictionaryBytes, '\0');
        const std::size_t n =
            ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), samples.data(),
                                  sizes.data(), static_cast<unsigned>(sizes.size()));
        // Too few or too alike samples: no dictionary, large blocks.
        if (!ZDICT_isError(n)) {
            dictionary.resize(n);
            dictionary_ = ZSTD_createCDict(dictionary.data(), dictionary.size(), level_);
            if (dictionary_ == nullptr) throw Error("zstd could not load its own dictionary");
            const std::size_t rc = ZSTD_CCtx_refCDict(ctx_, dictionary_);
            if (ZSTD_isError(rc))
                throw Error(std::string("zstd dictionary: ") + ZSTD_getErrorName(rc));
            dictionary_offset_ = out_.offset() - base_;
            dictionary_size_ = static_cast<std::uint32_t>(n);
            out_.append(dictionary);
        }
    }
    std::size_t begin = 0;
    std::uint32_t doc = docs_ - static_cast<std::uint32_t>(pending_ends_.size());
    for (const std::size_t end : pending_ends_) {
        add_record(doc++, [&](std::string& block) { block.append(pending_, begin, end - begin); });
        begin = end;
    }
    std::string().swap(pending_);
    std::vector<std::size_t>().swap(pending_ends_);
}

void StoredFieldsWriter::flush_body() {
    if (body_block_.empty()) return;
    compressed_.resize(ZSTD_compressBound(body_block_.size()));
    const std::size_t n = ZSTD_compress2(ctx_, compressed_.data(), compressed_.size(),
                                         body_block_.data(), body_block_.size());
    if (ZSTD_isError(n))
        throw Error(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
    put_fixed32(body_index_, body_block_first_doc_);
    put_fixed64(body_index_, out_.offset() - base_);
    out_.append(compressed_.data(), n);
    body_block_.clear();
}

void StoredFieldsWriter::finish() {
    if (training_) start_blocks();
    flush_body();
    std::string trailer;
    auto section = [&](std::string_view bytes) {
        put_fixed64(trailer, out_.offset() - base_);
        out_.append(bytes);
    };
    std::string fixed;
    section(body_index_);
    put_fixed32(trailer, static_cast<std::uint32_t>(body_index_.size() / kIndexEntryBytes));
    section(meta_);
    for (std::uint64_t e : meta_ends_) put_fixed64(fixed, e);
    section(fixed);
    fixed.clear();
    section(strings_);
    for (std::uint64_t e : string_ends_) put_fixed64(fixed, e);
    out_.append(fixed);
    put_fixed32(trailer, static_cast<std::uint32_t>(string_ends_.size()));
    put_fixed32(trailer, docs_);
    put_fixed64(trailer, dictionary_offset_);
    put_fixed32(trailer, dictionary_size_);
    out_.append(trailer);
}

StoredFieldsReader::BlockCache::BlockCache() : ctx(ZSTD_createDCtx()) {}
StoredFieldsReader::BlockCache::~BlockCache() {
    ZSTD_freeDCtx(ctx);
}
StoredFieldsReader::BlockCache::BlockCache(BlockCache&& other) noexcept
    : block(other.block),
      data(std::move(other.data)),
      ends(std::move(other.ends)),
      size(other.size),
      input_begin(other.input_begin),
      input_end(other.input_end),
      input_used(other.input_used),
      ctx(other.ctx) {
    other.block = UINT32_MAX;
    other.ctx = ZSTD_createDCtx();
}

void StoredFieldsReader::corrupt(const std::string& what) const {
    throw CorruptIndexError(file_->path(), what);
}

const std::uint8_t* StoredFieldsReader::checked(std::uint64_t offset, std::uint64_t size) const {
    if (offset > payload_.size() || size > payload_.size() - offset)
        corrupt("a read past the end of the stored fields");
    file_->verify(offset, size);
    return payload_.data() + offset;
}

std::uint64_t StoredFieldsReader::fixed64_at(const std::uint8_t* p) const {
    file_->verify(p, 8);
    return load_fixed64(p);
}

std::uint32_t StoredFieldsReader::fixed32_at(const std::uint8_t* p) const {
    file_->verify(p, 4);
    return load_fixed32(p);
}

StoredFieldsReader::StoredFieldsReader(const EnvelopeFile& file, std::uint32_t doc_count)
    : file_(&file), payload_(file.payload()), doc_count_(doc_count) {
    if (payload_.size() < kTrailerBytes) corrupt("stored fields too short");
    const std::uint64_t size = payload_.size() - kTrailerBytes;
    const std::uint8_t* t = checked(size, kTrailerBytes);
    const std::uint64_t body_index = load_fixed64(t);
    body_blocks_ = load_fixed32(t + 8);
    const std::uint64_t meta = load_fixed64(t + 12), meta_ends = load_fixed64(t + 20),
                        strings = load_fixed64(t + 28);
    string_count_ = load_fixed32(t + 36);
    const std::uint32_t docs = load_fixed32(t + 40);
    const std::uint64_t dictionary = load_fixed64(t + 44);
    const std::uint32_t dictionary_size = load_fixed32(t + 52);
    if (docs != doc_count_) corrupt("stored document count does not match the segment");
    const std::uint64_t string_ends = size - std::uint64_t{string_count_} * 8;
    const bool sane = string_count_ <= size / 8 && body_index <= meta &&
                      (meta - body_index) / kIndexEntryBytes == body_blocks_ &&
                      (meta - body_index) % kIndexEntryBytes == 0 && meta <= meta_ends &&
                      meta_ends <= size && (size - meta_ends) / 8 >= docs &&
                      meta_ends + std::uint64_t{docs} * 8 == strings && strings <= string_ends &&
                      (docs == 0 || body_blocks_ > 0) && dictionary <= body_index &&
                      dictionary_size <= body_index - dictionary;
    if (!sane) corrupt("stored fields index is malformed");
    if (dictionary_size > 0) {
        // Its pages checked first, like every byte zstd reads.
        ZSTD_DDict* d = ZSTD_createDDict(checked(dictionary, dictionary_size), dictionary_size);
        if (d == nullptr) corrupt("the stored fields' compression dictionary is damaged");
        dictionary_.reset(d, ZSTD_freeDDict);
    }
    body_index_ = payload_.data() + body_index;
    frames_end_ = body_index;
    meta_ = payload_.data() + meta;
    meta_bytes_ = meta_ends - meta;
    meta_ends_ = payload_.data() + meta_ends;
    strings_ = payload_.data() + strings;
    strings_bytes_ = string_ends - strings;
    string_ends_ = payload_.data() + string_ends;
}

std::string_view StoredFieldsReader::string(std::uint64_t id) const {
    if (id >= string_count_) corrupt("a stored document names a string that does not exist");
    const std::uint64_t begin = id == 0 ? 0 : fixed64_at(string_ends_ + 8 * (id - 1));
    const std::uint64_t end = fixed64_at(string_ends_ + 8 * id);
    if (begin > end || end > strings_bytes_) corrupt("the stored string table is malformed");
    const std::uint8_t* p = strings_ + begin;
    file_->verify(p, end - begin);
    return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - begin)};
}

StoredDocument StoredFieldsReader::document(std::uint32_t doc, BlockCache& cache, bool with_body,
                                            std::size_t max_body_bytes) const {
    if (doc >= doc_count_) corrupt("document " + std::to_string(doc) + " is not stored");
    const std::uint64_t begin = doc == 0 ? 0 : fixed64_at(meta_ends_ + 8 * std::uint64_t{doc - 1});
    const std::uint64_t end = fixed64_at(meta_ends_ + 8 * std::uint64_t{doc});
    if (begin > end || end > meta_bytes_) corrupt("a stored document lies outside the file");
    file_->verify(meta_ + begin, end - begin);
    ByteReader r(meta_ + begin, meta_ + end);
    StoredDocument d;
    d.date = unzigzag(r.varint64());
    d.line = r.varint32();
    const std::uint64_t path = r.varint64(), source = r.varint64();
    d.title = r.length_prefixed();
    d.url = r.length_prefixed();
    if (!r.ok() || !r.at_end()) corrupt("a stored document is malformed");
    d.path = string(path);
    d.source = string(source);
    if (with_body) d.body = body(doc, cache, max_body_bytes);
    return d;
}

bool StoredFieldsReader::decompress_more(BlockCache& cache) const {
    if (cache.data.size() == cache.size) return false;
    // Input in pieces whose pages are checked before zstd reads them.
    constexpr std::size_t kInputPiece = 64 * 1024;
    constexpr std::size_t kOutputPiece = 256 * 1024;
    const std::size_t before = cache.data.size();
    const std::size_t room =
        static_cast<std::size_t>(std::min<std::uint64_t>(kOutputPiece, cache.size - before));
    cache.data.resize(before + room);
    ZSTD_outBuffer out{cache.data.data(), cache.data.size(), before};
    while (out.pos < out.size) {
        const std::uint64_t left = cache.input_end - cache.input_begin - cache.input_used;
        const std::size_t piece =
            static_cast<std::size_t>(std::min<std::uint64_t>(kInputPiece, left));
        const std::uint8_t* src = checked(cache.input_begin + cache.input_used, piece);
        ZSTD_inBuffer in{src, piece, 0};
        const std::size_t rc = ZSTD_decompressStream(cache.ctx, &out, &in);
        if (ZSTD_isError(rc))
            corrupt(std::string("a stored block is damaged: ") + ZSTD_getErrorName(rc));
        cache.input_used += in.pos;
        if (rc == 0 && out.pos < out.size) corrupt("a stored block is damaged: short");
        if (in.pos == 0 && out.pos < out.size && left == 0)
            corrupt("a stored block is damaged: truncated");
    }
    // The records completed by what came out.
    ByteReader r(std::string_view(cache.data).substr(cache.ends.empty() ? 0 : cache.ends.back()));
    const auto* base = reinterpret_cast<const std::uint8_t*>(cache.data.data());
    while (!r.at_end()) {
        r.length_prefixed();
        if (!r.ok()) break;
        cache.ends.push_back(static_cast<std::uint32_t>(r.position() - base));
    }
    if (cache.data.size() == cache.size &&
        (cache.ends.empty() ? 0 : cache.ends.back()) != cache.size)
        corrupt("a stored block is malformed");
    return true;
}

std::string_view StoredFieldsReader::body(std::uint32_t doc, BlockCache& cache,
                                          std::size_t max_bytes) const {
    if (doc >= doc_count_) corrupt("document " + std::to_string(doc) + " is not stored");
    // Last block whose first document <= doc.
    std::uint32_t lo = 0, hi = body_blocks_;
    while (hi - lo > 1) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (fixed32_at(body_index_ + std::size_t{mid} * kIndexEntryBytes) <= doc)
            lo = mid;
        else
            hi = mid;
    }
    const std::uint8_t* entry = body_index_ + std::size_t{lo} * kIndexEntryBytes;
    file_->verify(entry, kIndexEntryBytes);
    const std::uint32_t first = load_fixed32(entry);
    if (doc < first) corrupt("a stored block is missing documents");
    if (cache.block != lo) {
        const std::uint64_t begin = load_fixed64(entry + 4);
        const std::uint64_t end =
            lo + 1 < body_blocks_ ? fixed64_at(entry + kIndexEntryBytes + 4) : frames_end_;
        if (begin > end || end > frames_end_) corrupt("a stored block lies outside the file");
        // The frame header says how large the block is.
        const std::size_t head = static_cast<std::size_t>(std::min<std::uint64_t>(end - begin, 18));
        const unsigned long long size = ZSTD_getFrameContentSize(checked(begin, head), end - begin);
        if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
            size > kMaxBlockBytes || size > (end - begin) * kZstdMaxExpansion)
            corrupt("a stored block is damaged (its header claims " + std::to_string(size) +
                    " bytes)");
        cache.block = UINT32_MAX;
        cache.data.clear();
        cache.ends.clear();
        cache.size = size;
        cache.input_begin = begin;
        cache.input_end = end;
        cache.input_used = 0;
        ZSTD_DCtx_reset(cache.ctx, ZSTD_reset_session_only);
        // A frame made with another dictionary fails to decompress with a
        // "dictionary mismatch", reported as damage.
        if (const std::size_t rc = ZSTD_DCtx_refDDict(cache.ctx, dictionary_.get());
            ZSTD_isError(rc))
            corrupt(std::string("a stored block cannot be read: ") + ZSTD_getErrorName(rc));
        cache.block = lo;
    }
    const std::uint32_t k = doc - first;
    // Decompress until the record is complete, or holds the bytes asked for.
    for (;;) {
        if (k < cache.ends.size()) break;
        const std::size_t start = cache.ends.empty() ? 0 : cache.ends.back();
        if (k == cache.ends.size() && cache.data.size() > start) {
            ByteReader r(std::string_view(cache.data).substr(start));
            const std::uint64_t length = r.varint64();
            const std::size_t header = static_cast<std::size_t>(
                r.position() - reinterpret_cast<const std::uint8_t*>(cache.data.data()) - start);
            if (r.ok() &&
                cache.data.size() - start - header >= std::min<std::uint64_t>(length, max_bytes))
                return std::string_view(cache.data)
                    .substr(start + header,
                            static_cast<std::size_t>(std::min<std::uint64_t>(length, max_bytes)));
        }
        if (!decompress_more(cache)) corrupt("a stored block is missing documents");
    }
    const std::uint32_t record_start = k == 0 ? 0 : cache.ends[k - 1];
    ByteReader r(std::string_view(cache.data).substr(record_start));
    const std::string_view body = r.length_prefixed();
    return body.substr(0, std::min(body.size(), max_bytes));
}

}  // namespace scoop
