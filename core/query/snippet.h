#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "query/query.h"

namespace scoop {

// What to highlight: the words a query looks for (excluded ones left out).
struct HighlightTerms {
    std::unordered_set<std::string> stems;  // plain query words match by stem
    std::unordered_set<std::string> words;  // single-word phrases match exactly
    std::vector<std::string> prefixes;
    std::vector<std::pair<std::string, std::uint32_t>> fuzzy;  // word, most edits
    std::vector<std::vector<std::string>> phrases;             // matched as whole sequences

    bool empty() const {
        return stems.empty() && words.empty() && prefixes.empty() && fuzzy.empty() &&
               phrases.empty();
    }
};

HighlightTerms highlight_terms(const Query& query);

struct Snippet {
    std::string text;  // whitespace collapsed, "…" where cut
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte ranges in text
};

// How much of a text a snippet looks at, at most: the first window (32
// KiB) with every query word, or the best passage in the first 256 KiB.
inline constexpr std::size_t kSnippetScanBytes = std::size_t{256} << 10;

// The passage of about `width` characters with the most distinct query
// words (then the most matches), cut at word boundaries. Falls back to the
// start of the text when nothing matches.
Snippet make_snippet(Analyzer& analyzer, std::string_view text, const HighlightTerms& terms,
                     std::size_t width);

}  // namespace scoop
