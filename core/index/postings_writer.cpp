#include "index/postings_writer.h"

#include <algorithm>

#include "index/block_codec.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

std::uint32_t checked_u32(std::uint64_t v, const char* what) {
    if (v > UINT32_MAX)
        throw Error(std::string("a term's ") + what +
                    " exceed 4 GiB in one segment; index with a smaller --ram-mb");
    return static_cast<std::uint32_t>(v);
}

// Position values of a block: per document the first position, then the
// gaps minus one; 128-value chunks bit-packed, the rest varints.
void encode_position_values(const std::vector<std::uint32_t>& values, std::string& out) {
    std::size_t i = 0;
    for (; i + kBlockSize <= values.size(); i += kBlockSize)
        encode_packed_block(values.data() + i, out);
    encode_varint_block(values.data() + i, values.size() - i, out);
}

}  // namespace

PostingsWriter::PostingsWriter(FileWriter& postings, FileWriter* positions,
                               std::uint64_t postings_base, std::uint64_t positions_base)
    : post_(postings), pos_(positions), post_base_(postings_base), pos_base_(positions_base) {}

void PostingsWriter::start_term(bool with_positions, std::span<const std::uint32_t> lengths,
                                double average_length) {
    average_length_ = average_length > 0 ? average_length : 1;
    champions_.clear();
    if (with_positions && pos_ == nullptr) throw Error("internal: positions file missing");
    with_positions_ = with_positions;
    lengths_ = lengths;
    info_ = TermInfo{};
    data_start_ = post_.offset();
    positions_start_ = with_positions ? pos_->offset() : 0;
    buffered_ = 0;
    previous_doc_ = UINT32_MAX;
    block_positions_.clear();
    impacts_area_.clear();
    skips_.clear();
    term_impacts_.clear();
    block_impacts_.clear();
}

void PostingsWriter::add(std::uint32_t doc, std::uint32_t freq,
                         std::span<const std::uint32_t> positions) {
    docs_[buffered_] = doc;
    freqs_[buffered_] = freq;
    ++buffered_;
    ++info_.df;
    info_.cf += freq;
    const std::uint32_t length = doc < lengths_.size() ? lengths_[doc] : 0;
    block_impacts_.add(freq, length);
    // BM25 with k1 = 1.2, b = 0.75, idf aside (the same for every posting).
    const double tf = freq;
    const double score = tf / (tf + 1.2 * (0.25 + 0.75 * length / average_length_));
    const auto worse = [](const auto& a, const auto& b) { return a.first > b.first; };
    if (champions_.size() < kChampions) {
        champions_.emplace_back(score, doc);
        std::push_heap(champions_.begin(), champions_.end(), worse);
    } else if (score > champions_.front().first) {
        std::pop_heap(champions_.begin(), champions_.end(), worse);
        champions_.back() = {score, doc};
        std::push_heap(champions_.begin(), champions_.end(), worse);
    }
    if (with_positions_) {
        std::uint32_t previous = 0;
        for (std::size_t k = 0; k < positions.size(); ++k) {
            block_positions_.push_back(k == 0 ? positions[k] : positions[k] - previous - 1);
            previous = positions[k];
        }
    }
    if (buffered_ == kBlockSize) flush_block();
}

void PostingsWriter::flush_block() {
    if (buffered_ == 0) return;
    SkipEntry skip{};
    skip.positions_start =
        with_positions_ ? checked_u32(pos_->offset() - positions_start_, "positions") : 0;
    skip.impacts_start = checked_u32(impacts_area_.size(), "impacts");

    scratch_.clear();
    if (buffered_ == kBlockSize) {
        for (std::size_t i = 0; i < kBlockSize; ++i) freqs_[i] -= 1;
        encode_packed_gaps(docs_, previous_doc_, scratch_);
        encode_packed_block(freqs_, scratch_);
        for (std::size_t i = 0; i < kBlockSize; ++i) freqs_[i] += 1;
    } else {
        encode_varint_gaps(docs_, buffered_, previous_doc_, scratch_);
        for (std::size_t i = 0; i < buffered_; ++i) put_varint32(scratch_, freqs_[i] - 1);
    }
    post_.append(scratch_);

    if (with_positions_) {
        scratch_.clear();
        encode_position_values(block_positions_, scratch_);
        pos_->append(scratch_);
        block_positions_.clear();
    }

    const std::vector<Impact> frontier = block_impacts_.take_frontier(kMaxImpactsPerBlock);
    encode_impacts(frontier, impacts_area_);
    term_impacts_.add(frontier);

    skip.last_doc = docs_[buffered_ - 1];
    skip.data_end = checked_u32(post_.offset() - data_start_, "postings");
    skips_.push_back(skip);
    previous_doc_ = skip.last_doc;
    buffered_ = 0;
}

TermInfo PostingsWriter::finish_term() {
    flush_block();
    info_.postings_offset = data_start_ - post_base_;
    info_.data_bytes = checked_u32(post_.offset() - data_start_, "postings");
    if (skips_.size() > 1) {
        std::string tail = std::move(impacts_area_);
        for (const SkipEntry& s : skips_) {
            put_fixed32(tail, s.last_doc);
            put_fixed32(tail, s.data_end);
            put_fixed32(tail, s.positions_start);
            put_fixed32(tail, s.impacts_start);
        }
        post_.append(tail);
        info_.skip_bytes = checked_u32(tail.size(), "skip tables");
        impacts_area_.clear();
    }
    if (info_.df >= kChampionMinDocs) {
        std::vector<std::uint32_t> docs;
        for (const auto& [_, doc] : champions_) docs.push_back(doc);
        std::sort(docs.begin(), docs.end());
        scratch_.clear();
        put_varint32(scratch_, static_cast<std::uint32_t>(docs.size()));
        encode_varint_gaps(docs.data(), docs.size(), UINT32_MAX, scratch_);
        post_.append(scratch_);
        info_.champion_bytes = static_cast<std::uint32_t>(scratch_.size());
    }
    if (with_positions_) {
        info_.positions_offset = positions_start_ - pos_base_;
        info_.positions_bytes = pos_->offset() - positions_start_;
    }
    const std::vector<Impact> frontier = term_impacts_.take_frontier(kMaxImpactsPerBlock);
    info_.impact_count = static_cast<std::uint8_t>(frontier.size());
    for (std::size_t i = 0; i < frontier.size(); ++i) info_.impacts[i] = frontier[i];
    return info_;
}

}  // namespace scoop
