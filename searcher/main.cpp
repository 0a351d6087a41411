// searcher: ranked, phrase and boolean queries over a scoop index.
// The work is in core/query; this file is options and output.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "index/index_reader.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "render.h"
#include "util/error.h"
#include "util/terminal.h"

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

}  // namespace

// "-clinton" in a query means "without clinton", but an option parser reads
// it as flags. Arguments that start with one dash and are not this
// program's short options are moved after "--", where they stay query words.
std::vector<std::string> query_friendly_arguments(int argc, char** argv) {
    std::vector<std::string> options, query_words;
    bool after_separator = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (after_separator) {
            query_words.emplace_back(a);
        } else if (a == "--") {
            after_separator = true;
        } else if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && a[1] != 'i' && a[1] != 'n' &&
                   a[1] != 'h') {
            query_words.emplace_back(a);
        } else {
            options.emplace_back(a);
        }
    }
    std::vector<std::string> out;
    out.emplace_back(argv[0]);
    out.insert(out.end(), options.begin(), options.end());
    if (!query_words.empty()) {
        out.emplace_back("--");
        out.insert(out.end(), query_words.begin(), query_words.end());
    }
    return out;
}

int main(int raw_argc, char** raw_argv) {
    std::vector<std::string> arguments = query_friendly_arguments(raw_argc, raw_argv);
    std::vector<char*> argv_storage;
    for (auto& a : arguments) argv_storage.push_back(a.data());
    const int argc = static_cast<int>(argv_storage.size());
    char** argv = argv_storage.data();
    CLI::App app{
        "Search a scoop index: ranked keywords, \"exact phrases\", AND/OR/NOT, title:, date "
        "ranges, prefix*.\n"
        "Exit status: 0 when something matched, 1 when nothing did, 2 on error."};
    // As with most tools, an option given twice takes its last value.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.set_version_flag("--version", "scoop searcher 0.1.0");
    const char* env_index = std::getenv("SCOOP_INDEX");
    std::string index_dir = env_index ? env_index : "index";
    std::vector<std::string> words;
    SearchOptions options;
    std::string sort = "relevance", color = "auto";
    bool json = false, batch = false, count_only = false, verify = false, no_snippets = false;
    app.add_option("--index,-i", index_dir,
                   "Index directory (default: $SCOOP_INDEX, else ./index)");
    app.add_option("query", words, "The query; several arguments are joined with spaces");
    app.add_option("--limit,-n", options.limit, "Results to show")->capture_default_str();
    app.add_option("--offset", options.offset, "Results to skip (for paging)")
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
    app.add_option("--k1", options.bm25.k1, "BM25 term-frequency saturation")
        ->check(CLI::Range(0.0, 100.0))
        ->capture_default_str();
    app.add_option("--b", options.bm25.b, "BM25 length normalisation")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    app.add_flag("--no-snippets", no_snippets, "Do not read article text for snippets (faster)");
    app.add_option("--snippet-width", options.snippet_width, "Snippet length in characters")
        ->capture_default_str();
    app.add_flag("--exact-total", options.exact_total,
                 "Count every match exactly, without pruning (slower)");
    app.add_option("--track-total", options.exact_total_up_to,
                   "Count matches exactly up to this many; beyond, the total is a lower bound")
        ->capture_default_str();
    app.add_option("--max-prefix-terms", options.max_prefix_terms, "Words a prefix* may expand to")
        ->capture_default_str();
    app.add_flag("--verify", verify, "Verify every index file's checksum when opening");
    app.add_option("--color", color, "Colour output: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    CLI11_PARSE(app, argc, argv);

    options.sort = sort == "date" ? SortOrder::kDate : SortOrder::kRelevance;
    options.snippets = !no_snippets;
    if (!batch && words.empty()) {
        fmt::print(stderr,
                   "searcher: no query given; usage: searcher --index DIR QUERY... (or --batch, "
                   "see --help)\n");
        return kFailed;
    }

    std::unique_ptr<Searcher> searcher;
    try {
        searcher = std::make_unique<Searcher>(IndexReader::open(index_dir, ReaderOptions{verify}));
    } catch (const Error& e) {
        fmt::print(stderr, "searcher: {}\n", e.what());
        return kFailed;
    }

    RenderStyle style;
    style.color = color == "always" || (color == "auto" && use_color(STDOUT_FILENO));
    style.explain = options.explain;
    style.width = terminal_width(STDOUT_FILENO, 100);

    bool any_found = false, any_failed = false;
    auto run = [&](const std::string& query) {
        try {
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
                std::cout << dump(render_json(query, result, options.offset, options.explain))
                          << "\n";
            else
                std::cout << render_text(query, result, options.offset, style)
                          << (batch ? "\n" : "");
        } catch (const QueryError& e) {
            any_failed = true;
            if (json && batch)
                std::cout << dump(error_json(query, e.message())) << "\n";
            else
                fmt::print(stderr, "searcher: {}\n", e.what());
        } catch (const Error& e) {
            any_failed = true;
            if (json && batch)
                std::cout << dump(error_json(query, e.what())) << "\n";
            else
                fmt::print(stderr, "searcher: {}\n", e.what());
        }
        std::cout.flush();
    };

    if (batch) {
        for (std::string line; std::getline(std::cin, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            run(line);
        }
    } else {
        std::string query;
        for (const auto& w : words) {
            if (!query.empty()) query += ' ';
            query += w;
        }
        run(query);
    }
    if (any_failed) return kFailed;
    return any_found ? kFound : kNotFound;
}
