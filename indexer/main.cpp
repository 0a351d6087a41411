// indexer: builds and updates a scoop index from article files.
// All the work is in core/; this file is options and output.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "analysis/stemmer.h"
#include "command_line.h"
#include "index/index_check.h"
#include "index/index_reader.h"
#include "index/index_stats.h"
#include "ingest/index_updater.h"
#include "util/error.h"
#include "util/file.h"
#include "util/terminal.h"
#include "util/visible_text.h"

namespace {

using namespace scoop;

constexpr std::size_t kListedIssues = 20;

class ProgressBar {
  public:
    explicit ProgressBar(bool enabled) : enabled_(enabled) {}
    ~ProgressBar() { clear(); }

    void operator()(const UpdateProgress& p) {
        if (!enabled_) return;
        const int width = terminal_width(STDERR_FILENO);
        std::string line;
        switch (p.phase) {
            case UpdateProgress::Phase::kScanning:
                line = "scanning files...";
                break;
            case UpdateProgress::Phase::kCommitting:
                line = "committing...";
                break;
            case UpdateProgress::Phase::kMerging:
                line = "merging segments...";
                break;
            case UpdateProgress::Phase::kDone:
                clear();
                return;
            case UpdateProgress::Phase::kIndexing: {
                const double fraction =
                    p.bytes_total
                        ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                        : (p.files_total ? static_cast<double>(p.files_done) /
                                               static_cast<double>(p.files_total)
                                         : 1.0);
                const double rate =
                    p.seconds > 0 ? static_cast<double>(p.bytes_done) / p.seconds : 0;
                const double eta =
                    rate > 0 ? static_cast<double>(p.bytes_total - p.bytes_done) / rate : 0;
                const std::string text = fmt::format(
                    " {}/{} files  {} docs  {}/s  ETA {}", format_count(p.files_done),
                    format_count(p.files_total), format_count(p.documents),
                    format_bytes(static_cast<std::uint64_t>(rate)), format_duration(eta));
                const int bar =
                    std::max(10, std::min(40, width - static_cast<int>(text.size()) - 3));
                const int filled = static_cast<int>(fraction * bar);
                line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                       std::string(static_cast<std::size_t>(bar - filled), '.') + "]" + text;
                break;
            }
        }
        if (static_cast<int>(line.size()) >= width)
            line.resize(static_cast<std::size_t>(std::max(0, width - 1)));
        std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
        std::fflush(stderr);
        shown_ = true;
    }

    void clear() {
        if (!shown_) return;
        std::fprintf(stderr, "\r\x1b[K");
        std::fflush(stderr);
        shown_ = false;
    }

