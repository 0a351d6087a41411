#include "analysis/date_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace scoop {
namespace {

// Reference values computed independently (GNU date -u -d ... +%s).
constexpr Timestamp k2009_03_05 = 1236211200;         // 2009-03-05T00:00:00Z
constexpr Timestamp k2009_03_05_222436 = 1236291876;  // 2009-03-05T22:24:36Z
constexpr Timestamp k2009_03_06 = 1236297600;         // 2009-03-06T00:00:00Z
constexpr Timestamp k2016_07_27 = 1469577600;         // 2016-07-27T00:00:00Z
constexpr Timestamp k1987_02_26_150101 = 541350061;   // 1987-02-26T15:01:01Z

TEST(DaysFromCivil, KnownDays) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
    EXPECT_EQ(days_from_civil(1800, 1, 1), -62091);
    EXPECT_EQ(days_from_civil(2009, 3, 5) * 86400, k2009_03_05);
}

TEST(MakeTimestamp, ValidatesCalendar) {
    EXPECT_EQ(make_timestamp(2009, 3, 5, 22, 24, 36), k2009_03_05_222436);
    EXPECT_TRUE(make_timestamp(2008, 2, 29));
    EXPECT_TRUE(make_timestamp(2000, 2, 29));   // divisible by 400: leap
    EXPECT_FALSE(make_timestamp(1900, 2, 29));  // divisible by 100: not leap
    EXPECT_FALSE(make_timestamp(2009, 2, 29));
    EXPECT_FALSE(make_timestamp(2009, 2, 30));
    EXPECT_FALSE(make_timestamp(2009, 4, 31));
    EXPECT_FALSE(make_timestamp(2009, 13, 1));
    EXPECT_FALSE(make_timestamp(2009, 0, 1));
    EXPECT_FALSE(make_timestamp(2009, 1, 0));
    EXPECT_FALSE(make_timestamp(2009, 1, 1, 24));
    EXPECT_FALSE(make_timestamp(2009, 1, 1, 0, 60));
    EXPECT_TRUE(make_timestamp(1800, 1, 1));
    EXPECT_TRUE(make_timestamp(2200, 12, 31));
    EXPECT_FALSE(make_timestamp(1799, 12, 31));
    EXPECT_FALSE(make_timestamp(2201, 1, 1));
}

TEST(TimestampFromEpoch, SecondsAndMilliseconds) {
    EXPECT_EQ(timestamp_from_epoch(1236291876), k2009_03_05_222436);
    EXPECT_EQ(timestamp_from_epoch(1236291876000.0), k2009_03_05_222436);
    EXPECT_EQ(timestamp_from_epoch(1236291876.9), k2009_03_05_222436);
    EXPECT_EQ(timestamp_from_epoch(0), 0);
    EXPECT_EQ(timestamp_from_epoch(-5364662400.0), -5364662400);  // 1800-01-01
    EXPECT_FALSE(timestamp_from_epoch(-5364662401.0));
    EXPECT_FALSE(timestamp_from_epoch(7289654400.0));  // 2201-01-01
    EXPECT_FALSE(timestamp_from_epoch(1e300));
    EXPECT_FALSE(timestamp_from_epoch(std::nan("")));
}

