// The query pieces on their own, without an index on disk: scorers and
// pruning algorithms over lists given as (document, frequency) or
// (document, score) vectors, checked against brute force; the filters; the
// collectors (tantivy tests its scorers the same way, create_for_test).

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "index/segment.h"
#include "index/segment_builder.h"
#include "query/collector.h"
#include "query/conjunction_scorer.h"
#include "query/count_collector.h"
#include "query/disjunction_scorer.h"
#include "query/doc_filter.h"
#include "query/filtered_scorer.h"
#include "query/newest_first_collector.h"
#include "query/optional_scorer.h"
#include "query/term_scorer.h"
#include "query/top_k.h"
#include "query/top_score_collector.h"
#include "storage/memory_directory.h"

namespace scoop {
namespace {

using Scored = std::vector<std::pair<std::uint32_t, double>>;  // (doc, score), increasing doc

// A scorer over a (document, score) list, with honest block bounds over
// blocks of `block` postings, as a posting list has: what composite
// scorers are tested over when they are not all terms.
class ListScorer final : public Scorer {
  public:
    explicit ListScorer(Scored postings, std::size_t block = 8)
        : postings_(std::move(postings)), block_(block) {
        for (const auto& [d, s] : postings_) max_ = std::max(max_, s);
        doc_ = postings_.empty() ? kEndDoc : postings_[0].first;
    }
    void next() override { move(at_ + 1); }
    void advance(std::uint32_t target) override {
        if (doc_ == kEndDoc || target <= doc_) return;
        std::size_t i = at_;
        while (i < postings_.size() && postings_[i].first < target) ++i;
        move(i);
    }
    std::uint64_t cost() const override { return postings_.size(); }
    double score() override { return postings_[at_].second; }
    double max_score() const override { return max_; }
    std::uint32_t shallow_advance(std::uint32_t target) override {
        std::size_t i = 0;
        while (i < postings_.size() && postings_[i].first < target) ++i;
        if (i == postings_.size()) return kEndDoc;
        const std::size_t first = i / block_ * block_;
        const std::size_t last = std::min(postings_.size(), first + block_) - 1;
        window_ = 0;
        for (std::size_t k = first; k <= last; ++k)
            window_ = std::max(window_, postings_[k].second);
        return postings_[last].first;
    }
    double window_max_score() override { return window_; }

  private:
    void move(std::size_t i) {
        at_ = i;
        doc_ = i < postings_.size() ? postings_[i].first : kEndDoc;
    }
    Scored postings_;
    std::size_t block_;
    std::size_t at_ = 0;
    double max_ = 0;
    double window_ = 0;
};

Scored random_list(std::mt19937& rng, std::uint32_t doc_count, double density, double scale) {
    Scored out;
    std::uniform_real_distribution<double> score(0.05, 1.0);
    for (std::uint32_t d = 0; d < doc_count; ++d)
        if (std::uniform_real_distribution<double>(0, 1)(rng) < density)
            out.emplace_back(d, scale * score(rng));
    return out;
}

std::vector<ScorerPtr> list_scorers(const std::vector<Scored>& lists) {
    std::vector<ScorerPtr> out;
    for (const auto& l : lists) out.push_back(std::make_unique<ListScorer>(l));
    return out;
}

// Every match of `s` with its score.
Scored drain(Scorer& s) {
    Scored out;
    for (; s.doc() != kEndDoc; s.next()) out.emplace_back(s.doc(), s.score());
    return out;
}

std::map<std::uint32_t, double> sum_where(const std::vector<Scored>& lists, bool all) {
    std::map<std::uint32_t, std::pair<double, std::size_t>> acc;
    for (const auto& l : lists)
        for (const auto& [d, s] : l) {
            acc[d].first += s;
            ++acc[d].second;
        }
    std::map<std::uint32_t, double> out;
    for (const auto& [d, a] : acc)
        if (!all || a.second == lists.size()) out[d] = a.first;
    return out;
}

void expect_same(const Scored& got, const std::map<std::uint32_t, double>& want) {
    ASSERT_EQ(got.size(), want.size());
    auto it = want.begin();
    for (const auto& [d, s] : got) {
        EXPECT_EQ(d, it->first);
        EXPECT_NEAR(s, it->second, 1e-9) << "doc " << d;
        ++it;
    }
}

// The top k the way the search loop finds it: the k-th best score passed
// down as the minimum competitive score as soon as the heap is full.
std::vector<TopK::Entry> pruned_top(Scorer& s, std::size_t k) {
    TopK top(k);
    for (; s.doc() != kEndDoc; s.next()) {
        const double score = s.score();
        if (top.insert(score, s.doc(), score) && top.full())
            s.set_min_competitive_score(top.threshold());
    }
    return top.sorted();
}

std::vector<std::pair<std::uint32_t, double>> exhaustive_top(
    const std::map<std::uint32_t, double>& matches, std::size_t k) {
    std::vector<std::pair<std::uint32_t, double>> all(matches.begin(), matches.end());
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (all.size() > k) all.resize(k);
    return all;
}

void expect_top(const std::vector<TopK::Entry>& got,
                const std::vector<std::pair<std::uint32_t, double>>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].doc, want[i].first) << "rank " << i;
        EXPECT_NEAR(got[i].score, want[i].second, 1e-9) << "rank " << i;
    }
}

