// Property tests of query evaluation: on random corpora drawn from a Zipf
// vocabulary, every kind of query is evaluated by the engine and by a
// brute-force model written from the query semantics alone. The matching
// sets must be equal, every score must equal the model's BM25 to 1e-6
// relative, and the pruned top 10 must equal the exhaustive top 10. One
// corpus is split over two indexes searched together: the same model, so
// the same matches, scores and order as one index holding every document.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <random>

#include "analysis/analyzer.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "ingest/document_analysis.h"
#include "query/common_word_weight.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "random_corpus.h"
#include "test_util.h"

namespace scoop {
namespace {

using testing::make_vocabulary;
using testing::Zipf;

// Optimal string alignment distance by the full table: the reference the
// engine's dictionary walk (edit_distance_walk.h) is checked against. The
// test vocabulary is ASCII, so bytes are code points.
std::size_t osa_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

struct ModelDoc {
    bool deleted = false;
    Timestamp date = kNoDate;
    std::vector<std::string> sources;  // folded: the source's names
    // Per field: words with positions, stem frequencies, length.
    std::array<std::map<std::string, std::vector<std::uint32_t>>, kFieldCount> words;
    std::array<std::map<std::string, std::uint32_t>, kFieldCount> stems;
    std::array<std::uint32_t, kFieldCount> length{};
};

struct Model {
    std::vector<ModelDoc> docs;
    std::uint32_t title_weight = 2;
    Bm25Params params;

    // Statistics over every document, deleted ones too, as the index keeps them.
    std::array<std::map<std::string, std::uint64_t>, kFieldCount> stem_df, word_df;
    std::array<double, kFieldCount> average{};

    void finish() {
        for (std::size_t f = 0; f < kFieldCount; ++f) {
            double total = 0;
            for (const auto& d : docs) {
                total += d.length[f];
                for (const auto& [s, _] : d.stems[f]) ++stem_df[f][s];
                for (const auto& [w, _] : d.words[f]) ++word_df[f][w];
            }
            average[f] = total / static_cast<double>(docs.size());
        }
    }
    std::uint64_t n() const { return docs.size(); }
    double avg(Field f) const { return average[static_cast<std::size_t>(f)]; }
    std::uint64_t df_stem(Field f, const std::string& s) const {
        const auto& m = stem_df[static_cast<std::size_t>(f)];
        const auto it = m.find(s);
        return it == m.end() ? 0 : it->second;
    }
    std::uint64_t df_word(Field f, const std::string& w) const {
        const auto& m = word_df[static_cast<std::size_t>(f)];
        const auto it = m.find(w);
        return it == m.end() ? 0 : it->second;
    }
    double bm25(double idf, double boost, Field f, std::uint32_t tf, std::uint32_t len) const {
        const double k1 = params.k1, b = params.b;
        return idf * boost * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg(f)));
    }
    double idf(std::uint64_t df) const { return bm25_idf(df, n()); }

    // Score of a word or stem list, as the engine defines it.
    std::optional<double> term(const ModelDoc& d, Field f, bool exact, const std::string& t) const {
        const auto fi = static_cast<std::size_t>(f);
        std::uint32_t tf = 0;
        if (exact) {
            const auto it = d.words[fi].find(t);
            if (it != d.words[fi].end()) tf = static_cast<std::uint32_t>(it->second.size());
        } else {
            const auto it = d.stems[fi].find(t);
            if (it != d.stems[fi].end()) tf = it->second;
        }
        if (tf == 0) return std::nullopt;
        return bm25(idf(exact ? df_word(f, t) : df_stem(f, t)), 1.0, f, tf, d.length[fi]);
    }

