#pragma once

// The prepared corpus as the reference engines index it: every article
// read and analysed by scoop's extractor and Analyzer, in input order, so
// that Xapian and FTS5 are given exactly the terms scoop indexes.

#include <fmt/format.h>

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "common/line_chunks.h"
#include "util/file.h"

namespace scoop::bench {

struct AnalysedArticle {
    Article article;
    std::vector<Token> title;
    std::vector<Token> body;
};

struct InputStats {
    std::uint64_t bytes = 0;
    std::uint64_t problems = 0;
};

// Reads the files in order and hands their analysed articles to `sink` in
// input order, a chunk at a time. Analysis runs on `threads` threads and
// overlaps with `sink` working on the previous chunk: the engine under test
// gets its terms as fast as scoop's own indexer analyses them, so indexing
// time measures the engine, not a single-threaded analyser.
template <typename Sink>
InputStats for_each_analysed_chunk(std::span<const std::string> files, unsigned threads,
                                   const std::string& language, Sink&& sink) {
    std::vector<std::unique_ptr<Analyzer>> analyzers;
    for (unsigned i = 0; i < threads; ++i)
        analyzers.push_back(std::make_unique<Analyzer>(language));
    InputStats stats;

    auto analyse = [&](std::shared_ptr<MappedFile> file, std::string_view piece,
                       std::uint32_t line_offset) {
        Extraction extraction = extract_articles(piece, file->path(), InputFormat::kJsonLines);
        for (const auto& p : extraction.problems)
            fmt::print(stderr, "{}:{}: {}\n", file->path(), p.line ? p.line + line_offset : 0,
                       p.message);
        std::vector<AnalysedArticle> out(extraction.articles.size());
        auto work = [&](std::size_t slice) {
            Analyzer& a = *analyzers[slice];
            for (std::size_t i = slice; i < out.size(); i += analyzers.size()) {
                Article& article = extraction.articles[i];
                if (article.line) article.line += line_offset;
                a.analyze(article.title, out[i].title);
                a.analyze(article.body, out[i].body);
                out[i].article = std::move(article);
            }
        };
        std::vector<std::thread> helpers;
        for (std::size_t t = 1; t < analyzers.size(); ++t) helpers.emplace_back(work, t);
        work(0);
        for (auto& h : helpers) h.join();
        return std::make_pair(std::move(out), extraction.problems.size());
    };

    std::optional<std::future<std::pair<std::vector<AnalysedArticle>, std::size_t>>> pending;
    // Only one chunk is analysed at a time (the analysers are shared), so
    // the previous one is collected before the next starts.
    auto collect = [&]() -> std::optional<std::vector<AnalysedArticle>> {
        if (!pending) return std::nullopt;
        auto [docs, problems] = pending->get();
        pending.reset();
        stats.problems += problems;
        return std::move(docs);
    };

    for (const std::string& path : files) {
        // Shared with the analysis task, which may outlive this iteration.
        auto file = std::make_shared<MappedFile>(path);
        const auto bytes = file->bytes();
        const std::string_view all(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        stats.bytes += all.size();
        for_each_line_chunk(all, [&](std::string_view piece, std::uint32_t lines) {
            std::optional<std::vector<AnalysedArticle>> ready = collect();
            pending = std::async(std::launch::async, analyse, file, piece, lines);
            if (ready) sink(*ready);
            return true;
        });
    }
    if (auto last = collect()) sink(*last);
    return stats;
}

}  // namespace scoop::bench