  private:
    bool enabled_;
    bool shown_ = false;
};

void print_issues(const char* heading, const std::vector<FileIssue>& issues) {
    if (issues.empty()) return;
    fmt::print("{}:\n", heading);
    for (std::size_t i = 0; i < issues.size() && i < kListedIssues; ++i) {
        const auto& issue = issues[i];
        // File names and messages can hold anything, escape sequences too.
        if (issue.line)
            fmt::print("  {}:{}: {}\n", visible(issue.path), issue.line, visible(issue.message));
        else
            fmt::print("  {}: {}\n", visible(issue.path), visible(issue.message));
    }
    if (issues.size() > kListedIssues)
        fmt::print("  ... and {} more\n", issues.size() - kListedIssues);
}

nlohmann::json issues_json(const std::vector<FileIssue>& issues) {
    auto out = nlohmann::json::array();
    for (const auto& i : issues)
        out.push_back({{"path", i.path}, {"line", i.line}, {"message", i.message}});
    return out;
}

void print_report(const UpdateReport& r, bool json) {
    if (json) {
        nlohmann::json j = {{"files",
                             {{"added", r.files_added},
                              {"updated", r.files_updated},
                              {"deleted", r.files_deleted},
                              {"unchanged", r.files_unchanged},
                              {"skipped", r.files_skipped}}},
                            {"documents",
                             {{"added", r.documents_added},
                              {"deleted", r.documents_deleted},
                              {"in_index", r.documents_in_index}}},
                            {"bytes_read", r.bytes_read},
                            {"extraction_outdated", r.extraction_outdated},
                            {"stale_documents_removed", r.stale_documents_removed},
                            {"seconds", r.seconds},
                            {"segments", r.segments},
                            {"merges", r.merges},
                            {"skipped", issues_json(r.skipped)},
                            {"warnings", issues_json(r.warnings)}};
        std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    const double mb_s = r.seconds > 0 ? static_cast<double>(r.bytes_read) / 1e6 / r.seconds : 0;
    fmt::print("read {} in {} ({:.1f} MB/s)\n", format_bytes(r.bytes_read),
               format_duration(r.seconds), mb_s);
    fmt::print("  added      {:>8} files  ({} documents)\n", format_count(r.files_added),
               format_count(r.documents_added));
    fmt::print("  updated    {:>8} files\n", format_count(r.files_updated));
    fmt::print("  deleted    {:>8} files  ({} documents removed in all)\n",
               format_count(r.files_deleted), format_count(r.documents_deleted));
    fmt::print("  unchanged  {:>8} files\n", format_count(r.files_unchanged));
    fmt::print("  skipped    {:>8} files\n", format_count(r.files_skipped));
    if (r.stale_documents_removed > 0)
        fmt::print(
            "  repaired   {:>8} documents of no indexed file removed (older indexers' copies)\n",
            format_count(r.stale_documents_removed));
    print_issues("skipped", r.skipped);
    print_issues("warnings", r.warnings);
    fmt::print("index: {} documents in {} segment{}{}\n", format_count(r.documents_in_index),
               r.segments, r.segments == 1 ? "" : "s",
               r.merges ? fmt::format(" ({} merge{})", r.merges, r.merges == 1 ? "" : "s") : "");
}

void print_stats(const IndexStats& s, const std::string& dir, bool json) {
    auto kind_label = [](std::size_t k) {
        return std::string(kind_name(static_cast<TermKind>(k)));
    };
    if (json) {
        nlohmann::json terms, postings, bytes;
        for (std::size_t k = 1; k < kTermKindCount; ++k) {
            terms[kind_label(k)] = s.terms[k];
            postings[kind_label(k)] = s.postings[k];
        }
        for (const auto& [kind, n] : s.bytes_by_kind) bytes[kind] = n;
        nlohmann::json j = {{"index", dir},           {"generation", s.generation},
                            {"language", s.language}, {"documents", s.documents},
                            {"deleted", s.deleted},   {"segments", s.segments},
                            {"files", s.files},       {"terms", terms},
                            {"postings", postings},   {"positions", s.positions},
                            {"bytes", bytes},         {"total_bytes", s.total_bytes}};
        std::cout << j.dump(2) << "\n";
        return;
    }
    fmt::print("index       {}\n", dir);
    fmt::print("generation  {}\n", s.generation);
    fmt::print("language    {}\n", s.language);
    fmt::print("documents   {} ({} deleted, awaiting merge)\n", format_count(s.documents),
               format_count(s.deleted));
    fmt::print("files       {}\n", format_count(s.files));
    fmt::print("segments    {}\n", s.segments);
    fmt::print("terms and postings:\n");
    for (std::size_t k = 1; k < kTermKindCount; ++k)
        fmt::print("  {:<12} {:>12} terms  {:>14} postings\n", kind_label(k),
                   format_count(s.terms[k]), format_count(s.postings[k]));
    fmt::print("  positions    {:>12}\n", format_count(s.positions));
    fmt::print("size by file kind:\n");
    for (const auto& [kind, n] : s.bytes_by_kind)
        fmt::print("  {:<10} {:>10}\n", kind, format_bytes(n));
    fmt::print("  {:<10} {:>10}\n", "total", format_bytes(s.total_bytes));
}

void dump_terms(const std::vector<std::string>& inputs, std::optional<InputFormat> format,
                const std::string& language) {
    Analyzer analyzer(language.empty() ? "english" : language);
    for (const auto& path : inputs) {
        const std::string bytes = read_file(path);
        const Extraction e =
            extract_articles(bytes, path, format ? *format : format_for_path(path));
        for (const auto& p : e.problems)
            fmt::print(stderr, "{}:{}: {}\n", visible(path), p.line, visible(p.message));
        for (const Article& a : e.articles) {
            fmt::print("== {}{}\n", visible(path), a.line ? fmt::format(":{}", a.line) : "");
            fmt::print("title:  {}\n", visible(a.title));
            fmt::print("date:   {}\n",
                       a.date == kNoDate ? std::string("(none)") : std::to_string(a.date));
            fmt::print("source: {}\n", visible(a.source));
            for (const auto& [field, text] :
                 {std::pair{"title", &a.title}, std::pair{"body", &a.body}}) {
                fmt::print("{} terms:", field);
                for (const Token& t : analyzer.analyze(*text)) {
                    fmt::print(" {}{}{}@{}", t.joined ? "+" : "", t.word,
                               t.stem != t.word ? "/" + t.stem : "", t.position);
                }
                fmt::print("\n");
            }
        }
    }
}

// "2022-01-25T14:45:00+01:00": a local date as written, with its zone
// when the article gave one.
std::string iso_local(Timestamp t, std::optional<std::int32_t> utc_offset) {
    const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const std::int64_t seconds = t - days * 86400;
    // Hinnant's civil_from_days.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, m, d, seconds / 3600,
                                  seconds / 60 % 60, seconds % 60);
    if (utc_offset) {
        const int offset = *utc_offset;
        const int magnitude = offset < 0 ? -offset : offset;
        out += fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', magnitude / 3600,
                           magnitude / 60 % 60);
    }
    return out;
}

