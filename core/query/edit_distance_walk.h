#pragma once

// Finds the words of a dictionary within a few edits of a given word
// without comparing it with every word. The dictionary is sorted, so
// neighbouring terms share prefixes: the edit-distance table of a term's
// first characters is reused for the next term that starts the same way,
// and once every cell of a row exceeds the limit no term with that prefix
// can come within it, so the walk seeks past the whole prefix. This is the
// trie walk of a Levenshtein automaton (as Lucene's FuzzyQuery does over
// its term dictionary), done on the sorted term list itself. The cost
// grows with the number of prefixes still within reach, not with the size
// of the dictionary.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "index/dictionary.h"

namespace scoop {

// Calls `found(key, distance, info)` for every term of `dictionary` whose key
// starts with `key_prefix` (a term kind byte, say) and whose text after it
// is within `max_distance` edits of `word` (optimal string alignment:
// insertions, deletions, substitutions and transpositions of adjacent
// characters, counted in code points; distance 0 included). Terms arrive in
// key order. `found` may lower the limit as it goes by returning a smaller
// one (a "closest word" search); return `max_distance` to keep it.
using EditDistanceVisitor =
    std::function<std::size_t(std::string_view key, std::size_t distance, const TermInfo& info)>;

void walk_within_edit_distance(const Dictionary& dictionary, std::string_view key_prefix,
                               std::string_view word, std::size_t max_distance,
                               const EditDistanceVisitor& found);

// Damerau-Levenshtein distance (optimal string alignment) of two UTF-8
// strings in code points; returns limit + 1 as soon as it must exceed
// `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace scoop
