#pragma once

// One line of a query set, the file the preparation programs write and the
// engine programs read, one JSON object a line:
//   {"id": "AndHighMed-007", "class": "AndHighMed", "op": "and",
//    "words": ["iran", "missile"], "query": "iran AND missile"}
// "query" is what every engine answers: scoop's query language, parsed by
// scoop's own parser for all three engines. "op" (term, and, or, phrase,
// prefix) and "words" (folded words, each analysing to itself; a prefix
// without its '*') say how the query was made, for the report.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace scoop::bench
