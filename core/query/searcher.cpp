#include "query/searcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "analysis/common_words.h"
#include "query/boolean_scorers.h"
#include "query/conjunction_scorer.h"
#include "query/disjunction_scorer.h"
#include "query/phrase_scorer.h"
#include "query/query_parser.h"
#include "query/term_scorer.h"
#include "query/top_k.h"

namespace scoop {

struct Searcher::Plan {
    enum class Kind { kNothing, kTerm, kPhrase, kBoolean, kDateRange } kind = Kind::kNothing;
    // kTerm: one list, and where it is in each segment (looked up once).
    std::string key;
    TermWeight weight;
    std::vector<std::optional<TermInfo>> infos;
    // kPhrase: the lists of its parts (words and word pairs), their offsets
    // in the phrase, and per segment where they are; kTerm and kPhrase:
    // their field.
    std::vector<std::string> keys;
    std::vector<std::vector<std::uint32_t>> offsets;               // per key, increasing
    std::vector<std::vector<std::optional<TermInfo>>> part_infos;  // [segment][part]
    Field field = Field::kTitleAndBody;
    // kBoolean
    std::vector<std::pair<Occur, std::unique_ptr<Plan>>> clauses;
    // kDateRange
    Timestamp from = 0, to = 0;
};

namespace {

using Plan = Searcher::Plan;

std::unique_ptr<Plan> nothing() {
    return std::make_unique<Plan>();
}

ScorerPtr build(const Plan& plan, const Segment& segment, std::size_t si);

ScorerPtr combine_any(std::vector<ScorerPtr> scorers) {
    if (scorers.empty()) return nullptr;
    if (scorers.size() == 1) return std::move(scorers.front());
    return std::make_unique<DisjunctionScorer>(std::move(scorers));
}

ScorerPtr build_boolean(const Plan& plan, const Segment& segment, std::size_t si) {
    std::vector<ScorerPtr> musts, shoulds, nots;
    std::vector<const Plan*> filters;
    bool had_should = false;
    for (const auto& [occur, child] : plan.clauses) {
        if (occur == Occur::kFilter && child->kind == Plan::Kind::kDateRange) {
            filters.push_back(child.get());
            continue;
        }
        ScorerPtr s = build(*child, segment, si);
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
        required = musts.size() == 1 ? std::move(musts.front())
                                     : std::make_unique<ConjunctionScorer>(std::move(musts));
        if (ScorerPtr optional = combine_any(std::move(shoulds)))
            required = std::make_unique<ReqOptScorer>(std::move(required), std::move(optional));
    } else if (had_should) {
        required = combine_any(std::move(shoulds));
        if (!required) return nullptr;
    } else {
        required = std::make_unique<AllDocsScorer>(segment.doc_count());
    }
    if (ScorerPtr excluded = combine_any(std::move(nots)))
        required = std::make_unique<ReqExclScorer>(std::move(required), std::move(excluded));
    for (const Plan* f : filters)
        required =
            std::make_unique<DateFilterScorer>(std::move(required), segment.docs(), f->from, f->to);
    return required;
}

ScorerPtr build(const Plan& plan, const Segment& segment, std::size_t si) {
    switch (plan.kind) {
        case Plan::Kind::kNothing:
            return nullptr;
        case Plan::Kind::kTerm: {
            const auto& info = plan.infos[si];
            if (!info) return nullptr;
            return std::make_unique<TermScorer>(ScoredList{segment.postings(*info), plan.weight,
                                                           plan.field, describe_key(plan.key)},
                                                segment.docs());
        }
        case Plan::Kind::kPhrase: {
            std::vector<PhraseScorer::Part> parts;
            for (std::size_t i = 0; i < plan.keys.size(); ++i) {
                const auto& info = plan.part_infos[si][i];
                if (!info) return nullptr;
                parts.push_back({segment.postings(*info), plan.offsets[i]});
            }
            return std::make_unique<PhraseScorer>(std::move(parts), plan.weight, plan.field,
                                                  segment.docs(), plan.key);
        }
        case Plan::Kind::kBoolean:
            return build_boolean(plan, segment, si);
        case Plan::Kind::kDateRange:
            return std::make_unique<DateFilterScorer>(
                std::make_unique<AllDocsScorer>(segment.doc_count()), segment.docs(), plan.from,
                plan.to);
    }
    return nullptr;
}

double elapsed_ms(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// The posting lists of the plan's positive terms and phrase words in one
// segment: where the best documents are likely to be.
void collect_terms(const Plan& plan, std::size_t si, std::vector<const TermInfo*>& terms) {
    if (plan.kind == Plan::Kind::kTerm && plan.infos[si]) terms.push_back(&*plan.infos[si]);
    if (plan.kind == Plan::Kind::kPhrase)
        for (const auto& info : plan.part_infos[si])
            if (info) terms.push_back(&*info);
    for (const auto& [occur, child] : plan.clauses)
        if (occur != Occur::kMustNot) collect_terms(*child, si, terms);
}

// Seeds the top k with the exact scores of the documents where the query's
// terms score best (their champion lists), so that block-max pruning has a
// high threshold from the first block on instead of one that creeps up in
// document order. Returns the global numbers of the documents inserted.
std::vector<std::uint64_t> seed_with_champions(const Plan& plan, const Segment& segment,
                                               std::size_t si, std::uint64_t base, TopK& top) {
    std::vector<const TermInfo*> terms;
    collect_terms(plan, si, terms);
    std::vector<std::uint32_t> candidates;
    for (const TermInfo* info : terms)
        if (info->champion_bytes > 0) {
            const auto docs = segment.postings(*info).champions();
            candidates.insert(candidates.end(), docs.begin(), docs.end());
        }
    std::vector<std::uint64_t> seeded;
    if (candidates.empty()) return seeded;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    ScorerPtr probe = build(plan, segment, si);
    if (!probe) return seeded;
    for (const std::uint32_t d : candidates) {
        probe->advance(d);
        if (probe->doc() == kEndDoc) break;
        if (probe->doc() != d || segment.deleted(d)) continue;
        const double score = probe->score();
        if (top.insert(score, base + d, score)) seeded.push_back(base + d);
    }
    return seeded;
}

void collect_words(const Query& q, std::vector<std::pair<Field, std::string>>& out) {
    if (const auto* t = std::get_if<TermQuery>(&q))
        out.emplace_back(t->field, t->word);
    else if (const auto* p = std::get_if<PhraseQuery>(&q))
        for (const auto& w : p->words) out.emplace_back(p->field, w);
    else if (const auto* b = std::get_if<BooleanQuery>(&q))
        for (const auto& c : b->clauses)
            if (c.occur != Occur::kMustNot) collect_words(c.query, out);
}

}  // namespace

Searcher::Searcher(std::shared_ptr<const IndexReader> reader)
    : reader_(std::move(reader)),
      analyzer_(reader_->manifest().language),
      stored_caches_(reader_->segments().size()) {}

Searcher::~Searcher() = default;

std::unique_ptr<Searcher::Plan> Searcher::compile(const Query& query, const SearchOptions& options,
                                                  std::vector<std::string>& warnings) {
    const IndexReader& r = *reader_;
    const std::uint64_t n = r.doc_count();
    // A key's entry in each segment, and its document frequency in all.
    auto lookup = [&](const std::string& key, std::vector<std::optional<TermInfo>>& infos) {
        std::uint64_t df = 0;
        for (const auto& segment : r.segments()) {
            infos.push_back(segment->find(key));
            if (infos.back()) df += infos.back()->df;
        }
        return df;
    };
    auto term_plan = [&](Field field, const std::string& key) {
        auto p = std::make_unique<Plan>();
        const std::uint64_t df = lookup(key, p->infos);
        if (df == 0) return nothing();
        p->kind = Plan::Kind::kTerm;
        p->field = field;
        p->key = key;
        p->weight = TermWeight(bm25_idf(df, n), options.bm25, r.average_length(field));
        return p;
    };

    if (const auto* t = std::get_if<TermQuery>(&query))
        return term_plan(t->field, term_key(stem_kind(t->field), t->stem));

    if (const auto* p = std::get_if<PhraseQuery>(&query)) {
        const std::vector<std::string>& words = p->words;
        if (words.size() == 1) return term_plan(p->field, term_key(word_kind(p->field), words[0]));
        auto plan = std::make_unique<Plan>();
        plan->kind = Plan::Kind::kPhrase;
        plan->field = p->field;
        plan->part_infos.resize(r.segments().size());
        // Each distinct list is looked up and read once, whatever the
        // phrase repeats: "mln mln mln" is one part at offsets 0, 1 and 2.
        std::map<std::string, std::pair<std::size_t, std::uint64_t>> parts;  // key: (part, df)
        auto add_part = [&](std::string key, std::size_t offset) {
            const auto known = parts.find(key);
            if (known != parts.end()) {
                plan->offsets[known->second.first].push_back(static_cast<std::uint32_t>(offset));
                return known->second.second;
            }
            std::vector<std::optional<TermInfo>> infos;
            const std::uint64_t df = lookup(key, infos);
            for (std::size_t si = 0; si < infos.size(); ++si)
                plan->part_infos[si].push_back(infos[si]);
            parts.emplace(key, std::pair{plan->keys.size(), df});
            plan->keys.push_back(std::move(key));
            plan->offsets.push_back({static_cast<std::uint32_t>(offset)});
            return df;
        };
        std::map<std::string, std::uint64_t> word_dfs;
        auto word_df = [&](const std::string& key) {
            const auto [it, fresh] = word_dfs.try_emplace(key, 0);
            if (fresh) it->second = r.doc_freq(key);
            return it->second;
        };
        // The index keeps every adjacent pair with a common word in it, at
        // the first word's positions: such pairs replace their words' long
        // lists, and the words no pair covers take part on their own.
        std::vector<bool> covered(words.size(), false);
        for (std::size_t i = 0; i + 1 < words.size(); ++i)
            if (is_common_word(words[i]) || is_common_word(words[i + 1])) {
                if (add_part(term_key(pair_kind(p->field), pair_text(words[i], words[i + 1])), i) ==
                    0)
                    return nothing();
                covered[i] = covered[i + 1] = true;
            }
        double idf = 0;
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::string key = term_key(word_kind(p->field), words[i]);
            const std::uint64_t df = covered[i] ? word_df(key) : add_part(key, i);
            if (df == 0) return nothing();
            idf += bm25_idf(df, n);
        }
        plan->weight = TermWeight(idf, options.bm25, r.average_length(p->field));
        if (plan->keys.size() == 1 && plan->offsets[0].size() == 1) {
            // One pair: its list is the phrase's, frequencies and all.
            plan->kind = Plan::Kind::kTerm;
            plan->key = std::move(plan->keys.front());
            for (auto& segment_parts : plan->part_infos) plan->infos.push_back(segment_parts[0]);
            plan->keys.clear();
            plan->offsets.clear();
            plan->part_infos.clear();
            return plan;
        }
        std::string joined;
        for (const auto& w : words) joined.append(joined.empty() ? "" : " ").append(w);
        plan->key = describe_phrase(p->field, joined);
        return plan;
    }