TEST(Conjunction, MatchesTheIntersectionWithSummedScores) {
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        const std::vector<Scored> lists = {random_list(rng, 3000, 0.5, 1),
                                           random_list(rng, 3000, 0.1, 2),
                                           random_list(rng, 3000, 0.3, 1)};
        const ScorerPtr s = make_conjunction(list_scorers(lists));
        expect_same(drain(*s), sum_where(lists, true));
    }
}

TEST(Conjunction, PrunedTopKEqualsExhaustive) {
    std::mt19937 rng(8);
    for (int round = 0; round < 20; ++round) {
        const std::vector<Scored> lists = {random_list(rng, 5000, 0.6, 1),
                                           random_list(rng, 5000, 0.4, 3)};
        const ScorerPtr s = make_conjunction(list_scorers(lists));
        expect_top(pruned_top(*s, 10), exhaustive_top(sum_where(lists, true), 10));
    }
}

TEST(Conjunction, AdvanceLandsOnTheFirstCommonDocumentAtOrAfterTarget) {
    const std::vector<Scored> lists = {{{1, 1}, {4, 1}, {9, 1}, {12, 1}},
                                       {{2, 1}, {4, 1}, {10, 1}, {12, 1}}};
    const ScorerPtr s = make_conjunction(list_scorers(lists));
    EXPECT_EQ(s->doc(), 4u);
    s->advance(5);
    EXPECT_EQ(s->doc(), 12u);
    s->advance(3);  // never backwards
    EXPECT_EQ(s->doc(), 12u);
    s->next();
    EXPECT_EQ(s->doc(), kEndDoc);
}

TEST(Disjunction, MatchesTheUnionWithSummedScores) {
    std::mt19937 rng(9);
    for (int round = 0; round < 20; ++round) {
        const std::vector<Scored> lists = {random_list(rng, 2000, 0.05, 1),
                                           random_list(rng, 2000, 0.5, 1),
                                           random_list(rng, 2000, 0.01, 5)};
        const ScorerPtr s = make_disjunction(list_scorers(lists));
        expect_same(drain(*s), sum_where(lists, false));
    }
}

TEST(Disjunction, PrunedTopKEqualsExhaustive) {
    // Block-max MaxScore: the weak members become non-essential and whole
    // windows are skipped, yet the top k is the exhaustive one.
    std::mt19937 rng(10);
    for (int round = 0; round < 30; ++round) {
        const std::vector<Scored> lists = {
            random_list(rng, 8000, 0.7, 0.5), random_list(rng, 8000, 0.2, 1),
            random_list(rng, 8000, 0.02, 4), random_list(rng, 8000, 0.001, 8)};
        const ScorerPtr s = make_disjunction(list_scorers(lists));
        expect_top(pruned_top(*s, 1 + round % 12),
                   exhaustive_top(sum_where(lists, false), 1 + round % 12));
    }
}

