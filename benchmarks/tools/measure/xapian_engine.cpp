// xapian_engine: the Xapian side of the side-by-side benchmark (issue 5).
//
// It indexes exactly the terms scoop's analyser emits, laid out as Xapian's
// own TermGenerator would (STEM_SOME), and answers the benchmark's query
// lines with the Xapian query that means what scoop's query means, so that
// the only difference left between the engines is the engines.
//
//   xapian_engine index --db DIR [--threshold 100000] [--threads N]
//                       [--title-weight 2] [--compact OUT] FILE.jsonl...
//   xapian_engine search --db DIR [--k1 1.2] [--b 0.75]
//                        [--warmup 1] [--count] [--prefix expand|wildcard]
//                        < queries.jsonl
//
// Terms of one article (positions as scoop numbers them: the title's words
// from 0, the body's after the title plus kFieldGap):
//   word         every text-field word, with its position
//   Z + stem     every text-field word's stem, wdf only; a title word's
//                stem with wdf title_weight, as scoop counts it
//   S + word     every title word, with its title position
//   ZS + stem    every title word's stem, wdf only
// Z is TermGenerator's stem prefix and S Xapian's conventional subject
// prefix. Unlike TermGenerator, numbers get a Z term too: scoop matches
// keywords through stems for every word, and the hit counts must agree.
// Document data is scoop's own serialisation of the stored fields, so that
// fetching a hit costs both engines the same kind of work.
//
// The harness compacts the result with `xapian-compact DIR OUT` before
// querying; `--compact OUT` does the same in-process (Compactor::FULL, the
// xapian-compact default).
//
// Query lines are JSON objects {"id", "class", "op", "words"}, op one of
// term, and, or, phrase, prefix. Each word is analysed and turned into a
// query the way scoop's query parser does it (docs/QUERY.md): a word with
// one token is a keyword (its stem), a word with several (S-300) is a
// phrase of them, a phrase of one token is that exact word, and a prefix
// expands to the 128 most frequent words starting with it. By default that
// expansion is done here, through Xapian's term list as OP_WILDCARD does
// it, with scoop's rule (document frequency, ties in byte order).
// OP_WILDCARD itself (--prefix wildcard) picks among words tied at the
// 128th place with nth_element, in no defined order, and so matches a few
// documents more or fewer than scoop (on Reuters-21578, 15 or 16 of 56
// prefix queries, depending on the run).
//
// Each query line prints {"id", "class", "latency_us", "top",
// "hits_estimated"}, plus the exact "hits" with --count. "top" holds Xapian
// docids, which are the articles' 1-based numbers in input order.
//
// The hits are the same as scoop's; the order is close, not equal: Xapian's
// BM25 normalises by one document length, the sum of every term's wdf
// (text and title words and stems), where scoop normalises a text score by
// the text length and a title score by the title length.

#include <fmt/format.h>
#include <sys/resource.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "common/engine_common.h"
#include "common/result_record.h"
#include "index/stored_fields.h"
#include "index/term.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

using namespace scoop::bench;

// scoop's SearchOptions::max_prefix_terms.
constexpr Xapian::termcount kMaxPrefixTerms = 128;

std::uint64_t directory_bytes(const std::string& dir) {
    std::uint64_t total = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) total += entry.file_size();
    return total;
}

// ---------------------------------------------------------------------------
// Indexing

Xapian::Document make_document(const AnalysedArticle& a, Xapian::termcount title_weight) {
    Xapian::Document doc;
    // Body positions continue after the title with a gap, exactly as
    // SegmentBuilder::add numbers them, so phrases cannot span the two.
    const auto body_offset = static_cast<Xapian::termpos>(a.title.size() + kFieldGap);
    for (const Token& t : a.title) {
        doc.add_posting(t.word, t.position);
        // scoop's title weight: a title word counts this many times in the
        // text field's stem frequencies (Xapian's own way of boosting titles).
        doc.add_term("Z" + t.stem, title_weight);
        doc.add_posting("S" + t.word, t.position);
        doc.add_term("ZS" + t.stem);
    }
    for (const Token& t : a.body) {
        doc.add_posting(t.word, body_offset + t.position);
        doc.add_term("Z" + t.stem);
    }
    doc.set_data(serialize_meta(a.article));
    return doc;
}

