// The indexer given what careless users give it: its own files' folder as
// the index, overlapping spellings of one path, links, FIFOs, unreadable
// folders, huge articles, edits that hide from size and mtime. Each case
// is one that lost a user's file, duplicated documents, hung, or passed
// silently before.

#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/extractor.h"
#include "index/index_writer.h"
#include "ingest/document_analysis.h"
#include "program_runner.h"

namespace scoop::testing {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

class IndexerHardening : public ::testing::Test {
  protected:
    std::string idx() const { return dir_.file("index"); }
    fs::path path(const std::string& name) const { return dir_.path() / name; }
    std::uint64_t count(const std::string& q, const std::string& index = "") {
        const RunResult r =
            searcher("--count --index " + shell_quote(index.empty() ? idx() : index) + " -- " +
                     shell_quote(q));
        EXPECT_TRUE(r.status == 0 || r.status == 1) << r.err;
        return r.out.empty() ? 0 : std::stoull(r.out);
    }
    RunResult index(const std::string& args) {
        return indexer("--json -q --index " + shell_quote(idx()) + " " + args);
    }
    TempDir dir_;
};

TEST_F(IndexerHardening, AFolderOfOtherFilesIsRefusedAndLeftUntouched) {
    const fs::path user = path("user");
    const std::map<std::string, std::string> files = {{"catalog.pdf", "a PDF"},
                                                      {"seg-2024-report.txt", "a report"},
                                                      {"article.tmp", "a draft"},
                                                      {"MANIFEST.txt", "a list"}};
    for (const auto& [name, text] : files) write(user / name, text);
    const RunResult r =
        indexer("--index " + shell_quote(user.string()) + " " + shell_quote(user.string()));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("is not empty and is not a scoop index"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("give --index a new or empty folder"), std::string::npos) << r.err;
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(user)) {
        ++entries;
        const std::string name = e.path().filename().string();
        ASSERT_TRUE(files.count(name)) << "the indexer left " << name;
        EXPECT_EQ(read(e.path()), files.at(name));
    }
    EXPECT_EQ(entries, files.size()) << "nothing removed, nothing added (not even LOCK)";
    // A folder holding only subfolders is not empty either.
    fs::create_directories(path("tree/sub"));
    EXPECT_EQ(
        indexer("--index " + shell_quote(path("tree").string()) + " " + shell_quote(user.string()))
            .status,
        1);
}

TEST_F(IndexerHardening, TheIndexNeverRemovesAFileItDidNotWrite) {
    write(path("articles/a.txt"), "Story\n\nText about missiles.\n");
    ASSERT_EQ(index(shell_quote(path("articles").string())).status, 0);
    // Files a user drops into the index folder, some named like the index's.
    for (const std::string name : {"notes.txt", "seg-notes.txt", "catalog.old.pdf", "x.tmp",
                                   "seg-000001.txt", "seg-00001.dict"})
        write(fs::path(idx()) / name, "mine");
    write(path("articles/b.txt"), "Another\n\nMore text.\n");
    ASSERT_EQ(index(shell_quote(path("articles").string()) + " --optimize").status, 0);
    for (const std::string name : {"notes.txt", "seg-notes.txt", "catalog.old.pdf", "x.tmp",
                                   "seg-000001.txt", "seg-00001.dict"})
        EXPECT_EQ(read(fs::path(idx()) / name), "mine") << name;
}

TEST_F(IndexerHardening, ARunKilledBeforeItsFirstCommitCanBeRunAgain) {
    // What a crash while creating the index leaves: the lock, a manifest
    // being written.
    fs::create_directories(idx());
    write(fs::path(idx()) / "LOCK", "12345\n");
    write(fs::path(idx()) / "MANIFEST.tmp", "half a manifest");
    write(path("articles/a.txt"), "Story\n\nText about missiles.\n");
    const RunResult r = index(shell_quote(path("articles").string()));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(count("missiles"), 1u);
}