TEST(Disjunction, OfNoneIsNothingAndOfOneIsTheMember) {
    EXPECT_EQ(make_disjunction({}), nullptr);
    std::vector<ScorerPtr> one;
    one.push_back(std::make_unique<ListScorer>(Scored{{3, 1}}));
    Scorer* member = one.front().get();
    EXPECT_EQ(make_disjunction(std::move(one)).get(), member);
}

TEST(OptionalScorer, MatchesTheRequiredAndAddsTheOptionalWhereItMatches) {
    const Scored required = {{1, 1}, {3, 1}, {5, 1}};
    const Scored optional = {{3, 0.5}, {4, 0.5}, {5, 0.25}};
    OptionalScorer s(std::make_unique<ListScorer>(required),
                     std::make_unique<ListScorer>(optional));
    expect_same(drain(s), {{1, 1}, {3, 1.5}, {5, 1.25}});
}

TEST(FilteredScorer, ExclusionRemovesExactlyTheExcludedDocuments) {
    std::mt19937 rng(11);
    const Scored required = random_list(rng, 1000, 0.5, 1);
    const Scored excluded = random_list(rng, 1000, 0.3, 1);
    FilteredScorer s(std::make_unique<ListScorer>(required),
                     std::make_unique<MembershipFilter>(std::make_unique<ListScorer>(excluded),
                                                        MembershipFilter::Pass::kOthers));
    std::map<std::uint32_t, double> want;
    for (const auto& [d, score] : required)
        if (std::none_of(excluded.begin(), excluded.end(),
                         [d = d](const auto& e) { return e.first == d; }))
            want[d] = score;
    expect_same(drain(s), want);
}

TEST(ConstantScorer, AllDocsScoresZeroAndAdvances) {
    ConstantScorer s(std::make_unique<AllDocs>(5));
    EXPECT_EQ(s.doc(), 0u);
    s.advance(3);
    EXPECT_EQ(s.doc(), 3u);
    EXPECT_EQ(s.score(), 0);
    s.advance(5);
    EXPECT_EQ(s.doc(), kEndDoc);
    // No block bounds: one window over the rest of the segment.
    ConstantScorer t(std::make_unique<AllDocs>(5));
    EXPECT_EQ(t.shallow_advance(0), kLastWindowDoc);
    ConstantScorer empty(std::make_unique<AllDocs>(0));
    EXPECT_EQ(empty.doc(), kEndDoc);
    EXPECT_EQ(empty.shallow_advance(0), kEndDoc);
}

std::string term_word(std::size_t i) {
    std::string word = "t";
    word += std::to_string(i);
    return word;
}

// A segment whose term "tI" occurs in the given documents with the given
// frequencies, written by the real builder into memory: term scorers over
// real posting lists (blocks, impacts, skips) from plain vectors.
struct ListSegment {
    MemoryDirectory dir;
    std::unique_ptr<Segment> segment;
    std::vector<std::uint32_t> lengths;

    ListSegment(std::uint32_t doc_count,
                const std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>>& lists,
                std::uint32_t seed) {
        std::mt19937 rng(seed);
        std::vector<std::vector<std::string>> words(doc_count);
        for (std::size_t i = 0; i < lists.size(); ++i)
            for (const auto& [d, f] : lists[i]) words[d].insert(words[d].end(), f, term_word(i));
        SegmentBuilder builder(dir, "seg-000001");
        for (std::uint32_t d = 0; d < doc_count; ++d) {
            AnalyzedDocument doc;
            words[d].insert(words[d].end(), rng() % 30, "filler");  // lengths vary, so BM25 does
            for (std::uint32_t p = 0; p < words[d].size(); ++p)
                doc.body.push_back(words[d][p], words[d][p], p);
            doc.stored.title = "doc " + std::to_string(d);
            doc.stored.date = 1'000'000 * (d % 97);
            doc.file_id = d + 1;
            builder.add(doc);
        }
        const SegmentSummary summary = builder.finish();
        SegmentMeta meta;
        meta.name = summary.name;
        meta.doc_count = summary.doc_count;
        segment = std::make_unique<Segment>(dir, meta, true);
    }

