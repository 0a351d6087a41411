// Queries that once went wrong, each on the smallest index that showed it.
// Found by the differential test against Xapian (xapian_differential_test).

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "index/segment_builder.h"
#include "ingest/document_analysis.h"
#include "query/searcher.h"
#include "test_util.h"
#include "watchdog.h"

namespace scoop {
namespace {

struct Doc {
    std::string body;
    Timestamp date;
};

// One segment of the documents, with paths doc/0, doc/1...
class SmallIndex {
  public:
    explicit SmallIndex(const std::vector<Doc>& docs) {
        Analyzer analyzer;
        {
            IndexWriter writer(dir_.str(), WriterOptions{});
            for (std::size_t i = 0; i < docs.size(); ++i) {
                Article a;
                a.body = docs[i].body;
                a.date = docs[i].date;
                a.path = "doc/" + std::to_string(i);
                writer.add(analyze_article(analyzer, std::move(a), writer.new_file_id()));
            }
            writer.commit();
        }
        searcher_ = std::make_unique<Searcher>(IndexReader::open(dir_.str()));
    }

    // The paths of the matches, with every match counted (no pruning).
    std::set<std::string> all_matches(const std::string& query) {
        SearchOptions options;
        options.limit = 100;
        options.exhaustive = true;
        options.snippets = false;
        options.suggest = false;
        const SearchResult r = searcher_->search(query, options);
        EXPECT_EQ(r.total, r.hits.size()) << query;
        EXPECT_EQ(searcher_->count(query, options), r.hits.size()) << query;
        std::set<std::string> paths;
        for (const Hit& h : r.hits) paths.insert(h.document.path);
        return paths;
    }

    // The pruned top `limit`, pruning from the first match on.
    std::vector<std::string> pruned_top(const std::string& query, std::size_t limit) {
        SearchOptions options;
        options.limit = limit;
        options.exact_total_up_to = 0;
        options.snippets = false;
        options.suggest = false;
        watchdog_.arm(query);
        const SearchResult r = searcher_->search(query, options);
        watchdog_.disarm();
        std::vector<std::string> paths;
        for (const Hit& h : r.hits) paths.push_back(h.document.path);
        return paths;
    }

  private:
    testing::TempDir dir_;
    std::unique_ptr<Searcher> searcher_;
    testing::Watchdog watchdog_{60};
};

constexpr Timestamp k2009_03_05 = 1236211200, k2009_06_01 = 1243814400;

// A disjunction with a date-only part ("iran (date:2009)") never finished
// once pruning began: every document scorer (the part's base) reported a
// window ending at its last document even when asked past it, so the
// disjunction reopened the same window at the end of the segment forever.
TEST(SearchRegression, PrunedDisjunctionWithADateOnlyPartFinishes) {
    SmallIndex index({{"iran", k2009_03_05}, {"talks", k2009_06_01}});
    EXPECT_EQ(index.all_matches("iran (date:2009)"), (std::set<std::string>{"doc/0", "doc/1"}));
    EXPECT_EQ(index.pruned_top("iran (date:2009)", 1), std::vector<std::string>{"doc/0"});
    EXPECT_EQ(index.pruned_top("iran (date:2009 -talks)", 1), std::vector<std::string>{"doc/0"});
    EXPECT_EQ(index.pruned_top("iran AND (date:2009)", 1), std::vector<std::string>{"doc/0"});
}

// Plain words beside date filters alone are what the query searches for
// ("iran date:2009": iran, within 2009). When none of them occurs in the
// index the query matched every document of the period: compiling dropped
// the words that match nothing, and what was left was the filter alone.
TEST(SearchRegression, AbsentWordsBesideADateMatchNothing) {
    SmallIndex index({{"iran", k2009_03_05}, {"talks", k2009_06_01}});
    const std::set<std::string> none, talks{"doc/1"};
    EXPECT_EQ(index.all_matches("xqz date:2009"), none);
    EXPECT_EQ(index.all_matches("xqz yxx after:2009-01-01"), none);
    EXPECT_EQ(index.all_matches("xqz* date:2009"), none);
    EXPECT_EQ(index.all_matches("(xqz AND iran) date:2009"), none);
    EXPECT_EQ(index.all_matches("iran (xqz date:2009)"), (std::set<std::string>{"doc/0"}));
    // Beside a +required word they stay optional.
    EXPECT_EQ(index.all_matches("+talks xqz date:2009"), talks);
    EXPECT_EQ(index.all_matches("xqz talks date:2009"), talks);
}

}  // namespace
}  // namespace scoop
