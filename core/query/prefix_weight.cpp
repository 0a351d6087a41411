#include "query/prefix_weight.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "query/term_expansion.h"

namespace scoop {

WeightPtr make_prefix_weight(WeightContext& context, const PrefixQuery& query) {
    if (expansion_budget_spent(context)) return nullptr;
    const std::string prefix = term_key(word_kind(query.field), query.prefix);
    std::map<std::string, std::uint64_t> expansions;
    for (const auto& segment : context.reader.segments())
        for (auto it = segment->dictionary().seek(prefix);
             it.valid() && it.key().starts_with(prefix); it.next())
            expansions[std::string(key_text(it.key()))] += it.info().df;
    std::vector<std::pair<std::string, std::uint64_t>> words(expansions.begin(), expansions.end());
    const std::size_t allowed =
        claim_expansion(context, query.prefix + "*", words.size(), context.max_prefix_terms);
    if (words.size() > allowed) {
        std::stable_sort(words.begin(), words.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        if (words.size() > context.max_prefix_terms)
            context.warnings.push_back(
                fmt::format("{}* matches {} words; searched the {} most frequent", query.prefix,
                            words.size(), allowed));
        words.resize(allowed);
    }
    std::vector<std::string> kept;
    for (auto& [word, df] : words) kept.push_back(std::move(word));
    return make_expansion_weight(context, query.field, kept);
}

}  // namespace scoop
