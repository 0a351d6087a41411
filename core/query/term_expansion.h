#pragma once

#include <string>
#include <vector>

#include "query/weight.h"

namespace scoop {

// A query that stands for several words of the dictionaries (a prefix, a
// fuzzy word): the word terms of `field` ORed, each scored by its own BM25,
// as Lucene's rewrite of a multi-term query does. nullptr when none is
// indexed.
WeightPtr make_expansion_weight(WeightContext& context, Field field,
                                const std::vector<std::string>& words);

// How many of `found` words one multi-term query may use: at most `cap`,
// and at most what is left of context.expansion_budget, which it takes.
// Notes it when the budget, not the cap, is what cuts the words short.
std::size_t claim_expansion(WeightContext& context, std::string_view query, std::size_t found,
                            std::size_t cap);

// Whether the budget is spent, so that a prefix or fuzzy word need not
// even look in the dictionaries; notes it once per query.
bool expansion_budget_spent(WeightContext& context);

}  // namespace scoop
