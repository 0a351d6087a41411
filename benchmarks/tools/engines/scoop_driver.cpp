#include "engines/scoop_driver.h"

#include <filesystem>
#include <utility>

#include "engines/disk_usage.h"
#include "index/file_names.h"
#include "index/index_reader.h"
#include "ingest/index_updater.h"
#include "util/error.h"

namespace scoop::bench {

ScoopEngine::ScoopEngine(ScoopEngineOptions options) : options_(std::move(options)) {}

nlohmann::json ScoopEngine::build(std::span<const std::string> corpus_files) {
    // The indexer would update an index already there; the benchmark times
    // a new one. Only an index is replaced: any other folder that is not
    // empty is left to update_index, which refuses it.
    namespace fs = std::filesystem;
    if (fs::exists(fs::path(options_.index_dir) / kManifestFile))
        fs::remove_all(options_.index_dir);
    UpdateOptions update;
    update.index_dir = options_.index_dir;
    update.inputs.assign(corpus_files.begin(), corpus_files.end());
    update.ram_budget_bytes = options_.ram_mb << 20;
    update.threads = options_.analysis.threads;
    update.language = options_.analysis.language;
    update.title_weight = options_.analysis.title_weight;
    update.optimize = options_.optimize;
    const UpdateReport report = update_index(update);
    return {{"documents", report.documents_in_index},
            {"bytes", report.bytes_read},
            {"problems", report.skipped.size() + report.warnings.size()},
            {"segments", report.segments},
            {"merges", report.merges},
            {"threads", options_.analysis.threads},
            {"ram_mb", options_.ram_mb}};
}

void ScoopEngine::open() {
    searcher_ = std::make_unique<Searcher>(IndexReader::open(options_.index_dir));
}

Searcher& ScoopEngine::searcher() {
    if (!searcher_) throw Error("scoop engine: search before open()");
    return *searcher_;
}

namespace {

// The peers are given every word of a query, so scoop ranks by every word
// too: its default drops optional common words (docs/QUERY.md), which
// would answer another query, with other hit counts, and faster.
SearchOptions same_words_as_peers() {
    SearchOptions options;
    options.common_word_weight = 1.0;
    return options;
}

}  // namespace

Page ScoopEngine::search(std::string_view query, std::size_t k) {
    // searcher --no-snippets --common-word-weight 1: every default but the
    // snippets; the hits' stored fields are read, as for a result list.
    SearchOptions options = same_words_as_peers();
    options.limit = k;
    options.snippets = false;
    const SearchResult result = searcher().search(query, options);
    Page page;
    for (const Hit& hit : result.hits) page.top.push_back(static_cast<std::int64_t>(hit.doc));
    page.estimated = result.total;
    return page;
}

std::uint64_t ScoopEngine::count(std::string_view query) {
    return searcher().count(query, same_words_as_peers());  // searcher --count
}

std::uint64_t ScoopEngine::index_bytes() const {
    return disk_bytes(options_.index_dir);
}

}  // namespace scoop::bench
