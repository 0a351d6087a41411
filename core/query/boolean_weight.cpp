#include "query/boolean_weight.h"

#include <algorithm>

#include "query/conjunction_scorer.h"
#include "query/disjunction_scorer.h"
#include "query/filtered_scorer.h"
#include "query/optional_scorer.h"

namespace scoop {

BooleanWeight::BooleanWeight(std::vector<Clause> clauses) : clauses_(std::move(clauses)) {}

WeightPtr BooleanWeight::make(WeightContext& context, const BooleanQuery& query) {
    std::vector<Clause> clauses;
    bool any_should = false, live_should = false;
    for (const auto& c : query.clauses) {
        WeightPtr child = create_weight(c.query, context);
        if (c.occur == Occur::kMust || c.occur == Occur::kFilter) {
            if (!child) return nullptr;
        } else if (c.occur == Occur::kShould) {
            any_should = true;
            if (!child) continue;
            live_should = true;
        } else if (!child) {
            continue;  // excluding what never occurs excludes nothing
        }
        clauses.emplace_back(c.occur, std::move(child));
    }
    // Plain clauses are optional only beside a +required one ("+iran
    // missile"); beside filters alone they are what the query searches for
    // ("iran date:2009"), so when none of them occurs nothing matches.
    const bool has_required = std::any_of(clauses.begin(), clauses.end(),
                                          [](const Clause& c) { return c.first == Occur::kMust; });
    if (any_should && !live_should && !has_required) return nullptr;
    if (clauses.size() == 1 && clauses[0].first == Occur::kShould)
        return std::move(clauses[0].second);
    return std::make_unique<BooleanWeight>(std::move(clauses));
}

ScorerPtr BooleanWeight::scorer(const Segment& segment, std::size_t si) const {
    std::vector<ScorerPtr> musts, shoulds, nots;
    std::vector<DocFilterPtr> filters;
    bool had_should = false;
    for (const auto& [occur, child] : clauses_) {
        if (occur == Occur::kFilter)
            if (DocFilterPtr f = child->filter(segment)) {
                filters.push_back(std::move(f));
                continue;
            }
        ScorerPtr s = child->scorer(segment, si);
        switch (occur) {
            case Occur::kMust:
            case Occur::kFilter:
                if (!s) return nullptr;  // a required part matches nothing here
                musts.push_back(std::move(s));
                break;
            case Occur::kShould:
                had_should = true;
                if (s) shoulds.push_back(std::move(s));
                break;
            case Occur::kMustNot:
                if (s) nots.push_back(std::move(s));
                break;
        }
    }
    ScorerPtr required;
    if (!musts.empty()) {
        required = make_conjunction(std::move(musts));
        if (ScorerPtr optional = make_disjunction(std::move(shoulds)))
            required = std::make_unique<OptionalScorer>(std::move(required), std::move(optional));
    } else if (had_should) {
        required = make_disjunction(std::move(shoulds));
        if (!required) return nullptr;
    } else {
        required = all_docs_scorer(segment.doc_count());
    }
    if (ScorerPtr excluded = make_disjunction(std::move(nots)))
        required = std::make_unique<FilteredScorer>(
            std::move(required), std::make_unique<MembershipFilter>(
                                     std::move(excluded), MembershipFilter::Pass::kOthers));
    for (DocFilterPtr& f : filters)
        required = std::make_unique<FilteredScorer>(std::move(required), std::move(f));
    return required;
}

void BooleanWeight::collect_terms(std::size_t si, std::vector<const TermInfo*>& terms) const {
    for (const auto& [occur, child] : clauses_)
        if (occur != Occur::kMustNot) child->collect_terms(si, terms);
}

}  // namespace scoop
