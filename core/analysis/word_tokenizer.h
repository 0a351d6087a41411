#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace scoop {

// One word of normalised text, cleaned for indexing.
struct WordPiece {
    std::string text;     // "us" for "u.s.", "iran" for "iran's"
    std::uint32_t begin;  // byte range in the normalised text
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

    // Appends the words of `normalized` to `out`. Text of ASCII and the
    // typographic quotes and dashes is segmented by a scanner implementing
    // the same Unicode word-break rules (UAX #29) for those characters, many
    // times faster than ICU; any other text goes to ICU.
    void tokenize(std::string_view normalized, std::vector<WordPiece>& out);

    // tokenize() through ICU always: the reference the fast scanner is
    // tested against.
    void tokenize_icu(std::string_view normalized, std::vector<WordPiece>& out);

  private:
    // A word-break segment: a byte range and ICU's rule status for it
    // (UBRK_WORD_NUMBER..., UBRK_WORD_LETTER...); only words are kept.
    struct BreakSegment {
        std::uint32_t begin, end;
        std::int32_t status;
    };
    void segment_icu(std::string_view text);
    bool segment_simple(std::string_view text);
    void words_from_segments(std::string_view text, std::vector<WordPiece>& out);

    std::unique_ptr<icu::BreakIterator> words_;
    std::vector<BreakSegment> segments_;
    std::vector<std::uint8_t> classes_;
    std::vector<std::uint32_t> offsets_;
};

}  // namespace scoop
