#include "analysis/text_blocks.h"

namespace scoop {
namespace {

bool has_copyright_sign(const std::string& text) {
    return text.find("\xC2\xA9") != std::string::npos;  // U+00A9
}

// For each block, the class of its nearest neighbour before (or after) it
// that is neither short nor, when asked, near-good; the page's edges count
// as bad. One linear pass each way.
struct Neighbours {
    std::vector<BlockClass> before, after;
};

Neighbours neighbours(const std::vector<BlockClass>& classes, bool ignore_near_good) {
    auto counts = [&](BlockClass c) {
        return c != BlockClass::kShort && !(ignore_near_good && c == BlockClass::kNearGood);
    };
    Neighbours n;
    n.before.resize(classes.size());
    n.after.resize(classes.size());
    BlockClass last = BlockClass::kBad;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        n.before[i] = last;
        if (counts(classes[i])) last = classes[i];
    }
    last = BlockClass::kBad;
    for (std::size_t i = classes.size(); i-- > 0;) {
        n.after[i] = last;
        if (counts(classes[i])) last = classes[i];
    }
    return n;
}

}  // namespace

void measure_block(TextBlock& block) {
    std::size_t chars = 0;
    for (unsigned char c : block.text) {
        if ((c & 0xC0) == 0x80 || c == ' ' || c == '\n' || c == '\t') continue;
        ++chars;
    }
    block.chars = chars;
    block.words = count_words_by_language(block.text);
}

BlockClass classify_block(const TextBlock& block, StopWordLanguage language,
                          const BlockThresholds& t) {
    if (block.chrome) return BlockClass::kBad;
    const double link_density = block.link_density();
    if (link_density > t.max_link_density) return BlockClass::kBad;
    if (has_copyright_sign(block.text) && block.chars < 2 * t.length_high) return BlockClass::kBad;
    if (block.chars < t.length_low) return link_density > 0 ? BlockClass::kBad : BlockClass::kShort;
    const double density = block.words.density(language);
    if (density >= t.stop_words_high)
        return block.chars > t.length_high ? BlockClass::kGood : BlockClass::kNearGood;
    if (density >= t.stop_words_low) return BlockClass::kNearGood;
    return BlockClass::kBad;
}

std::vector<bool> classify_blocks(std::span<const TextBlock> blocks, StopWordLanguage language,
                                  const BlockThresholds& t) {
    std::vector<BlockClass> initial;
    initial.reserve(blocks.size());
    for (const TextBlock& block : blocks) initial.push_back(classify_block(block, language, t));

    // Headings within reach of good text are near-good (so they can join it).
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!blocks[i].heading || initial[i] != BlockClass::kShort) continue;
        std::size_t distance = 0;
        for (std::size_t k = i + 1; k < blocks.size() && distance <= t.max_heading_distance; ++k) {
            if (initial[k] == BlockClass::kGood) {
                initial[i] = BlockClass::kNearGood;
                break;
            }
            distance += blocks[k].chars;
        }
    }

    const Neighbours strict = neighbours(initial, true);
    const Neighbours loose = neighbours(initial, false);
    std::vector<BlockClass> final_classes = initial;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (initial[i] != BlockClass::kShort) continue;
        const BlockClass prev = strict.before[i];
        const BlockClass next = strict.after[i];
        if (prev == BlockClass::kGood && next == BlockClass::kGood) {
            final_classes[i] = BlockClass::kGood;
        } else if (prev == BlockClass::kBad && next == BlockClass::kBad) {
            final_classes[i] = BlockClass::kBad;
        } else if ((prev == BlockClass::kBad && loose.before[i] == BlockClass::kNearGood) ||
                   (next == BlockClass::kBad && loose.after[i] == BlockClass::kNearGood)) {
            final_classes[i] = BlockClass::kGood;
        } else {
            final_classes[i] = BlockClass::kBad;
        }
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (initial[i] != BlockClass::kNearGood) continue;
        final_classes[i] =
            (strict.before[i] == BlockClass::kBad && strict.after[i] == BlockClass::kBad)
                ? BlockClass::kBad
                : BlockClass::kGood;
    }
    // Headings followed closely by good text are kept with it.
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!blocks[i].heading || final_classes[i] == BlockClass::kGood || blocks[i].chrome)
            continue;
        std::size_t distance = 0;
        for (std::size_t k = i + 1; k < blocks.size() && distance <= t.max_heading_distance; ++k) {
            if (final_classes[k] == BlockClass::kGood) {
                final_classes[i] = BlockClass::kGood;
                break;
            }
            distance += blocks[k].chars;
        }
    }

    std::vector<bool> keep(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) keep[i] = final_classes[i] == BlockClass::kGood;
    return keep;
}

}  // namespace scoop
