// Every storage operation of an indexing run, failed or crashed in turn.
//
// A run (add, edit and delete files, commit; or merge everything) is first
// done once without faults, counting its storage operations. Then, for
// every N, a fresh copy of the index before the run is run again with the
// Nth operation failing (ENOSPC, EIO) or with a power loss at the Nth
// operation (what a MemoryDirectory keeps: unsynced data lost, and unsynced
// directory changes either all lost or all kept). After each, the index
// must open at the commit before the run or at the one after it, never
// anything else; a failed run must report the error; and a new run must
// then bring the index to the state after the run. This replaces sampling
// crashes with random kills (crash_test.cpp keeps doing that too) by an
// exhaustive proof over the commit and merge code.

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "index/index_reader.h"
#include "ingest/index_updater.h"
#include "query/searcher.h"
#include "storage/fault_injection.h"
#include "storage/memory_directory.h"
#include "test_util.h"

namespace scoop {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// What an index holds, as a reader sees it: every live document's path and
// title, and for each the number of documents its unique word finds (which
// reads the postings).
std::vector<std::string> state_of(std::shared_ptr<const Directory> dir) {
    auto reader = IndexReader::open(std::move(dir));
    Searcher searcher(reader);
    std::vector<std::string> out;
    for (const auto& segment : reader->segments()) {
        StoredFieldsReader::BlockCache cache;
        for (std::uint32_t d = 0; d < segment->doc_count(); ++d) {
            if (segment->deleted(d)) continue;
            const StoredDocument doc = segment->stored().document(d, cache);
            const std::string word = doc.title.substr(doc.title.rfind(' ') + 1);
            out.push_back(doc.path + " | " + doc.title + " | " +
                          std::to_string(searcher.count("\"" + word + "\"")));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

class StorageFaults : public ::testing::Test {
  protected:
    void SetUp() override {
        articles_ = dir_.path() / "articles";
        fs::create_directories(articles_);
        for (int i = 0; i < 6; ++i) article(i, "first");
        base_ = std::make_shared<MemoryDirectory>();
        UpdateOptions options = run_options(base_);
        options.ram_budget_bytes = 1 << 20;
        update_index(options);
        before_ = state_of(base_);
        ASSERT_EQ(before_.size(), 6u);
    }

    void article(int i, const std::string& version) {
        write(articles_ / ("a" + std::to_string(i) + ".txt"),
              "Story " + std::to_string(i) + " " + version + " zq" + std::to_string(i) + version +
                  "\n\nThe " + version + " text of story " + std::to_string(i) +
                  ", about missiles and talks.\n");
    }

    UpdateOptions run_options(std::shared_ptr<Directory> dir) const {
        UpdateOptions options;
        options.directory = std::move(dir);
        options.inputs = {articles_.string()};
        options.threads = 1;
        options.merge = false;
        return options;
    }

    // Runs `run` on a copy of the index before it, with `fault` at operation
    // n (0: none). Returns the copy and whether the run failed.
    struct Outcome {
        std::shared_ptr<MemoryDirectory> storage;
        std::shared_ptr<FaultInjectingDirectory> faulty;
        bool failed = false;
        bool crashed = false;
        std::string error;
    };
    Outcome attempt(const UpdateOptions& run, FaultInjectingDirectory::Fault fault,
                    std::uint64_t n) {
        Outcome o;
        o.storage = base_->clone();
        o.faulty = std::make_shared<FaultInjectingDirectory>(o.storage);
        if (n > 0) o.faulty->arm(fault, n);
        UpdateOptions options = run;
        options.directory = o.faulty;
        try {
            update_index(options);
        } catch (const SimulatedCrash&) {
            o.crashed = true;
        } catch (const Error& e) {
            o.failed = true;
            o.error = e.what();
        }
        return o;
    }

    // Every N for every fault kind; `changes` turns the folder into what
    // the run indexes.
    void check_every_operation(const UpdateOptions& run) {
        const Outcome clean = attempt(run, FaultInjectingDirectory::Fault::kNone, 0);
        ASSERT_FALSE(clean.failed || clean.crashed) << clean.error;
        const std::vector<std::string> after = state_of(clean.storage);
        ASSERT_NE(after, before_) << "the run must change something";
        const std::uint64_t operations = clean.faulty->operations();
        ASSERT_GT(operations, 20u);

        std::size_t saw_before = 0, saw_after = 0;
        for (std::uint64_t n = 1; n <= operations; ++n) {
            for (const auto fault : {FaultInjectingDirectory::Fault::kNoSpace,
                                     FaultInjectingDirectory::Fault::kIoError,
                                     FaultInjectingDirectory::Fault::kCrash}) {
                SCOPED_TRACE("operation " + std::to_string(n) + " of " +
                             std::to_string(operations) + ", fault " +
                             std::to_string(static_cast<int>(fault)));
                const Outcome o = attempt(run, fault, n);
                ASSERT_TRUE(o.faulty->fired());
                std::vector<std::shared_ptr<MemoryDirectory>> left;
                if (fault == FaultInjectingDirectory::Fault::kCrash) {
                    ASSERT_TRUE(o.crashed);
                    left.push_back(
                        o.storage->crash(MemoryDirectory::CrashKind::kUnsyncedNamesLost));
                    left.push_back(
                        o.storage->crash(MemoryDirectory::CrashKind::kUnsyncedNamesKept));
                } else {
                    // A failed write fails the run, or is one of the clean-ups
                    // after the commit, which the next run redoes.
                    if (o.failed) {
                        EXPECT_TRUE(o.error.find("No space left on device") != std::string::npos ||
                                    o.error.find("Input/output error") != std::string::npos)
                            << o.error;
                    }
                    left.push_back(o.storage);
                }
                for (const auto& storage : left) {
                    std::vector<std::string> state;
                    ASSERT_NO_THROW(state = state_of(storage)) << "the index does not open";
                    ASSERT_TRUE(state == before_ || state == after)
                        << "the index is neither before nor after the run";
                    saw_before += state == before_;
                    saw_after += state == after;
                    // And the next run finishes the job.
                    UpdateOptions again = run;
                    again.directory = storage;
                    update_index(again);
                    ASSERT_EQ(state_of(storage), after);
                }
            }
        }
        // Both outcomes occur: faults before the manifest's rename keep the
        // old commit, faults after it the new one.
        EXPECT_GT(saw_before, 0u);
        EXPECT_GT(saw_after, 0u);
        RecordProperty("operations", static_cast<int>(operations));
    }

    testing::TempDir dir_;
    fs::path articles_;
    std::shared_ptr<MemoryDirectory> base_;
    std::vector<std::string> before_;
};

TEST_F(StorageFaults, EveryOperationOfACommit) {
    article(1, "second");  // changed
    article(7, "new");     // added
    fs::remove(articles_ / "a3.txt");
    check_every_operation(run_options(nullptr));
}

TEST_F(StorageFaults, EveryOperationOfAMerge) {
    // The base has several segments (1 MiB budget, and a second run).
    article(8, "more");
    {
        UpdateOptions options = run_options(base_);
        options.ram_budget_bytes = 1 << 20;
        update_index(options);
        before_ = state_of(base_);
    }
    ASSERT_GE(IndexReader::open(base_)->segments().size(), 2u);
    UpdateOptions merge = run_options(nullptr);
    merge.optimize = true;
    fs::remove(articles_ / "a2.txt");  // a deletion for the merge to drop
    check_every_operation(merge);
}

}  // namespace
}  // namespace scoop