int run_index(const std::string& db_path, std::uint64_t threshold, unsigned threads,
              Xapian::termcount title_weight, const std::string& language,
              const std::string& compact_to, const std::vector<std::string>& files) {
    // Xapian reads the threshold when the database is opened. Its default
    // (10,000 documents) would flush many small runs into the tables; the
    // benchmark gives it as much room as scoop's RAM budget gives us.
    setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(threshold).c_str(), 1);
    const auto start = Clock::now();
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    std::uint64_t documents = 0;
    const InputStats input =
        for_each_chunk(files, threads, language, [&](std::vector<AnalysedArticle>& chunk) {
            for (const AnalysedArticle& a : chunk) db.add_document(make_document(a, title_weight));
            documents += chunk.size();
        });
    const auto commit_start = Clock::now();
    db.commit();
    db.close();
    const double commit_seconds = seconds_since(commit_start);
    const double seconds = seconds_since(start);

    nlohmann::json out = {{"engine", "xapian"},
                          {"documents", documents},
                          {"seconds", seconds},
                          {"commit_seconds", commit_seconds},
                          {"bytes", input.bytes},
                          {"problems", input.problems},
                          {"threads", threads},
                          {"flush_threshold", threshold},
                          {"index_bytes", directory_bytes(db_path)}};
    if (!compact_to.empty()) {
        const auto compact_start = Clock::now();
        std::filesystem::remove_all(compact_to);
        Xapian::Database(db_path).compact(compact_to, Xapian::Compactor::FULL);
        out["compact_seconds"] = seconds_since(compact_start);
        out["compact_bytes"] = directory_bytes(compact_to);
    }
    out["peak_rss_kb"] = peak_rss_kb();
    std::cout << out.dump() << "\n";
    return 0;
}

// ---------------------------------------------------------------------------
// Queries

enum class PrefixMode {
    kExpand,    // expand here with scoop's exact rule (ties in byte order)
    kWildcard,  // OP_WILDCARD limited to the most frequent expansions
};

struct QueryBuilder {
    Xapian::Database& db;
    double title_boost;
    PrefixMode prefix_mode;

    // A term's text list, plus its title list scaled by the boost: scoop's
    // score for a word is BM25(text) + title_boost * BM25(title).
    Xapian::Query boosted(const std::string& text_term, const std::string& title_term) const {
        Xapian::Query text(text_term);
        if (title_boost <= 0) return text;
        return Xapian::Query(
            Xapian::Query::OP_OR, text,
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(title_term), title_boost));
    }

    Xapian::Query prefix(const std::string& p) const {
        if (prefix_mode == PrefixMode::kWildcard) {
            // OP_OR rather than the default OP_SYNONYM: scoop scores an
            // expansion as the sum of its words' scores.
            Xapian::Query words(Xapian::Query::OP_WILDCARD, p, kMaxPrefixTerms,
                                Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::Query::OP_OR);
            if (title_boost <= 0) return words;
            // The title words only add weight; AND_MAYBE keeps the matches
            // those of the text words.
            Xapian::Query titles(Xapian::Query::OP_WILDCARD, "S" + p, kMaxPrefixTerms,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::Query::OP_OR);
            return Xapian::Query(
                Xapian::Query::OP_AND_MAYBE, words,
                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, titles, title_boost));
        }
        // scoop's rule (Searcher::compile): all words with the prefix in
        // byte order, stably sorted by document frequency, the first 128.
        std::vector<std::pair<std::string, Xapian::doccount>> words;
        for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it)
            words.emplace_back(*it, it.get_termfreq());
        if (words.size() > kMaxPrefixTerms) {
            std::stable_sort(words.begin(), words.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
            words.resize(kMaxPrefixTerms);
        }
        std::vector<Xapian::Query> parts;
        parts.reserve(words.size());
        for (const auto& [w, _] : words) parts.push_back(boosted(w, "S" + w));
        return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }

    Xapian::Query clause(const Clause& c) const {
        switch (c.kind) {
            case Clause::Kind::kKeyword:
                return boosted("Z" + c.terms[0], "ZS" + c.terms[0]);
            case Clause::Kind::kWord:
                return boosted(c.terms[0], "S" + c.terms[0]);
            case Clause::Kind::kPhrase:
                // A window as wide as the phrase: the words at consecutive
                // positions (Xapian uses its exact-phrase matcher for this).
                return Xapian::Query(Xapian::Query::OP_PHRASE, c.terms.begin(), c.terms.end(),
                                     static_cast<Xapian::termcount>(c.terms.size()));
            case Clause::Kind::kPrefix:
                return prefix(c.terms[0]);
        }
        return Xapian::Query();
    }

    Xapian::Query build(const LogicalQuery& q) const {
        if (q.clauses.size() == 1) return clause(q.clauses[0]);
        std::vector<Xapian::Query> parts;
        for (const Clause& c : q.clauses) parts.push_back(clause(c));
        return Xapian::Query(q.conjunctive ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                             parts.begin(), parts.end());
    }
};

