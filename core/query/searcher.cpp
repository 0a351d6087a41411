#include "query/searcher.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include "query/collector.h"
#include "query/common_word_weight.h"
#include "query/count_collector.h"
#include "query/newest_first_collector.h"
#include "query/proximity_bonus.h"
#include "query/top_score_collector.h"

namespace scoop {
namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

void collect_words(const Query& q, std::vector<std::pair<Field, std::string>>& out) {
    if (const auto* t = std::get_if<TermQuery>(&q))
        out.emplace_back(t->field, t->word);
    else if (const auto* p = std::get_if<PhraseQuery>(&q))
        for (const auto& w : p->words) out.emplace_back(p->field, w);
    else if (const auto* b = std::get_if<BooleanQuery>(&q))
        for (const auto& c : b->clauses)
            if (c.occur != Occur::kMustNot) collect_words(c.query, out);
}

// Adds `weight` times each entry's proximity bonus, re-sorts, keeps the
// best k.
void add_proximity_bonus(const ProximityBonus& proximity, double weight,
                         std::vector<TopK::Entry>& entries, std::size_t k) {
    for (TopK::Entry& e : entries) {
        e.score += weight * proximity.bonus(e.doc);
        e.key = e.score;
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.score != b.score ? a.score > b.score : a.doc < b.doc;
    });
    if (entries.size() > k) entries.resize(k);
}

}  // namespace

Searcher::Searcher(std::shared_ptr<const IndexReader> reader)
    : reader_(std::move(reader)), analyzer_(reader_->manifest().language), renderer_(*reader_) {}

Searcher::Compiled Searcher::compile(std::string_view text, const SearchOptions& options) {
    validate(options);
    Compiled c{QueryParser(analyzer_, options.limits, options.syntax).parse(text), nullptr};
    scale_common_words(c.parsed.query, options.common_word_weight);
    WeightContext context{*reader_, options.bm25, options.max_prefix_terms, c.parsed.warnings,
                          options.limits.max_terms};
    c.weight = create_weight(c.parsed.query, context);
    return c;
}

SearchResult Searcher::search(std::string_view query_text, const SearchOptions& options) {
    const auto began = std::chrono::steady_clock::now();
    auto [parsed, weight] = compile(query_text, options);
    SearchResult result;
    result.parsed = to_string(parsed.query);
    result.warnings = std::move(parsed.warnings);

    const std::size_t k = options.offset + options.limit;
    std::vector<TopK::Entry> entries;
    if (options.sort == SortOrder::kRelevance) {
        // With a proximity bonus, the BM25 top kProximityRerankDepth (or the
        // page, when deeper) is re-ranked: the bonus has no bounds to prune by.
        std::optional<ProximityBonus> proximity;
        if (options.proximity_weight > 0) proximity.emplace(*reader_, parsed.query, options.bm25);
        const bool rerank = proximity && proximity->applies();
        TopScoreCollector top(rerank ? std::max(k, kProximityRerankDepth) : k,
                              options.exact_total_up_to,
                              !options.exhaustive && !options.exact_total);
        collect_matches(*reader_, weight.get(), top);
        entries = top.sorted();
        if (rerank) add_proximity_bonus(*proximity, options.proximity_weight, entries, k);
        result.total = top.total();
        result.total_is_exact = top.total_is_exact();
    } else {
        NewestFirstCollector newest(k);
        collect_matches(*reader_, weight.get(), newest);
        entries = newest.sorted();
        result.total = newest.total();
    }
    result.hits = renderer_.render(entries, options, parsed.query, weight.get(), analyzer_);
    if (result.total == 0 && options.suggest) result.suggestions = suggestions(parsed.query);
    result.took_ms = elapsed_ms(began);
    return result;
}

std::uint64_t Searcher::count(std::string_view query_text, const SearchOptions& options) {
    const Compiled compiled = compile(query_text, options);
    CountCollector counter;
    collect_matches(*reader_, compiled.weight.get(), counter);
    return counter.count();
}

std::vector<Suggestion> Searcher::suggestions(const Query& query) {
    std::vector<std::pair<Field, std::string>> words;
    collect_words(query, words);
    // Each look-up walks the dictionaries near one word: a pasted query of
    // a thousand unknown words gets suggestions for the first few only.
    constexpr std::size_t kMaxLookups = 8;
    std::vector<Suggestion> out;
    std::vector<std::string> tried;
    for (const auto& [field, word] : words) {
        if (tried.size() == kMaxLookups) break;
        if (std::find(tried.begin(), tried.end(), word) != tried.end()) continue;
        if (reader_->doc_freq(term_key(word_kind(field), word)) > 0) continue;
        tried.push_back(word);
        std::string correction = closest_indexed_word(*reader_, field, word);
        if (!correction.empty()) out.push_back({word, std::move(correction)});
    }
    return out;
}

}  // namespace scoop