    if (const auto* x = std::get_if<PrefixQuery>(&query)) {
        const std::string prefix = term_key(word_kind(x->field), x->prefix);
        std::map<std::string, std::uint64_t> expansions;
        for (const auto& segment : r.segments())
            for (auto it = segment->dictionary().seek(prefix);
                 it.valid() && it.key().starts_with(prefix); it.next())
                expansions[std::string(key_text(it.key()))] += it.info().df;
        std::vector<std::pair<std::string, std::uint64_t>> words(expansions.begin(),
                                                                 expansions.end());
        if (words.size() > options.max_prefix_terms) {
            std::stable_sort(words.begin(), words.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
            warnings.push_back(fmt::format("{}* matches {} words; searched the {} most frequent",
                                           x->prefix, words.size(), options.max_prefix_terms));
            words.resize(options.max_prefix_terms);
        }
        if (words.empty()) return nothing();
        auto plan = std::make_unique<Plan>();
        plan->kind = Plan::Kind::kBoolean;
        for (const auto& [w, _] : words)
            plan->clauses.emplace_back(Occur::kShould,
                                       term_plan(x->field, term_key(word_kind(x->field), w)));
        return plan;
    }

    if (const auto* d = std::get_if<DateRangeQuery>(&query)) {
        auto plan = std::make_unique<Plan>();
        plan->kind = Plan::Kind::kDateRange;
        plan->from = d->from;
        plan->to = d->to;
        return plan;
    }

    const auto& b = std::get<BooleanQuery>(query);
    auto plan = std::make_unique<Plan>();
    plan->kind = Plan::Kind::kBoolean;
    bool any_should = false, live_should = false;
    for (const auto& c : b.clauses) {
        auto child = compile(c.query, options, warnings);
        const bool empty = child->kind == Plan::Kind::kNothing;
        if (c.occur == Occur::kMust || c.occur == Occur::kFilter) {
            if (empty) return nothing();
        } else if (c.occur == Occur::kShould) {
            any_should = true;
            if (empty) continue;
            live_should = true;
        } else if (empty) {
            continue;  // excluding what never occurs excludes nothing
        }
        plan->clauses.emplace_back(c.occur, std::move(child));
    }
    // Plain clauses are optional only beside a +required one ("+iran
    // missile"); beside filters alone they are what the query searches for
    // ("iran date:2009"), so when none of them occurs nothing matches.
    const bool has_required = std::any_of(plan->clauses.begin(), plan->clauses.end(),
                                          [](const auto& c) { return c.first == Occur::kMust; });
    if (any_should && !live_should && !has_required) return nothing();
    if (plan->clauses.size() == 1 && plan->clauses[0].first == Occur::kShould)
        return std::move(plan->clauses[0].second);
    return plan;
}

void validate(const SearchOptions& o) {
    if (o.limit > kMaxResultWindow || o.offset > kMaxResultWindow - o.limit)
        throw Error(fmt::format(
            "--offset {} with --limit {} reaches past result {}: at most {} results can be paged "
            "through (narrow the query, or page by date with --sort date and before:DATE)",
            o.offset, o.limit, kMaxResultWindow, kMaxResultWindow));
    if (!std::isfinite(o.bm25.k1) || o.bm25.k1 < 0 || o.bm25.k1 > 100)
        throw Error(fmt::format("--k1 must be a number from 0 to 100, not {}", o.bm25.k1));
    if (!std::isfinite(o.bm25.b) || o.bm25.b < 0 || o.bm25.b > 1)
        throw Error(fmt::format("--b must be a number from 0 to 1, not {}", o.bm25.b));
    if (o.snippet_width < 1 || o.snippet_width > 10'000)
        throw Error(
            fmt::format("--snippet-width must be from 1 to 10000, not {}", o.snippet_width));
    if (o.max_prefix_terms < 1 || o.max_prefix_terms > o.limits.max_terms)
        throw Error(
            fmt::format("--max-prefix-terms must be from 1 to {} (--max-query-terms), not {}",
                        o.limits.max_terms, o.max_prefix_terms));
}

SearchResult Searcher::search(std::string_view query_text, const SearchOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    validate(options);
    SearchResult result;
    ParsedQuery parsed = QueryParser(analyzer_, options.limits).parse(query_text);
    result.parsed = to_string(parsed.query);
    result.warnings = std::move(parsed.warnings);
    const std::unique_ptr<Plan> plan = compile(parsed.query, options, result.warnings);

    const bool by_score = options.sort == SortOrder::kRelevance;
    const bool may_prune = by_score && !options.exhaustive && !options.exact_total;
    TopK top(options.offset + options.limit);
    bool pruned = false;
    const auto& segments = reader_->segments();
    for (std::size_t si = 0; si < segments.size(); ++si) {
        const Segment& segment = *segments[si];
        ScorerPtr scorer = build(*plan, segment, si);
        if (!scorer) continue;
        const std::uint64_t base = reader_->doc_base(si);
        const std::vector<std::uint64_t> seeded =
            may_prune ? seed_with_champions(*plan, segment, si, base, top)
                      : std::vector<std::uint64_t>{};
        if (pruned && top.full()) scorer->set_min_competitive_score(top.threshold());
        for (; scorer->doc() != kEndDoc; scorer->next()) {
            const std::uint32_t d = scorer->doc();
            if (segment.deleted(d)) continue;
            ++result.total;
            if (!seeded.empty() && std::binary_search(seeded.begin(), seeded.end(), base + d))
                continue;  // in already
            const double score = scorer->score();
            if (by_score) {
                const bool entered = top.insert(score, base + d, score);
                // Prune once enough matches are counted exactly.
                const bool start =
                    may_prune && !pruned && result.total >= options.exact_total_up_to;
                if ((entered || start) && (pruned || start) && top.full()) {
                    scorer->set_min_competitive_score(top.threshold());
                    pruned = true;
                }
            } else {
                const Timestamp date = segment.docs().date(d);
                const double key = date == kNoDate ? -std::numeric_limits<double>::infinity()
                                                   : static_cast<double>(date);
                top.insert(key, base + d, score);
            }
        }
    }
    result.total_is_exact = !pruned;

    // Materialise the requested page.
    const auto entries = top.sorted();
    const HighlightTerms terms = highlight_terms(parsed.query);
    for (std::size_t i = options.offset; i < entries.size(); ++i) {
        Hit hit;
        hit.doc = entries[i].doc;
        hit.score = entries[i].score;
        std::size_t si = 0;
        while (si + 1 < segments.size() && reader_->doc_base(si + 1) <= hit.doc) ++si;
        const auto local = static_cast<std::uint32_t>(hit.doc - reader_->doc_base(si));
        if (options.load_documents)
            hit.document = segments[si]->stored().document(local, stored_caches_[si],
                                                           options.snippets, kSnippetScanBytes);
        if (options.snippets && options.load_documents) {
            const std::string& text =
                hit.document.body.empty() ? hit.document.title : hit.document.body;
            hit.snippet = make_snippet(analyzer_, text, terms, options.snippet_width);
        }
        if (options.explain) {
            ScorerPtr s = build(*plan, *segments[si], si);
            if (s) {
                s->advance(local);
                if (s->doc() == local) s->explain(hit.explanation);
            }
        }
        result.hits.push_back(std::move(hit));
    }
    if (result.total == 0 && options.suggest) result.suggestions = suggestions(parsed.query);
    result.took_ms = elapsed_ms(start);
    return result;
}

std::uint64_t Searcher::count(std::string_view query_text, const SearchOptions& options) {
    validate(options);
    ParsedQuery parsed = QueryParser(analyzer_, options.limits).parse(query_text);
    std::vector<std::string> warnings;
    const std::unique_ptr<Plan> plan = compile(parsed.query, options, warnings);
    std::uint64_t total = 0;
    for (std::size_t si = 0; si < reader_->segments().size(); ++si) {
        const Segment& segment = *reader_->segments()[si];
        ScorerPtr scorer = build(*plan, segment, si);
        if (!scorer) continue;
        for (; scorer->doc() != kEndDoc; scorer->next()) total += !segment.deleted(scorer->doc());
    }
    return total;
}

std::vector<Suggestion> Searcher::suggestions(const Query& query) {
    std::vector<std::pair<Field, std::string>> words;
    collect_words(query, words);
    // Each look-up walks the dictionaries near one word: a pasted query of
    // a thousand unknown words gets suggestions for the first few only.
    constexpr std::size_t kMaxLookups = 8;
    std::vector<Suggestion> out;
    std::vector<std::string> tried;
    for (const auto& [field, word] : words) {
        if (tried.size() == kMaxLookups) break;
        if (std::find(tried.begin(), tried.end(), word) != tried.end()) continue;
        if (reader_->doc_freq(term_key(word_kind(field), word)) > 0) continue;
        tried.push_back(word);
        std::string correction = closest_indexed_word(*reader_, field, word);
        if (!correction.empty()) out.push_back({word, std::move(correction)});
    }
    return out;
}

}  // namespace scoop
