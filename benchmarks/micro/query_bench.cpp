// Query evaluation on the synthetic index: intersections, top-10
// disjunctions with block-max pruning against exhaustive scoring, and
// phrase position checks. Stored fields are not read (load_documents off):
// these measure the inverted-index work only.

#include <benchmark/benchmark.h>

#include "query/searcher.h"
#include "synthetic_index.h"

namespace scoop::bench {
namespace {

Searcher& searcher() {
    static Searcher s(synthetic_index().reader);
    return s;
}

SearchOptions top10(bool exhaustive) {
    SearchOptions o;
    o.limit = 10;
    o.exhaustive = exhaustive;
    o.exact_total_up_to = 0;
    o.snippets = false;
    o.load_documents = false;
    o.suggest = false;
    return o;
}

void run(benchmark::State& state, const std::string& query, bool exhaustive) {
    const SearchOptions options = top10(exhaustive);
    std::uint64_t total = 0;
    for (auto _ : state) total = searcher().search(query, options).total;
    state.counters["matches_visited"] = static_cast<double>(total);
}

const std::string common = word_of_rank(kCommon), common2 = word_of_rank(kCommon2),
                  medium = word_of_rank(kMedium), medium2 = word_of_rank(kMedium2),
                  rare = word_of_rank(kRare), rare2 = word_of_rank(kRare2);

void BM_AndRareCommon(benchmark::State& s) {
    run(s, rare + " AND " + common, false);
}
void BM_AndCommonCommon(benchmark::State& s) {
    run(s, common + " AND " + common2, false);
}
void BM_AndCommonCommonExhaustive(benchmark::State& s) {
    run(s, common + " AND " + common2, true);
}
void BM_OrCommonCommon(benchmark::State& s) {
    run(s, common + " " + common2, false);
}
void BM_OrCommonCommonExhaustive(benchmark::State& s) {
    run(s, common + " " + common2, true);
}
void BM_OrCommonMediumRare(benchmark::State& s) {
    run(s, common + " " + medium + " " + rare, false);
}
void BM_OrCommonMediumRareExhaustive(benchmark::State& s) {
    run(s, common + " " + medium + " " + rare, true);
}
void BM_OrMediumMedium(benchmark::State& s) {
    run(s, medium + " " + medium2, false);
}
void BM_OrMediumMediumExhaustive(benchmark::State& s) {
    run(s, medium + " " + medium2, true);
}
void BM_TermCommon(benchmark::State& s) {
    run(s, common, false);
}
void BM_TermCommonExhaustive(benchmark::State& s) {
    run(s, common, true);
}
void BM_PhraseCommonCommon(benchmark::State& s) {
    run(s, "\"" + common + " " + common2 + "\"", false);
}
void BM_PhraseMediumCommon(benchmark::State& s) {
    run(s, "\"" + medium + " " + common + "\"", false);
}

BENCHMARK(BM_AndRareCommon);
BENCHMARK(BM_AndCommonCommon);
BENCHMARK(BM_AndCommonCommonExhaustive);
BENCHMARK(BM_OrCommonCommon);
BENCHMARK(BM_OrCommonCommonExhaustive);
BENCHMARK(BM_OrCommonMediumRare);
BENCHMARK(BM_OrCommonMediumRareExhaustive);
BENCHMARK(BM_OrMediumMedium);
BENCHMARK(BM_OrMediumMediumExhaustive);
BENCHMARK(BM_TermCommon);
BENCHMARK(BM_TermCommonExhaustive);
BENCHMARK(BM_PhraseCommonCommon);
BENCHMARK(BM_PhraseMediumCommon);

}  // namespace
}  // namespace scoop::bench
