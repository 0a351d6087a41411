#include "engines/xapian_driver.h"

#include <cstdlib>
#include <filesystem>
#include <utility>

#include "engines/analysed_corpus.h"
#include "engines/disk_usage.h"
#include "engines/result_record.h"
#include "engines/stopwatch.h"
#include "engines/xapian_layout.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "util/error.h"

namespace scoop::bench {
namespace {

// Xapian's errors are not std::exceptions: each entry point turns them
// into scoop::Error, which the engine programs report.
template <typename Fn>
auto translating_errors(Fn&& fn) {
    try {
        return fn();
    } catch (const Xapian::Error& e) {
        std::string message("xapian: ");
        message.append(e.get_description());
        throw Error(message);
    }
}

}  // namespace

struct XapianEngine::Searching {
    Xapian::Database db;
    Xapian::Enquire enquire;
    XapianQueryBuilder builder;

    Searching(const std::string& path, PrefixExpansion expansion)
        : db(path), enquire(db), builder(db, expansion, SearchOptions{}.max_prefix_terms) {}
};

XapianEngine::XapianEngine(XapianEngineOptions options)
    : options_(std::move(options)), analyzer_(options_.analysis.language) {}

XapianEngine::~XapianEngine() = default;

nlohmann::json XapianEngine::build(std::span<const std::string> corpus_files) {
    return translating_errors([&] {
        // Xapian reads the threshold when the database is opened.
        setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(options_.flush_threshold).c_str(), 1);
        Xapian::WritableDatabase db(options_.db_path,
                                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        const auto title_weight = static_cast<Xapian::termcount>(options_.analysis.title_weight);
        std::uint64_t documents = 0;
        const InputStats input = for_each_analysed_chunk(
            corpus_files, options_.analysis.threads, options_.analysis.language,
            [&](std::vector<AnalysedArticle>& chunk) {
                for (const AnalysedArticle& a : chunk)
                    db.add_document(xapian_document(a, title_weight));
                documents += chunk.size();
            });
        const Stopwatch commit;
        db.commit();
        db.close();
        nlohmann::json out = {{"documents", documents},
                              {"commit_seconds", commit.seconds()},
                              {"bytes", input.bytes},
                              {"problems", input.problems},
                              {"threads", options_.analysis.threads},
                              {"flush_threshold", options_.flush_threshold}};
        if (!options_.compact_to.empty()) {
            const Stopwatch compaction;
            std::filesystem::remove_all(options_.compact_to);
            Xapian::Database(options_.db_path)
                .compact(options_.compact_to, Xapian::Compactor::FULL);
            out["compact_seconds"] = compaction.seconds();
            out["compact_bytes"] = disk_bytes(options_.compact_to);
        }
        return out;
    });
}

void XapianEngine::open() {
    translating_errors([&] {
        searching_ = std::make_unique<Searching>(options_.db_path, options_.prefix_expansion);
        // k2 = 0 and k3 = 1 leave BM25 as scoop computes it (no query-length
        // correction, query term frequency ignored); min_normlen 0 lets
        // length normalisation go as low as scoop's.
        searching_->enquire.set_weighting_scheme(
            Xapian::BM25Weight(options_.k1, 0, 1, options_.b, 0));
    });
}

XapianEngine::Searching& XapianEngine::searching() {
    if (!searching_) throw Error("xapian engine: search before open()");
    return *searching_;
}

Xapian::Query XapianEngine::translate(std::string_view query) {
    return searching().builder(QueryParser(analyzer_).parse(query).query);
}

Page XapianEngine::search(std::string_view query, std::size_t k) {
    return translating_errors([&] {
        // What the searcher does for a page: parse the query, find the best
        // k, fetch and decode their stored fields.
        Xapian::Enquire& enquire = searching().enquire;
        enquire.set_query(translate(query));
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
        Page page;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            [[maybe_unused]] const StoredDocument d =
                parse_meta(it.get_document().get_data(), options_.db_path);
            page.top.push_back(*it);
        }
        page.estimated = mset.get_matches_estimated();
        return page;
    });
}

std::uint64_t XapianEngine::count(std::string_view query) {
    return translating_errors([&]() -> std::uint64_t {
        // With check_at_least covering every document the matcher counts
        // every match, so the estimate is exact.
        Searching& s = searching();
        s.enquire.set_query(translate(query));
        const Xapian::MSet all = s.enquire.get_mset(0, 0, s.db.get_doccount());
        if (all.get_matches_lower_bound() != all.get_matches_upper_bound())
            throw Error("xapian engine: the match count is not exact");
        return all.get_matches_estimated();
    });
}

std::uint64_t XapianEngine::index_bytes() const {
    return disk_bytes(options_.db_path);
}

}  // namespace scoop::bench
