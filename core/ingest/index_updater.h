#pragma once

// Brings an index up to date with a set of files and folders: what the
// indexer program runs. New files are added, changed ones replaced, files
// gone from the scanned folders deleted; unchanged files (same size,
// modification time and status change time as catalogued) are not read at
// all, unless `recheck` asks for every file's content to be compared.
// Reading, extraction and analysis run on a pool of threads; inversion and
// writing on the calling thread.
//
// Memory stays within the RAM budget plus a fixed overhead whatever the
// input: a file is never read whole unless small, one article's text is
// cut at max_article_bytes(budget) (1/64 of it) with a warning naming the file, and a
// JSON line longer than that is skipped with a warning.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/article.h"
#include "index/merge_policy.h"
#include "ingest/progress.h"
#include "storage/directory.h"

namespace scoop {

struct UpdateOptions {
    std::string index_dir;
    // The index's storage; when null, the folder index_dir (created if missing).
    std::shared_ptr<Directory> directory;
    std::vector<std::string> inputs;    // files and folders
    std::optional<InputFormat> format;  // overrides the extension
    std::size_t ram_budget_bytes = std::size_t{256} << 20;
    unsigned threads = 0;                                     // 0: one per core
    std::string language;                                     // of a new index; empty: english
    std::uint32_t title_weight = 0;                           // of a new index; 0: 2
    std::uint64_t max_file_bytes = std::uint64_t{256} << 20;  // for whole-file formats
    bool recheck = false;  // hash every file, even those whose size and times match
    // Extract and index every file again, changed or not: after an upgrade
    // of the extractor (UpdateReport::extraction_outdated).
    bool reextract = false;
    bool merge = true;      // run the merge policy afterwards
    bool optimize = false;  // merge everything into one segment
    MergePolicy merge_policy;
};

struct FileIssue {
    std::string path;
    std::uint32_t line = 0;  // 0: the whole file
    std::string message;
};

struct UpdateReport {
    std::uint64_t files_added = 0;
    std::uint64_t files_updated = 0;
    std::uint64_t files_deleted = 0;
    std::uint64_t files_unchanged = 0;
    std::uint64_t files_skipped = 0;
    std::uint64_t documents_added = 0;
    std::uint64_t documents_deleted = 0;
    // Documents of no catalogued file (left by an indexer before canonical
    // paths, or by damage): removed, so that each file has one copy.
    std::uint64_t stale_documents_removed = 0;
    // The index holds articles extracted by an older extractor than this
    // program's: run again with `reextract` to index them better.
    bool extraction_outdated = false;
    std::uint64_t bytes_read = 0;
    std::uint64_t documents_in_index = 0;
    std::size_t segments = 0;
    std::size_t merges = 0;
    std::vector<FileIssue> skipped;   // files not indexed, with the reason
    std::vector<FileIssue> warnings;  // indexed, but something was wrong (bad lines, bad bytes)
    double seconds = 0;
};

// The most text one article may have under a RAM budget: its analysis and
// inversion take several times its size, so an article is limited to a
// fraction of the budget (README, "Limits").
std::uint64_t max_article_bytes(std::size_t ram_budget_bytes);

// Throws scoop::Error when the run as a whole cannot proceed: the index is
// locked or damaged, no input exists, a write fails. Problems with single
// files are reported in the result instead.
UpdateReport update_index(const UpdateOptions& options, const ProgressCallback& progress = {});

}  // namespace scoop
