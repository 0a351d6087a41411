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
    const std::size_t limit = std::min<std::size_t>(context.max_prefix_terms, kMaxFuzzyTerms);
    if (words.size() > limit) {
        // Closest first, as Lucene's FuzzyQuery keeps its best-scoring
        // expansions; among equals the most frequent.
        std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
            if (a.second.distance != b.second.distance)
                return a.second.distance < b.second.distance;
            return a.second.df > b.second.df;
        });
        context.warnings.push_back(fmt::format("{}~{} matches {} words; searched the {} closest",
                                               query.word, query.max_edits, words.size(), limit));
        words.resize(limit);
    }
    std::vector<std::string> kept;
    for (auto& [word, f] : words) kept.push_back(std::move(word));
    return make_expansion_weight(context, query.field, kept);
}

}  // namespace scoop
