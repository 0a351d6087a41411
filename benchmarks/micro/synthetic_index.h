#pragma once

// A synthetic index shared by the cursor and query micro-benchmarks: Zipf
// word frequencies over a consonant-only vocabulary (words the stemmer
// leaves alone, so queries can name them directly), built once per process.

#include <cmath>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "analysis/analyzer.h"
#include "index/index_reader.h"
#include "index/index_writer.h"

namespace scoop::bench {

inline std::string word_of_rank(std::size_t rank) {
    static const std::string consonants = "bcdfghjklmnpqrstvwxz";
    std::string w = "k";
    do {
        w += consonants[rank % consonants.size()];
        rank /= consonants.size();
    } while (rank > 0);
    return w;
}

struct SyntheticIndex {
    std::string dir;
    std::shared_ptr<const IndexReader> reader;
    std::size_t docs = 0;
};

// Ranks of the words the benchmarks use: by frequency, "common" appears in
// about half the documents, "rare" in well under one percent.
inline constexpr std::size_t kCommon = 0, kCommon2 = 1, kMedium = 40, kMedium2 = 45, kRare = 3000,
                             kRare2 = 3100;

inline const SyntheticIndex& synthetic_index() {
    static const SyntheticIndex index = [] {
        SyntheticIndex s;
        s.docs = 200'000;
        s.dir =
            (std::filesystem::temp_directory_path() / ("scoop-bench-" + std::to_string(::getpid())))
                .string();
        std::filesystem::remove_all(s.dir);
        std::mt19937_64 rng(11);
        const std::size_t vocabulary = 50'000;
        std::vector<double> cdf(vocabulary);
        double sum = 0;
        for (std::size_t i = 0; i < vocabulary; ++i)
            cdf[i] = sum += 1.0 / std::pow(static_cast<double>(i + 1), 1.05);
        std::uniform_real_distribution<double> u(0, sum);
        {
            WriterOptions options;
            options.ram_budget_bytes = std::size_t{512} << 20;
            IndexWriter writer(s.dir, options);
            for (std::size_t d = 0; d < s.docs; ++d) {
                AnalyzedDocument doc;
                doc.file_id = d + 1;
                doc.stored.path = "/synthetic/" + std::to_string(d);
                const std::size_t length = 50 + rng() % 350;
                for (std::uint32_t p = 0; p < length; ++p) {
                    const auto rank = static_cast<std::size_t>(
                        std::lower_bound(cdf.begin(), cdf.end(), u(rng)) - cdf.begin());
                    Token t;
                    t.word = t.stem = word_of_rank(rank);
                    t.position = p;
                    if (p < 8) doc.title.push_back(t);
                    doc.body.push_back(std::move(t));
                }
                writer.add(doc);
            }
            writer.commit();
            writer.merge(true);
        }
        s.reader = IndexReader::open(s.dir);
        return s;
    }();
    return index;
}

}  // namespace scoop::bench
