#include "analysis/analyzer.h"

#include <unicode/edits.h>

#include "analysis/normalizer.h"
#include "util/error.h"

namespace scoop {

Analyzer::Analyzer(std::string_view language) : stemmer_(language) {}

void Analyzer::append_tokens(std::uint32_t first_position, std::vector<Token>& out) {
    std::uint32_t position = first_position;
    for (WordPiece& piece : pieces_) {
        Token token;
        token.stem = piece.numeric ? piece.text : stemmer_.stem(piece.text);
        token.word = std::move(piece.text);
        token.position = position++;
        token.begin = piece.begin;
        token.end = piece.end;
        token.joined = piece.joined;
        out.push_back(std::move(token));
    }
}

void Analyzer::analyze(std::string_view text, std::vector<Token>& out,
                       std::uint32_t first_position) {
    normalized_.clear();
    normalize_fold(text, normalized_);
    pieces_.clear();
    tokenizer_.tokenize(normalized_, pieces_);
    append_tokens(first_position, out);
}

void Analyzer::analyze(std::string_view text, TokenList& out, std::uint32_t first_position) {
    normalized_.clear();
    normalize_fold(text, normalized_);
    pieces_.clear();
    tokenizer_.tokenize(normalized_, pieces_);
    std::uint32_t position = first_position;
    for (const WordPiece& piece : pieces_)
        out.push_back(piece.text,
                      piece.numeric ? std::string_view(piece.text)
                                    : std::string_view(stemmer_.stem(piece.text)),
                      position++);
}

void TokenList::push_back(const Token& token) {
    push_back(token.word, token.stem, token.position);
}

std::vector<Token> Analyzer::analyze(std::string_view text) {
    std::vector<Token> out;
    analyze(text, out);
    return out;
}

std::vector<Token> Analyzer::analyze_with_source_offsets(std::string_view text) {
    normalized_.clear();
    std::vector<Token> out;
    if (normalize_fold_keeping_offsets(text, normalized_)) {
        // Offsets in the folded text are the source's.
        pieces_.clear();
        tokenizer_.tokenize(normalized_, pieces_);
        append_tokens(0, out);
        return out;
    }
    icu::Edits edits;
    normalize_fold(text, normalized_, &edits);
    pieces_.clear();
    tokenizer_.tokenize(normalized_, pieces_);
    append_tokens(0, out);

    UErrorCode status = U_ZERO_ERROR;
    icu::Edits::Iterator it = edits.getFineIterator();
    for (Token& t : out) {
        // Inside a change edit (ß -> ss, ﬁ -> fi, e + U+0301 -> é, ⑴ -> (1))
        // there is no finer mapping, so a word covers the whole source of
        // every edit it touches. For the end, ICU's own mapping does that: an
        // index inside an edit maps to the end of the edit's source. For the
        // start it would too, so look the edit up and take its start.
        const auto dest_begin = static_cast<int32_t>(t.begin);
        if (!it.findDestinationIndex(dest_begin, status) || U_FAILURE(status))
            throw Error(std::string("offset mapping failed: ") + u_errorName(status));
        const int32_t begin = it.hasChange()
                                  ? it.sourceIndex()
                                  : it.sourceIndex() + (dest_begin - it.destinationIndex());
        const int32_t end = it.sourceIndexFromDestinationIndex(static_cast<int32_t>(t.end), status);
        if (U_FAILURE(status))
            throw Error(std::string("offset mapping failed: ") + u_errorName(status));
        t.begin = static_cast<std::uint32_t>(begin);
        t.end = static_cast<std::uint32_t>(end);
    }
    return out;
}

std::string Analyzer::folded_words(std::string_view text) {
    std::string out;
    for (const Token& t : analyze(text)) out.append(out.empty() ? "" : " ").append(t.word);
    return out;
}

}  // namespace scoop
