#pragma once

// How the searcher shows results: a readable page for a terminal (with
// colour when it is one), or one JSON object per query for programs.

#include <string>

#include "query/searcher.h"

namespace scoop {

struct RenderStyle {
    bool color = false;
    bool explain = false;
    int width = 100;  // terminal columns
};

std::string render_text(std::string_view query, const SearchResult& result, std::size_t offset,
                        const RenderStyle& style);

// One line of JSON (docs/QUERY.md, "JSON output"), without a newline.
std::string render_json(std::string_view query, const SearchResult& result, std::size_t offset,
                        bool explain);

// "2016-07-27", or "2009-03-05T22:24:36Z" when the time of day is known.
std::string format_timestamp(Timestamp t);

}  // namespace scoop
