#pragma once

// scoop's parsed Query as the Xapian query that means the same, over the
// terms of xapian_layout.h, so that Xapian matches what scoop matches
// (docs/QUERY.md):
//   word (TermQuery)      its stem: Z + stem (title:word, ZS + stem)
//   "phrase"              the words at consecutive positions (OP_PHRASE
//                         with a window as wide as the phrase); one word is
//                         that exact word (title:, S + words)
//   prefix*               the words starting with it, at most scoop's
//                         max_prefix_terms of them, the most frequent
//                         (ties in byte order), ORed: scoop scores an
//                         expansion as the sum of its words' scores
//   +a, AND               required (OP_AND)
//   plain clauses         any of them (OP_OR); next to required ones they
//                         only add weight (OP_AND_MAYBE)
//   -a, NOT               excluded (OP_AND_NOT)
// Date ranges are refused: the benchmark's Xapian index keeps no dates.

#include <xapian.h>

#include <cstddef>

#include "query/query.h"

namespace scoop::bench {

enum class PrefixExpansion {
    // Expanded here with scoop's exact rule (Searcher::compile): every word
    // with the prefix in byte order, stably sorted by document frequency,
    // the first max_prefix_terms.
    kScoop,
    // OP_WILDCARD limited to the most frequent expansions. It picks among
    // words tied at the last place with nth_element, in no defined order,
    // and so matches a few documents more or fewer than scoop (on
    // Reuters-21578, 15 or 16 of 56 prefix queries, depending on the run).
    kWildcard,
};

class XapianQueryBuilder {
  public:
    XapianQueryBuilder(const Xapian::Database& db, PrefixExpansion expansion,
                       std::size_t max_prefix_terms);

    // Throws scoop::Error for what the index cannot answer (date ranges).
    Xapian::Query operator()(const Query& query) const;

  private:
    Xapian::Query translate(const TermQuery& q) const;
    Xapian::Query translate(const PhraseQuery& q) const;
    Xapian::Query translate(const PrefixQuery& q) const;
    Xapian::Query translate(const FuzzyQuery& q) const;
    Xapian::Query translate(const DateRangeQuery& q) const;
    Xapian::Query translate(const SourceQuery& q) const;
    Xapian::Query translate(const BooleanQuery& q) const;

    const Xapian::Database& db_;
    PrefixExpansion expansion_;
    Xapian::termcount max_prefix_terms_;
};

}  // namespace scoop::bench
