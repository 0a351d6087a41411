#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "analysis/article.h"

namespace scoop {

// Dates outside this range are taken for misreadings (a price, an ID), not
// for the date of a news article.
inline constexpr int kMinDateYear = 1800;
inline constexpr int kMaxDateYear = 2200;

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
// days_from_civil). REQUIRES: month in 1..12, day in 1..31.
std::int64_t days_from_civil(int year, int month, int day);

// The UTC timestamp of a calendar date and time of day, or nullopt when the
// date does not exist (Feb 30, month 13), the time is out of range, or the
// year is outside kMinDateYear..kMaxDateYear.
std::optional<Timestamp> make_timestamp(int year, int month, int day, int hour = 0, int minute = 0,
                                        int second = 0);

// A number from a JSON feed: seconds since the epoch, or milliseconds when
// it is too large to be seconds of a plausible year. nullopt when the result
// lies outside the accepted years (or the value is not finite).
std::optional<Timestamp> timestamp_from_epoch(double value);

// Parses a string that is a date and nothing else (surrounding whitespace
// allowed). Accepts ISO 8601 ("2009-03-05", "2009-03-05T22:24:36+02:00"),
// RFC 822/2822 ("Thu, 05 Mar 2009 22:24:36 GMT"), written dates ("Friday,
// March 6, 2009", "March 6, 2009", "6 March 2009", "Mar 6 2009"), numeric
// dates ("07/27/2016" month first unless the first number exceeds 12;
// "27.07.2016" day first), Reuters wire dates ("26-FEB-1987 15:01:01.79"),
// compact "20090305", and bare epoch seconds or milliseconds (9+ digits).
// Month and weekday names may be English, German, French, Spanish,
// Italian, Dutch, Portuguese, Polish or Scandinavian ("25. Januar 2022",
// "5 de enero de 2022", "25 stycznia 2022").
// Times without a zone are taken as UTC. Years need four digits.
std::optional<Timestamp> parse_date(std::string_view text);

// A date as a page writes it: the wall-clock time read as if it were UTC,
// so that its day is the day written whatever the zone, and the zone when
// one was written. parse_date's answer is `local - utc_offset`.
struct WrittenDate {
    Timestamp local = kNoDate;
    bool has_time = false;
    std::optional<int> utc_offset;  // seconds east of UTC
};

// parse_date's forms, read as written (see WrittenDate). An epoch number
// has no local form: it is taken as UTC with offset 0.
std::optional<WrittenDate> parse_written_date(std::string_view text);

// A date found inside a longer text.
struct FoundDate {
    Timestamp timestamp = kNoDate;  // UTC
    bool has_time = false;          // the text gave a time of day, not just a day
    std::size_t begin = 0;          // byte range of the date within the searched text
    std::size_t end = 0;
    Timestamp local = kNoDate;      // as written (see WrittenDate)
    std::optional<int> utc_offset;  // seconds east of UTC, when written
};

// The first date in `text` in any of parse_date's written or numeric forms
// (bare numbers are not taken: in running text they are rarely dates).
// Linear in the length of the text.
std::optional<FoundDate> find_date(std::string_view text);

}  // namespace scoop
