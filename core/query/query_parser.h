#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "query/query.h"
#include "util/error.h"

namespace scoop {

// A query that does not parse. what() shows the query (control characters
// made visible) with a caret under the offending character, ready to print.
class QueryError : public Error {
  public:
    QueryError(std::string_view query, std::size_t offset, const std::string& message);
    const std::string& message() const { return message_; }
    std::size_t offset() const { return offset_; }  // byte offset in the query

  private:
    std::string message_;
    std::size_t offset_;
};

// Bounds on what one query may ask for, so that no query (a pasted
// article, a generated one, a hostile one) can exhaust the stack, the
// memory or the time of the process answering it. Each error names the
// limit; the searcher's options raise the first two.
struct QueryLimits {
    std::size_t max_bytes = 64 * 1024;  // --max-query-bytes
    std::size_t max_terms = 1024;       // --max-query-terms: words, phrase words and prefixes
    // Parentheses inside parentheses. Not an option: it only keeps the
    // parser's and the evaluator's recursion bounded, and no person nests
    // 32 levels deep.
    std::size_t max_depth = 32;
};

struct ParsedQuery {
    Query query;
    // Things ignored or read as text, e.g. a word with no letters, a stray
    // '+' (lenient mode): shown to the user as notes.
    std::vector<std::string> warnings;
};

// How the parser treats syntax that is not well formed.
//   kLenient (the default): a query typed or pasted by a person is always
//     answered. An operator applies only where it is well formed; anything
//     else (a stray '+', '-', '(', ')' or '"', a field scoop does not have,
//     Lucene's boosts and proximity) is read as text or ignored, with a
//     warning saying so. Never silently the opposite of what was written.
//   kStrict: each of those is a QueryError, for scripts that want to know.
// In both modes the limits (QueryLimits), a query with no words and one
// that only excludes are errors: there is nothing to answer.
enum class QuerySyntax { kLenient, kStrict };

// The query language of docs/QUERY.md:
//   words             ranked by BM25; any word may match
//   "exact phrase"    the folded words at consecutive positions
//   a AND b, a OR b   both / either (AND binds tighter than OR); && and || as in Lucene
//   NOT a, -a, !a     excluded; +a required
//   ( ... )           grouping
//   title:word  title:"phrase"  title:pre*
//   date:2009  date:2009-03  date:2009-01-01..2009-12-31  after:2009-01-01  before:2010-01-01
//   prefix*           words starting with prefix (expanded through the dictionary)
// A word that analyses into several (S-300, google.com, a run of Chinese)
// is a phrase of them. Operators are upper case; "and" is a word.
// Nothing is silently reinterpreted: "+-a", '*' inside a phrase and an
// unknown field ("body:a") are errors in strict mode and text with a
// warning in lenient mode, not guesses.
class QueryParser {
  public:
    explicit QueryParser(Analyzer& analyzer, QueryLimits limits = {},
                         QuerySyntax syntax = QuerySyntax::kLenient)
        : analyzer_(analyzer), limits_(limits), syntax_(syntax) {}
    // Throws QueryError.
    ParsedQuery parse(std::string_view query);

  private:
    Analyzer& analyzer_;
    QueryLimits limits_;
    QuerySyntax syntax_;
};

}  // namespace scoop
