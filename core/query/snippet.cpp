#include "query/snippet.h"

#include <algorithm>

#include "query/edit_distance_walk.h"

namespace scoop {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

void collect(const Query& q, bool excluded, HighlightTerms& out) {
    if (excluded) return;
    if (const auto* t = std::get_if<TermQuery>(&q)) {
        out.stems.insert(t->stem);
    } else if (const auto* p = std::get_if<PhraseQuery>(&q)) {
        if (p->words.size() == 1 || p->slop > 0)  // a sloppy phrase's words, wherever they are
            out.words.insert(p->words.begin(), p->words.end());
        else
            out.phrases.push_back(p->words);
    } else if (const auto* x = std::get_if<PrefixQuery>(&q)) {
        out.prefixes.push_back(x->prefix);
    } else if (const auto* f = std::get_if<FuzzyQuery>(&q)) {
        out.fuzzy.emplace_back(f->word, f->max_edits);
    } else if (const auto* b = std::get_if<BooleanQuery>(&q)) {
        for (const auto& c : b->clauses) collect(c.query, c.occur == Occur::kMustNot, out);
    }
}

bool is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

HighlightTerms highlight_terms(const Query& query) {
    HighlightTerms terms;
    collect(query, false, terms);
    return terms;
}

namespace {

struct WindowSnippet {
    Snippet snippet;
    long score = -1;           // distinct query items * 1000 + matches; -1: none
    std::size_t distinct = 0;  // query items matched in the passage
};

// The snippet of one window of the text; `more_before` and `more_after`
// say whether the text goes on beyond the window.
WindowSnippet snippet_in(Analyzer& analyzer, std::string_view text, const HighlightTerms& terms,
                         std::size_t width, bool more_before, bool more_after) {
    const std::vector<Token> tokens = analyzer.analyze_with_source_offsets(text);
    // Which query item each token matches (-1: none). Items: stems, words
    // and prefixes share one numbering by text; each phrase is one item.
    std::vector<int> match(tokens.size(), -1);
    std::vector<std::string> items;
    auto item_of = [&](const std::string& key) {
        const auto it = std::find(items.begin(), items.end(), key);
        if (it != items.end()) return static_cast<int>(it - items.begin());
        items.push_back(key);
        return static_cast<int>(items.size() - 1);
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (terms.stems.count(t.stem))
            match[i] = item_of("~" + t.stem);
        else if (terms.words.count(t.word))
            match[i] = item_of(":" + t.word);
        else
            for (const auto& p : terms.prefixes)
                if (t.word.starts_with(p)) match[i] = item_of("*" + p);
        if (match[i] < 0)
            for (const auto& [word, edits] : terms.fuzzy)
                if (edit_distance(t.word, word, edits) <= edits) {
                    std::string key = "~~";
                    key += word;
                    match[i] = item_of(key);
                    break;
                }
    }
    for (std::size_t p = 0; p < terms.phrases.size(); ++p) {
        const auto& words = terms.phrases[p];
        // Built with append: GCC 12 flags "literal" + std::string with a
        // false -Wrestrict warning.
        std::string key = "\"";
        key += std::to_string(p);
        const int id = item_of(key);
        for (std::size_t i = 0; i + words.size() <= tokens.size(); ++i) {
            bool all = true;
            for (std::size_t k = 0; k < words.size() && all; ++k)
                all = tokens[i + k].word == words[k];
            if (all)
                for (std::size_t k = 0; k < words.size(); ++k) match[i + k] = id;
        }
    }

    // Best window of tokens [first, last] spanning at most `width` bytes.
    std::size_t best_first = 0, best_last = 0, best_distinct = 0;
    long best_score = -1;
    std::vector<int> seen(items.size(), 0);
    std::size_t distinct = 0, hits = 0, first = 0;
    for (std::size_t last = 0; last < tokens.size(); ++last) {
        if (match[last] >= 0) {
            hits++;
            if (seen[static_cast<std::size_t>(match[last])]++ == 0) ++distinct;
        }
        while (tokens[last].end - tokens[first].begin > width && first < last) {
            if (match[first] >= 0) {
                hits--;
                if (--seen[static_cast<std::size_t>(match[first])] == 0) --distinct;
            }
            ++first;
        }
        const long score = static_cast<long>(distinct * 1000 + hits);
        if (hits > 0 && score > best_score) {
            best_score = score;
            best_first = first;
            best_last = last;
            best_distinct = distinct;
        }
    }

    // The window ends on a match but may start on words before its first
    // one: start on the first match, so that centring below gives context
    // on both sides rather than only before the words.
    while (best_score > 0 && best_first < best_last && match[best_first] < 0) ++best_first;

    // Byte range to show: centred on the matches, widened to `width`.
    std::size_t begin = 0, end = std::min(text.size(), width);
    if (best_score > 0) {
        begin = tokens[best_first].begin;
        end = tokens[best_last].end;
        const std::size_t slack = width > end - begin ? width - (end - begin) : 0;
        begin = begin > slack / 2 ? begin - slack / 2 : 0;
        end = std::min(text.size(), begin + std::max(width, end - begin));
    }
    // Snap outwards to token boundaries so no word is cut.
    for (const Token& t : tokens) {
        if (t.begin < begin && t.end > begin) begin = t.begin;
        if (t.begin < end && t.end > end) end = t.end;
    }
    while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;

    WindowSnippet result;
    result.score = best_score;
    result.distinct = best_distinct;
    Snippet& out = result.snippet;
    // Skip leading whitespace; collapse runs; note highlight spans.
    std::size_t token = 0;
    while (token < tokens.size() && tokens[token].end <= begin) ++token;
    std::size_t i = begin;
    while (i < end && is_space(static_cast<unsigned char>(text[i]))) ++i;
    if (begin > 0 || more_before) out.text += kEllipsis;
    bool pending_space = false;
    std::size_t open_highlight = std::string::npos;
    for (; i < end; ++i) {
        while (token < tokens.size() && tokens[token].end <= i) ++token;
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) {
            out.text += ' ';
            pending_space = false;
        }
        const bool in_match =
            token < tokens.size() && tokens[token].begin <= i && match[token] >= 0;
        if (in_match && i == tokens[token].begin) open_highlight = out.text.size();
        out.text += text[i];
        if (in_match && i + 1 == tokens[token].end && open_highlight != std::string::npos) {
            out.highlights.emplace_back(open_highlight, out.text.size());
            open_highlight = std::string::npos;
        }
    }
    if (end < text.size() || more_after) out.text += kEllipsis;

