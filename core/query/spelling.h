#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "index/index_reader.h"
#include "index/term.h"

namespace scoop {

struct Suggestion {
    std::string word;        // as the query had it (folded)
    std::string correction;  // an indexed word one or two edits away
};

// Damerau-Levenshtein distance (optimal string alignment) between two UTF-8
// strings, counted in characters; stops early and returns limit + 1 once
// the distance must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The indexed word of `field` closest to `word` (within one edit for words
// of up to four characters, two otherwise), the most frequent among equally
// close ones; empty when there is none. Reads the whole word dictionary: for
// the no-hits path only.
std::string closest_indexed_word(const IndexReader& reader, Field field, std::string_view word);

}  // namespace scoop
