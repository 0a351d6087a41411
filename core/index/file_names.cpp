#include "index/file_names.h"

#include <fmt/format.h>

#include <array>

namespace scoop {
namespace {

constexpr std::string_view kSegmentPrefix = "seg-";
constexpr std::string_view kCatalogPrefix = "catalog.";
constexpr std::array<std::string_view, 5> kSegmentExtensions = {"dict", "post", "pos", "docs",
                                                                "store"};

bool all_digits(std::string_view s) {
    if (s.empty() || s.size() > 19) return false;  // fits a u64
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string segment_name(std::uint64_t number) {
    return fmt::format("seg-{:06d}", number);
}

std::string segment_file(std::string_view segment, std::string_view extension) {
    return fmt::format("{}.{}", segment, extension);
}

std::string deletions_file(std::string_view segment, std::uint64_t generation) {
    return fmt::format("{}.{}.del", segment, generation);
}

std::string catalog_file(std::uint64_t generation) {
    return fmt::format("{}{}", kCatalogPrefix, generation);
}

bool is_segment_name(std::string_view name) {
    return name.starts_with(kSegmentPrefix) && name.size() >= kSegmentPrefix.size() + 6 &&
           all_digits(name.substr(kSegmentPrefix.size()));
}

std::optional<IndexFileKind> classify_file_name(std::string_view name) {
    if (name == kManifestFile) return IndexFileKind::kManifest;
    if (name == kManifestTempFile) return IndexFileKind::kManifestTemp;
    if (name == kLockFile) return IndexFileKind::kLock;
    if (name.starts_with(kCatalogPrefix) && all_digits(name.substr(kCatalogPrefix.size())))
        return IndexFileKind::kCatalog;
    const std::size_t dot = name.find('.');
    if (dot == std::string_view::npos || !is_segment_name(name.substr(0, dot))) return std::nullopt;
    const std::string_view rest = name.substr(dot + 1);
    for (std::string_view extension : kSegmentExtensions)
        if (rest == extension) return IndexFileKind::kSegmentFile;
    if (rest.ends_with(".del") && all_digits(rest.substr(0, rest.size() - 4)))
        return IndexFileKind::kDeletions;
    return std::nullopt;
}

}  // namespace scoop
