#pragma once

// Little-endian fixed-width and LEB128 varint encodings, used by every file
// format of the index. Decoders take an explicit end and return nullptr on
// truncated or overlong input instead of reading past it.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace scoop {

inline void put_fixed32(std::string& out, std::uint32_t v) {
    char buf[4];
    std::memcpy(buf, &v, 4);  // x86-64 and aarch64 Linux are little-endian
    out.append(buf, 4);
}

inline void put_fixed64(std::string& out, std::uint64_t v) {
    char buf[8];
    std::memcpy(buf, &v, 8);
    out.append(buf, 8);
}

inline std::uint32_t load_fixed32(const std::uint8_t* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

inline std::uint64_t load_fixed64(const std::uint8_t* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

inline std::uint8_t* encode_varint64(std::uint8_t* dst, std::uint64_t v) {
    while (v >= 0x80) {
        *dst++ = static_cast<std::uint8_t>(v | 0x80);
        v >>= 7;
    }
    *dst++ = static_cast<std::uint8_t>(v);
    return dst;
}

inline void put_varint64(std::string& out, std::uint64_t v) {
    // push_back, not append: for one or two bytes a memcpy call costs more
    // than the bytes (this runs for every posting while indexing).
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

inline void put_varint32(std::string& out, std::uint32_t v) {
    put_varint64(out, v);
}

// Length-prefixed bytes.
inline void put_bytes(std::string& out, std::string_view s) {
    put_varint64(out, s.size());
    out.append(s);
}

inline const std::uint8_t* get_varint64(const std::uint8_t* p, const std::uint8_t* end,
                                        std::uint64_t& v) {
    std::uint64_t result = 0;
    for (unsigned shift = 0; shift <= 63 && p < end; shift += 7) {
        const std::uint64_t byte = *p++;
        result |= (byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            v = result;
            return p;
        }
    }
    return nullptr;
}

inline const std::uint8_t* get_varint32(const std::uint8_t* p, const std::uint8_t* end,
                                        std::uint32_t& v) {
    // Fast path: one byte, the common case for gaps and frequencies.
    if (p < end && *p < 0x80) {
        v = *p;
        return p + 1;
    }
    std::uint64_t wide = 0;
    p = get_varint64(p, end, wide);
    if (p == nullptr || wide > UINT32_MAX) return nullptr;
    v = static_cast<std::uint32_t>(wide);
    return p;
}

// A read cursor over a byte range that remembers failure: the decoding code
// reads on and checks ok() once, instead of testing every call.
class ByteReader {
  public:
    ByteReader(const std::uint8_t* begin, const std::uint8_t* end) : p_(begin), end_(end) {}
    explicit ByteReader(std::string_view s)
        : ByteReader(reinterpret_cast<const std::uint8_t*>(s.data()),
                     reinterpret_cast<const std::uint8_t*>(s.data()) + s.size()) {}

    bool ok() const { return p_ != nullptr; }
    bool at_end() const { return p_ == end_; }
    const std::uint8_t* position() const { return p_; }
    std::size_t remaining() const { return p_ ? static_cast<std::size_t>(end_ - p_) : 0; }

    std::uint64_t varint64() {
        std::uint64_t v = 0;
        if (p_) p_ = get_varint64(p_, end_, v);
        return p_ ? v : 0;
    }
    std::uint32_t varint32() {
        std::uint32_t v = 0;
        if (p_) p_ = get_varint32(p_, end_, v);
        return p_ ? v : 0;
    }
    std::uint32_t fixed32() {
        if (remaining() < 4) return fail32();
        const std::uint32_t v = load_fixed32(p_);
        p_ += 4;
        return v;
    }
    std::uint64_t fixed64() {
        if (remaining() < 8) return fail32();
        const std::uint64_t v = load_fixed64(p_);
        p_ += 8;
        return v;
    }
    std::string_view bytes(std::size_t n) {
        if (remaining() < n) {
            fail32();
            return {};
        }
        std::string_view s(reinterpret_cast<const char*>(p_), n);
        p_ += n;
        return s;
    }
    std::string_view length_prefixed() { return bytes(varint64()); }

  private:
    std::uint32_t fail32() {
        p_ = nullptr;
        return 0;
    }
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

}  // namespace scoop
