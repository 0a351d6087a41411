#pragma once

// Which words the query generators may write into a query: a word written
// into a query must search exactly what the statistics counted it as, or
// the benchmark's query classes would not be what their names say.

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"

namespace scoop::bench {

// Whether a folded word can be written into a query as it is: ICU keeps
// some punctuation inside words ("a:b", since ':' joins letters in UAX #29),
// and the query language gives ':', '*', quotes, brackets, '+' and '-'
// meanings. Digits' separators ("1.5", "633,329") and apostrophes are safe.
inline bool query_safe(std::string_view word) {
    return std::all_of(word.begin(), word.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) || c == '.' || c == ',' || c == '\'' || c == '_';
    });
}

// Whether the searcher, analysing `word`, gets exactly that word back (and,
// when `stem` is given, that stem), so a query written with it searches
// what the statistics counted. Answers are cached: the generators ask about
// the same words many times.
class QueryWordCheck {
  public:
    explicit QueryWordCheck(Analyzer& analyzer) : analyzer_(analyzer) {}

    bool operator()(const std::string& word, const std::string* stem = nullptr) {
        auto it = cache_.find(word);
        if (it == cache_.end()) {
            std::vector<Token> tokens;
            if (query_safe(word)) tokens = analyzer_.analyze(word);
            std::optional<std::string> s;
            if (tokens.size() == 1 && tokens[0].word == word) s = tokens[0].stem;
            it = cache_.emplace(word, std::move(s)).first;
        }
        return it->second && (!stem || *it->second == *stem);
    }

  private:
    Analyzer& analyzer_;
    std::unordered_map<std::string, std::optional<std::string>> cache_;
};

}  // namespace scoop::bench
