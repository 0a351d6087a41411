#pragma once

// SQLite FTS5 as a benchmark engine (issue 5), given the words and stems
// scoop's analyser emits (fts5_terms.h) and answering scoop's parsed
// queries as MATCH expressions.
//
// Schema:
//   articles: fts5(title, body, stems, content='', detail=full,
//                  tokenize="unicode61 remove_diacritics 0 tokenchars '~'")
//     title  the title's words              (phrases, prefixes, exact words)
//     body   the body's words               (phrases, prefixes, exact words)
//     stems  the stems of title then body   (keywords), a title stem
//            repeated title_weight times: FTS5 has no term weights, and
//            this is how scoop's title weight counts them
//   docs(id INTEGER PRIMARY KEY, meta BLOB): scoop's serialisation of the
//     stored fields, what a hit shows.
// The FTS5 table is contentless: storing the analysed text as well would
// only add a second and third copy of the text to FTS5's size; the stored
// fields are kept once, in docs, as scoop and Xapian keep them once. The
// rowid of an article is its 1-based number in input order, as Xapian's
// docid is, so page ids compare across engines.
//
// FTS5 ranks with its bm25() (k1 = 1.2, b = 0.75, fixed; scoop's
// defaults), every column weighted 1.
//
// Building: one transaction, journal_mode=OFF, synchronous=OFF, then
// 'optimize' (all segments merged into one) and VACUUM (so the file holds
// no free pages and its size is the index's size). Searching: mmap and a
// large page cache, FTS5 at its fastest.
//
// No prefix index by default: with prefix='2 3 4' on Reuters-21578 the
// file grew from 40 to 76 MB (it covers the stems column too) and the
// median 3-letter prefix query got no faster (4.6 ms against 3.8 ms), since
// ORDER BY rank still scores every match.

#include <memory>
#include <string>

#include "analysis/analyzer.h"
#include "engines/engine.h"
#include "engines/engine_program.h"

namespace scoop::bench {

struct Fts5EngineOptions {
    std::string db_path;
    AnalysisOptions analysis;
    std::string prefix_index;  // FTS5 prefix='...', e.g. "2 3"; empty: none
    int cache_mb = 256;        // SQLite page cache, building and searching
    bool vacuum = true;        // VACUUM after 'optimize'
    // Check that FTS5's vocabulary is exactly the escaped words and stems
    // (the claim behind fts5_token), and say so in the build's figures.
    bool verify = false;
};

class Fts5Engine final : public Engine {
  public:
    explicit Fts5Engine(Fts5EngineOptions options);
    ~Fts5Engine() override;

    std::string_view name() const override { return "fts5"; }
    nlohmann::json build(std::span<const std::string> corpus_files) override;
    void open() override;
    Page search(std::string_view query, std::size_t k) override;
    std::uint64_t count(std::string_view query) override;
    std::uint64_t index_bytes() const override;

  private:
    struct Searching;  // the open database and its prepared statements
    Searching& searching();
    std::string match(std::string_view query);

    Fts5EngineOptions options_;
    Analyzer analyzer_;
    std::unique_ptr<Searching> searching_;
};

}  // namespace scoop::bench
