#include "index/index_stats.h"

#include <queue>

#include "index/file_names.h"
#include "index/segment_files.h"
#include "util/error.h"

namespace scoop {

IndexStats compute_stats(const IndexReader& reader) {
    IndexStats stats;
    const Manifest& m = reader.manifest();
    stats.documents = m.live_doc_count();
    stats.deleted = m.doc_count() - m.live_doc_count();
    stats.segments = m.segments.size();
    stats.language = m.language;
    stats.generation = m.generation;
    stats.files = reader.load_catalog().size();

    // Distinct terms across segments: walk the dictionaries together.
    std::vector<Dictionary::Iterator> its;
    for (const auto& s : reader.segments()) its.push_back(s->dictionary().begin());
    auto later = [&](std::size_t a, std::size_t b) { return its[a].key() > its[b].key(); };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
    for (std::size_t i = 0; i < its.size(); ++i)
        if (its[i].valid()) heads.push(i);
    std::string last;
    while (!heads.empty()) {
        const std::size_t i = heads.top();
        heads.pop();
        const auto kind = static_cast<std::size_t>(key_kind(its[i].key()));
        if (kind < stats.terms.size()) {
            if (its[i].key() != last) ++stats.terms[kind];
            stats.postings[kind] += its[i].info().df;
            if (has_positions(static_cast<TermKind>(kind))) stats.positions += its[i].info().cf;
        }
        last.assign(its[i].key());
        its[i].next();
        if (its[i].valid()) heads.push(i);
    }

    const Directory& dir = reader.directory();
    for (const std::string& name : dir.list()) {
        const auto kind = classify_file_name(name);
        if (!kind || *kind == IndexFileKind::kLock) continue;
        std::string label;
        switch (*kind) {
            case IndexFileKind::kManifest:
            case IndexFileKind::kManifestTemp:
                label = "manifest";
                break;
            case IndexFileKind::kCatalog:
                label = "catalog";
                break;
            case IndexFileKind::kDeletions:
                label = "del";
                break;
            default:
                label = name.substr(name.rfind('.') + 1);
        }
        std::uint64_t bytes = 0;
        try {
            bytes = dir.size(name);
        } catch (const FileMissingError&) {
            continue;  // removed by a writer meanwhile
        }
        stats.bytes_by_kind[label] += bytes;
        stats.total_bytes += bytes;
    }
    return stats;
}

}  // namespace scoop