    ScorerPtr term(std::size_t i, const Bm25& bm25) const {
        const auto info = segment->find(term_key(TermKind::kTextStem, term_word(i)));
        if (!info) return nullptr;
        return std::make_unique<TermScorer>(
            ScoredList{segment->postings(*info), bm25, Field::kTitleAndBody, "t"}, segment->docs());
    }
    double score(const Bm25& bm25, std::uint32_t doc, std::uint32_t freq) const {
        return bm25.score(freq, segment->docs().length(Field::kTitleAndBody, doc));
    }
};

std::vector<std::pair<std::uint32_t, std::uint32_t>> random_freqs(std::mt19937& rng,
                                                                  std::uint32_t doc_count,
                                                                  double density) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (std::uint32_t d = 0; d < doc_count; ++d)
        if (std::uniform_real_distribution<double>(0, 1)(rng) < density)
            out.emplace_back(
                d, 1 + static_cast<std::uint32_t>(std::pow(rng() % 1000 / 1000.0, 4) * 20));
    return out;
}

TEST(TermScorer, ScoresEveryPostingByBm25AndBoundsEveryWindow) {
    std::mt19937 rng(12);
    const auto list = random_freqs(rng, 3000, 0.4);
    const ListSegment fixture(3000, {list}, 1);
    const Bm25 bm25(1.7, {}, 20);
    const ScorerPtr s = fixture.term(0, bm25);
    ASSERT_TRUE(s);
    std::size_t i = 0;
    for (; s->doc() != kEndDoc; s->next(), ++i) {
        ASSERT_LT(i, list.size());
        ASSERT_EQ(s->doc(), list[i].first);
        const double want = fixture.score(bm25, list[i].first, list[i].second);
        EXPECT_NEAR(s->score(), want, 1e-12);
        EXPECT_LE(want, s->max_score());
    }
    EXPECT_EQ(i, list.size());
    // Every window's bound covers every score in it.
    const ScorerPtr b = fixture.term(0, bm25);
    for (const auto& [d, f] : list) {
        const std::uint32_t end = b->shallow_advance(d);
        ASSERT_GE(end, d);
        EXPECT_LE(fixture.score(bm25, d, f), b->window_max_score()) << "doc " << d;
    }
}

TEST(TermScorer, PruningNeverSkipsACompetitiveDocument) {
    std::mt19937 rng(13);
    const auto list = random_freqs(rng, 5000, 0.5);
    const ListSegment fixture(5000, {list}, 2);
    const Bm25 bm25(2.0, {}, 20);
    for (const double minimum : {0.5, 1.0, 2.0, 3.0}) {
        const ScorerPtr s = fixture.term(0, bm25);
        s->set_min_competitive_score(minimum);
        s->advance(0);
        std::map<std::uint32_t, double> got;
        for (; s->doc() != kEndDoc; s->next()) got[s->doc()] = s->score();
        std::size_t competitive = 0;
        for (const auto& [d, f] : list)
            if (fixture.score(bm25, d, f) > minimum) {
                ++competitive;
                EXPECT_TRUE(got.count(d)) << "doc " << d << " scoring above " << minimum;
            }
        EXPECT_LE(got.size(), list.size());
        EXPECT_GE(got.size(), competitive);
    }
}

// The instantiation over terms (the fast path) gives what the generic one
// gives and what brute force gives.
TEST(TermMembers, ConjunctionAndDisjunctionOfTermsEqualBruteForce) {
    std::mt19937 rng(14);
    const std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> lists = {
        random_freqs(rng, 6000, 0.6), random_freqs(rng, 6000, 0.15), random_freqs(rng, 6000, 0.02)};
    const ListSegment fixture(6000, lists, 3);
    const Bm25 bm25(1.3, {}, 20);
    std::vector<Scored> scored(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i)
        for (const auto& [d, f] : lists[i]) scored[i].emplace_back(d, fixture.score(bm25, d, f));
    auto terms = [&] {
        std::vector<ScorerPtr> out;
        for (std::size_t i = 0; i < lists.size(); ++i) out.push_back(fixture.term(i, bm25));
        return out;
    };
    {
        const ScorerPtr all = make_conjunction(terms());
        EXPECT_NE(dynamic_cast<ConjunctionScorer<TermScorer>*>(all.get()), nullptr);
        expect_same(drain(*all), sum_where(scored, true));
    }
    {
        const ScorerPtr any = make_disjunction(terms());
        EXPECT_NE(dynamic_cast<DisjunctionScorer<TermScorer>*>(any.get()), nullptr);
        expect_same(drain(*any), sum_where(scored, false));
    }
    for (const std::size_t k : {1, 10, 100}) {
        const ScorerPtr any = make_disjunction(terms());
        expect_top(pruned_top(*any, k), exhaustive_top(sum_where(scored, false), k));
        const ScorerPtr all = make_conjunction(terms());
        expect_top(pruned_top(*all, k), exhaustive_top(sum_where(scored, true), k));
    }
}

