#include "index/doc_table.h"

#include "util/error.h"

namespace scoop {

namespace {
constexpr std::size_t kHeaderBytes = 8 + 8 * kFieldCount;
constexpr std::size_t kBytesPerDoc = 4 * kFieldCount + 8 + 8;
}  // namespace

void DocColumns::reserve(std::size_t n) {
    for (auto& l : lengths) l.reserve(n);
    dates.reserve(n);
    file_ids.reserve(n);
}

void DocColumns::push_back(std::uint32_t text_length, std::uint32_t title_length, Timestamp date,
                           std::uint64_t file_id) {
    lengths[static_cast<std::size_t>(Field::kTitleAndBody)].push_back(text_length);
    lengths[static_cast<std::size_t>(Field::kTitle)].push_back(title_length);
    dates.push_back(date);
    file_ids.push_back(file_id);
}

double DocColumns::average_length(Field f) const {
    const auto& l = lengths[static_cast<std::size_t>(f)];
    if (l.empty()) return 0;
    double total = 0;
    for (std::uint32_t x : l) total += x;
    return total / static_cast<double>(l.size());
}

std::string encode_doc_table(const DocColumns& c) {
    std::string out;
    const std::size_t n = c.size();
    out.reserve(kHeaderBytes + n * kBytesPerDoc);
    put_fixed32(out, static_cast<std::uint32_t>(n));
    put_fixed32(out, 0);  // reserved
    for (const auto& lengths : c.lengths) {
        std::uint64_t total = 0;
        for (std::uint32_t l : lengths) total += l;
        put_fixed64(out, total);
    }
    for (const auto& lengths : c.lengths)
        for (std::uint32_t l : lengths) put_fixed32(out, l);
    for (Timestamp d : c.dates) put_fixed64(out, static_cast<std::uint64_t>(d));
    for (std::uint64_t id : c.file_ids) put_fixed64(out, id);
    return out;
}

DocTable::DocTable(std::span<const std::uint8_t> payload, const std::string& path) {
    if (payload.size() < kHeaderBytes) throw CorruptIndexError(path, "document table too short");
    doc_count_ = load_fixed32(payload.data());
    if (payload.size() != kHeaderBytes + std::size_t{doc_count_} * kBytesPerDoc)
        throw CorruptIndexError(path, "document table size does not match its document count");
    for (std::size_t f = 0; f < kFieldCount; ++f)
        totals_[f] = load_fixed64(payload.data() + 8 + 8 * f);
    const std::uint8_t* p = payload.data() + kHeaderBytes;
    for (std::size_t f = 0; f < kFieldCount; ++f) {
        lengths_[f] = p;
        p += 4 * std::size_t{doc_count_};
    }
    dates_ = p;
    p += 8 * std::size_t{doc_count_};
    file_ids_ = p;
}

}  // namespace scoop
