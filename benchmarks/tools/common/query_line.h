#pragma once

// One line of a query set, the file the preparation programs write and the
// engine programs read, one JSON object a line:
//   {"id": "AndHighMed-007", "class": "AndHighMed", "op": "and",
//    "words": ["iran", "missile"], "query": "iran AND missile"}
// "query" is what every engine answers: scoop's query language, parsed by
// scoop's own parser for all three engines. "op" (term, and, or, phrase,
// prefix) and "words" (folded words, each analysing to itself; a prefix
// without its '*') say how the query was made, for the report.

#include <fmt/format.h>

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace scoop::bench {

inline std::string join_words(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += separator;
        out += w;
    }
    return out;
}

// The query line of `words` combined by `op`, with the query text written
// in searcher syntax: `iran`, `iran AND missile`, `iran missile`,
// `"iran missile sale"`, `cosm*`.
inline nlohmann::ordered_json query_line_json(const std::string& id, const std::string& query_class,
                                              std::string_view op,
                                              const std::vector<std::string>& words) {
    std::string query;
    if (op == "and")
        query = join_words(words, " AND ");
    else if (op == "phrase")
        query = "\"" + join_words(words, " ") + "\"";
    else if (op == "prefix")
        query = words.at(0) + "*";
    else
        query = join_words(words, " ");
    nlohmann::ordered_json j;
    j["id"] = id;
    j["class"] = query_class;
    j["op"] = op;
    j["words"] = words;
    j["query"] = query;
    return j;
}

// A query line as the engine programs read it: what they answer ("query")
// and what they copy into each result line ("id", "class").
struct QueryLine {
    nlohmann::json id;
    nlohmann::json query_class;
    std::string query;
};

inline QueryLine parse_query_line(std::string_view line) {
    const auto j = nlohmann::json::parse(line);
    if (!j.is_object() || !j.contains("query") || !j["query"].is_string())
        throw Error(
            "a query line needs \"query\", the query text in scoop's query language (the query "
            "sets of make_queries and convert_collection have it)");
    return {j.value("id", nlohmann::json()), j.value("class", nlohmann::json()),
            j["query"].get<std::string>()};
}

// The query lines of `in`, in order (blank lines skipped).
inline std::vector<QueryLine> read_query_lines(std::istream& in) {
    std::vector<QueryLine> queries;
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            queries.push_back(parse_query_line(line));
        } catch (const std::exception& e) {
            throw Error(fmt::format("query line {}: {}", line_number, e.what()));
        }
    }
    return queries;
}

}  // namespace scoop::bench