    std::optional<double> eval(const ModelDoc& d, const Query& q) const {
        if (const auto* t = std::get_if<TermQuery>(&q)) return term(d, t->field, false, t->stem);
        if (const auto* p = std::get_if<PhraseQuery>(&q)) {
            if (p->words.size() == 1) return term(d, p->field, true, p->words[0]);
            if (p->slop > 0) return sloppy(d, *p);
            const auto fi = static_cast<std::size_t>(p->field);
            const auto first = d.words[fi].find(p->words[0]);
            if (first == d.words[fi].end()) return std::nullopt;
            std::uint32_t freq = 0;
            for (std::uint32_t start : first->second) {
                bool all = true;
                for (std::size_t i = 1; i < p->words.size() && all; ++i) {
                    const auto it = d.words[fi].find(p->words[i]);
                    all = it != d.words[fi].end() &&
                          std::count(it->second.begin(), it->second.end(),
                                     start + static_cast<std::uint32_t>(i));
                }
                freq += all;
            }
            if (freq == 0) return std::nullopt;
            double idf_sum = 0;
            for (const auto& w : p->words) idf_sum += idf(df_word(p->field, w));
            return bm25(idf_sum, 1.0, p->field, freq, d.length[fi]);
        }
        if (const auto* x = std::get_if<PrefixQuery>(&q)) {
            const auto fi = static_cast<std::size_t>(x->field);
            std::optional<double> s;
            for (const auto& [w, _] : d.words[fi])
                if (w.starts_with(x->prefix)) s = s.value_or(0) + *term(d, x->field, true, w);
            return s;
        }
        if (const auto* f = std::get_if<FuzzyQuery>(&q)) {
            const auto fi = static_cast<std::size_t>(f->field);
            std::optional<double> s;
            for (const auto& [w, _] : d.words[fi])
                if (osa_distance(w, f->word) <= f->max_edits)
                    s = s.value_or(0) + *term(d, f->field, true, w);
            return s;
        }
        if (const auto* s = std::get_if<SourceQuery>(&q)) {
            if (std::find(d.sources.begin(), d.sources.end(), s->source) == d.sources.end())
                return std::nullopt;
            return 0.0;
        }
        if (const auto* r = std::get_if<DateRangeQuery>(&q)) {
            if (d.date == kNoDate || d.date < r->from || d.date > r->to) return std::nullopt;
            return 0.0;
        }
        const auto& b = std::get<BooleanQuery>(q);
        bool any_must = false, any_should = false, matched_should = false;
        double s = 0;
        for (const auto& c : b.clauses) {
            const auto v = eval(d, c.query);
            switch (c.occur) {
                case Occur::kMust:
                    any_must = true;
                    if (!v) return std::nullopt;
                    s += *v;
                    break;
                case Occur::kFilter:
                    if (!v) return std::nullopt;
                    break;
                case Occur::kMustNot:
                    if (v) return std::nullopt;
                    break;
                case Occur::kShould:
                    any_should = true;
                    if (v) {
                        matched_should = true;
                        s += *v;
                    }
                    break;
            }
        }
        if (!any_must && any_should && !matched_should) return std::nullopt;
        return s * b.boost;
    }

