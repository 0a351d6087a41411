#include "index/segment.h"

#include <roaring/roaring.h>

#include <memory>

#include "index/envelope.h"
#include "index/segment_files.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

struct RoaringFree {
    void operator()(roaring_bitmap_t* r) const { roaring_bitmap_free(r); }
};
using RoaringPtr = std::unique_ptr<roaring_bitmap_t, RoaringFree>;

// CRoaring 0.2's "safe" deserialiser only keeps within the buffer: it
// accepts containers it cannot use, and iterating a run container of no
// runs then crashes (found by tests/fuzz). So the portable format
// (github.com/RoaringBitmap/RoaringFormatSpec) is checked here first:
// containers of sorted distinct values, cardinalities as declared, offsets
// where the containers are, nothing after the last one.
bool valid_portable_bitmap(std::span<const std::uint8_t> b) {
    constexpr std::uint32_t kCookieNoRuns = 12346, kCookieRuns = 12347;
    constexpr std::uint32_t kMaxArray = 4096, kBitsetBytes = 8192;
    std::size_t pos = 0;
    const auto has = [&](std::uint64_t n) { return n <= b.size() - pos; };
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8;
    };
    if (!has(4)) return false;
    const std::uint32_t cookie = load_fixed32(b.data());
    pos = 4;
    const bool runs = (cookie & 0xFFFF) == kCookieRuns;
    std::uint32_t count = 0;
    if (runs) {
        count = (cookie >> 16) + 1;
    } else if (cookie == kCookieNoRuns) {
        if (!has(4)) return false;
        count = load_fixed32(b.data() + 4);
        pos = 8;
        if (count > 65536) return false;
    } else {
        return false;
    }
    const std::size_t run_flags = pos;
    if (runs) {
        if (!has((count + 7) / 8)) return false;
        pos += (count + 7) / 8;
    }
    const std::size_t header = pos;
    if (!has(std::uint64_t{count} * 4)) return false;
    pos += std::size_t{count} * 4;
    const bool offsets = !runs || count >= 4;
    const std::size_t offset_table = pos;
    if (offsets) {
        if (!has(std::uint64_t{count} * 4)) return false;
        pos += std::size_t{count} * 4;
    }
    for (std::uint32_t k = 0; k < count; ++k) {
        if (k > 0 && u16(header + 4 * k) <= u16(header + 4 * (k - 1))) return false;  // keys
        const std::uint32_t cardinality = u16(header + 4 * k + 2) + 1;
        if (offsets && load_fixed32(b.data() + offset_table + 4 * k) != pos) return false;
        if (runs && (b[run_flags + k / 8] >> (k % 8) & 1)) {
            if (!has(2)) return false;
            const std::uint32_t n = u16(pos);
            pos += 2;
            if (n == 0 || !has(std::uint64_t{n} * 4)) return false;
            std::uint32_t total = 0;
            std::int64_t previous_end = -1;
            for (std::uint32_t r = 0; r < n; ++r, pos += 4) {
                const std::uint32_t start = u16(pos), length = u16(pos + 2);
                if (static_cast<std::int64_t>(start) <= previous_end || start + length > 0xFFFF)
                    return false;
                previous_end = start + length;
                total += length + 1;
            }
            if (total != cardinality) return false;
        } else if (cardinality > kMaxArray) {
            if (!has(kBitsetBytes)) return false;
            std::uint32_t bits = 0;
            for (std::size_t i = 0; i < kBitsetBytes; i += 8)
                bits += static_cast<std::uint32_t>(
                    __builtin_popcountll(load_fixed64(b.data() + pos + i)));
            if (bits != cardinality) return false;
            pos += kBitsetBytes;
        } else {
            if (!has(std::uint64_t{cardinality} * 2)) return false;
            for (std::uint32_t i = 1; i < cardinality; ++i)
                if (u16(pos + 2 * i) <= u16(pos + 2 * (i - 1))) return false;
            pos += std::size_t{cardinality} * 2;
        }
    }
    return pos == b.size();
}

}  // namespace

