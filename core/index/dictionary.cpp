#include "index/dictionary.h"

#include <algorithm>
#include <tuple>

#include "index/term.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

constexpr std::size_t kTrailerBytes = 8 + 8 + 4 + 4;

std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// A term's data usually starts where the previous one's ended; storing the
// difference from that makes the offsets cost a byte.
std::uint64_t expected_postings(const TermInfo& prev) {
    return prev.postings_offset + prev.data_bytes + prev.skip_bytes + prev.champion_bytes;
}
std::uint64_t expected_positions(const TermInfo& prev) {
    return prev.positions_offset + prev.positions_bytes;
}

}  // namespace

DictionaryWriter::DictionaryWriter(FileWriter& out, std::uint64_t payload_base)
    : out_(out), base_(payload_base) {}

void DictionaryWriter::add(std::string_view key, const TermInfo& info) {
    const bool block_start = term_count_ % kTermsPerDictionaryBlock == 0;
    if (block_start) {
        out_.append(block_);
        block_.clear();
        put_fixed64(index_, out_.offset() - base_);
        previous_key_.clear();
        previous_ = TermInfo{};
    }
    std::size_t shared = 0;
    const std::size_t limit = std::min(previous_key_.size(), key.size());
    while (shared < limit && previous_key_[shared] == key[shared]) ++shared;

    put_varint64(block_, shared);
    put_varint64(block_, key.size() - shared);
    block_.append(key.substr(shared));
    put_varint32(block_, info.df);
    put_varint64(block_, info.cf - info.df);
    put_varint64(block_, zigzag(static_cast<std::int64_t>(info.postings_offset -
                                                          expected_postings(previous_))));
    put_varint32(block_, info.data_bytes);
    put_varint32(block_, info.skip_bytes);
    put_varint32(block_, info.champion_bytes);
    put_varint64(block_, zigzag(static_cast<std::int64_t>(info.positions_offset -
                                                          expected_positions(previous_))));
    put_varint64(block_, info.positions_bytes);
    encode_impacts(info.term_impacts(), block_);

    previous_key_.assign(key);
    previous_ = info;
    ++term_count_;
}

void DictionaryWriter::finish() {
    out_.append(block_);
    block_.clear();
    const std::uint64_t index_offset = out_.offset() - base_;
    out_.append(index_);
    std::string trailer;
    put_fixed64(trailer, term_count_);
    put_fixed64(trailer, index_offset);
    put_fixed32(trailer, static_cast<std::uint32_t>(index_.size() / 8));
    put_fixed32(trailer, kTermsPerDictionaryBlock);
    out_.append(trailer);
}

Dictionary::Dictionary(const EnvelopeFile& file) : file_(&file), payload_(file.payload()) {
    if (payload_.size() < kTrailerBytes) corrupt("dictionary too short");
    const std::uint8_t* trailer = payload_.data() + payload_.size() - kTrailerBytes;
    file.verify(trailer, kTrailerBytes);
    term_count_ = load_fixed64(trailer);
    const std::uint64_t index_offset = load_fixed64(trailer + 8);
    block_count_ = load_fixed32(trailer + 16);
    const std::uint32_t per_block = load_fixed32(trailer + 20);
    if (per_block != kTermsPerDictionaryBlock) corrupt("unexpected dictionary block size");
    const std::uint64_t expected_blocks = (term_count_ + per_block - 1) / per_block;
    if (block_count_ != expected_blocks ||
        index_offset + std::uint64_t{block_count_} * 8 != payload_.size() - kTrailerBytes)
        corrupt("dictionary index does not match its term count");
    index_ = payload_.data() + index_offset;
    file.verify(index_, std::uint64_t{block_count_} * 8);
    blocks_end_ = index_offset;
    std::uint64_t previous = 0;
    for (std::uint32_t b = 0; b < block_count_; ++b) {
        const std::uint64_t off = load_fixed64(index_ + 8 * b);
        if (off >= blocks_end_ || (b > 0 && off <= previous))
            corrupt("dictionary block offsets out of order");
        previous = off;
    }
}

void Dictionary::corrupt(const std::string& what) const {
    throw CorruptIndexError(file_->path(), what);
}

std::pair<const std::uint8_t*, const std::uint8_t*> Dictionary::checked_block(
    std::uint32_t block) const {
    const std::uint8_t* start = block_start(block);
    const std::uint8_t* limit = block_limit(block);
    file_->verify(start, static_cast<std::uint64_t>(limit - start));
    return {start, limit};
}

const std::uint8_t* Dictionary::block_start(std::uint32_t block) const {
    return payload_.data() + load_fixed64(index_ + 8 * block);
}

