#include "query/search_options.h"

#include <fmt/format.h>

#include <cmath>

#include "util/error.h"

namespace scoop {

void validate(const SearchOptions& o) {
    if (o.limit > kMaxResultWindow || o.offset > kMaxResultWindow - o.limit)
        throw Error(fmt::format(
            "--offset {} with --limit {} reaches past result {}: at most {} results can be paged "
            "through (narrow the query, or page by date with --sort date and before:DATE)",
            o.offset, o.limit, kMaxResultWindow, kMaxResultWindow));
    if (!std::isfinite(o.bm25.k1) || o.bm25.k1 < 0 || o.bm25.k1 > 100)
        throw Error(fmt::format("--k1 must be a number from 0 to 100, not {}", o.bm25.k1));
    if (!std::isfinite(o.bm25.b) || o.bm25.b < 0 || o.bm25.b > 1)
        throw Error(fmt::format("--b must be a number from 0 to 1, not {}", o.bm25.b));
    if (o.snippet_width < 1 || o.snippet_width > 10'000)
        throw Error(
            fmt::format("--snippet-width must be from 1 to 10000, not {}", o.snippet_width));
    if (!(o.common_word_weight >= 0.0 && o.common_word_weight <= 1.0))
        throw Error(
            fmt::format("--common-word-weight must be from 0 to 1, not {}", o.common_word_weight));
    if (!(o.proximity_weight >= 0.0 && o.proximity_weight <= 100.0))
        throw Error(
            fmt::format("--proximity-weight must be from 0 to 100, not {}", o.proximity_weight));
    if (o.max_prefix_terms < 1 || o.max_prefix_terms > o.limits.max_terms)
        throw Error(
            fmt::format("--max-prefix-terms must be from 1 to {} (--max-query-terms), not {}",
                        o.limits.max_terms, o.max_prefix_terms));
}

}  // namespace scoop
