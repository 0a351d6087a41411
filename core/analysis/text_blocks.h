#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "analysis/stop_words.h"

namespace scoop {

// A paragraph-like piece of a page (a <p>, a list item, a heading, a run
// of scraped text between blank lines) with the features main-text
// extraction decides on. Shared by the HTML and the plain-text extractors.
struct TextBlock {
    std::string text;            // whitespace collapsed; lines of a block joined by '\n'
    std::size_t chars = 0;       // code points other than spaces
    std::size_t link_chars = 0;  // of those, inside links (HTML) or menu markers (text)
    WordCounts words;
    bool heading = false;
    bool chrome = false;  // in markup or at a place known to be site chrome

    double link_density() const {
        return chars == 0 ? 0.0 : static_cast<double>(link_chars) / static_cast<double>(chars);
    }
};

// jusText's classes: long prose (good), prose too short to be sure
// (near-good), too short to tell (short), and the rest (bad).
enum class BlockClass { kBad, kShort, kNearGood, kGood };

// Thresholds of the classification, jusText's defaults scaled to this
// project's shorter function-word lists.
struct BlockThresholds {
    double max_link_density = 0.2;
    std::size_t length_low = 70;
    std::size_t length_high = 200;
    double stop_words_low = 0.22;
    double stop_words_high = 0.26;
    std::size_t max_heading_distance = 200;
};

// jusText's algorithm: each block classified on its own (link density,
// length, function-word density of the page's language, a copyright sign),
// then short and near-good blocks take the class their good or bad
// neighbours give them, and headings just before good text are kept.
// Blocks flagged `chrome` are bad from the start. Returns one keep flag per
// block.
std::vector<bool> classify_blocks(std::span<const TextBlock> blocks, StopWordLanguage language,
                                  const BlockThresholds& thresholds = {});

// The context-free class alone.
BlockClass classify_block(const TextBlock& block, StopWordLanguage language,
                          const BlockThresholds& thresholds = {});

// Fills chars and words from text (link_chars, heading and chrome are the
// caller's).
void measure_block(TextBlock& block);

}  // namespace scoop
