#pragma once

// What both reference engines share: reading and analysing the corpus (in
// parallel, in input order) and reading the benchmark's query lines into
// the logical query scoop's parser would make of them.

#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <future>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop::bench {

using Clock = std::chrono::steady_clock;

// The same chunking as the indexer: a big JSON Lines file is read a few MB
// of whole lines at a time, so memory stays bounded on the 1M corpus.
inline constexpr std::size_t kChunkBytes = std::size_t{8} << 20;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

inline long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// ---------------------------------------------------------------------------
// Reading and analysing articles

struct AnalysedArticle {
    Article article;
    std::vector<Token> title;
    std::vector<Token> body;
};

struct InputStats {
    std::uint64_t bytes = 0;
    std::uint64_t problems = 0;
};

// Reads the files in order and hands their analysed articles to `sink` in
// input order, a chunk at a time. Analysis runs on `threads` threads and
// overlaps with `sink` working on the previous chunk: the engine under test
// gets its terms as fast as scoop's own indexer analyses them, so indexing
// time measures the engine, not a single-threaded analyser.
template <typename Sink>
InputStats for_each_chunk(const std::vector<std::string>& files, unsigned threads,
                          const std::string& language, Sink&& sink) {
    std::vector<std::unique_ptr<Analyzer>> analyzers;
    for (unsigned i = 0; i < threads; ++i)
        analyzers.push_back(std::make_unique<Analyzer>(language));
    InputStats stats;

    auto analyse = [&](std::shared_ptr<MappedFile> file, std::size_t begin, std::size_t end,
                       std::uint32_t line_offset) {
        const auto bytes = file->bytes();
        const std::string_view piece(reinterpret_cast<const char*>(bytes.data()) + begin,
                                     end - begin);
        Extraction extraction = extract_articles(piece, file->path(), InputFormat::kJsonLines);
        for (const auto& p : extraction.problems)
            fmt::print(stderr, "{}:{}: {}\n", file->path(), p.line ? p.line + line_offset : 0,
                       p.message);
        std::vector<AnalysedArticle> out(extraction.articles.size());
        auto work = [&](std::size_t slice) {
            Analyzer& a = *analyzers[slice];
            for (std::size_t i = slice; i < out.size(); i += analyzers.size()) {
                Article& article = extraction.articles[i];
                if (article.line) article.line += line_offset;
                a.analyze(article.title, out[i].title);
                a.analyze(article.body, out[i].body);
                out[i].article = std::move(article);
            }
        };
        std::vector<std::thread> helpers;
        for (std::size_t t = 1; t < analyzers.size(); ++t) helpers.emplace_back(work, t);
        work(0);
        for (auto& h : helpers) h.join();
        return std::make_pair(std::move(out), extraction.problems.size());
    };

    std::optional<std::future<std::pair<std::vector<AnalysedArticle>, std::size_t>>> pending;
    auto launch = [&](std::shared_ptr<MappedFile> file, std::size_t begin, std::size_t end,
                      std::uint32_t line_offset) {
        // Only one chunk is analysed at a time (the analysers are shared),
        // so collect the previous one before starting the next.
        std::optional<std::vector<AnalysedArticle>> ready;
        if (pending) {
            auto [docs, problems] = pending->get();
            stats.problems += problems;
            ready = std::move(docs);
        }
        pending = std::async(std::launch::async, analyse, std::move(file), begin, end, line_offset);
        if (ready) sink(*ready);
    };

    for (const std::string& path : files) {
        auto file = std::make_shared<MappedFile>(path);
        const auto bytes = file->bytes();
        const std::string_view all(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        stats.bytes += all.size();
        std::size_t start = 0;
        std::uint32_t line_offset = 0;
        while (start < all.size()) {
            std::size_t end = all.size();
            if (all.size() - start > kChunkBytes) {
                const std::size_t nl = all.find('\n', start + kChunkBytes);
                end = nl == std::string_view::npos ? all.size() : nl + 1;
            }
            launch(file, start, end, line_offset);
            line_offset += static_cast<std::uint32_t>(
                std::count(all.begin() + static_cast<std::ptrdiff_t>(start),
                           all.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
            start = end;
        }
    }
    if (pending) {
        auto [docs, problems] = pending->get();
        stats.problems += problems;
        sink(docs);
    }
    return stats;
}

// ---------------------------------------------------------------------------
// Query lines

enum class Op { kTerm, kAnd, kOr, kPhrase, kPrefix };

struct QueryLine {
    nlohmann::json id;
    nlohmann::json query_class;
    Op op = Op::kTerm;
    std::vector<std::string> words;
};

// One clause of a query after analysis, as scoop's parser makes it.
struct Clause {
    enum class Kind {
        kKeyword,  // one token: its stem, in the text field, plus the title boost
        kWord,     // a phrase of one token: that exact word, plus the title boost
        kPhrase,   // several tokens at consecutive text positions
        kPrefix,   // words starting with terms[0]
    } kind;
    std::vector<std::string> terms;
};

struct LogicalQuery {
    bool conjunctive = false;
    std::vector<Clause> clauses;
    std::string error;  // scoop's parser would reject the query
};

inline std::optional<Op> parse_op(std::string_view s) {
    if (s == "term") return Op::kTerm;
    if (s == "and") return Op::kAnd;
    if (s == "or") return Op::kOr;
    if (s == "phrase") return Op::kPhrase;
    if (s == "prefix") return Op::kPrefix;
    return std::nullopt;
}

inline QueryLine parse_query_line(const std::string& line) {
    const auto j = nlohmann::json::parse(line);
    QueryLine q;
    q.id = j.value("id", nlohmann::json());
    q.query_class = j.value("class", nlohmann::json());
    const auto op = parse_op(j.at("op").get<std::string>());
    if (!op)
        throw Error("unknown op " + j.at("op").dump() +
                    " (expected term, and, or, phrase or prefix)");
    q.op = *op;
    const auto& words = j.at("words");
    if (words.is_string()) {
        // Also accept "words": "a b c".
        std::string w;
        for (char c : words.get<std::string>() + " ") {
            if (c != ' ')
                w += c;
            else if (!w.empty())
                q.words.push_back(std::exchange(w, {}));
        }
    } else {
        for (const auto& w : words) q.words.push_back(w.get<std::string>());
    }
    if (q.words.empty()) throw Error("a query line needs at least one word");
    return q;
}

// Mirrors QueryParser: a word analyses into a keyword, or into a phrase of
// its tokens; words with nothing searchable make the query an error.
inline LogicalQuery analyse_query(Analyzer& analyzer, const QueryLine& q) {
    LogicalQuery out;
    out.conjunctive = q.op == Op::kAnd;
    switch (q.op) {
        case Op::kTerm:
        case Op::kAnd:
        case Op::kOr:
            for (const std::string& w : q.words) {
                std::vector<Token> tokens = analyzer.analyze(w);
                if (tokens.empty()) {
                    out.error = "'" + w + "' has nothing in it to search for";
                    return out;
                }
                Clause c;
                if (tokens.size() == 1) {
                    c.kind = Clause::Kind::kKeyword;
                    c.terms.push_back(std::move(tokens[0].stem));
                } else {
                    c.kind = Clause::Kind::kPhrase;
                    for (Token& t : tokens) c.terms.push_back(std::move(t.word));
                }
                out.clauses.push_back(std::move(c));
            }
            break;
        case Op::kPhrase: {
            std::string text;
            for (const std::string& w : q.words) {
                if (!text.empty()) text += ' ';
                text += w;
            }
            std::vector<Token> tokens = analyzer.analyze(text);
            if (tokens.empty()) {
                out.error = "this phrase has no words to search for";
                return out;
            }
            Clause c;
            c.kind = tokens.size() == 1 ? Clause::Kind::kWord : Clause::Kind::kPhrase;
            for (Token& t : tokens) c.terms.push_back(std::move(t.word));
            out.clauses.push_back(std::move(c));
            break;
        }
        case Op::kPrefix: {
            std::string_view p = q.words[0];
            if (p.ends_with('*')) p.remove_suffix(1);
            std::vector<Token> tokens = analyzer.analyze(p);
            if (tokens.size() != 1) {
                out.error = "a prefix must be one word";
                return out;
            }
            out.clauses.push_back({Clause::Kind::kPrefix, {std::move(tokens[0].word)}});
            break;
        }
    }
    return out;
}

// The query lines of standard input, in order (blank lines skipped).
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

// One engine's answer to one query: its top documents, and how long the
// whole page took (analysis, search, stored fields of the hits).
struct Answer {
    std::uint64_t nanoseconds = 0;
    std::vector<std::int64_t> top;
    std::optional<std::uint64_t> estimated;  // the engine's hit estimate, if it makes one
    std::string error;
};

// Answers every query `warmup` times untimed, then once timed, so that each
// engine is measured warm in the same way.
template <typename AnswerFn>
std::vector<Answer> answer_all(const std::vector<QueryLine>& queries, int warmup,
                               AnswerFn&& answer) {
    for (int round = 0; round < warmup; ++round)
        for (const QueryLine& q : queries) answer(q);
    std::vector<Answer> answers;
    answers.reserve(queries.size());
    for (const QueryLine& q : queries) {
        const auto start = Clock::now();
        Answer a = answer(q);
        a.nanoseconds =
            static_cast<std::uint64_t>(std::chrono::nanoseconds(Clock::now() - start).count());
        answers.push_back(std::move(a));
    }
    return answers;
}

// The result line run.py reads for one query.
inline nlohmann::json answer_record(const QueryLine& q, const Answer& a) {
    nlohmann::json out = {
        {"id", q.id},
        {"class", q.query_class},
        {"latency_us", static_cast<double>(a.nanoseconds) / 1000.0},
        {"top", a.top},
        {"hits_estimated", a.estimated ? nlohmann::json(*a.estimated) : nlohmann::json(nullptr)}};
    if (!a.error.empty()) out["error"] = a.error;
    return out;
}

}  // namespace scoop::bench
