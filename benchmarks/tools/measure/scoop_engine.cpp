// scoop_engine: scoop in the side-by-side benchmark (issue 5), through the
// same engine interface and timing loop as xapian_engine and fts5_engine
// (tools/engines/), so that the three are measured alike.
//
//   scoop_engine index --index DIR [--ram-mb 256] [--optimize] [--threads N]
//                      [--title-weight 2] [--language english] FILE.jsonl...
//   scoop_engine search --index DIR [--warmup 1] [--count] [--limit 10]
//                       < queries.jsonl
//
// index runs what `indexer --index DIR --ram-mb N [--optimize] FILES` runs
// (core's update_index); search what `searcher --batch --no-snippets` runs
// for each query (core's Searcher, default options, no snippets), and
// --count what `searcher --count` runs. Output: engines/engine_program.h.

#include "engines/engine_program.h"
#include "engines/scoop_driver.h"

int main(int argc, char** argv) {
    using namespace scoop::bench;
    EngineProgram program(
        "scoop_engine",
        "scoop in the side-by-side benchmark: builds an index as the indexer does and answers "
        "benchmark query lines as the searcher does, timed like the reference engines.");
    ScoopEngineOptions options;
    program.index_command()
        .add_option("--ram-mb", options.ram_mb, "indexer --ram-mb: memory for buffered postings")
        ->capture_default_str();
    program.index_command().add_flag("--optimize", options.optimize,
                                     "indexer --optimize: merge the index into one segment");
    add_corpus_analysis_options(program, options.analysis);
    return program.run(argc, argv, [&] {
        options.index_dir = program.index_path();
        return std::make_unique<ScoopEngine>(options);
    });
}
