// searcher: ranked, phrase and boolean queries over a scoop index.
// The work is in core/query; this file is options and output.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "command_line.h"
#include "index/index_reader.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "render.h"
#include "util/error.h"
#include "util/terminal.h"
#include "util/visible_text.h"

namespace {

using namespace scoop;

// Exit status, as grep and ripgrep use it.
constexpr int kFound = 0;
constexpr int kNotFound = 1;
constexpr int kFailed = 2;

nlohmann::json error_json(std::string_view query, const std::string& message) {
    return {{"query", std::string(query)}, {"error", message}};
}

std::string dump(const nlohmann::json& j) {
    // Invalid UTF-8 cannot reach here (text is decoded at indexing), but a
    // dump that throws would lose a whole batch: replace rather than fail.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_error(const std::string& message) {
    fmt::print(stderr, "searcher: {}\n", visible(message, true));
}

// The indexes named, as one reader. One named twice (also as another
// path to the same folder) is searched once: its documents would
// otherwise all be found twice.
std::shared_ptr<const IndexReader> open_indexes(const std::vector<std::string>& dirs,
                                                ReaderOptions options) {
    std::vector<std::shared_ptr<const IndexReader>> readers;
    std::vector<std::filesystem::path> seen;
    for (const std::string& dir : dirs) {
        std::error_code ec;
        std::filesystem::path canonical = std::filesystem::weakly_canonical(dir, ec);
        if (ec) canonical = dir;
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);
        readers.push_back(IndexReader::open(dir, options));
    }
    return IndexReader::combine(readers);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Search a scoop index: ranked keywords, \"exact phrases\", AND/OR/NOT, title:, date "
        "ranges, prefix*.\n"
        "Exit status: 0 when something matched, 1 when nothing did, 2 on error."};
    // As with most tools, an option given twice takes its last value.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.set_version_flag("--version", "scoop searcher 0.1.0");
    const char* env_index = std::getenv("SCOOP_INDEX");
    std::vector<std::string> index_dirs;
    SearchOptions options;
    std::string sort = "relevance", color = "auto";
    bool json = false, batch = false, count_only = false, verify = false, no_snippets = false,
         strict = false;
    app.add_option("--index,-i", index_dirs,
                   "Index directory (default: $SCOOP_INDEX, else ./index); given several times, "
                   "the indexes are searched as one")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--limit,-n", options.limit, "Results to show")
        ->check(CLI::Range(std::size_t{0}, kMaxResultWindow))
        ->capture_default_str();
    app.add_option("--offset", options.offset, "Results to skip (for paging)")
        ->check(CLI::Range(std::size_t{0}, kMaxResultWindow))
        ->capture_default_str();
    app.add_option("--sort", sort, "Order results by relevance or by date (newest first)")
        ->check(CLI::IsMember({"relevance", "date"}))
        ->capture_default_str();
    app.add_flag("--count", count_only, "Print only the exact number of matching documents");
    app.add_flag("--explain", options.explain,
                 "Show each hit's score as the sum of its BM25 parts");
    app.add_flag("--json", json, "One JSON object per query");
    app.add_flag("--batch", batch,
                 "Read queries from standard input, one per line (index opened once)");
    app.add_option("--k1", options.bm25.k1, "BM25 term-frequency saturation (0 to 100)")
        ->capture_default_str();
    app.add_option("--b", options.bm25.b, "BM25 length normalisation (0 to 1)")
        ->capture_default_str();
    app.add_flag("--no-snippets", no_snippets, "Do not read article text for snippets (faster)");
    app.add_option("--snippet-width", options.snippet_width, "Snippet length in characters")
        ->capture_default_str();
    app.add_flag("--exact-total", options.exact_total,
                 "Count every match exactly, without pruning (slower)");
    app.add_option("--track-total", options.exact_total_up_to,
                   "Count matches exactly up to this many; beyond, the total is a lower bound")
        ->capture_default_str();
    app.add_option("--common-word-weight", options.common_word_weight,
                   "What an optional common word (the, of, which) counts for in a ranked query: "
                   "1 as any word, 0 dropped")
        ->capture_default_str();
    app.add_option("--proximity-weight", options.proximity_weight,
                   "Add this times a term-proximity bonus (BM25TP) to the top 100's scores: "
                   "words of the query near each other rank higher (0: plain BM25)")
        ->capture_default_str();
    app.add_option("--max-prefix-terms", options.max_prefix_terms, "Words a prefix* may expand to")
        ->capture_default_str();
    app.add_option("--max-query-bytes", options.limits.max_bytes, "Longest query accepted")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
        ->capture_default_str();
    app.add_option("--max-query-terms", options.limits.max_terms,
                   "Most words (phrase words and prefixes included) a query may have")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
        ->capture_default_str();
    app.add_flag("--strict", strict,
                 "Refuse a malformed query (a stray '+', '(' or '\"', an unknown field:) with an "
                 "error instead of reading it as text with a note");
    app.add_flag("--verify", verify, "Verify every index file's checksum when opening");
    app.add_option("--color", color, "Colour output: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    // The query is taken verbatim from the arguments that are not options,
    // so that "-clinton" is a query word and not a flag, and a query is the
    // same text on the command line as on a --batch line.
    CommandLine command_line;
    try {
        command_line = split_command_line(app, argc, argv);
        parse_options(app, command_line);
    } catch (const CLI::ParseError& e) {
        return usage_error(app, e, "searcher");
    }

    options.sort = sort == "date" ? SortOrder::kDate : SortOrder::kRelevance;
    options.snippets = !no_snippets;
    options.syntax = strict ? QuerySyntax::kStrict : QuerySyntax::kLenient;
    if (batch && !command_line.words.empty()) {
        print_error("--batch reads its queries from standard input; give no query arguments");
        return kFailed;
    }
    if (!batch && command_line.words.empty()) {
        print_error(
            "no query given; usage: searcher --index DIR QUERY... (or --batch, see --help)");
        return kFailed;
    }
    try {
        validate(options);
    } catch (const Error& e) {
        print_error(e.what());
        return kFailed;
    }

    std::unique_ptr<Searcher> searcher;
    try {
        if (index_dirs.empty()) index_dirs.push_back(env_index ? env_index : "index");
        searcher = std::make_unique<Searcher>(open_indexes(index_dirs, ReaderOptions{verify}));
    } catch (const Error& e) {
        print_error(e.what());
        return kFailed;
    }

    RenderStyle style;
    style.color = color == "always" || (color == "auto" && use_color(STDOUT_FILENO));
    style.explain = options.explain;
    style.width = terminal_width(STDOUT_FILENO, 100);

    bool any_found = false, any_failed = false;
    auto fail = [&](std::string_view query, const std::string& json_message,
                    const std::string& text_message) {
        any_failed = true;
        if (json && batch)
            std::cout << dump(error_json(query, json_message)) << "\n";
        else if (batch)
            // One answer per question: the error goes where the answer would.
            std::cout << "searcher: " << visible(text_message, true) << "\n\n";
        else
            print_error(text_message);
    };
    auto run = [&](const std::string& query) {
        try {
            if (query.find_first_not_of(" \t\f\v\r\n") == std::string::npos)
                throw QueryError(query, 0, "the query is empty");
            if (count_only) {
                const std::uint64_t n = searcher->count(query, options);
                if (json)
                    std::cout << dump({{"query", query}, {"total", n}, {"total_exact", true}})
                              << "\n";
                else
                    std::cout << n << "\n";
                any_found |= n > 0;
                return;
            }
            const SearchResult result = searcher->search(query, options);
            any_found |= result.total > 0;
            if (json)
                std::cout << render_json(query, result, options.offset, options.explain) << "\n";
            else
                std::cout << render_text(query, result, options.offset, style)
                          << (batch ? "\n" : "");
        } catch (const QueryError& e) {
            fail(query, e.message(), e.what());
        } catch (const Error& e) {
            fail(query, e.what(), e.what());
        }
        std::cout.flush();
    };

    if (batch) {
        for (std::string line; std::getline(std::cin, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            run(line);
        }
    } else {
        std::string query;
        for (const auto& w : command_line.words) {
            if (!query.empty()) query += ' ';
            query += w;
        }
        run(query);
    }
    if (any_failed) return kFailed;
    return any_found ? kFound : kNotFound;
}
