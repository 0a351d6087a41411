#pragma once

#include "query/query.h"

namespace scoop {

// Scales the ranked common English words of a query ("the", "of", "which":
// is_common_word) by `weight`: 1 leaves the query as it is, 0 drops them.
// Only a word that merely adds to a ranking is touched, an optional
// (kShould) word of the whole text in a boolean that keeps something else
// to rank by: a required word (+the), a phrase ("the who"), a field's word
// (title:the), a query made of common words alone (the who) and a group's
// only word are left alone, so no query loses its meaning or becomes empty.
//
// Why: BM25 gives such a word little weight but not none, and across
// CACM, Cranfield and TIME its occurrences mostly add noise to a long
// pasted query (docs/QUERY.md, "Common words", has the figures).
void scale_common_words(Query& query, double weight);

}  // namespace scoop
