#include "fuzz_common.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "index/envelope.h"
#include "index/file_names.h"
#include "index/manifest.h"
#include "index/segment_files.h"
#include "ingest/index_updater.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop::fuzz {
namespace {

namespace fs = std::filesystem;

// Scratch directories to remove at exit. A function-local static, so that
// it exists before the first directory is made and is destroyed (removing
// them) after the targets' own statics that use them.
struct ScratchDirs {
    std::mutex mutex;
    std::vector<std::string> dirs;
    ~ScratchDirs() {
        for (const std::string& d : dirs) {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
    }
};
ScratchDirs& scratch_dirs() {
    static ScratchDirs dirs;
    return dirs;
}

// Words of the sample articles, most frequent first: function words (so the
// index holds word pairs), news words, stem families, and words the
// analyser splits or folds (S-300, U.S., Iran's, Zürich, Chinese, Greek).
const char* const kWords[] = {
    "the",       "missile",   "of",        "talks",      "in",         "and",     "a",
    "Russia",    "to",        "Iran",      "said",       "Moscow",     "arms",    "which",
    "defensive", "strictly",  "sale",      "S-300",      "Clinton",    "Lavrov",  "Geneva",
    "defended",  "defending", "defends",   "cosmonauts", "cosmonaut",  "nuclear", "plant",
    "U.S.",      "Iran's",    "officials", "1992-97",    "google.com", "Zürich",  "naïve",
    "中国人民",  "Ελλάδα",    "東京",      "talk",       "deal",       "deals",   "system",
    "Khatami",   "Ivanov",    "sanctions", "reactor",    "Bushehr",    "treaty",  "envoy",
    "ministers", "agreed",    "denied",    "reported",   "tuesday",    "2009",    "300",
};
const char* const kSources[] = {"AP", "Reuters", "PressTV", "BBC News", "AFP"};

class Words {
  public:
    explicit Words(std::uint32_t seed) : rng_(seed) {}
    // Skewed towards the front of the list, roughly like word frequencies.
    std::string pick() {
        const std::size_t n = std::size(kWords);
        return kWords[(rng_() % n) * (rng_() % n) / n];
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(rng_() % n); }

