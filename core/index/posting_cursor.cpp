#include "index/posting_cursor.h"

#include <algorithm>

#include "index/postings_writer.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

// More positions than this in one block of 128 documents can only come
// from a damaged frequency; refuse rather than allocate without bound.
constexpr std::uint64_t kMaxBlockPositions = std::uint64_t{1} << 26;

}  // namespace

PostingCursor::PostingCursor(const PostingSource& source, const TermInfo& term)
    : source_(source), term_(term) {
    const std::span<const std::uint8_t> postings = source.postings->payload();
    const std::span<const std::uint8_t> positions = source.positions->payload();
    const std::uint64_t end = std::uint64_t{term.postings_offset} + term.data_bytes +
                              term.skip_bytes + term.champion_bytes;
    if (term.df == 0 || end > postings.size() || term.postings_offset > end)
        corrupt("a term's postings lie outside the file");
    if (term.positions_bytes > 0 &&
        (term.positions_offset > positions.size() ||
         term.positions_bytes > positions.size() - term.positions_offset))
        corrupt_positions("a term's positions lie outside the file");
    blocks_ = term.block_count();
    data_ = postings.data() + term.postings_offset;
    positions_ = positions.data() + term.positions_offset;
    // The skip table, impacts and champions are read all over: check them
    // now. A single block's data is checked here too, the others' as
    // they are decoded.
    const std::uint64_t data_checked_here = blocks_ > 1 ? 0 : term.data_bytes;
    source.postings->verify(term.postings_offset + term.data_bytes - data_checked_here,
                            data_checked_here + term.skip_bytes + term.champion_bytes);
    if (blocks_ > 1) {
        const std::uint64_t table = std::uint64_t{blocks_} * kSkipEntryBytes;
        if (term.skip_bytes < table) corrupt("a skip table is truncated");
        impacts_ = data_ + term.data_bytes;
        impacts_bytes_ = static_cast<std::uint32_t>(term.skip_bytes - table);
        skips_ = impacts_ + impacts_bytes_;
    }
    load_block(0);
    list_last_doc_ = blocks_ > 1 ? skip(blocks_ - 1).last_doc : docs_[block_size_ - 1];
}

void PostingCursor::corrupt(const std::string& what) const {
    throw CorruptIndexError(source_.postings->path(), what);
}

void PostingCursor::corrupt_positions(const std::string& what) const {
    throw CorruptIndexError(source_.positions->path(), what);
}

SkipEntry PostingCursor::skip(std::uint32_t block) const {
    const std::uint8_t* p = skips_ + std::size_t{block} * kSkipEntryBytes;
    return SkipEntry{load_fixed32(p), load_fixed32(p + 4), load_fixed32(p + 8),
                     load_fixed32(p + 12)};
}

void PostingCursor::load_block(std::uint32_t block) {
    if (block >= blocks_) {
        doc_ = kEndDoc;
        block_ = blocks_;
        block_size_ = 0;
        index_ = 0;
        return;
    }
    const bool last = block + 1 == blocks_;
    const std::uint32_t count =
        last ? term_.df - (blocks_ - 1) * static_cast<std::uint32_t>(kBlockSize)
             : static_cast<std::uint32_t>(kBlockSize);
    std::uint32_t begin = 0, end = term_.data_bytes, previous = UINT32_MAX, expected_last = 0;
    if (blocks_ > 1) {
        const SkipEntry s = skip(block);
        end = s.data_end;
        expected_last = s.last_doc;
        if (block > 0) {
            const SkipEntry before = skip(block - 1);
            begin = before.data_end;
            previous = before.last_doc;
        }
        if (begin > end || end > term_.data_bytes) corrupt("a skip entry points outside its term");
        source_.postings->verify(data_ + begin, end - begin);
    }
    const std::uint8_t* in = data_ + begin;
    const std::uint8_t* limit = data_ + end;
    const std::uint8_t* after = count == kBlockSize
                                    ? decode_packed_gaps(in, limit, previous, docs_)
                                    : decode_varint_gaps(in, limit, count, previous, docs_);
    if (after == nullptr) corrupt("a postings block is malformed");

    // Ids must rise within the block, start after the previous block and
    // stay inside the segment: what keeps a damaged block from sending a
    // reader to a document that does not exist.
    bool ordered = previous == UINT32_MAX || docs_[0] > previous;
    for (std::uint32_t i = 1; i < count; ++i) ordered &= docs_[i] > docs_[i - 1];
    if (!ordered || docs_[count - 1] >= source_.doc_count ||
        (blocks_ > 1 && docs_[count - 1] != expected_last))
        corrupt("a postings block holds impossible document numbers");

    block_ = block;
    block_size_ = count;
    index_ = 0;
    doc_ = docs_[0];
    freq_data_ = after;
    block_end_ = limit;
    freqs_ready_ = false;
    positions_ready_ = false;
}

