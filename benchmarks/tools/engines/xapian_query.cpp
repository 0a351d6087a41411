#include "engines/xapian_query.h"

#include <algorithm>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engines/clauses_by_occur.h"
#include "engines/xapian_layout.h"
#include "util/error.h"

namespace scoop::bench {
namespace {

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.size() == 1) return parts[0];
    return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

XapianQueryBuilder::XapianQueryBuilder(const Xapian::Database& db, PrefixExpansion expansion,
                                       std::size_t max_prefix_terms)
    : db_(db),
      expansion_(expansion),
      max_prefix_terms_(static_cast<Xapian::termcount>(max_prefix_terms)) {}

Xapian::Query XapianQueryBuilder::operator()(const Query& query) const {
    return std::visit([this](const auto& node) { return translate(node); }, query);
}

Xapian::Query XapianQueryBuilder::translate(const TermQuery& q) const {
    return Xapian::Query(xapian_stem_term(q.field, q.stem));
}

Xapian::Query XapianQueryBuilder::translate(const PhraseQuery& q) const {
    std::vector<std::string> terms;
    for (const std::string& w : q.words) terms.push_back(xapian_word_term(q.field, w));
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    // Xapian's OP_NEAR: every word within a window of that many positions,
    // in any order; close to, not the same as, Lucene's sloppy phrase.
    if (q.slop > 0)
        return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(terms.size() + q.slop));
    // A window as wide as the phrase: the words at consecutive positions
    // (Xapian uses its exact-phrase matcher for this).
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
}

Xapian::Query XapianQueryBuilder::translate(const PrefixQuery& q) const {
    const std::string start = xapian_word_term(q.field, q.prefix);
    if (expansion_ == PrefixExpansion::kWildcard)
        // OP_OR rather than the default OP_SYNONYM: scoop scores an
        // expansion as the sum of its words' scores.
        return Xapian::Query(Xapian::Query::OP_WILDCARD, start, max_prefix_terms_,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::Query::OP_OR);
    std::vector<std::pair<std::string, Xapian::doccount>> words;
    for (auto it = db_.allterms_begin(start); it != db_.allterms_end(start); ++it)
        words.emplace_back(*it, it.get_termfreq());
    if (words.size() > max_prefix_terms_) {
        std::stable_sort(words.begin(), words.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        words.resize(max_prefix_terms_);
    }
    std::vector<Xapian::Query> parts;
    parts.reserve(words.size());
    for (const auto& [w, _] : words) parts.emplace_back(w);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query XapianQueryBuilder::translate(const FuzzyQuery&) const {
    // Xapian 1.4 has no edit-distance query (1.5 adds OP_EDIT_DISTANCE).
    throw Error(
        "xapian engine: fuzzy words (word~) cannot be answered by Xapian 1.4; leave them out "
        "of the query set");
}

Xapian::Query XapianQueryBuilder::translate(const DateRangeQuery&) const {
    throw Error(
        "xapian engine: date ranges (date:, after:, before:) cannot be answered: the benchmark's "
        "Xapian index keeps no dates; leave them out of the query set");
}

Xapian::Query XapianQueryBuilder::translate(const SourceQuery&) const {
    throw Error(
        "xapian engine: source filters (source:) cannot be answered: the benchmark's Xapian "
        "index keeps no sources; leave them out of the query set");
}

Xapian::Query XapianQueryBuilder::translate(const BooleanQuery& q) const {
    auto [required, optional, excluded, filters] =
        clauses_by_occur<Xapian::Query>(q, [this](const Query& clause) { return (*this)(clause); });
    // Plain clauses are required as a group ("iran missile": either) unless
    // required clauses are there ("+iran missile": missile only adds to
    // the score); filters leave them required ("iran date:2009").
    Xapian::Query matched = Xapian::Query::MatchAll;
    if (!required.empty()) {
        matched = combine(Xapian::Query::OP_AND, required);
        if (!optional.empty())
            matched = Xapian::Query(Xapian::Query::OP_AND_MAYBE, matched,
                                    combine(Xapian::Query::OP_OR, optional));
    } else if (!optional.empty()) {
        matched = combine(Xapian::Query::OP_OR, optional);
    }
    if (!filters.empty())
        matched = Xapian::Query(Xapian::Query::OP_FILTER, matched,
                                combine(Xapian::Query::OP_AND, filters));
    if (!excluded.empty())
        matched = Xapian::Query(Xapian::Query::OP_AND_NOT, matched,
                                combine(Xapian::Query::OP_OR, excluded));
    if (q.boost != 1.0) matched = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, matched, q.boost);
    return matched;
}

}  // namespace scoop::bench
