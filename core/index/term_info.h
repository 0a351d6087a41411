#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "index/impacts.h"

namespace scoop {

// Where a term's postings are and what the searcher needs to know before
// reading them. Offsets are from the start of the file's payload.
struct TermInfo {
    std::uint32_t df = 0;                // documents containing the term
    std::uint64_t cf = 0;                // occurrences in all of them
    std::uint64_t postings_offset = 0;   // first data block in .post
    std::uint32_t data_bytes = 0;        // data blocks
    std::uint32_t skip_bytes = 0;        // impacts and skip table after the data (0 for one block)
    std::uint32_t champion_bytes = 0;    // champion list after the skip table (0 for short lists)
    std::uint64_t positions_offset = 0;  // first position block in .pos
    std::uint64_t positions_bytes = 0;   // 0 for terms without positions
    std::uint8_t impact_count = 0;       // frontier over the whole list
    std::array<Impact, kMaxImpactsPerBlock> impacts{};

    std::uint32_t block_count() const { return (df + 127) / 128; }
    std::span<const Impact> term_impacts() const { return {impacts.data(), impact_count}; }
};

// One skip entry per block of a term with more than one block, 16 bytes:
// the last document of the block, where its data ends (from the term's
// first data byte), where its positions start (from the term's first
// position byte) and where its impacts start (from the first impacts byte).
struct SkipEntry {
    std::uint32_t last_doc;
    std::uint32_t data_end;
    std::uint32_t positions_start;
    std::uint32_t impacts_start;
};
inline constexpr std::size_t kSkipEntryBytes = 16;

}  // namespace scoop
