#include "index/segment_files.h"

#include <fmt/format.h>

namespace scoop {

std::string segment_name(std::uint64_t number) {
    return fmt::format("seg-{:06d}", number);
}

std::string segment_file(std::string_view segment, std::string_view extension) {
    return fmt::format("{}.{}", segment, extension);
}

std::string deletions_file(std::string_view segment, std::uint64_t generation) {
    return fmt::format("{}.{}.del", segment, generation);
}

SegmentFilesWriter::SegmentFilesWriter(const std::string& dir, const std::string& segment) {
    for (std::size_t i = 0; i < kSegmentFiles.size(); ++i) {
        files_[i] = std::make_unique<FileWriter>(
            join_path(dir, segment_file(segment, kSegmentFiles[i].extension)));
        write_envelope_header(*files_[i], kSegmentFiles[i].envelope_kind);
    }
}

std::uint64_t SegmentFilesWriter::finish() {
    std::uint64_t total = 0;
    for (auto& f : files_) {
        finish_envelope(*f);
        total += f->offset();
    }
    return total;
}

}  // namespace scoop
