#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>

#include "index/block_codec.h"
#include "index/envelope.h"
#include "index/term_info.h"

namespace scoop {

inline constexpr std::uint32_t kEndDoc = UINT32_MAX;

// What a cursor reads: a segment's .post and .pos files and its document
// count (every doc id must be below it).
struct PostingSource {
    const EnvelopeFile* postings = nullptr;
    const EnvelopeFile* positions = nullptr;
    std::uint32_t doc_count = 0;
};

// Walks one term's postings in document order: the primitive every query
// is built from. Blocks are decoded only when a document in them is needed,
// frequencies only when asked for, positions only for phrases; advance()
// jumps over whole blocks with the skip table, and the "shallow" calls read
// a block's impact frontier without decoding it, for block-max pruning.
//
// Damaged data is detected where it is read: the pages of a term's skip
// table and impacts are checked against the file's page checksums when the
// cursor is made, those of a block's documents and positions when the block
// is first decoded, and every decoded document id against the block's skip
// entry and the segment size. It is reported as CorruptIndexError; nothing
// is read past the end of the file.
class PostingCursor {
  public:
    PostingCursor() = default;  // an empty list: doc() is kEndDoc
    PostingCursor(const PostingSource& source, const TermInfo& term);

    // Current document, kEndDoc once exhausted.
    std::uint32_t doc() const { return doc_; }
    void next() {
        if (++index_ < block_size_) {
            doc_ = docs_[index_];
        } else {
            load_block(block_ + 1);
        }
    }
    // Moves to the first document >= target (never backwards). Inline for
    // the common case, a target in the decoded block: intersections and
    // disjunctions call this once per candidate document.
    void advance(std::uint32_t target) {
        if (target <= doc_) return;  // also when exhausted: doc_ is kEndDoc
        if (target > docs_[block_size_ - 1]) {
            advance_past_block(target);
            return;
        }
        seek_in_block(target);
    }

    // Occurrences in the current document.
    std::uint32_t freq() {
        if (!freqs_ready_) decode_freqs();
        return freqs_[index_];
    }
    // Positions in the current document, increasing. Empty for stems.
    std::span<const std::uint32_t> positions();

    const TermInfo& term() const { return term_; }
    // The term's champion documents (see postings_writer.h), increasing;
    // empty for short lists.
    std::vector<std::uint32_t> champions() const;
    std::uint32_t df() const { return term_.df; }

    // Block-max access. shallow_advance moves a separate pointer to the
    // block that would hold `target` (without decoding anything) and
    // returns the last document that block covers: shallow_impacts() bound
    // every posting up to there. Returns kEndDoc past the last block.
    std::uint32_t shallow_advance(std::uint32_t target);
    std::span<const Impact> shallow_impacts();

  private:
    SkipEntry skip(std::uint32_t block) const;
    void advance_past_block(std::uint32_t target);
    // To the first document >= target in the decoded block, which holds
    // one: a short scan for near targets (a union's next document), a
    // binary search for far ones (a rare list leading a common one).
    void seek_in_block(std::uint32_t target) {
        constexpr std::uint32_t kScan = 16;
        if (index_ + kScan < block_size_ && docs_[index_ + kScan] < target) {
            index_ = static_cast<std::uint32_t>(
                std::lower_bound(docs_ + index_ + kScan + 1, docs_ + block_size_, target) - docs_);
        } else {
            while (docs_[index_] < target) ++index_;
        }
        doc_ = docs_[index_];
    }
    void load_block(std::uint32_t block);
    void decode_freqs();
    // Finds the block's position chunks; positions() then decodes only the
    // chunks holding the current document's positions.
    void index_positions();
    const std::uint32_t* position_chunk(std::uint32_t chunk);
    std::uint32_t find_block(std::uint32_t from, std::uint32_t target) const;
    [[noreturn]] void corrupt(const std::string& what) const;
    [[noreturn]] void corrupt_positions(const std::string& what) const;

    PostingSource source_;
    TermInfo term_{};
    const std::uint8_t* data_ = nullptr;       // first data byte of the term
    const std::uint8_t* positions_ = nullptr;  // first position byte of the term
    const std::uint8_t* impacts_ = nullptr;    // impacts area (several blocks only)
    const std::uint8_t* skips_ = nullptr;      // skip table (several blocks only)
    std::uint32_t impacts_bytes_ = 0;
    std::uint32_t blocks_ = 0;

    std::uint32_t doc_ = kEndDoc;
    std::uint32_t block_ = 0;       // block in docs_
    std::uint32_t block_size_ = 0;  // documents in it
    std::uint32_t index_ = 0;       // current document within it
    const std::uint8_t* freq_data_ = nullptr;
    const std::uint8_t* block_end_ = nullptr;
    bool freqs_ready_ = false;
    bool positions_ready_ = false;

    std::uint32_t list_last_doc_ = 0;
    std::uint32_t shallow_block_ = 0;
    std::uint32_t impacts_block_ = UINT32_MAX;  // block whose frontier is in impacts_cache_
    std::size_t impacts_count_ = 0;
    std::array<Impact, kMaxImpactsPerBlock> impacts_cache_{};

    alignas(16) std::uint32_t docs_[kBlockSize];
    alignas(16) std::uint32_t freqs_[kBlockSize];
    // Positions of the current block: where each document's start (in
    // values), where each 128-value chunk starts, and the varint tail.
    std::uint32_t position_starts_[kBlockSize + 1];
    std::vector<const std::uint8_t*> position_chunks_;
    const std::uint8_t* positions_tail_ = nullptr;
    const std::uint8_t* positions_limit_ = nullptr;
    std::vector<std::uint32_t> tail_values_;
    bool tail_ready_ = false;
    std::uint32_t cached_chunk_ = UINT32_MAX;
    alignas(16) std::uint32_t chunk_values_[kBlockSize];
    std::vector<std::uint32_t> doc_positions_;
};

}  // namespace scoop
