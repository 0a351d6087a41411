#include "query/weight.h"

#include "query/boolean_weight.h"
#include "query/date_range_weight.h"
#include "query/fuzzy_weight.h"
#include "query/phrase_weight.h"
#include "query/prefix_weight.h"
#include "query/source_weight.h"
#include "query/term_weight.h"

namespace scoop {

WeightPtr create_weight(const Query& query, WeightContext& context) {
    if (const auto* t = std::get_if<TermQuery>(&query))
        return TermWeight::make(context, t->field, term_key(stem_kind(t->field), t->stem));
    if (const auto* p = std::get_if<PhraseQuery>(&query)) return PhraseWeight::make(context, *p);
    if (const auto* x = std::get_if<PrefixQuery>(&query)) return make_prefix_weight(context, *x);
    if (const auto* f = std::get_if<FuzzyQuery>(&query)) return make_fuzzy_weight(context, *f);
    if (const auto* d = std::get_if<DateRangeQuery>(&query))
        return std::make_unique<DateRangeWeight>(d->from, d->to);
    if (const auto* s = std::get_if<SourceQuery>(&query)) return SourceWeight::make(context, *s);
    const auto& boolean = std::get<BooleanQuery>(query);
    if (boolean.boost == 1.0) return BooleanWeight::make(context, boolean);
    // The boost reaches every score inside through the BM25 parameters.
    const double outer = context.bm25.boost;
    context.bm25.boost = outer * boolean.boost;
    WeightPtr weight = BooleanWeight::make(context, boolean);
    context.bm25.boost = outer;
    return weight;
}

}  // namespace scoop