bool Deletions::add(std::uint32_t doc) {
    std::uint64_t& word = bits_[doc >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (doc & 63);
    if (word & bit) return false;
    word |= bit;
    ++count_;
    return true;
}

std::vector<std::uint32_t> Deletions::to_vector() const {
    std::vector<std::uint32_t> docs;
    docs.reserve(count_);
    for (std::size_t w = 0; w < bits_.size(); ++w)
        for (std::uint64_t word = bits_[w]; word != 0; word &= word - 1)
            docs.push_back(static_cast<std::uint32_t>(
                w * 64 + static_cast<std::size_t>(__builtin_ctzll(word))));
    return docs;
}

std::string Deletions::serialize() const {
    RoaringPtr bitmap(roaring_bitmap_create());
    for (std::uint32_t doc : to_vector()) roaring_bitmap_add(bitmap.get(), doc);
    roaring_bitmap_run_optimize(bitmap.get());
    std::string out(roaring_bitmap_portable_size_in_bytes(bitmap.get()), '\0');
    roaring_bitmap_portable_serialize(bitmap.get(), out.data());
    return out;
}

Deletions Deletions::parse(std::span<const std::uint8_t> payload, std::uint32_t doc_count,
                           const std::string& path) {
    if (!valid_portable_bitmap(payload))
        throw CorruptIndexError(path, "deletion bitmap is malformed");
    RoaringPtr bitmap(roaring_bitmap_portable_deserialize_safe(
        reinterpret_cast<const char*>(payload.data()), payload.size()));
    if (!bitmap) throw CorruptIndexError(path, "deletion bitmap is malformed");
    Deletions d(doc_count);
    roaring_uint32_iterator_t it;
    roaring_init_iterator(bitmap.get(), &it);
    bool in_range = true;
    for (; it.has_value && in_range; roaring_advance_uint32_iterator(&it)) {
        in_range = it.current_value < doc_count;
        if (in_range) d.add(it.current_value);
    }
    if (!in_range)
        throw CorruptIndexError(path, "deletion bitmap names documents the segment does not have");
    return d;
}

Segment::Segment(const Directory& dir, const SegmentMeta& meta, bool verify_checksums)
    : meta_(meta) {
    for (std::size_t i = 0; i < kSegmentFiles.size(); ++i) {
        // The document table is read at random by every query: check it whole.
        const bool verify = verify_checksums || kSegmentFiles[i].extension == "docs";
        files_[i] = open_envelope(dir, segment_file(meta.name, kSegmentFiles[i].extension),
                                  kSegmentFiles[i].envelope_kind, verify);
    }
    dictionary_ = Dictionary(files_[0]);
    docs_ = DocTable(files_[3].payload(), files_[3].path());
    if (docs_.doc_count() != meta.doc_count)
        throw CorruptIndexError(files_[3].path(), "holds " + std::to_string(docs_.doc_count()) +
                                                      " documents but the manifest says " +
                                                      std::to_string(meta.doc_count));
    stored_ = StoredFieldsReader(files_[4], docs_.doc_count());
    source_ = PostingSource{&files_[1], &files_[2], docs_.doc_count()};

    if (!meta.deletions.empty()) {
        deletions_file_ = open_envelope(dir, meta.deletions, kKindDeletions, true);
        deletions_ =
            Deletions::parse(deletions_file_.payload(), docs_.doc_count(), deletions_file_.path());
        if (deletions_.count() != meta.deleted_count)
            throw CorruptIndexError(deletions_file_.path(),
                                    "holds " + std::to_string(deletions_.count()) +
                                        " deletions but the manifest says " +
                                        std::to_string(meta.deleted_count));
    }
}

void Segment::verify_all() const {
    for (const EnvelopeFile& f : files_) f.verify_all();
}

}  // namespace scoop
