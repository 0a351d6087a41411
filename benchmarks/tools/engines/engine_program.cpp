#include "engines/engine_program.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "common/query_line.h"
#include "engines/measurement.h"
#include "engines/stopwatch.h"
#include "query/searcher.h"

namespace scoop::bench {
namespace {

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// A result line may quote a document's bytes: replace what is not UTF-8
// rather than lose the run.
std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

EngineProgram::EngineProgram(const std::string& name, const std::string& description)
    : name_(name), app_(description, name) {
    app_.require_subcommand(1);
    index_ = app_.add_subcommand("index", "Build a new index from JSON Lines files");
    index_->add_option("--index,--db", index_path_, "Where the index goes (replaced)")->required();
    index_->add_option("files", files_, "The prepared corpus: JSON Lines files, in order")
        ->required();

    search_ = app_.add_subcommand(
        "search", "Answer the query lines of standard input, one JSON result line each");
    search_->add_option("--index,--db", index_path_, "The index to search")->required();
    search_->add_option("--warmup", warmup_, "Untimed passes over the whole query set first")
        ->check(CLI::Range(0, 100))
        ->capture_default_str();
    search_->add_option("--limit,-n", limit_, "Hits per page")
        ->check(CLI::Range(std::size_t{1}, kMaxResultWindow))
        ->capture_default_str();
    search_->add_flag("--count", count_,
                      "Also count every query's matches exactly (untimed), as \"hits\"");
}

int EngineProgram::run(int argc, char** argv,
                       const std::function<std::unique_ptr<Engine>()>& make) {
    try {
        app_.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app_.exit(e);
    }
    try {
        const std::unique_ptr<Engine> engine = make();
        if (index_->parsed())
            build(*engine);
        else
            search(*engine);
        return 0;
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}: {}\n", name_, e.what());
    }
    return 2;
}

void EngineProgram::build(Engine& engine) const {
    const Stopwatch watch;
    nlohmann::json out = engine.build(files_);
    out["seconds"] = watch.seconds();
    out["engine"] = engine.name();
    out["index_bytes"] = engine.index_bytes();
    out["peak_rss_kb"] = peak_rss_kb();
    std::cout << dump(out) << "\n";
}

void EngineProgram::search(Engine& engine) const {
    // All queries are read before the index is opened, so that reading
    // standard input is never part of a query's time.
    const std::vector<QueryLine> queries = read_query_lines(std::cin);
    engine.open();
    const std::vector<Answer> answers = measure_queries(engine, queries, warmup_, limit_);
    for (std::size_t i = 0; i < queries.size(); ++i) {
        std::optional<std::uint64_t> hits;
        if (count_ && answers[i].error.empty()) hits = engine.count(queries[i].query);
        std::cout << dump(answer_record(queries[i], answers[i], count_, hits)) << "\n";
    }
}

void add_corpus_analysis_options(EngineProgram& program, AnalysisOptions& options) {
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    CLI::App& index = program.index_command();
    index.add_option("--language", options.language, "Stemming language, as the indexer's")
        ->capture_default_str();
    index
        .add_option("--threads", options.threads,
                    "Threads analysing the corpus (the reference engines write on one)")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
    index
        .add_option("--title-weight", options.title_weight,
                    "How many times a title word counts, as the indexer's --title-weight")
        ->check(CLI::Range(1u, 100u))
        ->capture_default_str();
}

void add_analysis_options(EngineProgram& program, AnalysisOptions& options) {
    add_corpus_analysis_options(program, options);
    program.search_command()
        .add_option("--language", options.language,
                    "Stemming language of the queries, as the index's")
        ->capture_default_str();
}

}  // namespace scoop::bench
