#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/timestamp.h"

namespace scoop {

// One article as the index sees it.
struct Article {
    std::string title;
    // For text and HTML, the date and time of day as the article writes
    // them, read as if UTC: the day is the day written, never shifted by a
    // time zone (the zone, when written, is in date_utc_offset). JSON Lines
    // dates are instants converted to UTC.
    Timestamp date = kNoDate;
    std::string date_text;                        // the date as written; "" when none
    std::optional<std::int32_t> date_utc_offset;  // seconds east of UTC, when written
    std::string source;                           // "PressTV", "Reuters": who published it
    std::string body;
    std::string url;
    std::string path;        // the file it came from
    std::uint32_t line = 0;  // 1-based line in a JSON Lines file; 0 for whole-file formats
};

enum class InputFormat { kText, kJsonLines, kHtml };

// A line or part of a file that could not be used; the rest of the file was.
struct ExtractionProblem {
    std::uint32_t line = 0;  // 0 when not tied to a line
    std::string message;
};

struct Extraction {
    std::vector<Article> articles;
    std::vector<ExtractionProblem> problems;
    std::string encoding;            // what decode_text found
    std::size_t replaced_bytes = 0;  // invalid bytes replaced while decoding
};

}  // namespace scoop