    // Lucene's sloppy phrase, written out plainly: each distinct word at its
    // first offset; repeatedly the word furthest behind (position less
    // offset; the earlier word on ties) moves on; a match ends when it
    // passes the next word behind, and counts 1 / (1 + spread) when the
    // spread is within the slop; the sweep stops when a word runs out.
    std::optional<double> sloppy(const ModelDoc& d, const PhraseQuery& p) const {
        const auto fi = static_cast<std::size_t>(p.field);
        std::vector<std::string> words;
        std::vector<std::int64_t> offsets;
        for (std::size_t i = 0; i < p.words.size(); ++i)
            if (std::find(words.begin(), words.end(), p.words[i]) == words.end()) {
                words.push_back(p.words[i]);
                offsets.push_back(static_cast<std::int64_t>(i));
            }
        std::vector<const std::vector<std::uint32_t>*> lists;
        for (const auto& w : words) {
            const auto it = d.words[fi].find(w);
            if (it == d.words[fi].end()) return std::nullopt;
            lists.push_back(&it->second);
        }
        std::vector<std::size_t> at(words.size(), 0);
        auto rel = [&](std::size_t k) { return std::int64_t{(*lists[k])[at[k]]} - offsets[k]; };
        auto min_index = [&](std::size_t except) {
            std::size_t best = words.size();
            for (std::size_t k = 0; k < words.size(); ++k)
                if (k != except && (best == words.size() || rel(k) < rel(best))) best = k;
            return best;
        };
        std::int64_t end = INT64_MIN;
        for (std::size_t k = 0; k < words.size(); ++k) end = std::max(end, rel(k));
        double freq = 0;
        std::size_t cur = min_index(words.size());
        std::int64_t distance = end - rel(cur);
        const auto slop = static_cast<std::int64_t>(p.slop);
        while (++at[cur] < lists[cur]->size()) {
            end = std::max(end, rel(cur));
            const std::int64_t next = rel(min_index(cur));
            if (rel(cur) > next) {
                if (distance <= slop) freq += 1.0 / (1.0 + static_cast<double>(distance));
                cur = min_index(words.size());
                distance = end - rel(cur);
            } else {
                distance = std::min(distance, end - rel(cur));
            }
        }
        if (distance <= slop) freq += 1.0 / (1.0 + static_cast<double>(distance));
        if (freq == 0) return std::nullopt;
        double idf_sum = 0;
        for (const auto& w : words) idf_sum += idf(df_word(p.field, w));
        const double k1 = params.k1, b = params.b;
        return idf_sum * freq * (k1 + 1) / (freq + k1 * (1 - b + b * d.length[fi] / avg(p.field)));
    }
};

struct Corpus {
    testing::TempDir dir;
    // With two indexes: the later documents are in `second`, and queries
    // search both as one (IndexReader::combine), against the same model.
    testing::TempDir second;
    bool two_indexes = false;
    Model model;
    std::vector<std::string> vocabulary;
    std::vector<std::vector<std::string>> bodies;  // for phrase queries that occur
    std::vector<std::vector<std::string>> titles;
};

