// The indexer as a user runs it again and again on a growing folder:
// additions, edits, deletions, a second indexer, bad files.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "program_runner.h"

namespace scoop::testing {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

class Indexer : public ::testing::Test {
  protected:
    void SetUp() override {
        articles_ = dir_.path() / "articles";
        fs::create_directories(articles_);
        for (const auto& e : fs::directory_iterator(std::string(SCOOP_SOURCE_DIR) + "/corpus"))
            fs::copy_file(e.path(), articles_ / e.path().filename());
    }

    nlohmann::json index_run() {
        const RunResult r = indexer("--json --index " + shell_quote(index()) + " " +
                                    shell_quote(articles_.string()));
        EXPECT_EQ(r.status, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    std::uint64_t count(const std::string& q) {
        const RunResult r =
            searcher("--count --index " + shell_quote(index()) + " -- " + shell_quote(q));
        EXPECT_TRUE(r.status == 0 || r.status == 1) << r.err;
        return std::stoull(r.out);
    }
    std::string index() const { return dir_.file("index"); }

    TempDir dir_;
    fs::path articles_;
};

TEST_F(Indexer, RerunsAddReplaceAndDeleteExactly) {
    auto r = index_run();
    EXPECT_EQ(r["files"]["added"], 2);
    EXPECT_EQ(r["documents"]["in_index"], 2);

    // Nothing changed: nothing is read.
    r = index_run();
    EXPECT_EQ(r["files"]["unchanged"], 2);
    EXPECT_EQ(r["bytes_read"], 0);

    // A third article: only it is read, and it is searchable.
    const std::string third =
        "Quantum Zebra Observed\n\nMarch 3, 2021\n\nAstronomers reported a quantum zebra grazing "
        "near the observatory.\n";
    write(articles_ / "002_new.txt", third);
    r = index_run();
    EXPECT_EQ(r["files"]["added"], 1);
    EXPECT_EQ(r["files"]["unchanged"], 2);
    EXPECT_EQ(r["bytes_read"], third.size());
    EXPECT_EQ(r["documents"]["in_index"], 3);
    EXPECT_EQ(count("zebra"), 1u);
    EXPECT_EQ(count("iran"), 2u);

    // Edit it: the old text is gone, the new one found, nothing duplicated.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a distinct mtime
    write(articles_ / "002_new.txt",
          "Quantum Giraffe Observed\n\nAstronomers reported a giraffe instead.\n");
    r = index_run();
    EXPECT_EQ(r["files"]["updated"], 1);
    EXPECT_EQ(r["documents"]["in_index"], 3);
    EXPECT_EQ(count("zebra"), 0u);
    EXPECT_EQ(count("giraffe"), 1u);
    EXPECT_EQ(count("quantum"), 1u);

    // Touch without change: re-hashed, not re-indexed.
    fs::last_write_time(articles_ / "002_new.txt",
                        fs::file_time_type::clock::now() + std::chrono::seconds(5));
    r = index_run();
    EXPECT_EQ(r["files"]["unchanged"], 3);
    EXPECT_EQ(r["documents"]["added"], 0);

    // Delete one of the originals.
    fs::remove(articles_ / "001_1fe26bb9e3428bc5.txt");
    r = index_run();
    EXPECT_EQ(r["files"]["deleted"], 1);
    EXPECT_EQ(r["documents"]["in_index"], 2);
    EXPECT_EQ(count("iran"), 1u);
    EXPECT_EQ(count("clinton"), 0u);

    // The stats agree, and the index checks out.
    const RunResult stats = indexer("--stats --json --index " + shell_quote(index()));
    ASSERT_EQ(stats.status, 0) << stats.err;
    const auto s = nlohmann::json::parse(stats.out);
    EXPECT_EQ(s["documents"], 2);
    EXPECT_EQ(s["files"], 2);
    const RunResult check = indexer("--check --index " + shell_quote(index()));
    EXPECT_EQ(check.status, 0) << check.err;
}

TEST_F(Indexer, OptimizeMergesToOneSegmentAndDropsDeletions) {
    for (int i = 0; i < 30; ++i)
        write(articles_ / fmt::format("n{}.txt", i),
              fmt::format("Headline {}\n\nBody about topic{} and more words.\n", i, i % 3));
    // Tiny RAM budget: many segments.
    RunResult r = indexer("--json --no-merge --ram-mb 1 --index " + shell_quote(index()) + " " +
                          shell_quote(articles_.string()));
    ASSERT_EQ(r.status, 0) << r.err;
    for (int i = 0; i < 10; ++i) fs::remove(articles_ / fmt::format("n{}.txt", i));
    index_run();
    r = indexer("--json --optimize --index " + shell_quote(index()) + " " +
                shell_quote(articles_.string()));
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["segments"], 1);
    EXPECT_EQ(j["documents"]["in_index"], 22);
    EXPECT_EQ(count("topic1"), 7u);  // 1,4,7 removed... of 1..28 step 3: 10 docs, minus 1,4,7
    const auto reader = IndexReader::open(index());
    EXPECT_EQ(reader->doc_count(), 22u) << "the merge leaves deleted documents behind";
}

TEST_F(Indexer, SecondWriterIsRefusedWithTheHoldersPid) {
    index_run();
    IndexWriter holder(index(), {});
    const RunResult r =
        indexer("--index " + shell_quote(index()) + " " + shell_quote(articles_.string()));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("pid " + std::to_string(::getpid())), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("another indexer"), std::string::npos) << r.err;
}

TEST_F(Indexer, BadFilesAreSkippedWithReasonsAndTheRunSucceeds) {
    write(articles_ / "empty.txt", "");
    write(articles_ / "binary.dat", std::string("\x7f"
                                                "ELF\0\0\0\x01\x02",
                                                9) +
                                        std::string(200, '\0'));
    write(articles_ / "latin1.txt",
          "Caf\xe9 cr\xe8me story\n\nThe caf\xe9 served cr\xe8me br\xfb"
          "l\xe9"
          "e to visitors.\n");
    write(articles_ / "feed.jsonl",
          "{\"title\": \"Good line\", \"body\": \"alpha beta\"}\nnot json\n{\"title\": "
          "\"Another\", \"text\": \"gamma\"}\n");
    write(articles_ / ".hidden/secret.txt", "Hidden\n\nshould not be indexed\n");
    const auto r = index_run();
    EXPECT_EQ(r["documents"]["in_index"], 2 + 1 + 2);
    EXPECT_EQ(r["files"]["skipped"], 2);
    bool empty = false, binary = false, bad_line = false;
    for (const auto& s : r["skipped"]) {
        empty |= s["path"].get<std::string>().ends_with("empty.txt");
        binary |= s["path"].get<std::string>().ends_with("binary.dat");
    }
    for (const auto& w : r["warnings"]) bad_line |= w["line"] == 2;
    EXPECT_TRUE(empty && binary && bad_line) << r.dump(2);
    EXPECT_EQ(count("crème"), 1u);
    EXPECT_EQ(count("gamma"), 1u);
    EXPECT_EQ(count("hidden"), 0u);
}

TEST_F(Indexer, MissingInputsFailTheRunClearly) {
    const RunResult r =
        indexer("--index " + shell_quote(index()) + " /nonexistent/a /nonexistent/b");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("none of these exist"), std::string::npos) << r.err;
    const RunResult no_index = indexer(shell_quote(articles_.string()));
    EXPECT_NE(no_index.status, 0);
    EXPECT_NE(no_index.err.find("--index"), std::string::npos);
}

TEST_F(Indexer, UnknownLanguageListsTheKnownOnes) {
    const RunResult r = indexer("--language klingon --index " + shell_quote(index()) + " " +
                                shell_quote(articles_.string()));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("unknown stemming language 'klingon'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("english"), std::string::npos);
    EXPECT_NE(r.err.find("russian"), std::string::npos);
}

}  // namespace
}  // namespace scoop::testing