TEST_F(IndexerHardening, IndexFoldersInsideTheInputsAreNotIndexed) {
    write(path("articles/a.txt"), "Story\n\nText about missiles.\n");
    const std::string inner = (path("articles") / "idx").string();
    ASSERT_EQ(
        indexer("-q --index " + shell_quote(inner) + " " + shell_quote(path("articles").string()))
            .status,
        0);
    ASSERT_EQ(
        indexer("-q --index " + shell_quote(inner) + " " + shell_quote(path("articles").string()))
            .status,
        0);
    EXPECT_EQ(count("missiles", inner), 1u);
    EXPECT_EQ(count("seg", inner), 0u) << "the index's own files were indexed";
    // Another index inside the inputs is skipped, and said so.
    const RunResult r = index(shell_quote(path("articles").string()));
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["files"]["added"], 1);
    ASSERT_EQ(j["skipped"].size(), 1u) << j.dump();
    EXPECT_EQ(j["skipped"][0]["message"], "a scoop index folder");
}

TEST_F(IndexerHardening, OneFileIsOneDocumentHoweverItIsNamed) {
    fs::create_directories(path("one"));
    write(path("one/t.txt"), "Title\n\nSome words about zebras.\n");
    const std::string cwd_one = "cd " + shell_quote(dir_.str()) + " && ";
    auto run_here = [&](const std::string& args) {
        return run(cwd_one + program("indexer") + " -q --index index " + args);
    };
    ASSERT_EQ(run_here("one one/t.txt ./one one/ one//t.txt ./one/../one").status, 0);
    EXPECT_EQ(count("zebras"), 1u);
    write(path("one/t.txt"), "Title\n\nSome words about lions.\n");
    ASSERT_EQ(run_here("one ./one/").status, 0);
    EXPECT_EQ(count("zebras"), 0u) << "no stale copy of the old text";
    EXPECT_EQ(count("lions"), 1u);
    // Links: a symbolic and a hard link to the same file are the same file.
    fs::create_symlink("t.txt", path("one/link.txt"));
    fs::create_hard_link(path("one/t.txt"), path("one/hard.txt"));
    ASSERT_EQ(run_here("one").status, 0);
    EXPECT_EQ(count("lions"), 1u);
    // Through a linked folder given as input: the same files, not new ones.
    fs::create_directory_symlink("one", path("alias"));
    ASSERT_EQ(run_here("alias").status, 0);
    EXPECT_EQ(count("lions"), 1u);
    fs::remove(path("one/t.txt"));
    fs::remove(path("one/link.txt"));
    fs::remove(path("one/hard.txt"));
    ASSERT_EQ(run_here("one").status, 0);
    EXPECT_EQ(count("lions"), 0u) << "deleted, no copy left";
    EXPECT_EQ(indexer("--check --index " + shell_quote(idx())).status, 0);
}

TEST_F(IndexerHardening, CopiesLeftByOlderIndexersAreFoundAndRemoved) {
    write(path("articles/a.txt"), "Story\n\nText about zebras.\n");
    ASSERT_EQ(index(shell_quote(path("articles").string())).status, 0);
    {
        // Documents of no catalogued file, as the indexer before canonical
        // paths left them for "one one/t.txt ./one one/".
        IndexWriter writer(idx(), WriterOptions{});
        Analyzer analyzer;
        Article a;
        a.title = "Story";
        a.body = "Text about zebras.";
        a.path = path("articles/a.txt").string();
        for (int copy = 0; copy < 3; ++copy)
            writer.add(analyze_article(analyzer, a, writer.new_file_id()));
        writer.commit();
    }
    EXPECT_EQ(count("zebras"), 4u);
    const RunResult check = indexer("--check --index " + shell_quote(idx()));
    EXPECT_EQ(check.status, 1);
    EXPECT_NE(check.err.find("3 documents belong to no indexed file"), std::string::npos)
        << check.err;
    const RunResult r = index(shell_quote(path("articles").string()));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(count("zebras"), 1u);
    EXPECT_EQ(indexer("--check --index " + shell_quote(idx())).status, 0);
}