// Builds an index of `n` documents in several segments, deletes some;
// with `two_indexes`, the first 40% in one index and the rest in another.
std::unique_ptr<Corpus> build_corpus(std::uint32_t seed, std::size_t n, std::uint32_t title_weight,
                                     bool two_indexes = false) {
    auto c = std::make_unique<Corpus>();
    c->two_indexes = two_indexes;
    c->model.title_weight = title_weight;
    std::mt19937 rng(seed);
    c->vocabulary = make_vocabulary(rng, 400);
    const Zipf zipf(c->vocabulary.size(), 1.0);
    Analyzer analyzer;
    {
        WriterOptions options;
        options.ram_budget_bytes = 200 * 1024;  // several segments
        options.title_weight = title_weight;
        IndexWriter first(c->dir.str(), options);
        std::optional<IndexWriter> second;
        if (two_indexes) second.emplace(c->second.str(), options);
        const std::size_t in_first = two_indexes ? n * 2 / 5 : n;
        std::vector<std::uint64_t> file_ids;
        for (std::size_t i = 0; i < n; ++i) {
            IndexWriter& writer = i < in_first ? first : *second;
            Article a;
            auto words = [&](std::size_t count) {
                std::vector<std::string> out;
                for (std::size_t k = 0; k < count; ++k) out.push_back(c->vocabulary[zipf(rng)]);
                return out;
            };
            const auto title = words(2 + rng() % 6);
            auto body = words(5 + rng() % (i % 10 == 0 ? 400 : 60));
            if (rng() % 8 == 0) {
                // Runs of one word ("mln mln mln"), for phrases that repeat words.
                const std::string w = c->vocabulary[rng() % 12];
                const std::size_t at = rng() % body.size();
                body.insert(body.begin() + static_cast<std::ptrdiff_t>(at), 2 + rng() % 5, w);
            }
            for (const auto& w : title) a.title += w + " ";
            for (const auto& w : body) a.body += w + " ";
            a.date = rng() % 8 == 0
                         ? kNoDate
                         : static_cast<Timestamp>(946684800 + (rng() % (20 * 365)) * 86400);
            a.path = "/doc/" + std::to_string(i);
            // Sources: one agency, two, or none.
            static const char* const kSources[] = {"",        "Reuters",  "AP, Reuters",
                                                   "PressTV", "Press TV", "AFP"};
            a.source = kSources[rng() % std::size(kSources)];
            c->bodies.push_back(body);
            c->titles.push_back(title);

            file_ids.push_back(writer.new_file_id());
            AnalyzedDocument doc = analyze_article(analyzer, a, file_ids.back());
            ModelDoc m;
            m.date = a.date;
            if (a.source == "AP, Reuters")
                m.sources = {"ap reuters", "ap", "reuters"};
            else if (!a.source.empty())
                m.sources = {analyzer.folded_words(a.source)};
            const std::uint32_t offset = static_cast<std::uint32_t>(doc.title.size()) + kFieldGap;
            for (const auto t : doc.title) {
                m.words[0][std::string(t.word)].push_back(t.position);
                m.stems[0][std::string(t.stem)] +=
                    title_weight;  // title words count extra in the text stems
                m.words[1][std::string(t.word)].push_back(t.position);
                m.stems[1][std::string(t.stem)]++;
            }
            for (const auto t : doc.body) {
                m.words[0][std::string(t.word)].push_back(offset + t.position);
                m.stems[0][std::string(t.stem)]++;
            }
            m.length[0] =
                static_cast<std::uint32_t>(title_weight * doc.title.size() + doc.body.size());
            m.length[1] = static_cast<std::uint32_t>(doc.title.size());
            c->model.docs.push_back(std::move(m));
            writer.add(doc);
        }
        first.commit();
        if (second) second->commit();
        // Delete every seventh document (each is its own "file").
        for (std::size_t i = 3; i < n; i += 7) {
            (i < in_first ? first : *second).delete_file_documents(file_ids[i]);
            c->model.docs[i].deleted = true;
        }
        first.commit();
        if (second) second->commit();
    }
    c->model.finish();
    return c;
}

