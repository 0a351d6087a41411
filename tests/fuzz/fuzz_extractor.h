#pragma once

// The body of the three extractor targets (text, JSON Lines, HTML): a file's
// bytes through extract_articles with one format, as the indexer reads a
// file, then every article's fields through the analyser, as the indexer
// analyses them.
//
// extract_articles promises never to throw on bad input; its articles carry
// the path given, valid UTF-8 fields (the analyser's input contract), and a
// title or a body; a text or HTML file gives one, or a problem saying why
// not, with line 0;
// JSON Lines articles carry their 1-based line.

#include <cstddef>
#include <cstdint>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "fuzz_common.h"

namespace scoop::fuzz {

inline int extract_and_analyze(const std::uint8_t* data, std::size_t size, InputFormat format) {
    constexpr std::string_view kPath = "/fuzz/article";
    const Extraction out = extract_articles(as_chars(data, size), kPath, format);
    if (format != InputFormat::kJsonLines && out.articles.size() > 1)
        finding("a text or HTML file gave more than one article");
    // (A JSON Lines file may hold no articles and no problem: "[]".)
    if (format != InputFormat::kJsonLines && out.articles.empty() && out.problems.empty())
        finding("a text or HTML file gave no article and no problem");
    static Analyzer analyzer("english");
    for (const Article& a : out.articles) {
        if (a.path != kPath) finding("an article lost its path");
        if (a.title.empty() && a.body.empty()) finding("an article with neither title nor body");
        if ((format == InputFormat::kJsonLines) != (a.line > 0))
            finding("an article's line number does not fit its format");
        for (const std::string* field : {&a.title, &a.body, &a.source, &a.url})
            if (!is_valid_utf8(*field)) finding("an article field is not valid UTF-8");
        analyzer.analyze(a.title);
        analyzer.analyze(a.body);
    }
    return 0;
}

}  // namespace scoop::fuzz