  private:
    std::minstd_rand rng_;  // fully specified by the standard: the same articles everywhere
};

nlohmann::json sample_article(Words& words, int number, std::string_view revision) {
    std::string title;
    for (std::uint32_t i = 0, n = 3 + words.below(4); i < n; ++i) {
        if (i > 0) title += ' ';
        title += words.pick();
    }
    title += revision;
    // Every article mentions the missile, so its lists span several blocks.
    std::vector<std::string> paragraphs(words.below(4) == 0 ? 2 : 1);
    for (std::string& p : paragraphs) {
        p = "The missile";
        for (std::uint32_t i = 0, n = 6 + words.below(16); i < n; ++i) {
            p += i % 9 == 8 ? ". " : " ";
            p += words.pick();
        }
        p += '.';
    }
    nlohmann::json article = {{"title", title}, {"source", kSources[number % 5]}};
    if (paragraphs.size() == 1)
        article["body"] = paragraphs[0];
    else
        article["body"] = paragraphs;  // joined into paragraphs by the extractor
    if (number % 7 != 3)
        article["date"] = fmt::format("{:04}-{:02}-{:02}T{:02}:24:36Z", 2005 + number % 11,
                                      1 + number % 12, 1 + number % 28, number % 24);
    if (number % 5 == 0) article["url"] = fmt::format("https://example.com/{}", number);
    return article;
}

void write_jsonl(const fs::path& path, int first, int count, std::string_view revision) {
    Words words(static_cast<std::uint32_t>(1000 + first));
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (int n = first; n < first + count; ++n)
        out << sample_article(words, n, revision).dump() << '\n';
    if (!out) throw Error("cannot write " + path.string());
}

void index_articles(const std::shared_ptr<MemoryDirectory>& index,
                    const std::string& articles_dir) {
    UpdateOptions options;
    options.directory = index;
    options.inputs = {articles_dir};
    options.threads = 1;
    options.merge = false;  // keep the two segments and the deletions
    const UpdateReport report = update_index(options);
    if (!report.skipped.empty())
        throw Error("sample article skipped: " + report.skipped[0].path + ": " +
                    report.skipped[0].message);
}

}  // namespace

std::string make_scratch_dir() {
    const std::string base =
        fs::is_directory("/dev/shm") ? std::string("/dev/shm") : fs::temp_directory_path().string();
    // Fixed-length names, so that paths stored in the sample index have the
    // same length (and the index files the same layout) in every run.
    std::string pattern = base + "/scoop-fuzz-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) throw Error("cannot create a directory in " + base);
    ScratchDirs& dirs = scratch_dirs();
    std::lock_guard lock(dirs.mutex);
    dirs.dirs.push_back(pattern);
    return pattern;
}

std::shared_ptr<MemoryDirectory> build_sample_index(const std::string& articles_dir) {
    auto index_dir = std::make_shared<MemoryDirectory>();
    const fs::path articles(articles_dir);
    fs::create_directories(articles);
    // First run: 200 articles in 20 files, plus a text and an HTML article.
    for (int f = 0; f < 20; ++f)
        write_jsonl(articles / fmt::format("batch-{:02}.jsonl", f), 10 * f, 10, "");
    std::ofstream(articles / "wire.txt", std::ios::binary)
        << "New Iran Arms Deals Defended By Ivanov\n\n"
           "Last Updated: 07/27/2016\n\n"
           "Russia said it would proceed with sales of conventional arms to Iran, and finish "
           "building a nuclear power plant.\nHe said arms supplied would be strictly defensive.\n\n"
           "(AP, Reuters)\n";
    std::ofstream(articles / "page.html", std::ios::binary)
        << "<!doctype html><html><head><title>US to Russia: Stop Iran missile sale talks | "
           "PressTV</title><meta property=\"article:published_time\" "
           "content=\"2009-03-05T22:24:36Z\"></head><body><nav>Home | World</nav><p>The S-300 "
           "missile system.</p><p>The US Secretary of State says she will urge Russia to stop "
           "military cooperation with Iran &mdash; Hillary Clinton said on Thursday.</p>"
           "<script>var x = 1;</script></body></html>";
    index_articles(index_dir, articles_dir);
    // Second run: two files changed (their documents in the first segment
    // are deleted and added again in the second) and one new.
    for (int f : {3, 11})
        write_jsonl(articles / fmt::format("batch-{:02}.jsonl", f), 10 * f, 10, " (updated)");
    write_jsonl(articles / "batch-20.jsonl", 200, 10, "");
    index_articles(index_dir, articles_dir);
    return index_dir;
}

IndexFiles read_index_files(const Directory& index) {
    IndexFiles files;
    for (const std::string& name : index.list())
        if (name != kLockFile) files.names.push_back(name);
    std::sort(files.names.begin(), files.names.end());
    for (const std::string& name : files.names) files.contents.push_back(read_all(index, name));
    return files;
}

std::string_view envelope_kind_of(std::string_view name) {
    const auto kind = classify_file_name(name);
    if (!kind) return {};
    switch (*kind) {
        case IndexFileKind::kManifest:
            return kKindManifest;
        case IndexFileKind::kCatalog:
            return kKindCatalog;
        case IndexFileKind::kDeletions:
            return kKindDeletions;
        case IndexFileKind::kSegmentFile:
            for (const SegmentFileKind& k : kSegmentFiles)
                if (name.substr(name.rfind('.') + 1) == k.extension) return k.envelope_kind;
            return {};
        default:
            return {};
    }
}

void write_index_seeds(const std::string& dir) {
    const std::string scratch = make_scratch_dir();
    const auto index = build_sample_index(scratch + "/articles");
    const IndexFiles files = read_index_files(*index);
    if (files.names.size() > 0x7F) throw Error("too many index files for the selector byte");
    fs::create_directories(dir);
    for (std::size_t i = 0; i < files.names.size(); ++i) {
        const std::string& content = files.contents[i];
        const auto selector = static_cast<char>(i);
        std::ofstream(fs::path(dir) / files.names[i], std::ios::binary) << selector << content;
        const std::string_view kind = envelope_kind_of(files.names[i]);
        if (kind.empty()) continue;
        const EnvelopeFile file = open_envelope(*index, files.names[i], kind, true);
        const auto payload = file.payload();
        std::ofstream(fs::path(dir) / (files.names[i] + ".sealed"), std::ios::binary)
            << static_cast<char>(selector | kSealed)
            << std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size());
    }
}

void finding(std::string_view what) {
    std::fprintf(stderr, "\n==== fuzz finding: %.*s\n", static_cast<int>(what.size()), what.data());
    std::fflush(stderr);
    std::abort();
}

bool is_valid_utf8(std::string_view s) {
    // Written out rather than borrowed from the library's own validator
    // (simdjson in decode_text), so the two check each other.
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b0 < 0x80) {
            len = 1;
        } else if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            if (b0 == 0xE0) lo = 0xA0;
            if (b0 == 0xED) hi = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            if (b0 == 0xF0) lo = 0x90;
            if (b0 == 0xF4) hi = 0x8F;
        } else {
            return false;
        }
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
        }
        i += len;
    }
    return true;
}

}  // namespace scoop::fuzz
