#pragma once

// Finds the article files under the paths a user gives the indexer, each
// file once, under one canonical name, whatever the spelling of the paths
// ("one", "./one", "one/", "one/t.txt") and however they overlap; a file
// reached under two names (a symbolic or hard link) is one file. What is
// not used is said, with the reason: unreadable folders, links to folders
// (not followed), FIFOs, devices and sockets, broken links. Hidden files and
// folders (.git, editor backups) and index folders are passed over.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace scoop {

struct FoundFile {
    std::string path;  // absolute, lexically normal, through real folders
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t device = 0, inode = 0;
};

struct WalkIssue {
    std::string path;
    std::string reason;
};

struct WalkResult {
    std::vector<FoundFile> files;  // sorted by path, each file once
    // Names under which an already found file was seen again (links): not
    // indexed themselves.
    std::vector<std::string> other_names;
    std::vector<WalkIssue> skipped;
    // The inputs as canonical paths (those that exist): what the index's
    // view of "the files under the given paths" covers.
    std::vector<std::string> roots;
    std::size_t missing_inputs = 0;  // inputs that do not exist
};

// Nothing inside `exclude` (the index folder, canonical) is walked. When a
// file is found under several names, one that `preferred` accepts (a name
// the catalogue has, so that re-runs do not churn) is kept, else the first
// in byte order.
WalkResult walk_inputs(const std::vector<std::string>& inputs, const std::string& exclude,
                       const std::function<bool(std::string_view)>& preferred = {});

// Whether `path` is `root` or lies inside it (both canonical).
bool is_within(const std::string& path, const std::string& root);

// Whether the folder holds a scoop index (a MANIFEST in an index envelope).
bool is_index_folder(const std::string& path);

}  // namespace scoop