    // "[strictly defensive]", "[S-300]": one highlight for words next to each
    // other, not one per word.
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& h : out.highlights) {
        if (!merged.empty()) {
            const std::size_t gap_begin = merged.back().second;
            const std::string_view gap(out.text.data() + gap_begin, h.first - gap_begin);
            if (gap.size() <= 1 && (gap.empty() || gap == " " || gap == "-")) {
                merged.back().second = h.second;
                continue;
            }
        }
        merged.push_back(h);
    }
    out.highlights = std::move(merged);
    return result;
}

}  // namespace

Snippet make_snippet(Analyzer& analyzer, std::string_view text, const HighlightTerms& terms,
                     std::size_t width) {
    // A long text is read in windows, from the start, until one holds every
    // query item or kSnippetScanBytes are read: the cost of a snippet does
    // not grow with the article.
    constexpr std::size_t kWindow = 32 * 1024;
    if (text.size() <= kWindow)
        return snippet_in(analyzer, text, terms, width, false, false).snippet;
    const std::size_t items = terms.stems.size() + terms.words.size() + terms.prefixes.size() +
                              terms.fuzzy.size() + terms.phrases.size();
    const std::size_t scan = std::min(text.size(), kSnippetScanBytes);
    WindowSnippet best;
    for (std::size_t start = 0; start < scan;) {
        // Windows end at a space, so no word is cut; a word cut by a
        // window's end could only miss a match, never make a wrong one.
        std::size_t end = std::min(text.size(), start + kWindow);
        if (end < text.size()) {
            const std::size_t space = text.find(' ', end);
            end = space == std::string_view::npos || space - end > 1024 ? end : space;
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
                ++end;
        }
        WindowSnippet w = snippet_in(analyzer, text.substr(start, end - start), terms, width,
                                     start > 0, end < text.size());
        if (w.score > best.score || best.snippet.text.empty()) best = std::move(w);
        if (best.distinct >= items) break;
        start = end;
    }
    return best.snippet;
}

}  // namespace scoop
