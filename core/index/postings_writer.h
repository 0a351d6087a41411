#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "index/term_info.h"

namespace scoop {

// A term with at least this many documents gets a champion list: the
// kChampions documents where it scores best under BM25 with the default
// parameters. Queries score them first, so the top-k threshold starts high
// and block-max pruning skips most of the long lists from the start.
inline constexpr std::uint32_t kChampionMinDocs = 512;
inline constexpr std::size_t kChampions = 32;

}  // namespace scoop
#include "storage/file_writer.h"

namespace scoop {

// Writes one term's postings at a time, streaming: documents in increasing
// order, with frequencies and, for positional terms, positions. Blocks of
// 128 documents are bit-packed (block_codec.h); the final partial block is
// varints. After the data come the per-block impact frontiers and the skip
// table (docs/FORMAT.md, "Postings").
class PostingsWriter {
  public:
    // `lengths` holds the field length of every document of the segment
    // being written, for the impact frontiers. `positions` may be null when
    // no positional term will be written.
    PostingsWriter(FileWriter& postings, FileWriter* positions, std::uint64_t postings_base,
                   std::uint64_t positions_base);

    // `average_length` is the field's mean length in this segment, for
    // choosing the term's champions.
    void start_term(bool with_positions, std::span<const std::uint32_t> lengths,
                    double average_length);
    // `positions` must hold `freq` strictly increasing values when the term
    // has positions, and is ignored otherwise.
    void add(std::uint32_t doc, std::uint32_t freq, std::span<const std::uint32_t> positions);
    TermInfo finish_term();

  private:
    void flush_block();

    FileWriter& post_;
    FileWriter* pos_;
    std::uint64_t post_base_;  // file offset of the payload start
    std::uint64_t pos_base_;

    bool with_positions_ = false;
    std::span<const std::uint32_t> lengths_;
    TermInfo info_;
    std::uint64_t data_start_ = 0;  // file offsets where this term began
    std::uint64_t positions_start_ = 0;

    std::uint32_t docs_[128];
    std::uint32_t freqs_[128];
    std::size_t buffered_ = 0;
    std::uint32_t previous_doc_ = UINT32_MAX;  // last doc of the previous block
    std::vector<std::uint32_t> block_positions_;

    ImpactCollector block_impacts_;
    ImpactCollector term_impacts_;
    std::string impacts_area_;
    std::vector<SkipEntry> skips_;
    std::string scratch_;
    double average_length_ = 1;
    // The best-scoring postings so far (a min-heap of (score, doc)).
    std::vector<std::pair<double, std::uint32_t>> champions_;
};

}  // namespace scoop
