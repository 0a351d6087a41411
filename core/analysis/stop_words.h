#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace scoop {

// Function words ("the", "und", "le", "się") per language, for jusText's
// best signal: running prose is about a third function words in any of
// these languages, menus, link lists and captions far fewer. One signal
// among several (link density, length, the page's structure), never a list
// of boilerplate phrases.
enum class StopWordLanguage : std::uint8_t {
    kEnglish,
    kGerman,
    kFrench,
    kPolish,
    kSpanish,
    kItalian,
    kDutch,
    kPortuguese,
    kDanishNorwegian,
    kSwedish,
    kFinnish,
    kCount,
};

// Counts of a text's words: all of them and the function words of each
// language.
struct WordCounts {
    std::size_t words = 0;
    std::size_t stop_words[static_cast<std::size_t>(StopWordLanguage::kCount)] = {};

    void add(const WordCounts& other);
    // The language whose function words are most frequent; English when
    // none is seen.
    StopWordLanguage likeliest_language() const;
    // Share of the words that are function words of `language`; 0 for none.
    double density(StopWordLanguage language) const;
};

// Counts the words of valid UTF-8 text: runs of letters (any script),
// compared with the lists case-insensitively.
WordCounts count_words_by_language(std::string_view utf8);

}  // namespace scoop