TEST_F(IndexerHardening, AnEditWithSizeAndTimeRestoredIsNoticed) {
    write(path("articles/a.txt"), "Story\n\nText about zebras.\n");
    ASSERT_EQ(index(shell_quote(path("articles").string())).status, 0);
    struct stat before {};
    ASSERT_EQ(::stat(path("articles/a.txt").c_str(), &before), 0);
    {
        std::fstream f(path("articles/a.txt"), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(18);
        f.write("tigers.", 7);  // "zebras." -> "tigers.": same size, in place
    }
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    ASSERT_EQ(::utimensat(AT_FDCWD, path("articles/a.txt").c_str(), times, 0), 0);
    struct stat after {};
    ASSERT_EQ(::stat(path("articles/a.txt").c_str(), &after), 0);
    ASSERT_EQ(after.st_size, before.st_size);
    ASSERT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    const RunResult r = index(shell_quote(path("articles").string()));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["files"]["updated"], 1) << r.out;
    EXPECT_EQ(count("tigers"), 1u);
    EXPECT_EQ(count("zebras"), 0u);
    // --recheck reads every file and finds nothing else changed.
    const RunResult again = index("--recheck " + shell_quote(path("articles").string()));
    const auto j = nlohmann::json::parse(again.out);
    EXPECT_EQ(j["files"]["unchanged"], 1);
    EXPECT_EQ(j["bytes_read"], after.st_size) << "--recheck read the file";
}

TEST_F(IndexerHardening, FilesThatAreNotArticlesAreListedWithTheReason) {
    write(path("articles/a.txt"), "Story\n\nText about zebras.\n");
    ASSERT_EQ(::mkfifo(path("articles/pipe").c_str(), 0644), 0);
    fs::create_symlink("pipe", path("articles/link-to-pipe"));
    fs::create_symlink("/dev/null", path("articles/link-to-device"));
    fs::create_symlink("nowhere.txt", path("articles/broken.txt"));
    fs::create_directories(path("elsewhere"));
    fs::create_directory_symlink(path("elsewhere"), path("articles/folder-link"));
    const RunResult r = index(shell_quote(path("articles").string()));
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    std::map<std::string, std::string> skipped;
    for (const auto& s : j["skipped"])
        skipped[fs::path(s["path"].get<std::string>()).filename().string()] = s["message"];
    EXPECT_EQ(skipped["pipe"], "a FIFO");
    EXPECT_EQ(skipped["link-to-pipe"], "a link to a FIFO");
    EXPECT_EQ(skipped["link-to-device"], "a link to a character device");
    EXPECT_NE(skipped["broken.txt"].find("a broken symbolic link"), std::string::npos);
    EXPECT_NE(skipped["folder-link"].find("links to folders are not followed"), std::string::npos);
    EXPECT_EQ(count("zebras"), 1u);
}

TEST_F(IndexerHardening, UnreadableFoldersAreListed) {
    write(path("articles/a.txt"), "Story\n\nText about zebras.\n");
    write(path("articles/secret/b.txt"), "Secret\n\nText about lions.\n");
    ASSERT_EQ(::chmod(path("articles/secret").c_str(), 0), 0);
    fs::permissions(dir_.path(), fs::perms::all);
    // As root every folder is readable: run as nobody when we are root.
    const std::string as =
        ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    fs::create_directories(idx());
    fs::permissions(idx(), fs::perms::all);
    const RunResult r = run(as + program("indexer") + " --json -q --index " + shell_quote(idx()) +
                            " " + shell_quote(path("articles").string()));
    ::chmod(path("articles/secret").c_str(), 0755);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["skipped"].size(), 1u) << j.dump();
    EXPECT_NE(j["skipped"][0]["message"].get<std::string>().find("cannot read folder"),
              std::string::npos);
    EXPECT_EQ(j["files"]["added"], 1);
}

