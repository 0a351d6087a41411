#include "index/segment.h"

#include <roaring/roaring.h>

#include <memory>

#include "index/envelope.h"
#include "index/segment_files.h"
#include "util/error.h"

namespace scoop {
namespace {

struct RoaringFree {
    void operator()(roaring_bitmap_t* r) const { roaring_bitmap_free(r); }
};
using RoaringPtr = std::unique_ptr<roaring_bitmap_t, RoaringFree>;

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

Segment::Segment(const std::string& dir, const SegmentMeta& meta, bool verify_checksums)
    : meta_(meta) {
    std::array<std::span<const std::uint8_t>, 5> payloads;
    files_.reserve(kSegmentFiles.size() + 1);
    for (std::size_t i = 0; i < kSegmentFiles.size(); ++i) {
        paths_[i] = join_path(dir, segment_file(meta.name, kSegmentFiles[i].extension));
        files_.emplace_back(paths_[i]);
        // The dictionary and the document table are small next to the
        // postings and are read all over; verify them always.
        const bool verify = verify_checksums || i == 0 || i == 3;
        payloads[i] =
            open_envelope(files_.back().bytes(), kSegmentFiles[i].envelope_kind, paths_[i], verify);
    }
    dictionary_ = Dictionary(payloads[0], paths_[0]);
    docs_ = DocTable(payloads[3], paths_[3]);
    if (docs_.doc_count() != meta.doc_count)
        throw CorruptIndexError(paths_[3], "holds " + std::to_string(docs_.doc_count()) +
                                               " documents but the manifest says " +
                                               std::to_string(meta.doc_count));
    stored_ = StoredFieldsReader(payloads[4], paths_[4], docs_.doc_count());
    source_ = PostingSource{payloads[1], payloads[2], docs_.doc_count(), &paths_[1], &paths_[2]};

    if (!meta.deletions.empty()) {
        const std::string path = join_path(dir, meta.deletions);
        files_.emplace_back(path);
        deletions_ =
            Deletions::parse(open_envelope(files_.back().bytes(), kKindDeletions, path, true),
                             docs_.doc_count(), path);
        if (deletions_.count() != meta.deleted_count)
            throw CorruptIndexError(path, "holds " + std::to_string(deletions_.count()) +
                                              " deletions but the manifest says " +
                                              std::to_string(meta.deleted_count));
    }
}

}  // namespace scoop
