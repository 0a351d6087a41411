#pragma once

// The command line every engine program (tools/measure/) shares, and what
// its two steps print:
//
//   NAME index  --index PATH [engine options] FILE.jsonl...
//   NAME search --index PATH [--warmup 1] [--count] [--limit 10]
//               [engine options] < queries.jsonl
//
// index builds the engine's index from the prepared corpus and prints one
// JSON line: the engine's own figures, plus "engine", "seconds" (the whole
// build, timed here), "index_bytes" and "peak_rss_kb".
// search answers the query set on standard input (common/query_line.h)
// and prints a result line per query (measurement.h); --count adds each
// query's exact match count, counted after the timed pass.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engines/engine.h"

namespace scoop::bench {

class EngineProgram {
  public:
    EngineProgram(const std::string& name, const std::string& description);

    // Where an engine program adds its own options.
    CLI::App& index_command() { return *index_; }
    CLI::App& search_command() { return *search_; }
    // --index (or --db, as the reference engines called it): set once run()
    // has parsed the command line.
    const std::string& index_path() const { return index_path_; }

    // Parses the command line, makes the engine with `make` (so that it
    // sees the parsed options) and runs the step asked for. Returns the
    // exit status: 0, or 2 with the error on standard error.
    int run(int argc, char** argv, const std::function<std::unique_ptr<Engine>()>& make);

  private:
    void build(Engine& engine) const;
    void search(Engine& engine) const;

    std::string name_;
    CLI::App app_;
    CLI::App* index_ = nullptr;
    CLI::App* search_ = nullptr;
    std::string index_path_;
    std::vector<std::string> files_;
    int warmup_ = 1;
    bool count_ = false;
    std::size_t limit_ = 10;
};

// How every engine analyses the corpus, with scoop's Analyzer and scoop's
// defaults (the indexer's --language, --title-weight and --threads), and
// how a reference engine analyses the queries (--language again; scoop's
// Searcher takes the language from its index).
struct AnalysisOptions {
    std::string language = "english";
    unsigned threads = 1;  // set to one per core by the functions below
    std::uint32_t title_weight = 2;
};

// Adds --language, --threads and --title-weight to index: scoop_engine.
void add_corpus_analysis_options(EngineProgram& program, AnalysisOptions& options);
// Those, and --language to search as well: the reference engines, which
// parse the queries themselves.
void add_analysis_options(EngineProgram& program, AnalysisOptions& options);

}  // namespace scoop::bench
