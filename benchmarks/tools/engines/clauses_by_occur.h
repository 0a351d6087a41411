#pragma once

#include <utility>
#include <vector>

#include "query/query.h"

namespace scoop::bench {

// A boolean query's clauses translated for another engine and sorted by
// how they occur: what the Xapian and FTS5 translations both start from.
template <typename Translated>
struct ClausesByOccur {
    std::vector<Translated> required, optional, excluded, filters;
};

template <typename Translated, typename Translate>
ClausesByOccur<Translated> clauses_by_occur(const BooleanQuery& q, Translate&& translate) {
    ClausesByOccur<Translated> out;
    for (const BooleanClause& c : q.clauses) {
        Translated part = translate(c.query);
        switch (c.occur) {
            case Occur::kMust:
                out.required.push_back(std::move(part));
                break;
            case Occur::kShould:
                out.optional.push_back(std::move(part));
                break;
            case Occur::kMustNot:
                out.excluded.push_back(std::move(part));
                break;
            case Occur::kFilter:
                out.filters.push_back(std::move(part));
                break;
        }
    }
    return out;
}

}  // namespace scoop::bench
