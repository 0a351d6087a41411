#include "engines/measurement.h"

#include "engines/stopwatch.h"
#include "query/query_parser.h"
#include "util/error.h"

namespace scoop::bench {
namespace {

// The message of a refused query, as the searcher's JSON gives it: a
// QueryError's text without the caret lines.
std::string refusal(const Error& e) {
    if (const auto* q = dynamic_cast<const QueryError*>(&e)) return q->message();
    return e.what();
}

Answer answer(Engine& engine, const QueryLine& query, std::size_t k) {
    Answer a;
    const Stopwatch watch;
    try {
        a.page = engine.search(query.query, k);
    } catch (const Error& e) {
        a.error = refusal(e);
    }
    a.nanoseconds = watch.nanoseconds();
    return a;
}

}  // namespace

std::vector<Answer> measure_queries(Engine& engine, std::span<const QueryLine> queries, int warmup,
                                    std::size_t k) {
    for (int round = 0; round < warmup; ++round)
        for (const QueryLine& q : queries) answer(engine, q, k);
    std::vector<Answer> answers;
    answers.reserve(queries.size());
    for (const QueryLine& q : queries) answers.push_back(answer(engine, q, k));
    return answers;
}

nlohmann::json answer_record(const QueryLine& query, const Answer& answer, bool with_count,
                             std::optional<std::uint64_t> hits) {
    nlohmann::json out = {
        {"id", query.id},
        {"class", query.query_class},
        {"latency_us", static_cast<double>(answer.nanoseconds) / 1000.0},
        {"top", answer.page.top},
        {"hits_estimated",
         answer.page.estimated ? nlohmann::json(*answer.page.estimated) : nlohmann::json(nullptr)}};
    if (!answer.error.empty()) out["error"] = answer.error;
    if (with_count) out["hits"] = hits ? nlohmann::json(*hits) : nlohmann::json(nullptr);
    return out;
}

}  // namespace scoop::bench
