#pragma once

// Xapian as a benchmark engine (issue 5): a glass database of the terms
// scoop's analyser emits (xapian_layout.h), answering scoop's parsed
// queries translated by XapianQueryBuilder, ranked by BM25Weight with
// scoop's k1 and b, so that the only difference left between the engines
// is the engines.
//
// The hits are the same as scoop's; the order is close, not equal: Xapian's
// BM25 normalises by one document length, the sum of every term's wdf
// (text and title words and stems), where scoop normalises a text score by
// the text length and a title score by the title length. Page ids are
// Xapian docids, which are the articles' 1-based numbers in input order.

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "analysis/analyzer.h"
#include "engines/engine.h"
#include "engines/engine_program.h"
#include "engines/xapian_query.h"

namespace scoop::bench {

struct XapianEngineOptions {
    std::string db_path;
    AnalysisOptions analysis;
    // XAPIAN_FLUSH_THRESHOLD, documents buffered before a flush. Xapian's
    // default (10,000) would flush many small runs into the tables; the
    // benchmark gives it as much room as scoop's RAM budget gives scoop.
    std::uint64_t flush_threshold = 100000;
    // Also compact the new database into this folder (Compactor::FULL, the
    // xapian-compact default); the harness runs xapian-compact instead.
    std::string compact_to;
    double k1 = 1.2;
    double b = 0.75;
    PrefixExpansion prefix_expansion = PrefixExpansion::kScoop;
};

class XapianEngine final : public Engine {
  public:
    explicit XapianEngine(XapianEngineOptions options);
    ~XapianEngine() override;

    std::string_view name() const override { return "xapian"; }
    nlohmann::json build(std::span<const std::string> corpus_files) override;
    void open() override;
    Page search(std::string_view query, std::size_t k) override;
    std::uint64_t count(std::string_view query) override;
    std::uint64_t index_bytes() const override;

  private:
    struct Searching;  // the open database, its Enquire and query builder
    Searching& searching();
    Xapian::Query translate(std::string_view query);

    XapianEngineOptions options_;
    Analyzer analyzer_;
    std::unique_ptr<Searching> searching_;
};

}  // namespace scoop::bench
