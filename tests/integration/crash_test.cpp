// Crash safety: an indexer killed with SIGKILL at random moments, again and
// again while the folder it indexes changes, must always leave an index that
// opens, checks out, and holds exactly one committed state: every catalogued
// file's documents present once, nothing else. A final complete run must then
// hold exactly the folder's files.

#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "index/index_check.h"
#include "index/index_reader.h"
#include "program_runner.h"

extern char** environ;

namespace scoop::testing {
namespace {

namespace fs = std::filesystem;

void write_article(const fs::path& dir, int id, int version) {
    std::ofstream(dir / fmt::format("a{:04}.txt", id)) << fmt::format(
        "Report number {} version {}\n\nuniq{}x The body of article {} mentions river{} and hill{} "
        "and version{}. {}\n",
        id, version, id, id, id % 7, id % 11, version,
        std::string(static_cast<std::size_t>(id % 5) * 40, 'z'));
}

// Starts the indexer and kills it after `delay`; returns whether it finished first.
bool run_and_kill(const std::string& index, const std::string& folder,
                  std::chrono::microseconds delay) {
    const std::string bin = program("indexer");
    std::vector<std::string> args = {bin, "-q", "--ram-mb", "1", "--index", index, folder};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    EXPECT_EQ(posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status);
}

// Every catalogued file's documents are in the index exactly once, and no
// other document is: the index is one committed state.
void expect_consistent(const std::string& index) {
    if (!fs::exists(fs::path(index) / "MANIFEST"))
        return;  // killed before the first commit: no index yet
    std::shared_ptr<const IndexReader> reader;
    ASSERT_NO_THROW(reader = IndexReader::open(index, ReaderOptions{true}));
    CheckReport check;
    ASSERT_NO_THROW(check = check_index(*reader));
    EXPECT_EQ(check.stale_documents, 0u) << "every document belongs to a catalogued file";
    const Catalog catalog = reader->load_catalog();
    std::map<std::uint64_t, std::uint32_t> expected, found;
    std::map<std::uint64_t, std::string> paths;
    for (const CatalogEntry* e : catalog.sorted()) {
        if (e->doc_count) expected[e->file_id] = e->doc_count;
        paths[e->file_id] = e->path;
    }
    for (const auto& segment : reader->segments()) {
        StoredFieldsReader::BlockCache cache;
        for (std::uint32_t d = 0; d < segment->doc_count(); ++d) {
            if (segment->deleted(d)) continue;
            const std::uint64_t id = segment->docs().file_id(d);
            ++found[id];
            ASSERT_TRUE(paths.count(id)) << "a document of no catalogued file";
            EXPECT_EQ(segment->stored().document(d, cache).path, paths[id]);
        }
    }
    EXPECT_EQ(found, expected);
}

TEST(CrashSafety, KilledIndexerAlwaysLeavesTheLastCommittedState) {
    TempDir dir;
    const fs::path folder = dir.path() / "articles";
    fs::create_directories(folder);
    const std::string index = dir.file("index");
    std::mt19937 rng(2024);
    std::map<int, int> versions;  // id -> version present in the folder
    for (int id = 0; id < 1500; ++id) write_article(folder, id, versions[id] = 0);

    // Kill at random moments within a run: the window adapts to how long
    // runs take here (longer after a kill, shorter after a run that
    // finished first), so both outcomes keep happening on any machine.
    double window_us = 100'000;
    int finished = 0;
    for (int round = 0; round < 40; ++round) {
        // Change the folder: add, edit, delete a fifth of the articles.
        for (int k = 0; k < 300; ++k) {
            const int id = static_cast<int>(rng() % 1800);
            if (rng() % 4 == 0 && versions.count(id)) {
                fs::remove(folder / fmt::format("a{:04}.txt", id));
                versions.erase(id);
            } else {
                write_article(folder, id, ++versions[id]);
            }
        }
        const auto delay = std::chrono::microseconds(
            static_cast<std::int64_t>(std::uniform_real_distribution<double>(0, window_us)(rng)));
        const bool done = run_and_kill(index, folder.string(), delay);
        finished += done;
        window_us = std::clamp(window_us * (done ? 0.7 : 1.4), 2'000.0, 5'000'000.0);
        SCOPED_TRACE("round " + std::to_string(round));
        expect_consistent(index);
        if (HasFatalFailure()) return;
    }
    // Both outcomes happened, or the test did not test much.
    EXPECT_GT(finished, 0);
    EXPECT_GT(40 - finished, 10) << "most runs should have been killed part-way";

    // A run to the end holds exactly the folder.
    const RunResult r =
        indexer("--json --index " + shell_quote(index) + " " + shell_quote(folder.string()));
    ASSERT_EQ(r.status, 0) << r.err;
    expect_consistent(index);
    const auto reader = IndexReader::open(index);
    EXPECT_EQ(reader->live_doc_count(), versions.size());
    // Each article is found once, in its current version.
    for (const auto& [id, version] : versions) {
        if (id % 97 != 0) continue;
        const RunResult c =
            searcher("--count --index " + shell_quote(index) + " " + fmt::format("uniq{}x", id));
        EXPECT_EQ(c.out, "1\n") << "article " << id;
        const RunResult v = searcher("--count --index " + shell_quote(index) + " " +
                                     fmt::format("'uniq{}x AND version{}'", id, version));
        EXPECT_EQ(v.out, "1\n") << "article " << id << " version " << version;
    }
}

}  // namespace
}  // namespace scoop::testing
