#include "query/common_word_weight.h"

#include <algorithm>

#include "analysis/common_words.h"

namespace scoop {
namespace {

bool is_ranked_common_word(const BooleanClause& c) {
    if (c.occur != Occur::kShould) return false;
    const auto* t = std::get_if<TermQuery>(&c.query);
    return t != nullptr && t->field == Field::kTitleAndBody && is_common_word(t->word);
}

bool ranks(const BooleanClause& c) {
    return c.occur == Occur::kMust || c.occur == Occur::kShould;
}

}  // namespace

void scale_common_words(Query& query, double weight) {
    auto* b = std::get_if<BooleanQuery>(&query);
    if (b == nullptr || weight == 1.0) return;
    for (BooleanClause& c : b->clauses) scale_common_words(c.query, weight);
    const bool keeps_other = std::any_of(b->clauses.begin(), b->clauses.end(), [](const auto& c) {
        return ranks(c) && !is_ranked_common_word(c);
    });
    if (!keeps_other) return;
    if (weight == 0.0) {
        std::erase_if(b->clauses, is_ranked_common_word);
        return;
    }
    for (BooleanClause& c : b->clauses) {
        if (!is_ranked_common_word(c)) continue;
        BooleanQuery scaled;
        scaled.boost = weight;
        scaled.clauses.push_back({Occur::kShould, std::move(c.query)});
        c.query = std::move(scaled);
    }
}

}  // namespace scoop