int run_search(const std::string& db_path, double k1, double b, double title_boost, int warmup,
               bool count, PrefixMode prefix_mode, const std::string& language) {
    const std::vector<QueryLine> queries = read_query_lines(std::cin);

    Xapian::Database db(db_path);
    Analyzer analyzer(language);
    Xapian::Enquire enquire(db);
    // k2 = 0 and k3 = 1 leave BM25 as scoop computes it (no query-length
    // correction, query term frequency ignored); min_normlen 0 lets length
    // normalisation go as low as ours.
    enquire.set_weighting_scheme(Xapian::BM25Weight(k1, 0, 1, b, 0));
    const QueryBuilder builder{db, title_boost, prefix_mode};

    // What the searcher does for a top-10 page: analyse and build the
    // query, find the best ten, fetch and decode their stored fields.
    auto answer = [&](const QueryLine& line) {
        Answer a;
        const LogicalQuery logical = analyse_query(analyzer, line);
        if (logical.error.empty()) {
            enquire.set_query(builder.build(logical));
            const Xapian::MSet mset = enquire.get_mset(0, 10);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                [[maybe_unused]] const StoredDocument d =
                    parse_meta(it.get_document().get_data(), db_path);
                a.top.push_back(*it);
            }
            a.estimated = mset.get_matches_estimated();
        } else {
            a.error = logical.error;
        }
        return a;
    };

    const std::vector<Answer> answers = answer_all(queries, warmup, answer);

    for (std::size_t i = 0; i < queries.size(); ++i) {
        const Answer& a = answers[i];
        nlohmann::json out = answer_record(queries[i], a);
        if (count) {
            // Not timed. With check_at_least covering every document the
            // matcher counts every match, so the estimate is exact.
            std::uint64_t hits = 0;
            if (a.error.empty()) {
                enquire.set_query(builder.build(analyse_query(analyzer, queries[i])));
                const Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount());
                if (all.get_matches_lower_bound() != all.get_matches_upper_bound())
                    throw Error(fmt::format("query {}: the match count is not exact",
                                            queries[i].id.dump()));
                hits = all.get_matches_estimated();
            }
            out["hits"] = hits;
        }
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return 0;
}

}  // namespace
}  // namespace scoop

int main(int argc, char** argv) {
    using namespace scoop;
    CLI::App app{
        "Xapian reference engine for the side-by-side benchmark: indexes the terms scoop's "
        "analyser "
        "emits and answers benchmark query lines."};
    app.require_subcommand(1);
    std::string db_path, language = "english";

    CLI::App* index =
        app.add_subcommand("index", "Index JSON Lines files into a new glass database");
    std::uint64_t threshold = 100000;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string compact_to;
    std::vector<std::string> files;
    index->add_option("--db", db_path, "Database directory (overwritten)")->required();
    index
        ->add_option("--threshold", threshold,
                     "XAPIAN_FLUSH_THRESHOLD: documents buffered before a flush")
        ->capture_default_str();
    index->add_option("--threads", threads, "Threads analysing text (Xapian itself writes on one)")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
    index->add_option("--compact", compact_to,
                      "Also compact the database into this directory, as xapian-compact does");
    index->add_option("--language", language, "Stemming language")->capture_default_str();
    Xapian::termcount title_weight = 2;
    index
        ->add_option("--title-weight", title_weight,
                     "wdf of a title word's stem, as scoop's --title-weight")
        ->capture_default_str();
    index->add_option("files", files, "JSON Lines files")->required();

    CLI::App* search =
        app.add_subcommand("search", "Answer query lines from standard input, one JSON line each");
    double k1 = 1.2, b = 0.75;
    const double title_boost = 0;  // the title counts through its wdf (--title-weight)
    int warmup = 1;
    bool count = false;
    std::string prefix_mode = "expand";
    search->add_option("--db", db_path, "Database directory")->required();
    search->add_option("--k1", k1, "BM25 k1")->capture_default_str();
    search->add_option("--b", b, "BM25 b")->capture_default_str();
    search->add_option("--warmup", warmup, "Untimed passes over the whole query set first")
        ->capture_default_str();
    search->add_flag("--count", count,
                     "Also count every query's matches exactly (untimed), as \"hits\"");
    search
        ->add_option(
            "--prefix", prefix_mode,
            "prefix queries: expand (the 128 most frequent words, ties in byte order, as scoop "
            "expands them) or wildcard (OP_WILDCARD, which breaks ties at the 128th word "
            "arbitrarily)")
        ->check(CLI::IsMember({"wildcard", "expand"}))
        ->capture_default_str();
    search->add_option("--language", language, "Stemming language")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        if (index->parsed())
            return run_index(db_path, threshold, threads, title_weight, language, compact_to,
                             files);
        return run_search(db_path, k1, b, title_boost, warmup, count,
                          prefix_mode == "expand" ? PrefixMode::kExpand : PrefixMode::kWildcard,
                          language);
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "xapian_engine: {}\n", e.get_description());
    } catch (const std::exception& e) {
        fmt::print(stderr, "xapian_engine: {}\n", e.what());
    }
    return 2;
}