// --dump-article: each extracted article as one JSON line, to see why a
// page indexes badly. Problems go to stderr as for indexing.
void dump_articles(const std::vector<std::string>& inputs, std::optional<InputFormat> format) {
    for (const auto& path : inputs) {
        const std::string bytes = read_file(path);
        const InputFormat chosen = format ? *format : format_for_path(path);
        const Extraction e = extract_articles(bytes, path, chosen);
        for (const auto& p : e.problems) fmt::print(stderr, "{}:{}: {}\n", path, p.line, p.message);
        for (const Article& a : e.articles) {
            nlohmann::ordered_json j;
            j["path"] = a.path;
            if (a.line) j["line"] = a.line;
            j["format"] = std::string(format_name(chosen));
            j["encoding"] = e.encoding;
            j["title"] = a.title;
            j["date"] = a.date_text.empty() ? nlohmann::json() : nlohmann::json(a.date_text);
            j["date_iso"] = a.date == kNoDate
                                ? nlohmann::json()
                                : nlohmann::json(iso_local(a.date, a.date_utc_offset));
            j["timestamp"] = a.date == kNoDate ? nlohmann::json() : nlohmann::json(a.date);
            j["utc_offset"] =
                a.date_utc_offset ? nlohmann::json(*a.date_utc_offset) : nlohmann::json();
            j["source"] = a.source;
            j["url"] = a.url;
            j["body"] = a.body;
            std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Build or update a scoop full-text index from article files (plain text, JSON Lines, "
        "HTML).\n"
        "Re-running on the same paths adds new files, replaces changed ones and removes deleted "
        "ones."};
    // As with most tools, an option given twice takes its last value.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.set_version_flag("--version", "scoop indexer 0.1.0");
    UpdateOptions options;
    std::string index_dir, format_name;
    std::size_t ram_mb = 256, max_file_mb = 256;
    bool stats = false, check = false, dump = false, dump_article = false, json = false,
         quiet = false, no_merge = false;
    app.add_option("--index,-i", index_dir, "Index directory (created if missing)");
    app.add_option("--format", format_name,
                   "Read every file as this format instead of going by extension")
        ->check(CLI::IsMember({"text", "jsonl", "html"}));
    app.add_option("--ram-mb", ram_mb, "Memory for buffered postings before a segment is written")
        ->check(CLI::Range(1, 1 << 20))
        ->capture_default_str();
    app.add_option("--threads", options.threads,
                   "Threads for reading and analysis (default: one per core)");
    app.add_option("--language", options.language,
                   "Stemming language of a new index (default english; 'none' disables stemming)");
    app.add_option("--title-weight", options.title_weight,
                   "How many times a title word counts in ranking, for a new index (default 2)")
        ->check(CLI::Range(1, 100));
    app.add_option("--max-file-mb", max_file_mb, "Skip text and HTML files larger than this")
        ->capture_default_str();
    app.add_flag("--recheck", options.recheck,
                 "Read and compare every file's content, even when its size and times match "
                 "the catalogue's (slower: reads everything)");
    app.add_flag("--reextract", options.reextract,
                 "Extract and index every file again, changed or not (after an upgrade of the "
                 "article extractor)");
    app.add_flag("--optimize", options.optimize, "Merge the whole index into one segment");
    app.add_flag("--no-merge", no_merge, "Do not merge segments after indexing");
    app.add_flag("--stats", stats, "Print index statistics and exit");
    app.add_flag("--check", check, "Verify every checksum and read every posting and document");
    app.add_flag("--dump-terms", dump,
                 "Print the analysed terms of the given files (no index needed)");
    app.add_flag("--dump-article", dump_article,
                 "Print each extracted article of the given files as a JSON line (no index "
                 "needed)");
    app.add_flag("--json", json, "Print the summary as JSON");
    app.add_flag("--quiet,-q", quiet, "No progress bar");
    // Paths are the arguments that are not options, kept verbatim.
    try {
        CommandLine command_line = split_command_line(app, argc, argv);
        parse_options(app, command_line);
        options.inputs = std::move(command_line.words);
    } catch (const CLI::ParseError& e) {
        return usage_error(app, e, "indexer");
    }

    try {
        std::optional<InputFormat> format;
        if (!format_name.empty()) format = parse_format_name(format_name);
        if (dump_article) {
            if (options.inputs.empty()) throw Error("--dump-article needs files to extract");
            dump_articles(options.inputs, format);
            return 0;
        }
        if (dump) {
            if (options.inputs.empty()) throw Error("--dump-terms needs files to analyse");
            dump_terms(options.inputs, format, options.language);
            return 0;
        }
        if (index_dir.empty())
            throw Error("no index directory given; use --index DIR (see --help)");
        if (stats || check) {
            auto reader = IndexReader::open(index_dir, ReaderOptions{check});
            if (check) {
                const CheckReport report = check_index(*reader);
                if (report.stale_documents > 0) {
                    fmt::print(stderr,
                               "indexer: {}: {} documents belong to no indexed file (copies left "
                               "by an older indexer); run the indexer on the same paths to "
                               "remove them\n",
                               visible(index_dir), format_count(report.stale_documents));
                    return 1;
                }
                fmt::print(
                    "{}: OK ({} documents in {} segments, every checksum and posting verified)\n",
                    visible(index_dir), format_count(reader->live_doc_count()),
                    reader->segments().size());
            }
            if (stats) print_stats(compute_stats(*reader), index_dir, json);
            return 0;
        }
        if (options.inputs.empty() && !options.optimize)
            throw Error(
                "no files or folders to index; usage: indexer --index DIR PATH..., or "
                "indexer --index DIR --optimize (see --help)");
        options.index_dir = index_dir;
        options.format = format;
        options.ram_budget_bytes = ram_mb << 20;
        options.max_file_bytes = std::uint64_t{max_file_mb} << 20;
        options.merge = !no_merge;
        ProgressBar bar(!quiet && !json && is_terminal(STDERR_FILENO));
        const UpdateReport report = update_index(options, [&](const UpdateProgress& p) { bar(p); });
        bar.clear();
        print_report(report, json);
        if (report.extraction_outdated)
            fmt::print(stderr,
                       "indexer: note: articles in this index were extracted by an older version "
                       "of the extractor; run again with --reextract to read every file again and "
                       "index it better\n");
        return 0;
    } catch (const Error& e) {
        fmt::print(stderr, "indexer: {}\n", visible(e.what(), true));
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "indexer: unexpected error: {}\n", visible(e.what(), true));
        return 1;
    }
}
