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
