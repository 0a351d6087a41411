#include "query/term_expansion.h"

#include "query/boolean_weight.h"
#include "query/term_weight.h"

namespace scoop {

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
