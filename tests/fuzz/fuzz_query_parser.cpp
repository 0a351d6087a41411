// Fuzz target: the query parser and the evaluation of what it builds.
//
// Each input is a query as a user types it (raw bytes: the searcher passes
// its arguments on unchecked). It is parsed with the English analyser in
// strict mode and in lenient mode (which may refuse it only for a limit or
// for having nothing to answer: no words, only exclusions) and, when the
// lenient parse succeeds, searched over the small sample index (fuzz_common.h) the
// ways the searcher can: pruned top 10 with snippets, sorted by date from
// an offset with explanations, exhaustively, and counted. QueryError and
// scoop::Error are the documented ways to refuse a query; anything else (a
// crash, another exception, a sanitizer report, a hang) is a finding, and
// so is a broken promise of the engine: the pruned top 10 must be the
// exhaustive top 10, and the counts must agree.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "fuzz_common.h"
#include "index/index_reader.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "util/error.h"

namespace {

using namespace scoop;

struct State {
    Analyzer analyzer{"english"};
    std::unique_ptr<Searcher> searcher;

    State() {
        const std::string dir = fuzz::make_scratch_dir();
        searcher = std::make_unique<Searcher>(
            IndexReader::open(fuzz::build_sample_index(dir + "/articles")));
    }
};

bool close(double a, double b) {
    return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

void check_search(Searcher& searcher, std::string_view query) {
    SearchOptions page;  // what the searcher program does by default
    const SearchResult pruned = searcher.search(query, page);

    SearchOptions dated;  // --sort date --offset 3 -n 5 --explain
    dated.sort = SortOrder::kDate;
    dated.offset = 3;
    dated.limit = 5;
    dated.explain = true;
    searcher.search(query, dated);

    SearchOptions all;
    all.exhaustive = true;
    all.limit = searcher.reader().doc_count() + 1;
    all.snippets = false;
    all.suggest = false;
    const SearchResult everything = searcher.search(query, all);
    const std::uint64_t counted = searcher.count(query);

    if (everything.total != counted || everything.hits.size() != counted)
        fuzz::finding("exhaustive search and count() disagree on the number of matches");
    if (pruned.total_is_exact && pruned.total != counted)
        fuzz::finding("the pruned search's exact total differs from count()");
    if (pruned.hits.size() != std::min<std::uint64_t>(page.limit, counted))
        fuzz::finding("the pruned search returned a short page");
    std::map<std::uint64_t, double> scores;
    for (const Hit& h : everything.hits) scores[h.doc] = h.score;
    for (std::size_t k = 0; k < pruned.hits.size(); ++k) {
        const Hit& h = pruned.hits[k];
        const auto it = scores.find(h.doc);
        if (it == scores.end()) fuzz::finding("the pruned search returned a non-matching document");
        if (!close(h.score, it->second))
            fuzz::finding("a pruned hit's score differs from its exhaustive score");
        if (!close(h.score, everything.hits[k].score))
            fuzz::finding("the pruned top 10 differs from the exhaustive top 10");
    }
}

// Lenient mode (the default) refuses only what cannot be answered: the
// limits, a query with no words and one that only excludes.
bool refusal_lenient_may_make(const std::string& message) {
    for (std::string_view start :
         {"the query has no words to search for", "the query only excludes",
          "parentheses are nested more than", "the query has more than", "the query is "})
        if (message.starts_with(start)) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view query = fuzz::as_chars(data, size);
    static State state;

    try {
        to_string(QueryParser(state.analyzer, {}, QuerySyntax::kStrict).parse(query).query);
    } catch (const QueryError& e) {
        // The caret must point into the query (or just past its end).
        if (e.offset() > query.size()) fuzz::finding("QueryError offset past the end of the query");
    } catch (const Error&) {
    }
    try {
        const ParsedQuery parsed = QueryParser(state.analyzer).parse(query);
        to_string(parsed.query);
    } catch (const QueryError& e) {
        if (e.offset() > query.size()) fuzz::finding("QueryError offset past the end of the query");
        if (!refusal_lenient_may_make(e.message()))
            fuzz::finding("lenient mode refused a query for its syntax");
        return 0;
    } catch (const Error&) {
        return 0;
    }
    try {
        check_search(*state.searcher, query);
    } catch (const Error&) {
        // Refused at evaluation, e.g. a limit; documented, not a finding.
    }
    return 0;
}
