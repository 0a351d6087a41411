#include "index/segment_files.h"

#include "index/file_names.h"

namespace scoop {

SegmentFilesWriter::SegmentFilesWriter(Directory& dir, const std::string& segment) {
    for (std::size_t i = 0; i < kSegmentFiles.size(); ++i) {
        files_[i] =
            std::make_unique<FileWriter>(dir, segment_file(segment, kSegmentFiles[i].extension));
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
