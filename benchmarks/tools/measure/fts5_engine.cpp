// fts5_engine: the SQLite FTS5 side of the side-by-side benchmark (issue
// 5). The engine is engines/fts5_driver.h (its words and MATCH
// expressions, translated from scoop's parsed query: fts5_terms.h), driven
// and timed as every engine is (engines/engine_program.h).
//
//   fts5_engine index --index FILE [--threads N] [--prefix-index "2 3"]
//                     [--cache-mb 256] [--no-vacuum] [--verify] FILE.jsonl...
//   fts5_engine search --index FILE [--warmup 1] [--count] < queries.jsonl

#include "engines/engine_program.h"
#include "engines/fts5_driver.h"

int main(int argc, char** argv) {
    using namespace scoop::bench;
    EngineProgram program(
        "fts5_engine",
        "SQLite FTS5 reference engine for the side-by-side benchmark: indexes the words and "
        "stems scoop's analyser emits and answers benchmark query lines as scoop's parser reads "
        "them.");
    Fts5EngineOptions options;
    add_analysis_options(program, options.analysis);
    CLI::App& index = program.index_command();
    index.add_option(
        "--prefix-index", options.prefix_index,
        "FTS5 prefix indexes, e.g. \"2 3\" (prefix lengths in characters; none by default)");
    bool no_vacuum = false;
    index.add_flag("--no-vacuum", no_vacuum, "Skip the VACUUM after 'optimize'");
    index.add_flag("--verify", options.verify,
                   "Check that FTS5's vocabulary is exactly the analyser's words and stems");
    for (CLI::App* step : {&index, &program.search_command()})
        step->add_option("--cache-mb", options.cache_mb, "SQLite page cache")
            ->capture_default_str();
    return program.run(argc, argv, [&] {
        options.db_path = program.index_path();
        options.vacuum = !no_vacuum;
        return std::make_unique<Fts5Engine>(options);
    });
}
