#include "index/manifest.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "index/envelope.h"
#include "index/segment_files.h"
#include "util/error.h"

namespace scoop {

std::uint64_t Manifest::doc_count() const {
    std::uint64_t n = 0;
    for (const auto& s : segments) n += s.doc_count;
    return n;
}

std::uint64_t Manifest::live_doc_count() const {
    std::uint64_t n = 0;
    for (const auto& s : segments) n += s.live_count();
    return n;
}

std::vector<std::string> Manifest::referenced_files() const {
    std::vector<std::string> files;
    if (!catalog.empty()) files.push_back(catalog);
    for (const auto& s : segments) {
        for (const auto& kind : kSegmentFiles)
            files.push_back(segment_file(s.name, kind.extension));
        if (!s.deletions.empty()) files.push_back(s.deletions);
    }
    return files;
}

std::optional<Manifest> load_manifest(const Directory& dir) {
    std::optional<EnvelopeFile> file;
    try {
        file.emplace(open_envelope(dir, std::string(kManifestFile), kKindManifest, true));
    } catch (const FileMissingError&) {
        return std::nullopt;
    }
    const std::string& path = file->path();
    const auto payload = file->payload();
    // Names come from the file: they must be names this program writes, so
    // that no damaged or forged manifest makes a reader open, or a writer
    // keep, anything outside its own files.
    auto check_name = [&](const std::string& name, bool ok, const char* what) {
        if (!ok)
            throw CorruptIndexError(path, std::string("the manifest names a ") + what + " '" +
                                              name + "' that this program would not write");
    };
    // nlohmann converts -4 to a uint32_t as 4294967292 without a word: a
    // count must be a non-negative integer that fits.
    auto count = [&]<typename T>(const nlohmann::json& object, const char* key, T) {
        const nlohmann::json& value = object.at(key);
        if (!value.is_number_unsigned() ||
            value.get<std::uint64_t>() > std::numeric_limits<T>::max())
            throw CorruptIndexError(
                path, std::string("the manifest's '") + key + "' is not a count: " + value.dump());
        return value.get<T>();
    };
    try {
        const auto json = nlohmann::json::parse(payload.begin(), payload.end());
        Manifest m;
        m.generation = count(json, "generation", std::uint64_t{});
        m.language = json.at("language").get<std::string>();
        m.title_weight = count(json, "title_weight", std::uint32_t{});
        m.extraction_version = json.contains("extraction_version")
                                   ? count(json, "extraction_version", std::uint32_t{})
                                   : 1;  // written before versions were
        if (m.title_weight < 1 || m.title_weight > 100)
            throw CorruptIndexError(path, "title_weight out of range");
        m.next_segment = count(json, "next_segment", std::uint64_t{});
        m.next_file_id = count(json, "next_file_id", std::uint64_t{});
        m.next_deletions = count(json, "next_deletions", std::uint64_t{});
        m.catalog = json.at("catalog").get<std::string>();
        if (!m.catalog.empty())
            check_name(m.catalog, classify_file_name(m.catalog) == IndexFileKind::kCatalog,
                       "catalogue");
        for (const auto& s : json.at("segments")) {
            SegmentMeta meta;
            meta.name = s.at("name").get<std::string>();
            meta.doc_count = count(s, "docs", std::uint32_t{});
            meta.deleted_count = count(s, "deleted", std::uint32_t{});
            meta.deletions = s.at("deletions").get<std::string>();
            meta.bytes = count(s, "bytes", std::uint64_t{});
            check_name(meta.name, is_segment_name(meta.name), "segment");
            if (!meta.deletions.empty())
                check_name(meta.deletions,
                           classify_file_name(meta.deletions) == IndexFileKind::kDeletions &&
                               meta.deletions.starts_with(meta.name + "."),
                           "deletions file");
            if (meta.deleted_count > meta.doc_count)
                throw CorruptIndexError(path, "a segment has more deletions than documents");
            m.segments.push_back(std::move(meta));
        }
        return m;
    } catch (const nlohmann::json::exception& e) {
        throw CorruptIndexError(path, std::string("manifest is malformed: ") + e.what());
    }
}

void commit_manifest(Directory& dir, const Manifest& m) {
    nlohmann::json json;
    json["generation"] = m.generation;
    json["language"] = m.language;
    json["title_weight"] = m.title_weight;
    json["extraction_version"] = m.extraction_version;
    json["next_segment"] = m.next_segment;
    json["next_file_id"] = m.next_file_id;
    json["next_deletions"] = m.next_deletions;
    json["catalog"] = m.catalog;
    json["segments"] = nlohmann::json::array();
    for (const auto& s : m.segments) {
        json["segments"].push_back({{"name", s.name},
                                    {"docs", s.doc_count},
                                    {"deleted", s.deleted_count},
                                    {"deletions", s.deletions},
                                    {"bytes", s.bytes}});
    }
    replace_atomically(dir, std::string(kManifestFile),
                       wrap_in_envelope(kKindManifest, json.dump(1)));
}

}  // namespace scoop
