#pragma once

// What the reference engines store per document and read back for each
// hit: the fields a result line shows (title, date, source, path, url),
// the same our index keeps uncompressed for the purpose, so fetching a page
// of results is comparable work across engines.

#include <string>
#include <string_view>

#include "analysis/article.h"
#include "index/stored_fields.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {

inline std::string serialize_meta(const Article& a) {
    std::string out;
    put_varint64(out, (static_cast<std::uint64_t>(a.date) << 1) ^
                          static_cast<std::uint64_t>(a.date >> 63));  // zigzag
    put_varint32(out, a.line);
    put_bytes(out, a.path);
    put_bytes(out, a.title);
    put_bytes(out, a.source);
    put_bytes(out, a.url);
    return out;
}

inline StoredDocument parse_meta(std::string_view bytes, const std::string& file_for_errors) {
    ByteReader r(bytes);
    StoredDocument d;
    const std::uint64_t z = r.varint64();
    d.date = static_cast<Timestamp>(z >> 1) ^ -static_cast<Timestamp>(z & 1);
    d.line = r.varint32();
    d.path = r.length_prefixed();
    d.title = r.length_prefixed();
    d.source = r.length_prefixed();
    d.url = r.length_prefixed();
    if (!r.ok()) throw CorruptIndexError(file_for_errors, "a stored record is malformed");
    return d;
}

}  // namespace scoop
