// evaluate_extraction: scores scoop's article extraction on the trafilatura
// and htmldate evaluation pages, by those projects' own rules (see the data
// folder's SOURCE.md), for HTML and for the same pages as scraped text.
//
//   evaluate_extraction DATA_DIR [--split all|tune|check] [--sample K]
//                       [--text-cache DIR] [--no-text] [--details FILE]
//                       [--rounds N] [--min-html-f1 X] [--min-text-f1 X]
//                       [--min-date-f1 X] [--min-text-date-f1 X]
//
// DATA_DIR holds trafilatura/{evaldata.json,pages/} and
// htmldate/{eval.json,pages/}. The choices:
//  - Main text: the article body only (the title is a field of its own).
//    Whitespace runs become one space; a `with` segment found in it is a
//    true positive, one not found a false negative; a `without` segment
//    found is a false positive, not found a true negative. Counts are summed
//    over the pages, then scored (trafilatura's tests/eval_common.py).
//  - Dates: the article date's day as written, against the reference day:
//    right is tp, another day fp, no date fn (htmldate's evaluation.py).
//  - Scraped text: each page converted with `w3m -dump` (80 columns, UTF-8
//    out; w3m reads the page's charset itself), then read by the
//    plain-text extractor.
//  - Split: every page belongs to the "tune" or the "check" half by the
//    parity of a hash of its file name, so that rules tuned on one half can
//    be checked on pages they were not tuned on. --sample K keeps only the
//    check-half pages whose hash is 0 modulo K (the test suite's small
//    fixed sample).
//  - Titles: benchmarks/extraction/titles.tsv holds hand-checked titles for
//    some pages (file name, tab, title); a title is right when it equals the
//    reference after whitespace normalisation.
//  - Throughput: extract_articles over all pages in memory, one thread,
//    best of --rounds rounds, input megabytes (10^6 bytes) per second of
//    the thread's CPU time (per core, so that other work on the machine
//    does not count against it).
// Exit status 1 when a --min-* floor is not met, 2 on an error.

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/date_parser.h"
#include "analysis/extractor.h"
#include "util/error.h"

extern char** environ;

namespace scoop {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read this file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

nlohmann::json read_json(const fs::path& path) {
    try {
        return nlohmann::json::parse(read_file(path));
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string() + ": not valid JSON: " + e.what());
    }
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

enum class Half { kTune, kCheck };

Half half_of(std::string_view file_name) {
    return fnv1a(file_name) % 2 == 0 ? Half::kTune : Half::kCheck;
}

// trafilatura's norm(): whitespace runs to one space, ends stripped.
std::string normalise_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

struct Counts {
    std::size_t tp = 0, fp = 0, tn = 0, fn = 0;

    void add(const Counts& o) {
        tp += o.tp;
        fp += o.fp;
        tn += o.tn;
        fn += o.fn;
    }
    double precision() const { return ratio(tp, tp + fp); }
    double recall() const { return ratio(tp, tp + fn); }
    double accuracy() const { return ratio(tp + tn, tp + tn + fp + fn); }
    double f1() const { return ratio(2 * tp, 2 * tp + fp + fn); }

    static double ratio(std::size_t a, std::size_t b) {
        return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
    }
};

struct TextPage {
    std::string file;
    fs::path path;
    Half half;
    std::vector<std::string> with, without;
};

struct DatePage {
    std::string file;
    fs::path path;
    Half half;
    std::optional<std::string> date;  // YYYY-MM-DD; nullopt for htmldate's NaN
};

std::vector<TextPage> load_text_pages(const fs::path& data) {
    const fs::path folder = data / "trafilatura";
    const nlohmann::json eval = read_json(folder / "evaldata.json");
    std::vector<TextPage> pages;
    for (const auto& [url, entry] : eval.items()) {
        TextPage page;
        page.file = entry.at("file").get<std::string>();
        page.path = folder / "pages" / page.file;
        page.half = half_of(page.file);
        for (const auto& s : entry.at("with"))
            page.with.push_back(normalise_space(s.get<std::string>()));
        for (const auto& s : entry.at("without"))
            page.without.push_back(normalise_space(s.get<std::string>()));
        pages.push_back(std::move(page));
    }
    return pages;
}

std::vector<DatePage> load_date_pages(const fs::path& data) {
    const fs::path folder = data / "htmldate";
    const nlohmann::json eval = read_json(folder / "eval.json");
    std::vector<DatePage> pages;
    for (const auto& [url, entry] : eval.items()) {
        DatePage page;
        page.file = entry.at("file").get<std::string>();
        page.path = folder / "pages" / page.file;
        page.half = half_of(page.file);
        if (entry.at("date").is_string()) page.date = entry.at("date").get<std::string>();
        pages.push_back(std::move(page));
    }
    return pages;
}

// The page as `w3m -dump` renders it, from the cache when it has it.
class ScrapedText {
  public:
    explicit ScrapedText(std::string cache_dir) : cache_dir_(std::move(cache_dir)) {
        if (!cache_dir_.empty()) fs::create_directories(cache_dir_);
    }

