#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/stemmer.h"
#include "analysis/token_list.h"
#include "analysis/word_tokenizer.h"

namespace scoop {

// A word of a field as both programs see it.
struct Token {
    std::string word;        // folded surface form: what phrases match
    std::string stem;        // Snowball stem of `word`: what keywords match
    std::uint32_t position;  // word number within the field
    std::uint32_t begin;     // byte range of the word in the analysed text
    std::uint32_t end;
    bool joined = false;  // hyphen- or dot-linked to the previous token
};

// The one analyser of the project: text in, tokens out. Indexing and query
// parsing both go through it, so a query word always becomes the same terms
// as the text it should match. Steps: NFKC case folding, ICU word breaks with
// the clean-ups WordTokenizer describes, Snowball stemming.
//
// Input must be valid UTF-8 (decode_text makes it so). Not thread-safe: ICU
// break iterators and the stem cache are per instance; use one per thread.
class Analyzer {
  public:
    explicit Analyzer(std::string_view language = "english");

    const std::string& language() const { return stemmer_.language(); }

    // Appends the tokens of `text` to `out`, numbering positions from
    // `first_position`; offsets refer to the normalised text.
    void analyze(std::string_view text, std::vector<Token>& out, std::uint32_t first_position = 0);
    std::vector<Token> analyze(std::string_view text);
    // The same tokens, packed (without offsets or joins): what indexing keeps.
    void analyze(std::string_view text, TokenList& out, std::uint32_t first_position = 0);

    // Like analyze(), but begin/end are byte offsets into `text` itself, for
    // highlighting the original words in snippets.
    std::vector<Token> analyze_with_source_offsets(std::string_view text);

    // The stem of an already folded word.
    const std::string& stem(std::string_view word) { return stemmer_.stem(word); }

    // The folded words of `text` joined by single spaces: how a keyword
    // field such as the source is matched ("Press TV" -> "press tv").
    std::string folded_words(std::string_view text);

  private:
    void append_tokens(std::uint32_t first_position, std::vector<Token>& out);

    Stemmer stemmer_;
    WordTokenizer tokenizer_;
    std::string normalized_;
    std::vector<WordPiece> pieces_;
};

}  // namespace scoop
