// Damaged index files: truncated, emptied, or with a bit flipped anywhere.
// No program may crash; the index check must name the damaged file; a
// search either answers or names the file it could not read.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "program_runner.h"

namespace scoop::testing {
namespace {

namespace fs = std::filesystem;

class Damage : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        const fs::path articles = dir_->path() / "articles";
        fs::create_directories(articles);
        for (const auto& e : fs::directory_iterator(std::string(SCOOP_SOURCE_DIR) + "/corpus"))
            fs::copy_file(e.path(), articles / e.path().filename());
        // Enough documents for multi-block postings, in two segments, with deletions.
        for (int i = 0; i < 400; ++i)
            std::ofstream(articles / fmt::format("g{:03}.txt", i)) << fmt::format(
                "Generated story {}\n\nThe missile talks in Moscow went on, said officials {} "
                "times.\n",
                i, i % 9);
        ASSERT_EQ(indexer("-q --no-merge --index " + shell_quote(pristine()) + " " +
                          shell_quote(articles.string()))
                      .status,
                  0);
        for (int i = 0; i < 400; i += 50) fs::remove(articles / fmt::format("g{:03}.txt", i));
        std::ofstream(articles / "late.txt") << "Late story\n\nA late missile story from Moscow.\n";
        ASSERT_EQ(indexer("-q --no-merge --index " + shell_quote(pristine()) + " " +
                          shell_quote(articles.string()))
                      .status,
                  0);
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static std::string pristine() { return dir_->file("pristine"); }

    // A fresh copy of the index to damage.
    std::string copy() {
        const std::string c = dir_->file("copy");
        fs::remove_all(c);
        fs::copy(pristine(), c);
        return c;
    }

    static std::vector<std::string> index_files() {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(pristine()))
            if (e.path().filename() != "LOCK") names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    static std::vector<std::string> queries() {
        return {"missile", "\"missile talks\"", "moscow -officials", "mis*",
                "story date:..2030 -\"late missile\""};
    }
    // A query's answer as a script sees it (JSON without the timing).
    static RunResult answer(const std::string& index, const std::string& q) {
        RunResult r =
            searcher("--json -n 50 --index " + shell_quote(index) + " -- " + shell_quote(q));
        if (r.status <= 1) {
            auto j = nlohmann::json::parse(r.out);
            j.erase("took_ms");
            r.out = j.dump();
        }
        return r;
    }

    // Runs searches and the check on a damaged copy; `name` is the damaged
    // file. Each search either reports the damage, naming the file, or
    // gives exactly the answer of the undamaged index: damage never changes
    // an answer silently.
    void expect_handled(const std::string& index, const std::string& name,
                        const std::string& what) {
        SCOPED_TRACE(name + ": " + what);
        static const std::vector<RunResult> pristine_answers = [] {
            std::vector<RunResult> out;
            for (const std::string& q : queries()) out.push_back(answer(pristine(), q));
            return out;
        }();
        const std::vector<std::string> all = queries();
        for (std::size_t i = 0; i < all.size(); ++i) {
            const std::string& q = all[i];
            const RunResult r = answer(index, q);
            ASSERT_LE(r.status, 2) << "searcher crashed on '" << q << "': " << r.err;
            if (r.status == 2) {
                EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
            } else {
                EXPECT_EQ(r.status, pristine_answers[i].status) << q;
                EXPECT_EQ(r.out, pristine_answers[i].out) << "a silently different answer to " << q;
            }
        }
        const RunResult verify =
            searcher("--verify --count --index " + shell_quote(index) + " missile");
        ASSERT_LE(verify.status, 2) << verify.err;
        const RunResult check = indexer("--check --index " + shell_quote(index));
        ASSERT_LE(check.status, 2) << "indexer --check crashed: " << check.err;
        EXPECT_EQ(check.status, 1) << "damage not detected";
        EXPECT_NE(check.err.find(name), std::string::npos) << check.err;
    }

    static TempDir* dir_;
};
TempDir* Damage::dir_ = nullptr;

TEST_F(Damage, PristineIndexChecksOut) {
    EXPECT_EQ(indexer("--check --index " + shell_quote(pristine())).status, 0);
    EXPECT_EQ(searcher("--count --index " + shell_quote(pristine()) + " missile").out,
              "395\n");  // 392 generated + late + both samples
    EXPECT_GE(index_files().size(), 12u) << "expected two segments, a deletion file, a catalogue";
}

// An index from a program that wrote another format version (version 1
// had no word pairs) is refused with a request to rebuild, not misread.
TEST_F(Damage, OtherFormatVersionAsksForARebuild) {
    const std::string index = copy();
    int rewritten = 0;
    for (const std::string& name : index_files()) {
        if (!name.ends_with(".dict")) continue;
        std::fstream f(fs::path(index) / name, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(12);
        const char version_one[4] = {1, 0, 0, 0};
        f.write(version_one, 4);
        ++rewritten;
    }
    ASSERT_GT(rewritten, 0);
    const RunResult r = searcher("--index " + shell_quote(index) + " missile");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("index format version 1,"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("rebuild the index"), std::string::npos) << r.err;
}

TEST_F(Damage, TruncatedFiles) {
    for (const std::string& name : index_files()) {
        const auto size = fs::file_size(fs::path(pristine()) / name);
        for (const std::uintmax_t keep : {std::uintmax_t{0}, size / 2, size - 1}) {
            const std::string index = copy();
            fs::resize_file(fs::path(index) / name, keep);
            expect_handled(index, name, fmt::format("truncated to {} of {} bytes", keep, size));
        }
    }
}

TEST_F(Damage, FlippedBits) {
    std::mt19937 rng(77);
    for (const std::string& name : index_files()) {
        const auto size = fs::file_size(fs::path(pristine()) / name);
        // The header, the footer, and places in between.
        std::vector<std::uintmax_t> offsets = {0, 9, 13, size - 1, size - 12};
        for (int k = 0; k < 16; ++k) offsets.push_back(rng() % size);
        for (const std::uintmax_t offset : offsets) {
            const std::string index = copy();
            const fs::path file = fs::path(index) / name;
            std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
            f.seekg(static_cast<std::streamoff>(offset));
            char byte = 0;
            f.read(&byte, 1);
            byte = static_cast<char>(byte ^ (1 << (rng() % 8)));
            f.seekp(static_cast<std::streamoff>(offset));
            f.write(&byte, 1);
            f.close();
            expect_handled(index, name, fmt::format("bit flipped at byte {}", offset));
        }
    }
}

}  // namespace
}  // namespace scoop::testing
