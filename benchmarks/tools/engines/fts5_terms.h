#pragma once

// What SQLite FTS5 sees of scoop's words and of scoop's parsed queries.
// FTS5 has no stemmer and its own tokenizer, so it is given text that its
// tokenizer cannot take apart: the words scoop's analyser emits, each
// escaped (fts5_token), joined by spaces. Phrases and prefixes search the
// words (columns title and body), keywords a column of the stems.

#include <string>
#include <string_view>

#include "query/query.h"

namespace scoop::bench {

// The tokenizer of the FTS5 table: unicode61, told that '~' belongs to
// words and that diacritics stay (the escapes leave it nothing else to do).
inline constexpr const char* kFts5Tokenizer = "unicode61 remove_diacritics 0 tokenchars '~'";

// What FTS5 sees of one of scoop's words or stems. unicode61 splits at
// punctuation and would take "3.5", "1,000" or "_x" apart (and with its
// default remove_diacritics=1 would fold "é" into "e"), so every byte
// outside [a-z0-9] is written as '~' and two hex digits: "3.5" -> "3~2e5",
// "café" -> "caf~c3~a9". '~' is declared a token character, and unicode61
// sees nothing else but [a-z0-9] and spaces, so a word is always exactly one
// token. The mapping is injective ('~' itself is escaped) and keeps byte
// prefixes, so "3.*" -> "3~2e"* matches what scoop's prefix matches. Folded
// words are lower case already; the news corpora are ASCII, so the escapes
// are rare.
void append_fts5_token(std::string_view word, std::string& out);
std::string fts5_token(std::string_view word);

// The MATCH expression that means what scoop's query means (docs/QUERY.md):
//   word (TermQuery)    stems : "stem"
//   "phrase", word      {title body} : "w1 w2" (title:, title : ...); FTS5
//                       phrases never span columns, as scoop's never span
//                       the title and the body
//   prefix*             {title body} : "prefix" * -- every word starting
//                       with it, where scoop takes the max_prefix_terms most
//                       frequent: counts of prefixes with more words than
//                       that are larger, by design
//   AND, +a             AND
//   plain clauses       OR; next to required clauses, left out: FTS5 has no
//                       clause that only adds to the rank, and they do not
//                       change the matches
//   -a, NOT             NOT
// Throws scoop::Error for what the table cannot answer: title keywords
// (title:word; it has no title stems) and date ranges (it has no dates).
std::string fts5_match(const Query& query);

}  // namespace scoop::bench
