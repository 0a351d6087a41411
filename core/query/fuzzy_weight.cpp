#include "query/fuzzy_weight.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "query/edit_distance_walk.h"
#include "query/term_expansion.h"

namespace scoop {

WeightPtr make_fuzzy_weight(WeightContext& context, const FuzzyQuery& query) {
    struct Found {
        std::size_t distance = 0;
        std::uint64_t df = 0;
    };
    if (expansion_budget_spent(context)) return nullptr;
    std::map<std::string, Found> found;
    const std::string prefix = term_key(word_kind(query.field), "");
    for (const auto& segment : context.reader.segments())
        walk_within_edit_distance(
            segment->dictionary(), prefix, query.word, query.max_edits,
            [&](std::string_view key, std::size_t distance, const TermInfo& info) {
                Found& f = found[std::string(key_text(key))];
                f.distance = distance;
                f.df += info.df;
                return static_cast<std::size_t>(query.max_edits);
            });
    std::vector<std::pair<std::string, Found>> words(found.begin(), found.end());
    // Lucene's FuzzyQuery default: a misspelling of a short common word is
    // within two edits of hundreds of words, and each costs a list.
    const std::size_t cap = std::min<std::size_t>(context.max_prefix_terms, kMaxFuzzyTerms);
    const std::string text = fmt::format("{}~{}", query.word, query.max_edits);
    const std::size_t limit = claim_expansion(context, text, words.size(), cap);
    if (words.size() > limit) {
        // Closest first, as Lucene's FuzzyQuery keeps its best-scoring
        // expansions; among equals the most frequent.
        std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
            if (a.second.distance != b.second.distance)
                return a.second.distance < b.second.distance;
            return a.second.df > b.second.df;
        });
        if (words.size() > cap)
            context.warnings.push_back(fmt::format("{} matches {} words; searched the {} closest",
                                                   text, words.size(), limit));
        words.resize(limit);
    }
    std::vector<std::string> kept;
    for (auto& [word, f] : words) kept.push_back(std::move(word));
    return make_expansion_weight(context, query.field, kept);
}

}  // namespace scoop