void PostingCursor::decode_freqs() {
    const std::uint8_t* after =
        block_size_ == kBlockSize
            ? decode_packed_block(freq_data_, block_end_, freqs_)
            : decode_varint_block(freq_data_, block_end_, block_size_, freqs_);
    if (after == nullptr) corrupt("a frequency block is malformed");
    for (std::uint32_t i = 0; i < block_size_; ++i) freqs_[i] += 1;
    freqs_ready_ = true;
}

std::uint32_t PostingCursor::find_block(std::uint32_t from, std::uint32_t target) const {
    // Gallop forward, then binary search: cheap for the short hops of a
    // conjunction and for the long jumps of a rare term driving a common one.
    std::uint32_t lo = from, step = 1, hi = from;
    while (hi < blocks_ && skip(hi).last_doc < target) {
        lo = hi + 1;
        hi = from + step;
        step *= 2;
    }
    hi = std::min(hi, blocks_);
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (skip(mid).last_doc < target)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void PostingCursor::advance_past_block(std::uint32_t target) {
    if (blocks_ == 1) {
        load_block(blocks_);
        return;
    }
    load_block(find_block(block_ + 1, target));
    if (doc_ != kEndDoc) seek_in_block(target);
}

std::uint32_t PostingCursor::shallow_advance(std::uint32_t target) {
    if (blocks_ <= 1) return target <= list_last_doc_ ? list_last_doc_ : kEndDoc;
    // A target before the current window (two users of the bounds asking
    // in turn) must not get a later block's bound: look it up again.
    if (shallow_block_ > 0 && shallow_block_ <= blocks_ &&
        target <= skip(shallow_block_ - 1).last_doc)
        shallow_block_ = find_block(0, target);
    if (shallow_block_ < blocks_ && skip(shallow_block_).last_doc < target)
        shallow_block_ = find_block(shallow_block_ + 1, target);
    return shallow_block_ < blocks_ ? skip(shallow_block_).last_doc : kEndDoc;
}

std::span<const Impact> PostingCursor::shallow_impacts() {
    if (blocks_ <= 1 || shallow_block_ >= blocks_) return term_.term_impacts();
    if (impacts_block_ != shallow_block_) {
        const std::uint32_t start = skip(shallow_block_).impacts_start;
        if (start >= impacts_bytes_) corrupt("an impacts entry points outside its term");
        const std::uint8_t* p = decode_impacts(impacts_ + start, impacts_ + impacts_bytes_,
                                               impacts_cache_, impacts_count_);
        if (p == nullptr) corrupt("an impacts entry is malformed");
        impacts_block_ = shallow_block_;
    }
    return {impacts_cache_.data(), impacts_count_};
}

void PostingCursor::index_positions() {
    if (!freqs_ready_) decode_freqs();
    std::uint64_t total = 0;
    position_starts_[0] = 0;
    for (std::uint32_t i = 0; i < block_size_; ++i) {
        total += freqs_[i];
        if (total > kMaxBlockPositions) corrupt("a block's frequencies are impossibly large");
        position_starts_[i + 1] = static_cast<std::uint32_t>(total);
    }
    std::uint64_t begin = 0, end = term_.positions_bytes;
    if (blocks_ > 1) {
        begin = skip(block_).positions_start;
        if (block_ + 1 < blocks_) end = skip(block_ + 1).positions_start;
    }
    if (begin > end || end > term_.positions_bytes)
        corrupt_positions("a skip entry's positions lie outside its term");
    source_.positions->verify(positions_ + begin, end - begin);
    const std::uint8_t* in = positions_ + begin;
    positions_limit_ = positions_ + end;
    // Full chunks are one width byte and 16 bytes per bit of width: step
    // over them without decoding.
    position_chunks_.clear();
    for (std::uint64_t done = 0; done + kBlockSize <= total; done += kBlockSize) {
        if (in >= positions_limit_ || *in > 32 ||
            static_cast<std::size_t>(positions_limit_ - in) < packed_block_bytes(*in))
            corrupt_positions("a positions block is malformed");
        position_chunks_.push_back(in);
        in += packed_block_bytes(*in);
    }
    positions_tail_ = in;
    tail_ready_ = false;
    cached_chunk_ = UINT32_MAX;
    positions_ready_ = true;
}

const std::uint32_t* PostingCursor::position_chunk(std::uint32_t chunk) {
    if (chunk < position_chunks_.size()) {
        if (cached_chunk_ != chunk) {
            if (decode_packed_block(position_chunks_[chunk], positions_limit_, chunk_values_) ==
                nullptr)
                corrupt_positions("a positions block is malformed");
            cached_chunk_ = chunk;
        }
        return chunk_values_;
    }
    if (!tail_ready_) {
        const std::uint32_t tail = position_starts_[block_size_] -
                                   static_cast<std::uint32_t>(position_chunks_.size() * kBlockSize);
        tail_values_.resize(tail);
        if (decode_varint_block(positions_tail_, positions_limit_, tail, tail_values_.data()) ==
            nullptr)
            corrupt_positions("a positions block is malformed");
        tail_ready_ = true;
    }
    return tail_values_.data();
}

std::vector<std::uint32_t> PostingCursor::champions() const {
    std::vector<std::uint32_t> docs;
    if (term_.champion_bytes == 0) return docs;
    const std::uint8_t* p = data_ + term_.data_bytes + term_.skip_bytes;
    const std::uint8_t* end = p + term_.champion_bytes;
    std::uint32_t n = 0;
    p = get_varint32(p, end, n);
    if (p == nullptr || n > kChampions) corrupt("a champion list is malformed");
    docs.resize(n);
    if (decode_varint_gaps(p, end, n, UINT32_MAX, docs.data()) == nullptr)
        corrupt("a champion list is malformed");
    for (std::size_t i = 0; i < n; ++i)
        if (docs[i] >= source_.doc_count || (i > 0 && docs[i] <= docs[i - 1]))
            corrupt("a champion list is malformed");
    return docs;
}

std::span<const std::uint32_t> PostingCursor::positions() {
    if (term_.positions_bytes == 0 || doc_ == kEndDoc) return {};
    if (!positions_ready_) index_positions();
    const std::uint32_t start = position_starts_[index_], count = freqs_[index_];
    if (doc_positions_.size() < count) doc_positions_.resize(count);
    const auto chunks = static_cast<std::uint32_t>(position_chunks_.size());
    std::uint32_t* out = doc_positions_.data();
    // Stored as the first position, then gaps minus one: undone while
    // copying, one chunk (or the tail) at a time.
    std::uint32_t position = 0;
    for (std::uint32_t k = 0; k < count;) {
        const std::uint32_t v = start + k;
        const std::uint32_t chunk = std::min(v / static_cast<std::uint32_t>(kBlockSize), chunks);
        const std::uint32_t first = chunk * static_cast<std::uint32_t>(kBlockSize);
        const std::uint32_t* values = position_chunk(chunk) + (v - first);
        const std::uint32_t available =
            chunk < chunks ? static_cast<std::uint32_t>(kBlockSize) - (v - first)
                           : static_cast<std::uint32_t>(tail_values_.size()) - (v - first);
        const std::uint32_t n = std::min(available, count - k);
        for (std::uint32_t j = 0; j < n; ++j, ++k) {
            position = k == 0 ? values[j] : position + values[j] + 1;
            out[k] = position;
        }
    }
    return {out, count};
}

}  // namespace scoop
