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

}  // namespace scoop
