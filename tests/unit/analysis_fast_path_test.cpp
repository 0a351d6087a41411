// The fast paths for ASCII text and common typographic punctuation must be
// exactly what ICU would have done: same folded text, same words, offsets,
// joins and number flags. Random text over the characters the fast paths
// take (and some they must refuse) goes through both.

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "analysis/normalizer.h"
#include "analysis/word_tokenizer.h"

namespace scoop {
namespace {

const std::vector<std::string> kPieces = {"a",
                                          "b",
                                          "z",
                                          "S",
                                          "U",
                                          "x",
                                          "e",
                                          "s",
                                          "1",
                                          "0",
                                          "9",
                                          ".",
                                          ".",
                                          "'",
                                          ",",
                                          ";",
                                          ":",
                                          "_",
                                          "@",
                                          "-",
                                          "!",
                                          "?",
                                          "\"",
                                          "(",
                                          ")",
                                          " ",
                                          " ",
                                          " ",
                                          "\n",
                                          "\t",
                                          "/",
                                          "$",
                                          "%",
                                          "&",
                                          "#",
                                          "\u2018",
                                          "\u2019",
                                          "\u201C",
                                          "\u201D",
                                          "\u2013",
                                          "\u2014",
                                          "\u2026",
                                          "\u00A0",
                                          "U.S.",
                                          "'s",
                                          "1,000",
                                          "3.5",
                                          "S-300",
                                          "don't",
                                          "e.g.",
                                          "a.m.",
                                          "google.com",
                                          "user@example.com",
                                          "___",
                                          "Iran\u2019s",
                                          "1990's",
                                          "1992\u201397"};

std::string random_text(std::mt19937& rng) {
    std::string s;
    const std::size_t n = rng() % 20;
    for (std::size_t i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
    return s;
}

std::string describe(const std::vector<WordPiece>& words) {
    std::string out;
    for (const auto& w : words)
        out += "[" + w.text + " " + std::to_string(w.begin) + "-" + std::to_string(w.end) +
               (w.joined ? " J" : "") + (w.numeric ? " N" : "") + "]";
    return out;
}

TEST(AnalysisFastPath, FoldingEqualsIcu) {
    std::mt19937 rng(1);
    for (int i = 0; i < 50000; ++i) {
        const std::string text = random_text(rng);
        ASSERT_EQ(normalize_fold(text), normalize_fold_icu(text)) << text;
    }
}

TEST(AnalysisFastPath, WordBreaksEqualIcu) {
    std::mt19937 rng(
        std::getenv("SCOOP_FAST_PATH_SEED") ? std::stoul(std::getenv("SCOOP_FAST_PATH_SEED")) : 2);
    WordTokenizer tokenizer;
    for (int i = 0; i < 50000; ++i) {
        const std::string text = normalize_fold_icu(random_text(rng));
        std::vector<WordPiece> fast, icu;
        tokenizer.tokenize(text, fast);
        tokenizer.tokenize_icu(text, icu);
        ASSERT_EQ(describe(fast), describe(icu)) << "text: " << text;
    }
}

TEST(AnalysisFastPath, OtherCharactersGoToIcu) {
    WordTokenizer tokenizer;
    for (const std::string text :
         {"café au lait", "Россия", "中国人民", "naïve", "a\u200Bb", "x\u2024y"}) {
        const std::string folded = normalize_fold(text);
        EXPECT_EQ(folded, normalize_fold_icu(text));
        std::vector<WordPiece> fast, icu;
        tokenizer.tokenize(folded, fast);
        tokenizer.tokenize_icu(folded, icu);
        EXPECT_EQ(describe(fast), describe(icu)) << text;
    }
}

}  // namespace
}  // namespace scoop
