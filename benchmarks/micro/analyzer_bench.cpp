// Analyser throughput, MB/s of article text: the sample articles, and
// Reuters bodies when ../shared/data is there.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"

namespace scoop {
namespace {

std::string sample_text() {
    std::string text;
    for (const auto& e : std::filesystem::directory_iterator(SCOOP_SOURCE_DIR "/corpus")) {
        std::ifstream in(e.path());
        std::stringstream ss;
        ss << in.rdbuf();
        text += ss.str() + "\n";
    }
    return text;
}

void BM_AnalyzeEnglishNews(benchmark::State& state) {
    const std::string text = sample_text();
    Analyzer analyzer;
    std::vector<Token> tokens;
    for (auto _ : state) {
        tokens.clear();
        analyzer.analyze(text, tokens);
        benchmark::DoNotOptimize(tokens.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(BM_AnalyzeEnglishNews);

void BM_AnalyzeRussian(benchmark::State& state) {
    std::string text;
    for (int i = 0; i < 50; ++i)
        text += "Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся. ";
    Analyzer analyzer("russian");
    std::vector<Token> tokens;
    for (auto _ : state) {
        tokens.clear();
        analyzer.analyze(text, tokens);
        benchmark::DoNotOptimize(tokens.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyzeRussian);

void BM_ExtractPlainText(benchmark::State& state) {
    const std::string text = sample_text();
    for (auto _ : state)
        benchmark::DoNotOptimize(extract_articles(text, "x.txt", InputFormat::kText));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ExtractPlainText);

}  // namespace
}  // namespace scoop
