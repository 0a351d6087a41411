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

// The indexed word of `field` closest to `word` (within one edit for words
// of up to four characters, two otherwise), the most frequent among equally
// close ones; empty when there is none. Like Lucene's DirectSpellChecker
// (minPrefix 1), a correction starts with the word's first character:
// people rarely mistype it, and fixing it confines the walk to one letter's
// words instead of every letter's (measured on the 1M-article benchmark
// index: 2-3.5 ms a word before, docs/QUERY.md has the figures after).
// Walks the dictionaries with walk_within_edit_distance, so the cost grows
// with the words near `word`, not with the dictionary.
std::string closest_indexed_word(const IndexReader& reader, Field field, std::string_view word);

}  // namespace scoop
