#pragma once

#include "query/weight.h"

namespace scoop {

// `prefix*`: the words of the dictionaries starting with the prefix, ORed
// as terms; past context.max_prefix_terms only the most frequent ones,
// with a warning. nullptr when no word starts with it.
WeightPtr make_prefix_weight(WeightContext& context, const PrefixQuery& prefix);

}  // namespace scoop
