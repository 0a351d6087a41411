#include "query/proximity_bonus.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/analyzer.h"
#include "index/index_writer.h"
#include "ingest/document_analysis.h"
#include "query/searcher.h"
#include "test_util.h"

namespace scoop {
namespace {

// An index of articles titled `title` with these bodies, in order.
void write_articles(const testing::TempDir& dir,
                    std::vector<std::pair<std::string, std::string>> articles) {
    IndexWriter writer(dir.str(), WriterOptions{});
    Analyzer analyzer;
    for (const auto& [title, body] : articles) {
        Article a;
        a.title = title;
        a.body = body;
        writer.add(analyze_article(analyzer, a, writer.new_file_id()));
    }
    writer.commit();
}

// Searches `query` plainly and with a proximity weight: the two results.
std::pair<SearchResult, SearchResult> plain_and_near(Searcher& searcher, const std::string& query,
                                                     std::size_t limit, double weight) {
    SearchOptions plain;
    plain.snippets = false;
    plain.limit = limit;
    SearchOptions near = plain;
    near.proximity_weight = weight;
    return {searcher.search(query, plain), searcher.search(query, near)};
}

// Two articles with both words: side by side in the first, six apart (out
// of the window) in the second. The bonus is BM25TP's, computed by hand.
TEST(ProximityBonus, AddsBm25tpForWordsWithinTheWindowAndReranks) {
    testing::TempDir dir;
    write_articles(
        dir, {{"one", "alpha beta gamma"}, {"two", "alpha gamma gamma gamma gamma gamma beta"}});
    Searcher searcher(IndexReader::open(dir.str()));
    const auto [a, b] = plain_and_near(searcher, "alpha beta", 10, 1.0);
    ASSERT_EQ(a.hits.size(), 2u);
    ASSERT_EQ(b.hits.size(), 2u);
    // Plain BM25 prefers the shorter first article anyway; the bonus adds
    // to it alone: distance 1, acc = 1.
    ASSERT_EQ(a.hits[0].doc, 0u);
    ASSERT_EQ(b.hits[0].doc, 0u);
    const double k1 = 1.2, bb = 0.75;
    const double idf = bm25_idf(2, 2);
    const double length = 2 * 1 + 3, average = (5.0 + 9.0) / 2;  // title words count twice
    const double k = k1 * (1 - bb + bb * length / average);
    const double expected = (k1 + 1) * 1.0 / (k + 1.0) * idf;
    EXPECT_NEAR(b.hits[0].score - a.hits[0].score, expected, 1e-9);
    EXPECT_NEAR(b.hits[1].score, a.hits[1].score, 1e-12);  // six apart: nothing
    // One word, or words only in a phrase: no bonus.
    for (const std::string q : {"alpha", "\"alpha beta\""}) {
        const auto [one, other] = plain_and_near(searcher, q, 10, 1.0);
        EXPECT_EQ(one.hits.at(0).score, other.hits.at(0).score) << q;
    }
}

TEST(ProximityBonus, ReranksBeyondThePageAndKeepsThePageSize) {
    // Thirty articles where the words are far apart and shorter, then one
    // longer article where they are side by side: plain BM25 puts it last,
    // a large proximity weight first.
    testing::TempDir dir;
    std::vector<std::pair<std::string, std::string>> articles(
        30, {"t", "alpha gamma gamma gamma gamma gamma gamma beta"});
    articles.push_back(
        {"t", "alpha beta gamma gamma gamma gamma gamma gamma gamma gamma gamma gamma"});
    write_articles(dir, articles);
    Searcher searcher(IndexReader::open(dir.str()));
    const auto [a, b] = plain_and_near(searcher, "alpha beta", 3, 10.0);
    ASSERT_EQ(a.hits.size(), 3u);
    ASSERT_EQ(b.hits.size(), 3u);
    EXPECT_NE(a.hits[0].doc, 30u);
    EXPECT_EQ(b.hits[0].doc, 30u);
    EXPECT_EQ(a.total, b.total);
}

}  // namespace
}  // namespace scoop
