#pragma once

// Random news-like vocabularies for the tests that check query evaluation on
// generated corpora (search_property_test, xapian_differential_test).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace scoop::testing {

// Word families sharing a stem ("vark", "varks", "varking") so that stems
// and exact words differ. Words are consonant-vowel syllables ending in a
// consonant from "bcdfghjklmnprstvz": a word with q, w, x or y in it never
// occurs, which tests use for words absent from a corpus.
inline std::vector<std::string> make_vocabulary(std::mt19937& rng, std::size_t n) {
    const std::string consonants = "bcdfghjklmnprstvz", vowels = "aeiou";
    std::set<std::string> words;
    while (words.size() < n) {
        std::string w;
        const int syllables = 1 + static_cast<int>(rng() % 3);
        for (int s = 0; s < syllables; ++s) {
            w += consonants[rng() % consonants.size()];
            w += vowels[rng() % vowels.size()];
        }
        w += consonants[rng() % consonants.size()];
        words.insert(w);
        if (rng() % 4 == 0) words.insert(w + "s");
        if (rng() % 6 == 0) words.insert(w + "ing");
    }
    // Common function words among the most frequent, as in real text: the
    // index keeps pairs with them, and phrases holding them use those.
    std::vector<std::string> vocabulary(words.begin(), words.end());
    const char* common[] = {"the", "of", "to", "in", "and", "a", "which"};
    for (std::size_t k = 0; k < std::size(common); ++k)
        vocabulary.insert(vocabulary.begin() + static_cast<std::ptrdiff_t>(3 * k), common[k]);
    return vocabulary;
}

// Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^s.
class Zipf {
  public:
    Zipf(std::size_t n, double s) {
        double sum = 0;
        for (std::size_t i = 1; i <= n; ++i)
            cdf_.push_back(sum += 1.0 / std::pow(static_cast<double>(i), s));
        for (double& c : cdf_) c /= sum;
    }
    std::size_t operator()(std::mt19937& rng) const {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        const auto rank =
            static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
        return std::min(rank, cdf_.size() - 1);  // u rounding past the last entry
    }

  private:
    std::vector<double> cdf_;
};

}  // namespace scoop::testing