std::string random_query(std::mt19937& rng, const Corpus& c) {
    const auto& v = c.vocabulary;
    auto word = [&] {
        // Mostly common words, sometimes rare ones.
        const std::size_t i = rng() % 3 == 0 ? rng() % v.size() : rng() % 30;
        return v[i];
    };
    auto phrase_of = [&](const std::vector<std::vector<std::string>>& texts) {
        const auto& body = texts[rng() % texts.size()];
        const std::size_t len = 2 + rng() % 2;
        if (body.size() < len) return "\"" + body[0] + "\"";
        const std::size_t start = rng() % (body.size() - len + 1);
        std::string p = "\"";
        for (std::size_t k = 0; k < len; ++k) p += (k ? " " : "") + body[start + k];
        return p + "\"";
    };
    auto phrase = [&] { return phrase_of(c.bodies); };
    auto date = [&] {
        const int y = 2000 + static_cast<int>(rng() % 20);
        switch (rng() % 3) {
            case 0:
                return "date:" + std::to_string(y);
            case 1:
                return "after:" + std::to_string(y) + "-06-01";
            default:
                return "date:" + std::to_string(y) + "-01-01.." + std::to_string(y + 3) + "-12-31";
        }
    };
    auto repeated = [&](std::size_t times) {
        const std::string w = v[rng() % 12];
        std::string p = "\"";
        for (std::size_t k = 0; k < times; ++k) p += (k ? " " : "") + w;
        return p + "\"";
    };
    // A word with one or two random edits: a misspelling to search fuzzily.
    auto misspelt = [&] {
        std::string w = word();
        const std::string letters = "bcdfghklmnprstvaeiou";
        for (std::size_t e = 1 + rng() % 2; e > 0 && w.size() > 1; --e) {
            const std::size_t at = rng() % w.size();
            switch (rng() % 4) {
                case 0:
                    w[at] = letters[rng() % letters.size()];
                    break;
                case 1:
                    w.erase(at, 1);
                    break;
                case 2:
                    w.insert(at, 1, letters[rng() % letters.size()]);
                    break;
                default:
                    if (at + 1 < w.size()) std::swap(w[at], w[at + 1]);
            }
        }
        return w;
    };
    switch (rng() % 28) {
        case 19:
            return misspelt() + "~1";
        case 20:
            return misspelt() + "~ " + word();
        case 21:
            return "title:" + misspelt() + "~2 AND " + word();
        case 0:
            return word();
        case 1:
            return word() + " " + word();
        case 2:
            return word() + " " + word() + " " + word() + " " + word();
        case 3:
            return word() + " AND " + word();
        case 4:
            return word() + " AND " + word() + " AND " + word();
        case 5:
            return phrase();
        case 6:
            return word() + " -" + word();
        case 7:
            return "+" + word() + " " + word() + " " + word();
        case 8:
            return "title:" + word() + " " + word();
        case 9:
            return word() + " " + date();
        case 10:
            return word().substr(0, 2) + "*";
        case 11:
            return "(" + word() + " OR " + word() + ") AND " + word();
        case 12:
            return phrase() + " " + word() + " NOT " + word();
        case 13:  // words that may never be next to each other
            return "\"" + word() + " " + word() + "\"";
        case 14:
            return "\"" + word() + " " + word() + " " + word() + "\"";
        case 15:
            return "title:" + phrase_of(c.titles);
        case 16:  // a phrase repeating one word: one list at several offsets
            return repeated(2 + rng() % 4);
        case 17: {  // words alternating: a list with offsets that are not a run
            const std::string a = v[rng() % 12], b = word();
            return "\"" + a + " " + b + " " + a + (rng() % 2 ? " " + b : "") + "\"";
        }
        case 18:
            return repeated(2) + " OR " + word();
        case 22: {  // a sloppy phrase, of words near each other or not
            std::string p = rng() % 2 ? phrase() : "\"" + word() + " " + word() + "\"";
            if (p.find(' ') == std::string::npos) p = "\"" + word() + " " + word() + "\"";
            return p + "~" + std::to_string(1 + rng() % 6) + (rng() % 3 ? "" : " " + word());
        }
        case 23: {  // three words in any order
            return "\"" + word() + " " + word() + " " + word() + "\"~" + std::to_string(rng() % 12);
        }
        case 24:
            return word() + "^" + std::to_string(1 + rng() % 5) + " " + word() + " " + phrase() +
                   "^0.5";
        case 25:
            return "(" + word() + " OR " + word() + ")^3 " + word() + "~1^2";
        case 26: {
            static const char* const kQueried[] = {"source:reuters",         "source:presstv",
                                                   "source:\"press tv\"",    "-source:ap",
                                                   "source:\"AP, Reuters\"", "source:afp"};
            return word() + " " + word() + " " + kQueried[rng() % std::size(kQueried)];
        }
        default:
            return word() + " OR " + phrase() + " OR title:" + word();
    }
}

struct Expected {
    std::uint64_t doc;
    double score;
};

std::vector<Expected> model_results(const Model& model, const Query& q) {
    std::vector<Expected> out;
    for (std::size_t i = 0; i < model.docs.size(); ++i) {
        if (model.docs[i].deleted) continue;
        if (const auto s = model.eval(model.docs[i], q)) out.push_back({i, *s});
    }
    return out;
}

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-6 * std::max({1.0, std::abs(a), std::abs(b)});
}

