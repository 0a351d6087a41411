#include "index/index_check.h"

#include <unordered_set>

#include "util/error.h"

namespace scoop {

CheckReport check_index(const IndexReader& reader) {
    CheckReport report;
    std::unordered_set<std::uint64_t> files;
    const Catalog catalog = reader.load_catalog();
    for (const CatalogEntry* e : catalog.sorted()) files.insert(e->file_id);
    for (const auto& segment : reader.segments()) {
        segment->verify_all();
        for (auto it = segment->dictionary().begin(); it.valid(); it.next()) {
            PostingCursor c = segment->postings(it.info());
            std::uint32_t n = 0;
            for (; c.doc() != kEndDoc; c.next()) {
                c.freq();
                c.positions();
                ++n;
            }
            if (n != it.info().df)
                throw CorruptIndexError(
                    segment->posting_source().postings->path(),
                    "term '" + describe_key(it.key()) + "' has " + std::to_string(n) +
                        " postings but its dictionary entry says " + std::to_string(it.info().df));
        }
        StoredFieldsReader::BlockCache cache;
        for (std::uint32_t d = 0; d < segment->doc_count(); ++d)
            segment->stored().document(d, cache);
        for (std::uint32_t d = 0; d < segment->doc_count(); ++d)
            report.stale_documents +=
                !segment->deleted(d) && files.count(segment->docs().file_id(d)) == 0;
    }
    return report;
}

}  // namespace scoop
