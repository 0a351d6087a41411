#pragma once

// The parsed form of a query (docs/QUERY.md). Words are already analysed:
// a TermQuery carries the stem it ranks by, a PhraseQuery the folded words
// it matches exactly.

#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "analysis/article.h"
#include "index/term.h"

namespace scoop {

struct TermQuery {
    Field field = Field::kTitleAndBody;
    std::string word;  // folded: what "did you mean" and snippets look at
    std::string stem;  // what matches and scores
};

// Words at consecutive positions. One word is an exact (unstemmed) match.
// With a slop, Lucene's sloppy phrase ("iran missile"~5): the words in any
// order with at most `slop` moves between them and the phrase as written.
struct PhraseQuery {
    Field field = Field::kTitleAndBody;
    std::vector<std::string> words;
    std::uint32_t slop = 0;
};

// Every word starting with `prefix`, expanded through the dictionary.
struct PrefixQuery {
    Field field = Field::kTitleAndBody;
    std::string prefix;
};

// Every word within `max_edits` edits (1 or 2; Damerau-Levenshtein, in
// code points) of `word`, expanded through the dictionary: "khatamy~1".
struct FuzzyQuery {
    Field field = Field::kTitleAndBody;
    std::string word;  // folded
    std::uint32_t max_edits = 2;
};

// Documents dated in [from, to] (inclusive, seconds since the epoch).
struct DateRangeQuery {
    Timestamp from = std::numeric_limits<Timestamp>::min() + 1;
    Timestamp to = std::numeric_limits<Timestamp>::max();
};

// kFilter: must match, adds no score (date ranges). Unlike kMust it leaves
// kShould clauses required, so "iran date:2009" means iran, within 2009.
enum class Occur { kMust, kShould, kMustNot, kFilter };

// Documents whose source (the agency or site, as extracted) is `source`
// folded as text is: its words, lower-cased, joined by one space. Filters
// only, as a date range does.
struct SourceQuery {
    std::string source;
};

// `boost` multiplies the scores of everything inside: "iran^2" is a
// boolean of one clause with boost 2.
struct BooleanClause;
struct BooleanQuery {
    std::vector<BooleanClause> clauses;
    double boost = 1.0;
};

using Query = std::variant<TermQuery, PhraseQuery, PrefixQuery, FuzzyQuery, DateRangeQuery,
                           SourceQuery, BooleanQuery>;

struct BooleanClause {
    Occur occur = Occur::kShould;
    Query query;
};

// A compact rendering for messages, tests and --explain:
//   (+text~iran -text~clinton), text:"strictly defensive", title~ivanov,
//   text:cosmo*, text:khatamy~1, date:[1230768000..1262303999],
//   text:"arms iran"~3, source:"press tv", (text~iran)^2
std::string to_string(const Query& query);

}  // namespace scoop
