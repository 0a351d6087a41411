#include "index/merge_policy.h"

#include <gtest/gtest.h>

#include <vector>

namespace scoop {
namespace {

using Picks = std::vector<std::vector<std::size_t>>;

SegmentMeta segment(std::uint32_t docs, std::uint32_t deleted = 0) {
    SegmentMeta s;
    s.name = "seg-000001";
    s.doc_count = docs;
    s.deleted_count = deleted;
    return s;
}

TEST(MergePolicy, FewerThanFactorSegmentsInATierAreLeftAlone) {
    const MergePolicy policy{10, 1000};
    EXPECT_EQ(policy.find_merges({}), Picks{});
    std::vector<SegmentMeta> nine(9, segment(500));
    EXPECT_EQ(policy.find_merges(nine), Picks{});
}

TEST(MergePolicy, FactorSegmentsOfATierMergeIntoOne) {
    const MergePolicy policy{10, 1000};
    std::vector<SegmentMeta> segments;
    for (std::uint32_t i = 0; i < 10; ++i) segments.push_back(segment(100 + i));
    EXPECT_EQ(policy.find_merges(segments), (Picks{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}));
}

TEST(MergePolicy, ATierMergesItsSmallestSegmentsFirstInGroupsOfFactor) {
    const MergePolicy policy{4, 1000};
    // Nine tier-0 segments (live size below 4,000), sizes out of order.
    const std::vector<std::uint32_t> sizes = {900, 100, 800, 200, 700, 300, 600, 400, 500};
    std::vector<SegmentMeta> segments;
    for (const auto s : sizes) segments.push_back(segment(s));
    // By size: 100(1) 200(3) 300(5) 400(7) | 500(8) 600(6) 700(4) 800(2) | 900 waits.
    EXPECT_EQ(policy.find_merges(segments), (Picks{{1, 3, 5, 7}, {8, 6, 4, 2}}));
}

TEST(MergePolicy, TiersAreFactorTimesApartAndMergeSeparately) {
    const MergePolicy policy{3, 1000};
    // Tier 0: below 3,000 live; tier 1: 3,000 to 8,999; tier 2: 9,000 to 26,999.
    std::vector<SegmentMeta> segments = {
        segment(2999),  segment(3000), segment(10),   segment(8999),
        segment(9000),  segment(5000), segment(1500), segment(26999),
        segment(27000),  // tier 3, alone
    };
    EXPECT_EQ(policy.find_merges(segments), (Picks{{2, 6, 0}, {1, 5, 3}}));
}

TEST(MergePolicy, LiveDocumentsNotStoredOnesDecideTheTier) {
    const MergePolicy policy{2, 1000};
    // 5,000 stored with 2,400 deleted (less than half) leaves 2,600 live:
    // tier 1 (2,000 to 3,999) with the 2,000 one, although 5,000 stored
    // would be tier 2; the 1,999 one is tier 0 on its own.
    std::vector<SegmentMeta> segments = {segment(5000, 2400), segment(1999), segment(2000)};
    EXPECT_EQ(policy.find_merges(segments), (Picks{{2, 0}}));
}

TEST(MergePolicy, ASegmentMoreThanHalfDeletedIsRewrittenAlone) {
    const MergePolicy policy{10, 1000};
    std::vector<SegmentMeta> segments = {segment(100, 51), segment(100, 50), segment(0),
                                         segment(1, 1)};
    // Exactly half deleted stays; an empty segment is not "more than half deleted".
    EXPECT_EQ(policy.find_merges(segments), (Picks{{0}, {3}}));
}

TEST(MergePolicy, AHalfDeletedSegmentIsNotAlsoPartOfATierMerge) {
    const MergePolicy policy{2, 1000};
    std::vector<SegmentMeta> segments = {segment(10), segment(10, 9), segment(20)};
    EXPECT_EQ(policy.find_merges(segments), (Picks{{1}, {0, 2}}));
}

TEST(MergePolicy, AFactorBelowTwoCountsAsTwo) {
    for (const std::size_t factor : {0u, 1u}) {
        const MergePolicy policy{factor, 1000};
        std::vector<SegmentMeta> segments = {segment(10), segment(20), segment(30)};
        EXPECT_EQ(policy.find_merges(segments), (Picks{{0, 1}})) << "factor " << factor;
    }
}

}  // namespace
}  // namespace scoop