    std::string of(const fs::path& page) {
        fs::path cached;
        if (!cache_dir_.empty()) {
            const std::string key =
                fs::absolute(page).string() + "\n" + std::to_string(fs::file_size(page));
            cached = fs::path(cache_dir_) / fmt::format("{:016x}.txt", fnv1a(key));
            if (fs::exists(cached)) return read_file(cached);
        }
        std::string text = run_w3m(page);
        if (!cached.empty()) {
            std::ofstream out(cached, std::ios::binary);
            out << text;
        }
        return text;
    }

  private:
    static std::string run_w3m(const fs::path& page) {
        int pipe_fds[2];
        if (pipe(pipe_fds) != 0) throw Error("cannot create a pipe for w3m");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        const std::string path = page.string();
        std::vector<char*> argv;
        for (const char* arg : {"w3m", "-dump", "-T", "text/html", "-O", "UTF-8"})
            argv.push_back(const_cast<char*>(arg));
        argv.push_back(const_cast<char*>(path.c_str()));
        argv.push_back(nullptr);
        pid_t pid = 0;
        const int spawned = posix_spawnp(&pid, "w3m", &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(pipe_fds[1]);
        if (spawned != 0) {
            close(pipe_fds[0]);
            throw Error("cannot run w3m (" + std::string(strerror(spawned)) +
                        "): install it with scripts/setup.sh or apt-get install w3m, or pass "
                        "--no-text");
        }
        std::string text;
        char buffer[65536];
        for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
            if (n < 0) {
                if (errno == EINTR) continue;
                break;
            }
            text.append(buffer, static_cast<std::size_t>(n));
        }
        close(pipe_fds[0]);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            throw Error(path + ": w3m failed on this page");
        return text;
    }

    std::string cache_dir_;
};

std::string day_of(Timestamp t) {
    const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
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
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::optional<Article> extract(std::string_view bytes, const std::string& path,
                               InputFormat format) {
    Extraction extraction = extract_articles(bytes, path, format);
    if (extraction.articles.empty()) return std::nullopt;
    return std::move(extraction.articles.front());
}

Counts score_text(const TextPage& page, const std::optional<Article>& article,
                  std::ostream* details, std::string_view label) {
    Counts c;
    const std::string body = article ? normalise_space(article->body) : std::string();
    for (const std::string& segment : page.with) {
        if (body.find(segment) != std::string::npos) {
            ++c.tp;
        } else {
            ++c.fn;
            if (details) *details << label << "\t" << page.file << "\tmissing\t" << segment << "\n";
        }
    }
    for (const std::string& segment : page.without) {
        if (body.find(segment) != std::string::npos) {
            ++c.fp;
            if (details) *details << label << "\t" << page.file << "\tkept\t" << segment << "\n";
        } else {
            ++c.tn;
        }
    }
    return c;
}

Counts score_date(const DatePage& page, const std::optional<Article>& article,
                  std::ostream* details, std::string_view label) {
    Counts c;
    const bool found = article && article->date != kNoDate;
    const std::string day = found ? day_of(article->date) : std::string();
    if (!found) {
        ++c.fn;
    } else if (page.date && *page.date == day) {
        ++c.tp;
    } else {
        ++c.fp;
    }
    if (details && !(page.date && day == *page.date))
        *details << label << "\t" << page.file << "\tdate\t" << (found ? day : "none") << " want "
                 << page.date.value_or("none") << "\n";
    return c;
}

std::string title_key(std::string_view title) {
    return normalise_space(title);
}

// Hand-checked titles: "file<TAB>title" per line, '#' comments.
std::vector<std::pair<std::string, std::string>> load_titles(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> titles;
    if (path.empty()) return titles;
    std::istringstream in(read_file(path));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) throw Error(path + ": a line without a tab: " + line);
        titles.emplace_back(line.substr(0, tab), normalise_space(line.substr(tab + 1)));
    }
    return titles;
}

