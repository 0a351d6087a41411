#include "analysis/common_words.h"

#include <string_view>
#include <unordered_set>

namespace scoop {

bool is_common_word(std::string_view word) {
    // The Snowball English stop-word list without its contractions, and
    // the auxiliaries "will" and "can".
    static const std::unordered_set<std::string_view> words = {
        "a",       "about",   "above",   "after",      "again",      "against", "all",
        "am",      "an",      "and",     "any",        "are",        "as",      "at",
        "be",      "because", "been",    "before",     "being",      "below",   "between",
        "both",    "but",     "by",      "can",        "could",      "did",     "do",
        "does",    "doing",   "down",    "during",     "each",       "few",     "for",
        "from",    "further", "had",     "has",        "have",       "having",  "he",
        "her",     "here",    "hers",    "herself",    "him",        "himself", "his",
        "how",     "i",       "if",      "in",         "into",       "is",      "it",
        "its",     "itself",  "me",      "more",       "most",       "my",      "myself",
        "no",      "nor",     "not",     "of",         "off",        "on",      "once",
        "only",    "or",      "other",   "ought",      "our",        "ours",    "ourselves",
        "out",     "over",    "own",     "same",       "she",        "should",  "so",
        "some",    "such",    "than",    "that",       "the",        "their",   "theirs",
        "them",    "themselves", "then", "there",      "these",      "they",    "this",
        "those",   "through", "to",      "too",        "under",      "until",   "up",
        "very",    "was",     "we",      "were",       "what",       "when",    "where",
        "which",   "while",   "who",     "whom",       "why",        "will",    "with",
        "would",   "you",     "your",    "yours",      "yourself",   "yourselves",
    };
    return words.contains(word);
}

}  // namespace scoop
