#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace scoop {

// One word of normalised text, cleaned for indexing.
struct WordPiece {
    std::string text;      // "us" for "u.s.", "iran" for "iran's"
    std::uint32_t begin;   // byte range in the normalised text
    std::uint32_t end;
    bool joined = false;   // attached to the previous word: the "300" of "s-300"
    bool numeric = false;  // ICU classed it as a number
};

// Splits normalised (NFKC case-folded) UTF-8 into words with ICU's
// word-break rules, which segment Chinese and Thai by dictionary as well as
// spaced scripts. On top of ICU:
//  - acronyms lose their dots: "u.s" -> "us";
//  - other dotted words split into joined parts: "google.com" -> google, com;
//    so do words with "@", which ICU counts a letter: "@presstv" -> presstv,
//    "user@example.com" -> user, example, com; a lone "@" is no word;
//  - possessives lose "'s" and inner apostrophes go: "iran's" -> iran,
//    "o'brien" -> obrien, "u.s.'s" -> us, "1990's" -> 1990 (typographic
//    apostrophes count as apostrophes);
//  - the i of Turkish capital İ, which folds to i + U+0307, loses the dot:
//    "i̇stanbul" -> istanbul;
//  - words linked by a single hyphen or en dash (s-300, tu-334, 1992-97) are
//    separate words, each after the first marked `joined`, so a query for
//    "s-300" can ask for exactly that sequence;
//  - words over kMaxWordBytes are dropped (base64 blobs, URLs run together).
// Not thread-safe (ICU break iterators are stateful); one per thread.
class WordTokenizer {
public:
    static constexpr std::size_t kMaxWordBytes = 80;

    WordTokenizer();
    ~WordTokenizer();
    WordTokenizer(const WordTokenizer&) = delete;
    WordTokenizer& operator=(const WordTokenizer&) = delete;

    // Appends the words of `normalized` to `out`.
    void tokenize(std::string_view normalized, std::vector<WordPiece>& out);

private:
    std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace scoop
