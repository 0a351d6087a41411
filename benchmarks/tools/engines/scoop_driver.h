#pragma once

// scoop as a benchmark engine: indexing through core's update_index with
// the options the indexer program gives it, searching through core's
// Searcher with the options `searcher --no-snippets` gives it, so that what
// the benchmark times is what people run.

#include <cstddef>
#include <memory>
#include <string>

#include "engines/engine.h"
#include "engines/engine_program.h"
#include "query/searcher.h"

namespace scoop::bench {

struct ScoopEngineOptions {
    std::string index_dir;
    AnalysisOptions analysis;  // indexer --language, --threads, --title-weight
    std::size_t ram_mb = 256;  // indexer --ram-mb
    bool optimize = false;     // indexer --optimize: merge into one segment
};

class ScoopEngine final : public Engine {
  public:
    explicit ScoopEngine(ScoopEngineOptions options);

    std::string_view name() const override { return "scoop"; }
    nlohmann::json build(std::span<const std::string> corpus_files) override;
    void open() override;
    Page search(std::string_view query, std::size_t k) override;
    std::uint64_t count(std::string_view query) override;
    std::uint64_t index_bytes() const override;

  private:
    Searcher& searcher();

    ScoopEngineOptions options_;
    std::unique_ptr<Searcher> searcher_;
};

}  // namespace scoop::bench