TEST(ParseDate, Iso8601) {
    EXPECT_EQ(parse_date("2009-03-05"), k2009_03_05);
    EXPECT_EQ(parse_date("2009.03.05"), k2009_03_05);
    EXPECT_EQ(find_date("2009.03.05.")->local, k2009_03_05);
    EXPECT_EQ(parse_date("2009.13.05"), std::nullopt);
    ASSERT_TRUE(find_date("2023.11.02. \xEC\x98\xA4\xED\x9B\x84 8:06"));  // "오후": p.m.
    EXPECT_EQ(find_date("2023.11.02. \xEC\x98\xA4\xED\x9B\x84 8:06")->local,
              *make_timestamp(2023, 11, 2));
    EXPECT_EQ(parse_date("2009/03/05"), k2009_03_05);
    EXPECT_EQ(parse_date("2009-3-5"), k2009_03_05);
    EXPECT_EQ(parse_date("2009-03-05T22:24:36Z"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("2009-03-05T22:24:36"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("2009-03-05 22:24:36"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("2009-03-05T22:24Z"), k2009_03_05_222436 - 36);
    EXPECT_EQ(parse_date("2009-03-05T22:24:36.123Z"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("2009-03-06T00:24:36+02:00"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("2009-03-05T17:24:36-0500"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("2009-03-05T17:24:36.5-05"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("  2009-03-05T22:24:36Z\n"), k2009_03_05_222436);
}

TEST(ParseDate, Rfc2822) {
    EXPECT_EQ(parse_date("Thu, 05 Mar 2009 22:24:36 GMT"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("Thu, 05 Mar 2009 22:24:36 +0000"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("Thu, 5 Mar 2009 17:24:36 EST"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("Thu, 05 Mar 2009 23:24:36 +0100"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("05 Mar 2009 22:24:36 UTC"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("Thu, 05 Mar 2009"), k2009_03_05);
    // ctime / date(1) order: the time comes before the year.
    EXPECT_EQ(parse_date("Thu Mar  5 22:24:36 2009"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("Thu Mar 5 22:24:36 UTC 2009"), k2009_03_05_222436);
}

TEST(ParseDate, WrittenDates) {
    EXPECT_EQ(parse_date("Friday, March 6, 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("March 6, 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("MARCH 6, 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("6 March 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("Mar 6 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("Mar. 6th, 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("6th of March, 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("Sept 6, 2009"), make_timestamp(2009, 9, 6));
    EXPECT_EQ(parse_date("Fri 6 Mar 2009"), k2009_03_06);
    EXPECT_EQ(parse_date("March 6, 2009 10:30 PM EST"), make_timestamp(2009, 3, 7, 3, 30));
    EXPECT_EQ(parse_date("March 6, 2009, 9:05 a.m."), make_timestamp(2009, 3, 6, 9, 5));
    EXPECT_EQ(parse_date("March 6, 2009 at 12:15 am"), make_timestamp(2009, 3, 6, 0, 15));
    EXPECT_EQ(parse_date("March 6, 2009 at 12:15 pm"), make_timestamp(2009, 3, 6, 12, 15));
}

TEST(ParseDate, NumericDates) {
    EXPECT_EQ(parse_date("07/27/2016"), k2016_07_27);
    EXPECT_EQ(parse_date("7/27/2016"), k2016_07_27);
    EXPECT_EQ(parse_date("27/07/2016"), k2016_07_27);  // first number > 12: day first
    EXPECT_EQ(parse_date("03/05/2009"), k2009_03_05);  // ambiguous: month first
    EXPECT_EQ(parse_date("03-05-2009"), k2009_03_05);
    // With a T and a time: WordPress's day-first hAtom stamp.
    EXPECT_EQ(parse_date("05-03-2009T22:24:36+0000"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("27.07.2016"), k2016_07_27);  // dots: day first
    EXPECT_EQ(parse_date("05.03.2009"), k2009_03_05);
    EXPECT_EQ(parse_date("07/27/2016 10:00"), k2016_07_27 + 36000);
    EXPECT_EQ(parse_date("20090305"), k2009_03_05);
}

TEST(ParseDate, ReutersWireDates) {
    EXPECT_EQ(parse_date("26-FEB-1987 15:01:01.79"), k1987_02_26_150101);
    EXPECT_EQ(parse_date(" 7-APR-1987 11:02:35.07"), make_timestamp(1987, 4, 7, 11, 2, 35));
    EXPECT_EQ(parse_date("26-Feb-1987"), make_timestamp(1987, 2, 26));
    // The one malformed date in Reuters-21578 is not a date as a whole.
    EXPECT_FALSE(parse_date("31-MAR-1987 605:12:19.12"));
}

TEST(ParseDate, EpochNumbers) {
    EXPECT_EQ(parse_date("1236291876"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("1236291876000"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("1236291876.25"), k2009_03_05_222436);
    EXPECT_EQ(parse_date("-5364662400"), -5364662400);
    // Short numbers are years or counts, not epochs.
    EXPECT_FALSE(parse_date("2009"));
    EXPECT_FALSE(parse_date("12345"));
    EXPECT_FALSE(parse_date("99999999999999999"));
}

TEST(ParseDate, RejectsImpossibleAndIncomplete) {
    EXPECT_FALSE(parse_date(""));
    EXPECT_FALSE(parse_date("   "));
    EXPECT_FALSE(parse_date("yesterday"));
    EXPECT_FALSE(parse_date("2009-02-30"));
    EXPECT_FALSE(parse_date("2009-13-01"));
    EXPECT_FALSE(parse_date("2009-00-10"));
    EXPECT_FALSE(parse_date("Feb 29, 2009"));
    EXPECT_FALSE(parse_date("February 30, 2012"));
    EXPECT_FALSE(parse_date("13/13/2009"));
    EXPECT_FALSE(parse_date("31.02.2009"));
    EXPECT_FALSE(parse_date("1799-12-31"));
    EXPECT_FALSE(parse_date("2201-01-01"));
    EXPECT_FALSE(parse_date("March 2009"));
    EXPECT_FALSE(parse_date("March 6"));
    EXPECT_FALSE(parse_date("07/27/16"));  // two-digit years are not taken
    EXPECT_FALSE(parse_date("2009-03-05 and then some"));
    EXPECT_FALSE(parse_date("2009-03-05T25:00:00Z"));
    EXPECT_FALSE(parse_date("Thursday"));
    EXPECT_FALSE(parse_date("32 March 2009"));
}

TEST(FindDate, LastUpdatedLine) {
    const std::string line = ". Last Updated: 07/27/2016";
    const auto found = find_date(line);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->timestamp, k2016_07_27);
    EXPECT_FALSE(found->has_time);
    EXPECT_EQ(line.substr(found->begin, found->end - found->begin), "07/27/2016");
}

TEST(FindDate, DatelineWithSource) {
    const std::string line = "Thu, 05 Mar 2009 22:24:36 GMT | PressTV";
    const auto found = find_date(line);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->timestamp, k2009_03_05_222436);
    EXPECT_TRUE(found->has_time);
    EXPECT_EQ(found->begin, 0u);
    EXPECT_EQ(line.substr(found->end), " | PressTV");
}

TEST(FindDate, InsideASentence) {
    const std::string line = "He arrived on Friday, March 6, 2009, and left at once.";
    const auto found = find_date(line);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->timestamp, k2009_03_06);
    EXPECT_FALSE(found->has_time);
    EXPECT_EQ(line.substr(found->begin, found->end - found->begin), "Friday, March 6, 2009");
}

TEST(FindDate, IgnoresNumbersThatAreNotDates) {
    EXPECT_FALSE(find_date("the 1992-97 civil war in Tajikistan"));
    EXPECT_FALSE(find_date("the S-300 air defense missile system"));
    EXPECT_FALSE(find_date("worth about $7 billion, 120 km (75 miles) away"));
    EXPECT_FALSE(find_date("a score of 3/4/5 and 12.5.3"));
    EXPECT_FALSE(find_date("Tu-334 and Tu-204 jetliners"));
    EXPECT_FALSE(find_date("May I ask about March?"));
    EXPECT_FALSE(find_date("id 1236291876 is not taken as a date in text"));
    EXPECT_FALSE(find_date("x2009-03-05"));  // not at a word start
}

TEST(FindDate, LinearOnHostileInput) {
    // Many near-dates; a quadratic scan would take minutes here.
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "Mar 1 2009x 12/12/ Thu, ";
    EXPECT_FALSE(find_date(text));
    std::string spaces(1 << 20, ' ');
    spaces += "March 6, 2009";
    const auto found = find_date(spaces);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->begin, std::size_t{1} << 20);
}

}  // namespace
}  // namespace scoop