TEST_F(IndexerHardening, AHugeArticleIsCutWithAWarningAndAHugeLineSkipped) {
    // --ram-mb 32: an article may have 1 MiB (the floor); this one has 3.
    std::string body;
    while (body.size() < 3'000'000) body += "early words about zebras and other animals. ";
    body += "\nThe last words mention a quokka.\n";
    write(path("articles/huge.txt"), "A huge article\n\n" + body);
    const std::string line = nlohmann::json{{"title", "huge"}, {"body", body}}.dump();
    write(path("articles/feed.jsonl"),
          nlohmann::json{{"title", "first"}, {"body", "a small story about lions"}}.dump() + "\n" +
              line + "\n" +
              nlohmann::json{{"title", "third"}, {"body", "a small story about tigers"}}.dump() +
              "\n");
    const RunResult r = index("--ram-mb 32 " + shell_quote(path("articles").string()));
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> warnings;
    for (const auto& w : j["warnings"])
        warnings.push_back(fs::path(w["path"].get<std::string>()).filename().string() + ":" +
                           std::to_string(w["line"].get<int>()) + ": " +
                           w["message"].get<std::string>());
    ASSERT_EQ(warnings.size(), 2u) << j.dump();
    EXPECT_NE(warnings[0].find("feed.jsonl:2: a line of 3.0 MB, longer than an article may be"),
              std::string::npos)
        << warnings[0];
    EXPECT_NE(warnings[1].find("huge.txt:0: article cut at 1.0 MB of 3.0 MB"), std::string::npos)
        << warnings[1];
    EXPECT_EQ(count("zebras"), 1u);
    EXPECT_EQ(count("quokka"), 0u) << "the text past the cut is not indexed";
    EXPECT_EQ(count("lions"), 1u);
    EXPECT_EQ(count("tigers"), 1u) << "the line after the skipped one is read";
}

TEST_F(IndexerHardening, AnOlderExtractionIsOfferedARedo) {
    write(path("articles/a.txt"), "Story\n\nText about zebras.\n");
    write(path("articles/b.txt"), "Story two\n\nText about lions.\n");
    ASSERT_EQ(index(shell_quote(path("articles").string())).status, 0);
    {
        // As an index built by the previous extractor records it.
        IndexWriter writer(idx(), WriterOptions{});
        writer.set_extraction_version(kExtractionVersion - 1);
        writer.commit();
    }
    const RunResult plain = index(shell_quote(path("articles").string()));
    ASSERT_EQ(plain.status, 0) << plain.err;
    EXPECT_TRUE(nlohmann::json::parse(plain.out)["extraction_outdated"].get<bool>());
    EXPECT_NE(plain.err.find("run again with --reextract"), std::string::npos) << plain.err;
    const RunResult redo = index("--reextract " + shell_quote(path("articles").string()));
    ASSERT_EQ(redo.status, 0) << redo.err;
    const auto j = nlohmann::json::parse(redo.out);
    EXPECT_EQ(j["files"]["updated"], 2) << "every file read and indexed again";
    EXPECT_FALSE(j["extraction_outdated"].get<bool>());
    EXPECT_EQ(redo.err.find("--reextract"), std::string::npos);
    EXPECT_EQ(count("zebras OR lions"), 2u);
    EXPECT_FALSE(nlohmann::json::parse(
                     index(shell_quote(path("articles").string())).out)["extraction_outdated"]
                     .get<bool>());
}

TEST_F(IndexerHardening, OptimizeNeedsNoPaths) {
    write(path("articles/a.txt"), "Story\n\nText about zebras.\n");
    ASSERT_EQ(index(shell_quote(path("articles").string()) + " --no-merge").status, 0);
    write(path("articles/b.txt"), "Story two\n\nText about lions.\n");
    ASSERT_EQ(index(shell_quote(path("articles").string()) + " --no-merge").status, 0);
    const RunResult r = index("--optimize");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["segments"], 1);
    EXPECT_EQ(count("zebras OR lions"), 2u);
    EXPECT_EQ(indexer("--index " + shell_quote(idx())).status, 1) << "no paths, no --optimize";
}

}  // namespace
}  // namespace scoop::testing