// CPU time of this thread: MB/s per core, whatever else the machine runs.
double thread_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Best of `rounds` passes of extract_articles over `pages`, in MB/s.
double throughput(const std::vector<std::string>& pages, InputFormat format, int rounds) {
    std::uint64_t bytes = 0;
    for (const std::string& p : pages) bytes += p.size();
    double best = 0;
    for (int round = 0; round < rounds; ++round) {
        const double start = thread_seconds();
        std::size_t articles = 0;
        for (const std::string& p : pages)
            articles += extract_articles(p, "p", format).articles.size();
        const double seconds = thread_seconds() - start;
        if (articles > 0 && seconds > 0)
            best = std::max(best, static_cast<double>(bytes) / seconds / 1e6);
    }
    return best;
}

struct Options {
    std::string data_dir, split = "all", cache_dir, details_path, titles_path;
    std::size_t sample = 0;
    int rounds = 3;
    bool no_text = false;
    double min_html_f1 = 0, min_text_f1 = 0, min_date_f1 = 0, min_text_date_f1 = 0,
           min_title_rate = 0;
};

std::string row(std::string_view name, const Counts& c) {
    return fmt::format("| {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {} | {} | {} | {} |\n", name,
                       c.precision(), c.recall(), c.accuracy(), c.f1(), c.tp, c.fp, c.tn, c.fn);
}

int evaluate(const Options& options) {
    const fs::path data(options.data_dir);
    auto wanted = [&](std::string_view file, Half half) {
        if (options.sample > 0)
            return half == Half::kCheck && (fnv1a(file) / 2) % options.sample == 0;
        if (options.split == "tune") return half == Half::kTune;
        if (options.split == "check") return half == Half::kCheck;
        return true;
    };
    std::vector<TextPage> text_pages;
    for (TextPage& p : load_text_pages(data))
        if (wanted(p.file, p.half)) text_pages.push_back(std::move(p));
    std::vector<DatePage> date_pages;
    for (DatePage& p : load_date_pages(data))
        if (wanted(p.file, p.half)) date_pages.push_back(std::move(p));

    std::ofstream details_file;
    std::ostream* details = nullptr;
    if (!options.details_path.empty()) {
        details_file.open(options.details_path);
        if (!details_file) throw Error(options.details_path + ": cannot write this file");
        details = &details_file;
    }
    ScrapedText scraped(options.cache_dir);
    const bool with_text = !options.no_text;

    Counts html, text, html_dates, text_dates;
    std::vector<std::string> html_bytes, text_bytes;
    for (const TextPage& page : text_pages) {
        std::string bytes = read_file(page.path);
        html.add(score_text(page, extract(bytes, page.path.string(), InputFormat::kHtml), details,
                            "html"));
        html_bytes.push_back(std::move(bytes));
        if (with_text) {
            std::string dump = scraped.of(page.path);
            text.add(score_text(page, extract(dump, page.path.string(), InputFormat::kText),
                                details, "text"));
            text_bytes.push_back(std::move(dump));
        }
    }
    for (const DatePage& page : date_pages) {
        const std::string bytes = read_file(page.path);
        html_dates.add(score_date(page, extract(bytes, page.path.string(), InputFormat::kHtml),
                                  details, "html"));
        if (with_text) {
            const std::string dump = scraped.of(page.path);
            text_dates.add(score_date(page, extract(dump, page.path.string(), InputFormat::kText),
                                      details, "text"));
        }
    }

    // Titles: pages of either set named in the titles file.
    std::size_t titles = 0, html_titles = 0, text_titles = 0;
    for (const auto& [file, title] : load_titles(options.titles_path)) {
        fs::path path = data / "trafilatura" / "pages" / file;
        if (!fs::exists(path)) path = data / "htmldate" / "pages" / file;
        if (!fs::exists(path)) throw Error(options.titles_path + ": no page named " + file);
        if (!wanted(file, half_of(file))) continue;
        ++titles;
        const std::string bytes = read_file(path);
        const auto from_html = extract(bytes, path.string(), InputFormat::kHtml);
        const bool html_right = from_html && title_key(from_html->title) == title;
        html_titles += html_right;
        if (details && !html_right)
            *details << "html\t" << file << "\ttitle\t" << (from_html ? from_html->title : "")
                     << " want " << title << "\n";
        if (with_text) {
            const auto from_text = extract(scraped.of(path), path.string(), InputFormat::kText);
            const bool text_right = from_text && title_key(from_text->title) == title;
            text_titles += text_right;
            if (details && !text_right)
                *details << "text\t" << file << "\ttitle\t" << (from_text ? from_text->title : "")
                         << " want " << title << "\n";
        }
    }

    const double html_speed = throughput(html_bytes, InputFormat::kHtml, options.rounds);
    const double text_speed =
        with_text ? throughput(text_bytes, InputFormat::kText, options.rounds) : 0;

    std::string report = fmt::format(
        "pages: {} main-text pages, {} date pages ({} split{})\n\n"
        "| what | precision | recall | accuracy | F1 | tp | fp | tn | fn |\n"
        "|---|---|---|---|---|---|---|---|---|\n",
        text_pages.size(), date_pages.size(), options.split,
        options.sample ? fmt::format(", sample 1 in {} of the check half", options.sample) : "");
    report += row("main text, HTML", html);
    if (with_text) report += row("main text, scraped text", text);
    report += row("date, HTML", html_dates);
    if (with_text) report += row("date, scraped text", text_dates);
    report += "\n";
    const double html_title_rate = titles ? static_cast<double>(html_titles) / titles : 0;
    const double text_title_rate = titles ? static_cast<double>(text_titles) / titles : 0;
    if (titles > 0) {
        report +=
            fmt::format("titles right: HTML {}/{} ({:.3f})", html_titles, titles, html_title_rate);
        if (with_text)
            report +=
                fmt::format(", scraped text {}/{} ({:.3f})", text_titles, titles, text_title_rate);
        report += "\n";
    }
    if (options.rounds > 0) {
        report += fmt::format("throughput, one thread: HTML {:.1f} MB/s", html_speed);
        if (with_text) report += fmt::format(", scraped text {:.1f} MB/s", text_speed);
        report += "\n";
    }
    std::cout << report;

    int status = 0;
    auto floor = [&](std::string_view what, double value, double minimum) {
        if (minimum > 0 && value < minimum) {
            std::cout << fmt::format("below the floor: {} {:.3f} < {:.3f}\n", what, value, minimum);
            status = 1;
        }
    };
    floor("main-text F1 from HTML", html.f1(), options.min_html_f1);
    floor("main-text F1 from text", text.f1(), options.min_text_f1);
    floor("date F1 from HTML", html_dates.f1(), options.min_date_f1);
    floor("date F1 from text", text_dates.f1(), options.min_text_date_f1);
    floor("title rate from HTML", html_title_rate, options.min_title_rate);
    return status;
}

}  // namespace
}  // namespace scoop

