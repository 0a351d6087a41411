#pragma once

#include "query/weight.h"

namespace scoop {

// The most words one fuzzy word stands for (Lucene's maxExpansions).
inline constexpr std::size_t kMaxFuzzyTerms = 50;

// `word~N`: the words of the dictionaries within N edits of the word,
// found by a Levenshtein walk of each sorted dictionary (edit_distance_walk.h,
// no word-by-word scan), ORed as terms. Past kMaxFuzzyTerms (or
// context.max_prefix_terms, when lower) only the closest, then the most
// frequent, with a warning. nullptr when none is
// indexed.
WeightPtr make_fuzzy_weight(WeightContext& context, const FuzzyQuery& query);

}  // namespace scoop
