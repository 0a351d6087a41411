#include "index/index_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "index/envelope.h"
#include "util/error.h"

namespace scoop {
namespace {

// A writer may commit and delete the files of the manifest we just read
// before we open them; then the newer manifest is the one to read.
constexpr int kOpenAttempts = 5;

}  // namespace

std::shared_ptr<const IndexReader> IndexReader::open(const std::string& dir,
                                                     ReaderOptions options) {
    if (!std::filesystem::is_directory(dir))
        throw Error("no index at '" + dir +
                    "': the directory does not exist; build one with: indexer --index " + dir +
                    " PATH...");
    return open(open_posix_directory(dir, false), options);
}

std::shared_ptr<const IndexReader> IndexReader::open(std::shared_ptr<const Directory> dir,
                                                     ReaderOptions options) {
    for (int attempt = 1;; ++attempt) {
        auto manifest = load_manifest(*dir);
        if (!manifest)
            throw Error("no index at '" + dir->location() +
                        "' (no MANIFEST file); build one with: indexer --index " + dir->location() +
                        " PATH...");
        std::shared_ptr<IndexReader> reader(new IndexReader());
        reader->dir_ = dir;
        reader->manifest_ = std::move(*manifest);
        reader->locations_ = {dir->location()};
        try {
            for (const SegmentMeta& meta : reader->manifest_.segments) {
                auto segment =
                    std::make_shared<const Segment>(*dir, meta, options.verify_checksums);
                reader->bases_.push_back(reader->doc_count_);
                reader->doc_count_ += segment->doc_count();
                for (std::size_t f = 0; f < kFieldCount; ++f)
                    reader->totals_[f] += segment->docs().total_length(static_cast<Field>(f));
                reader->segments_.push_back(std::move(segment));
                reader->segment_locations_.push_back(0);
            }
        } catch (const FileMissingError&) {
            // A file that vanished under us: a commit happened; try its manifest.
            if (attempt == kOpenAttempts) throw;
            auto newer = load_manifest(*dir);
            if (!newer || newer->generation == reader->manifest_.generation) throw;
            continue;
        }
        return reader;
    }
}

std::shared_ptr<const IndexReader> IndexReader::combine(
    std::span<const std::shared_ptr<const IndexReader>> parts) {
    if (parts.empty()) throw Error("no index to search");
    if (parts.size() == 1) return parts.front();
    std::shared_ptr<IndexReader> reader(new IndexReader());
    const IndexReader& first = *parts.front();
    reader->dir_ = first.dir_;
    reader->manifest_ = first.manifest_;
    reader->manifest_.segments.clear();
    reader->manifest_.catalog.clear();
    for (const auto& part : parts) {
        const Manifest& m = part->manifest_;
        if (m.language != first.manifest_.language ||
            m.title_weight != first.manifest_.title_weight)
            throw Error(fmt::format(
                "'{}' (language {}, title weight {}) and '{}' (language {}, title weight {}) rank "
                "differently and cannot be searched together; rebuild one with the other's "
                "settings (indexer --language, --title-weight)",
                first.locations_.front(), first.manifest_.language, first.manifest_.title_weight,
                part->locations_.front(), m.language, m.title_weight));
        reader->manifest_.extraction_version =
            std::min(reader->manifest_.extraction_version, m.extraction_version);
        for (std::size_t s = 0; s < part->segments_.size(); ++s) {
            reader->manifest_.segments.push_back(m.segments[s]);
            reader->bases_.push_back(reader->doc_count_ + part->bases_[s]);
            reader->segments_.push_back(part->segments_[s]);
            reader->segment_locations_.push_back(reader->locations_.size() +
                                                 part->segment_locations_[s]);
        }
        reader->doc_count_ += part->doc_count_;
        for (std::size_t f = 0; f < kFieldCount; ++f) reader->totals_[f] += part->totals_[f];
        reader->locations_.insert(reader->locations_.end(), part->locations_.begin(),
                                  part->locations_.end());
    }
    return reader;
}

double IndexReader::average_length(Field f) const {
    return doc_count_ == 0 ? 0.0
                           : static_cast<double>(totals_[static_cast<std::size_t>(f)]) /
                                 static_cast<double>(doc_count_);
}

std::uint64_t IndexReader::doc_freq(std::string_view key) const {
    std::uint64_t df = 0;
    for (const auto& s : segments_)
        if (const auto info = s->find(key)) df += info->df;
    return df;
}

Catalog IndexReader::load_catalog() const {
    if (locations_.size() > 1)
        throw Error("several indexes searched together have no single catalogue; open one");
    return scoop::load_catalog(*dir_, manifest_);
}

Catalog load_catalog(const Directory& dir, const Manifest& manifest) {
    if (manifest.catalog.empty()) return {};
    const EnvelopeFile file = open_envelope(dir, manifest.catalog, kKindCatalog, true);
    const auto payload = file.payload();
    return Catalog::parse({reinterpret_cast<const char*>(payload.data()), payload.size()},
                          file.path());
}

}  // namespace scoop
