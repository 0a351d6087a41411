#include "query/term_expansion.h"

#include <fmt/format.h>

#include <algorithm>

#include "query/boolean_weight.h"
#include "query/term_weight.h"

namespace scoop {

std::size_t claim_expansion(WeightContext& context, std::string_view query, std::size_t found,
                            std::size_t cap) {
    const std::size_t wanted = std::min(found, cap);
    const std::size_t allowed = std::min(wanted, context.expansion_budget);
    context.expansion_budget -= allowed;
    if (allowed < wanted && allowed > 0)
        context.warnings.push_back(fmt::format(
            "{}: searched {} of its {} words; the query's words and expansions together may "
            "stand for at most the query term limit (--max-query-terms)",
            query, allowed, wanted));
    return allowed;
}

bool expansion_budget_spent(WeightContext& context) {
    if (context.expansion_budget > 0) return false;
    if (!context.budget_spent_noted)
        context.warnings.push_back(
            "the query's words and expansions reached the query term limit "
            "(--max-query-terms): its further prefixes and fuzzy words were not searched");
    context.budget_spent_noted = true;
    return true;
}

WeightPtr make_expansion_weight(WeightContext& context, Field field,
                                const std::vector<std::string>& words) {
    std::vector<BooleanWeight::Clause> clauses;
    for (const std::string& word : words)
        if (WeightPtr term = TermWeight::make(context, field, term_key(word_kind(field), word)))
            clauses.emplace_back(Occur::kShould, std::move(term));
    if (clauses.empty()) return nullptr;
    return std::make_unique<BooleanWeight>(std::move(clauses));
}

}  // namespace scoop
