#pragma once

// What an index takes on disk: a file's size, or the sum of the regular
// files below a folder, as `du -b` would add them up.

#include <cstdint>
#include <filesystem>
#include <string>

namespace scoop::bench {

inline std::uint64_t disk_bytes(const std::string& path) {
    namespace fs = std::filesystem;
    if (fs::is_regular_file(path)) return fs::file_size(path);
    std::uint64_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file()) total += entry.file_size();
    return total;
}

}  // namespace scoop::bench