int main(int argc, char** argv) {
    using namespace scoop;
    CLI::App app{"Scores scoop's article extraction on the trafilatura and htmldate pages"};
    Options o;
    app.add_option("data", o.data_dir, "the extraction data folder (trafilatura/, htmldate/)")
        ->required();
    app.add_option("--split", o.split, "all, tune or check: which half of the pages to score")
        ->check(CLI::IsMember({"all", "tune", "check"}));
    app.add_option("--sample", o.sample, "only check-half pages whose name hash is 0 modulo K");
    app.add_option("--text-cache", o.cache_dir, "keep w3m's renderings in this folder");
    app.add_option("--titles", o.titles_path, "hand-checked titles (file name TAB title)");
    app.add_flag("--no-text", o.no_text, "skip the scraped-text scoring (no w3m needed)");
    app.add_option("--details", o.details_path, "write every miss and every kept boilerplate here");
    app.add_option("--rounds", o.rounds, "throughput rounds (best is reported; 0: no timing)");
    app.add_option("--min-html-f1", o.min_html_f1, "fail below this main-text F1 from HTML");
    app.add_option("--min-text-f1", o.min_text_f1, "fail below this main-text F1 from text");
    app.add_option("--min-date-f1", o.min_date_f1, "fail below this date F1 from HTML");
    app.add_option("--min-text-date-f1", o.min_text_date_f1, "fail below this date F1 from text");
    app.add_option("--min-title-rate", o.min_title_rate,
                   "fail below this share of right HTML titles");
    CLI11_PARSE(app, argc, argv);
    try {
        return evaluate(o);
    } catch (const std::exception& e) {
        std::cerr << "evaluate_extraction: " << e.what() << "\n";
        return 2;
    }
}
