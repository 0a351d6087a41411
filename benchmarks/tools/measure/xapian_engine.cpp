// xapian_engine: the Xapian side of the side-by-side benchmark (issue 5).
// The engine is engines/xapian_driver.h (its terms: xapian_layout.h; its
// queries, translated from scoop's parsed query: xapian_query.h), driven
// and timed as every engine is (engines/engine_program.h).
//
//   xapian_engine index --index DIR [--threshold 100000] [--threads N]
//                       [--title-weight 2] [--compact OUT] FILE.jsonl...
//   xapian_engine search --index DIR [--k1 1.2] [--b 0.75] [--warmup 1]
//                        [--count] [--prefix expand|wildcard] < queries.jsonl
//
// The harness compacts the database with `xapian-compact DIR OUT` before
// querying; --compact OUT does the same in-process.

#include <xapian.h>

#include "engines/engine_program.h"
#include "engines/xapian_driver.h"

int main(int argc, char** argv) {
    using namespace scoop::bench;
    EngineProgram program(
        "xapian_engine",
        "Xapian reference engine for the side-by-side benchmark: indexes the terms scoop's "
        "analyser emits and answers benchmark query lines as scoop's parser reads them.");
    XapianEngineOptions options;
    add_analysis_options(program, options.analysis);
    CLI::App& index = program.index_command();
    index
        .add_option("--threshold", options.flush_threshold,
                    "XAPIAN_FLUSH_THRESHOLD: documents buffered before a flush")
        ->capture_default_str();
    index.add_option("--compact", options.compact_to,
                     "Also compact the database into this directory, as xapian-compact does");
    CLI::App& search = program.search_command();
    search.add_option("--k1", options.k1, "BM25 k1")->capture_default_str();
    search.add_option("--b", options.b, "BM25 b")->capture_default_str();
    std::string prefix = "expand";
    search
        .add_option("--prefix", prefix,
                    "prefix queries: expand (the 128 most frequent words, ties in byte order, as "
                    "scoop expands them) or wildcard (OP_WILDCARD, which breaks ties at the "
                    "128th word arbitrarily)")
        ->check(CLI::IsMember({"wildcard", "expand"}))
        ->capture_default_str();
    return program.run(argc, argv, [&] {
        options.db_path = program.index_path();
        options.prefix_expansion =
            prefix == "expand" ? PrefixExpansion::kScoop : PrefixExpansion::kWildcard;
        return std::make_unique<XapianEngine>(options);
    });
}