void check_queries(Corpus& c, std::uint32_t seed, int queries) {
    std::vector<std::shared_ptr<const IndexReader>> readers{IndexReader::open(c.dir.str())};
    if (c.two_indexes) {
        readers.push_back(IndexReader::open(c.second.str()));
        ASSERT_GT(readers[0]->segments().size(), 1u);
        ASSERT_GT(readers[1]->segments().size(), 1u);
    }
    Searcher searcher(IndexReader::combine(readers));
    ASSERT_GT(searcher.reader().segments().size(), 2u) << "the corpus should span several segments";
    QueryParser parser(searcher.analyzer());
    std::mt19937 rng(seed);
    int with_hits = 0;
    for (int i = 0; i < queries; ++i) {
        const std::string q = random_query(rng, c);
        SCOPED_TRACE("query: " + q);
        // Common words (the vocabulary has "an", "at"...) kept, scaled or
        // dropped: the model scores the rewritten query.
        static constexpr double kCommonWordWeights[] = {0.0, 0.25, 1.0};
        const double common_word_weight = kCommonWordWeights[rng() % 3];
        Query parsed = parser.parse(q).query;
        scale_common_words(parsed, common_word_weight);
        std::vector<Expected> expected = model_results(c.model, parsed);
        with_hits += !expected.empty();

        SearchOptions all;
        all.limit = c.model.docs.size();
        all.exhaustive = true;
        all.snippets = false;
        all.load_documents = false;
        all.suggest = false;
        all.common_word_weight = common_word_weight;
        const SearchResult everything = searcher.search(q, all);
        ASSERT_EQ(everything.total, expected.size());
        ASSERT_TRUE(everything.total_is_exact);
        std::map<std::uint64_t, double> got;
        for (const Hit& h : everything.hits) got[h.doc] = h.score;
        ASSERT_EQ(got.size(), expected.size());
        for (const Expected& e : expected) {
            ASSERT_TRUE(got.count(e.doc)) << "missing doc " << e.doc;
            ASSERT_TRUE(close(got[e.doc], e.score))
                << "doc " << e.doc << ": " << got[e.doc] << " vs " << e.score;
        }
        EXPECT_EQ(searcher.count(q, all), expected.size());

        // Pruned top 10 against the exhaustive ranking.
        for (const std::uint64_t exact_up_to : {std::uint64_t{0}, std::uint64_t{1000}}) {
            SearchOptions top = all;
            top.limit = 10;
            top.exhaustive = false;
            top.exact_total_up_to = exact_up_to;
            const SearchResult pruned = searcher.search(q, top);
            std::stable_sort(expected.begin(), expected.end(),
                             [](const Expected& a, const Expected& b) {
                                 return a.score != b.score ? a.score > b.score : a.doc < b.doc;
                             });
            ASSERT_EQ(pruned.hits.size(), std::min<std::size_t>(10, expected.size()));
            for (std::size_t k = 0; k < pruned.hits.size(); ++k) {
                ASSERT_TRUE(close(pruned.hits[k].score, expected[k].score))
                    << "rank " << k << ": " << pruned.hits[k].score << " vs " << expected[k].score;
                ASSERT_TRUE(close(pruned.hits[k].score, got[pruned.hits[k].doc]))
                    << "rank " << k << " doc " << pruned.hits[k].doc;
            }
            if (pruned.total_is_exact)
                EXPECT_EQ(pruned.total, expected.size());
            else
                EXPECT_LE(pruned.total, expected.size());
        }
    }
    EXPECT_GT(with_hits, queries / 2) << "too few queries matched anything to test much";
}

TEST(SearchProperty, MatchesAndScoresEqualTheBruteForceModel) {
    auto corpus = build_corpus(42, 3000, 2);
    check_queries(*corpus, 7, 500);
}

TEST(SearchProperty, TitleWeightOneAndAnotherCorpusInTwoIndexes) {
    auto corpus = build_corpus(1234, 2500, 1, true);
    check_queries(*corpus, 99, 300);
}

}  // namespace
}  // namespace scoop