TEST(DateRangeFilter, PassesDatedDocumentsInTheRangeOnly) {
    const ListSegment fixture(300, {}, 4);
    const DocTable& docs = fixture.segment->docs();
    DateRangeFilter filter(docs, 5'000'000, 9'000'000);
    for (std::uint32_t d = 0; d < 300; ++d) {
        const Timestamp date = docs.date(d);
        EXPECT_EQ(filter.accepts(d), date >= 5'000'000 && date <= 9'000'000) << d;
    }
}

// A weight over the fixture's lists, for the search loop.
class ListWeight final : public Weight {
  public:
    ListWeight(const ListSegment& fixture, std::size_t term, Bm25 bm25)
        : fixture_(fixture), term_(term), bm25_(bm25) {}
    ScorerPtr scorer(const Segment&, std::size_t) const override {
        return fixture_.term(term_, bm25_);
    }

  private:
    const ListSegment& fixture_;
    std::size_t term_;
    Bm25 bm25_;
};

template <typename C>
void run_over_fixture(const ListSegment& fixture, const Weight& weight, C& collector) {
    collect_segment(SegmentView{*fixture.segment, 0, 0, weight}, collector);
}

TEST(Collectors, CountAndNewestFirstSeeEveryMatch) {
    std::mt19937 rng(15);
    const auto list = random_freqs(rng, 2000, 0.3);
    const ListSegment fixture(2000, {list}, 5);
    const ListWeight weight(fixture, 0, Bm25(1.0, {}, 20));
    CountCollector count;
    run_over_fixture(fixture, weight, count);
    EXPECT_EQ(count.count(), list.size());

    NewestFirstCollector newest(7);
    run_over_fixture(fixture, weight, newest);
    EXPECT_EQ(newest.total(), list.size());
    // Newest first, ties by the lower document.
    std::vector<std::pair<Timestamp, std::uint32_t>> want;
    for (const auto& [d, f] : list) want.emplace_back(fixture.segment->docs().date(d), d);
    std::sort(want.begin(), want.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const auto got = newest.sorted();
    ASSERT_EQ(got.size(), 7u);
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].doc, want[i].second) << i;
}

TEST(Collectors, TopScoreCountsExactlyUpToTheLimitThenPrunes) {
    std::mt19937 rng(16);
    const auto list = random_freqs(rng, 20000, 0.5);
    const ListSegment fixture(20000, {list}, 6);
    const Bm25 bm25(1.0, {}, 20);
    const ListWeight weight(fixture, 0, bm25);
    std::map<std::uint32_t, double> all;
    for (const auto& [d, f] : list) all[d] = fixture.score(bm25, d, f);

    TopScoreCollector exact(10, 1000, false);
    run_over_fixture(fixture, weight, exact);
    EXPECT_EQ(exact.total(), list.size());
    EXPECT_TRUE(exact.total_is_exact());
    expect_top(exact.sorted(), exhaustive_top(all, 10));
    EXPECT_EQ(exact.min_competitive_score(), kNoMinimumScore);  // never asks to prune

    TopScoreCollector pruning(10, 1000, true);
    run_over_fixture(fixture, weight, pruning);
    expect_top(pruning.sorted(), exhaustive_top(all, 10));
    EXPECT_FALSE(pruning.total_is_exact());
    EXPECT_GE(pruning.total(), 1000u);
    EXPECT_LT(pruning.total(), list.size());  // the pruning skipped matches
    EXPECT_EQ(pruning.min_competitive_score(), pruning.sorted().back().score);
}

}  // namespace
}  // namespace scoop