const std::uint8_t* Dictionary::block_limit(std::uint32_t block) const {
    return block + 1 < block_count_ ? block_start(block + 1) : payload_.data() + blocks_end_;
}

std::uint32_t Dictionary::entries_in(std::uint32_t block) const {
    const std::uint64_t before = std::uint64_t{block} * kTermsPerDictionaryBlock;
    return static_cast<std::uint32_t>(
        std::min<std::uint64_t>(kTermsPerDictionaryBlock, term_count_ - before));
}

std::string_view Dictionary::first_key(std::uint32_t block) const {
    auto [p, end] = checked_block(block);
    std::uint64_t shared = 0, length = 0;
    p = get_varint64(p, end, shared);
    if (p) p = get_varint64(p, end, length);
    if (p == nullptr || shared != 0 || length > static_cast<std::uint64_t>(end - p))
        corrupt("dictionary block " + std::to_string(block) + " is malformed");
    return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(length)};
}

void Dictionary::load_block(Iterator& it, std::uint32_t block) const {
    it.block_ = block;
    it.in_block_ = 0;
    it.key_.clear();
    it.info_ = TermInfo{};
    if (block >= block_count_) {
        it.valid_ = false;
        return;
    }
    std::tie(it.p_, it.block_end_) = checked_block(block);
    decode_entry(it);
}

void Dictionary::decode_entry(Iterator& it) const {
    ByteReader r(it.p_, it.block_end_);
    const std::uint64_t shared = r.varint64();
    const std::uint64_t suffix_length = r.varint64();
    if (!r.ok() || shared > it.key_.size()) corrupt("dictionary entry is malformed");
    const std::string_view suffix = r.bytes(suffix_length);
    it.key_.resize(shared);
    it.key_.append(suffix);

    const TermInfo prev = it.info_;
    TermInfo& info = it.info_;
    info.df = r.varint32();
    info.cf = r.varint64() + info.df;
    info.postings_offset =
        expected_postings(prev) + static_cast<std::uint64_t>(unzigzag(r.varint64()));
    info.data_bytes = r.varint32();
    info.skip_bytes = r.varint32();
    info.champion_bytes = r.varint32();
    info.positions_offset =
        expected_positions(prev) + static_cast<std::uint64_t>(unzigzag(r.varint64()));
    info.positions_bytes = r.varint64();
    if (!r.ok()) corrupt("dictionary entry is malformed");
    const std::uint8_t* p = skip_impacts(r.position(), it.block_end_);
    if (p == nullptr || info.df == 0 || it.key_.empty())
        corrupt("dictionary entry for '" + describe_key(it.key_) + "' is malformed");
    it.impacts_ = r.position();
    info.impact_count = 0;
    it.p_ = p;
    ++it.in_block_;
    it.valid_ = true;
}

const TermInfo& Dictionary::Iterator::info() const {
    if (impacts_ != nullptr) {
        std::size_t count = 0;
        if (decode_impacts(impacts_, block_end_, info_.impacts, count) == nullptr)
            dict_->corrupt("dictionary entry for '" + describe_key(key_) + "' is malformed");
        info_.impact_count = static_cast<std::uint8_t>(count);
        impacts_ = nullptr;
    }
    return info_;
}

void Dictionary::Iterator::seek_forward(std::string_view key) {
    if (!valid_ || key <= key_) return;
    if (block_ + 1 < dict_->block_count_ && dict_->first_key(block_ + 1) <= key) {
        *this = dict_->seek(key);
        return;
    }
    while (valid_ && key_ < key) next();
}

void Dictionary::Iterator::next() {
    if (!valid_) return;
    if (in_block_ < dict_->entries_in(block_)) {
        dict_->decode_entry(*this);
    } else {
        dict_->load_block(*this, block_ + 1);
    }
}

Dictionary::Iterator Dictionary::begin() const {
    Iterator it;
    it.dict_ = this;
    load_block(it, 0);
    return it;
}

Dictionary::Iterator Dictionary::seek(std::string_view key) const {
    Iterator it;
    it.dict_ = this;
    if (block_count_ == 0) return it;
    // Last block whose first key <= key.
    std::uint32_t lo = 0, hi = block_count_;
    while (hi - lo > 1) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (first_key(mid) <= key)
            lo = mid;
        else
            hi = mid;
    }
    load_block(it, lo);
    while (it.valid() && it.key() < key) it.next();
    return it;
}

std::optional<TermInfo> Dictionary::find(std::string_view key) const {
    Iterator it = seek(key);
    if (it.valid() && it.key() == key) return it.info();
    return std::nullopt;
}

}  // namespace scoop
