#include "index/manifest.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "index/envelope.h"
#include "index/segment_files.h"
#include "util/error.h"
#include "util/file.h"

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

std::optional<Manifest> load_manifest(const std::string& dir) {
    const std::string path = join_path(dir, kManifestFile);
    if (!std::filesystem::exists(path)) return std::nullopt;
    const std::string bytes = read_file(path);
    const auto payload =
        open_envelope({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
                      kKindManifest, path, true);
    try {
        const auto json = nlohmann::json::parse(payload.begin(), payload.end());
        Manifest m;
        m.generation = json.at("generation").get<std::uint64_t>();
        m.language = json.at("language").get<std::string>();
        m.title_weight = json.at("title_weight").get<std::uint32_t>();
        if (m.title_weight < 1 || m.title_weight > 100)
            throw CorruptIndexError(path, "title_weight out of range");
        m.next_segment = json.at("next_segment").get<std::uint64_t>();
        m.next_file_id = json.at("next_file_id").get<std::uint64_t>();
        m.next_deletions = json.at("next_deletions").get<std::uint64_t>();
        m.catalog = json.at("catalog").get<std::string>();
        for (const auto& s : json.at("segments")) {
            SegmentMeta meta;
            meta.name = s.at("name").get<std::string>();
            meta.doc_count = s.at("docs").get<std::uint32_t>();
            meta.deleted_count = s.at("deleted").get<std::uint32_t>();
            meta.deletions = s.at("deletions").get<std::string>();
            meta.bytes = s.at("bytes").get<std::uint64_t>();
            if (meta.deleted_count > meta.doc_count)
                throw CorruptIndexError(path, "a segment has more deletions than documents");
            m.segments.push_back(std::move(meta));
        }
        return m;
    } catch (const nlohmann::json::exception& e) {
        throw CorruptIndexError(path, std::string("manifest is malformed: ") + e.what());
    }
}

void commit_manifest(const std::string& dir, const Manifest& m) {
    nlohmann::json json;
    json["generation"] = m.generation;
    json["language"] = m.language;
    json["title_weight"] = m.title_weight;
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
    replace_file_atomically(dir, kManifestFile, wrap_in_envelope(kKindManifest, json.dump(1)));
}

}  // namespace scoop
