#include "query/common_word_weight.h"

#include <gtest/gtest.h>

#include "analysis/analyzer.h"
#include "query/query_parser.h"

namespace scoop {
namespace {

class CommonWordWeightTest : public ::testing::Test {
  protected:
    std::string scaled(std::string_view q, double weight) {
        Query query = QueryParser(analyzer_).parse(q).query;
        scale_common_words(query, weight);
        return to_string(query);
    }
    Analyzer analyzer_;
};

TEST_F(CommonWordWeightTest, OptionalCommonWordsAreDroppedWhenOtherWordsRank) {
    EXPECT_EQ(scaled("what articles deal with time sharing", 0),
              "(text~articl text~deal text~time text~share)");
    EXPECT_EQ(scaled("the iran", 0), "(text~iran)");
    EXPECT_EQ(scaled("+iran the", 0), "(+text~iran)");
    EXPECT_EQ(scaled("(the OR iran) AND missile", 0), "(+(text~iran) +text~missil)");
}

TEST_F(CommonWordWeightTest, CommonWordsThatCarryTheQueryStay) {
    // A query or group of common words alone, a phrase, a required word.
    EXPECT_EQ(scaled("the who", 0), "(text~the text~who)");
    EXPECT_EQ(scaled("to be or not to be", 0), scaled("to be or not to be", 1));
    EXPECT_EQ(scaled("the", 0), "text~the");
    EXPECT_EQ(scaled("\"the who\" iran", 0), "(text:\"the who\" text~iran)");
    EXPECT_EQ(scaled("+the iran", 0), "(+text~the text~iran)");
    EXPECT_EQ(scaled("title:the iran", 0), "(title~the text~iran)");
    EXPECT_EQ(scaled("(the OR of) iran", 0), "((text~the text~of) text~iran)");
    // Filters and exclusions rank nothing: the common word is all there is.
    EXPECT_EQ(scaled("the date:2009", 0), "(text~the #date:[1230768000..1262303999])");
    EXPECT_EQ(scaled("the -iran", 0), "(text~the -text~iran)");
}

TEST_F(CommonWordWeightTest, AWeightBetweenScalesThemAndOneLeavesTheQuery) {
    EXPECT_EQ(scaled("the iran", 0.25), "(text~the^0.25 text~iran)");
    EXPECT_EQ(scaled("the iran of", 1), "(text~the text~iran text~of)");
}

}  // namespace
}  // namespace scoop
