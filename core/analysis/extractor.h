#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "analysis/article.h"

namespace scoop {

// The version of what extraction makes of a file: title, date, source and
// body. It MUST be raised whenever extraction output changes (a new rule,
// a changed threshold, a parser upgrade), so that an index built by an
// older extractor can be told apart and its files offered for re-extraction.
//   1: the hand-written tag scanner and line heuristics.
//   2: gumbo's HTML5 parser, main-text regions and jusText block
//      classification, htmldate-style date sources, dates kept as written.
inline constexpr std::uint32_t kExtractionVersion = 2;

// The format a file's name suggests: .jsonl, .ndjson and .json are JSON
// Lines; .html, .htm and .xhtml are HTML; anything else is plain text.
// Case-insensitive.
InputFormat format_for_path(std::string_view path);

// A format named on the command line: "text", "jsonl" or "html" (also
// "txt", "json", "ndjson", "htm"), case-insensitive; nullopt otherwise.
std::optional<InputFormat> parse_format_name(std::string_view name);

// "text", "jsonl" or "html".
std::string_view format_name(InputFormat format);

// Turns a file's bytes into articles: rejects binary files, decodes the text
// to UTF-8 (decode_text), reads it as `format` and sets Article.path to
// `path` on every article. Never throws on bad input; what could not be used
// is in Extraction.problems:
//   - no bytes, or only whitespace: no articles, problem "empty file";
//   - looks_binary: no articles, problem "binary file";
//   - a text or HTML file with neither title nor body: no articles,
//     problem "no article text found";
//   - JSON Lines: a problem per bad line (see jsonl_extractor.h).
Extraction extract_articles(std::string_view bytes, std::string_view path, InputFormat format);

}  // namespace scoop
