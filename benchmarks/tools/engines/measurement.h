#pragma once

// How every engine's queries are timed: the same loop around the same
// Engine calls, so that latencies compare across engines.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/query_line.h"
#include "engines/engine.h"

namespace scoop::bench {

// One engine's answer to one query: its page, and how long the whole page
// took (parsing, search, the hits' stored fields), or why there is none.
struct Answer {
    std::uint64_t nanoseconds = 0;
    Page page;
    std::string error;  // empty: answered
};

// Answers every query `warmup` times untimed, then once timed, in one
// process: each engine is measured warm in the same way, with its index's
// pages mapped and its caches filled. A query the engine refuses is an
// answer with an error, not the end of the run.
std::vector<Answer> measure_queries(Engine& engine, std::span<const QueryLine> queries, int warmup,
                                    std::size_t k);

// The result line the harness reads for one query, with its exact match
// count when `with_count` (null for a query the engine refused):
//   {"id", "class", "latency_us", "top", "hits_estimated"[, "error"][, "hits"]}
nlohmann::json answer_record(const QueryLine& query, const Answer& answer, bool with_count,
                             std::optional<std::uint64_t> hits);

}  // namespace scoop::bench
