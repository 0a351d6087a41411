#include "index/block_codec.h"

#include <emmintrin.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "util/coding.h"

namespace scoop {
namespace {

constexpr unsigned kLanes = 4;
constexpr unsigned kPerLane = kBlockSize / kLanes;  // 32 values per lane

unsigned max_bits(const std::uint32_t* v) {
    std::uint32_t acc = 0;
    for (std::size_t i = 0; i < kBlockSize; ++i) acc |= v[i];
    return static_cast<unsigned>(std::bit_width(acc));
}

// Lane j packs values j, j+4, ..., j+124 least-significant bit first into
// `bits` 32-bit words; word k of lane j is stored at 32-bit slot 4k + j.
void pack(const std::uint32_t* v, unsigned bits, std::string& out) {
    out.push_back(static_cast<char>(bits));
    if (bits == 0) return;
    std::array<std::uint32_t, 4 * 32> words{};
    for (unsigned lane = 0; lane < kLanes; ++lane) {
        unsigned word = 0, shift = 0;
        for (unsigned i = 0; i < kPerLane; ++i) {
            const std::uint64_t value = v[i * kLanes + lane];
            words[word * kLanes + lane] |= static_cast<std::uint32_t>(value << shift);
            if (shift + bits > 32) {
                words[(word + 1) * kLanes + lane] |=
                    static_cast<std::uint32_t>(value >> (32 - shift));
            }
            shift += bits;
            if (shift >= 32) {
                shift -= 32;
                ++word;
            }
        }
    }
    out.append(reinterpret_cast<const char*>(words.data()), 16 * bits);
}

// The SIMD unpacker, one instantiation per width so that every shift is an
// immediate and the loop unrolls completely. Kind selects what is done to
// each group of four values before it is stored.
enum class Kind { kPlain, kGaps };

template <unsigned B, Kind K>
void unpack(const std::uint8_t* in, std::uint32_t previous, std::uint32_t* out) {
    const auto* src = reinterpret_cast<const __m128i*>(in);
    auto* dst = reinterpret_cast<__m128i*>(out);
    __m128i running = _mm_set1_epi32(static_cast<int>(previous));
    const __m128i one = _mm_set1_epi32(1);

    auto finish = [&](unsigned i, __m128i v) {
        if constexpr (K == Kind::kGaps) {
            // values = previous + prefix sums of (gap + 1) within the group
            v = _mm_add_epi32(v, one);
            v = _mm_add_epi32(v, _mm_slli_si128(v, 4));
            v = _mm_add_epi32(v, _mm_slli_si128(v, 8));
            v = _mm_add_epi32(v, running);
            running = _mm_shuffle_epi32(v, 0xFF);
        }
        _mm_storeu_si128(dst + i, v);
    };

    if constexpr (B == 0) {
        for (unsigned i = 0; i < kPerLane; ++i) finish(i, _mm_setzero_si128());
    } else if constexpr (B == 32) {
        for (unsigned i = 0; i < kPerLane; ++i) finish(i, _mm_loadu_si128(src + i));
    } else {
        const __m128i mask = _mm_set1_epi32(static_cast<int>((1u << B) - 1));
        __m128i word = _mm_loadu_si128(src);
        unsigned w = 0;
#pragma GCC unroll 32
        for (unsigned i = 0; i < kPerLane; ++i) {
            const unsigned shift = (i * B) % 32;
            __m128i v = _mm_srli_epi32(word, static_cast<int>(shift));
            if (shift + B >= 32 && i + 1 < kPerLane) {
                ++w;
                word = _mm_loadu_si128(src + w);
                if (shift + B > 32)
                    v = _mm_or_si128(v, _mm_slli_epi32(word, static_cast<int>(32 - shift)));
            }
            finish(i, _mm_and_si128(v, mask));
        }
    }
}

using Unpacker = void (*)(const std::uint8_t*, std::uint32_t, std::uint32_t*);

template <Kind K, std::size_t... B>
constexpr std::array<Unpacker, sizeof...(B)> make_table(std::index_sequence<B...>) {
    return {&unpack<static_cast<unsigned>(B), K>...};
}

constexpr auto kPlainUnpackers = make_table<Kind::kPlain>(std::make_index_sequence<33>{});
constexpr auto kGapUnpackers = make_table<Kind::kGaps>(std::make_index_sequence<33>{});

const std::uint8_t* checked_width(const std::uint8_t* in, const std::uint8_t* end, unsigned& bits) {
    if (in >= end) return nullptr;
    bits = *in;
    if (bits > 32 || static_cast<std::size_t>(end - in) < packed_block_bytes(bits)) return nullptr;
    return in + 1;
}

}  // namespace

void encode_packed_block(const std::uint32_t* values, std::string& out) {
    pack(values, max_bits(values), out);
}

void encode_packed_gaps(const std::uint32_t* values, std::uint32_t previous, std::string& out) {
    std::array<std::uint32_t, kBlockSize> gaps;
    for (std::size_t i = 0; i < kBlockSize; ++i) {
        gaps[i] = values[i] - previous - 1;
        previous = values[i];
    }
    encode_packed_block(gaps.data(), out);
}

const std::uint8_t* decode_packed_block(const std::uint8_t* in, const std::uint8_t* end,
                                        std::uint32_t* out) {
    unsigned bits;
    const std::uint8_t* data = checked_width(in, end, bits);
    if (data == nullptr) return nullptr;
    kPlainUnpackers[bits](data, 0, out);
    return data + 16 * bits;
}

const std::uint8_t* decode_packed_gaps(const std::uint8_t* in, const std::uint8_t* end,
                                       std::uint32_t previous, std::uint32_t* out) {
    unsigned bits;
    const std::uint8_t* data = checked_width(in, end, bits);
    if (data == nullptr) return nullptr;
    kGapUnpackers[bits](data, previous, out);
    return data + 16 * bits;
}

const std::uint8_t* decode_packed_block_scalar(const std::uint8_t* in, const std::uint8_t* end,
                                               std::uint32_t* out) {
    unsigned bits;
    const std::uint8_t* data = checked_width(in, end, bits);
    if (data == nullptr) return nullptr;
    if (bits == 0) {  // no data bytes to read
        std::fill(out, out + kBlockSize, 0u);
        return data;
    }
    for (unsigned lane = 0; lane < kLanes; ++lane) {
        for (unsigned i = 0; i < kPerLane; ++i) {
            const unsigned bit = i * bits;
            const unsigned word = bit / 32, shift = bit % 32;
            std::uint64_t v = load_fixed32(data + 4 * (word * kLanes + lane)) >> shift;
            if (shift + bits > 32)
                v |= std::uint64_t{load_fixed32(data + 4 * ((word + 1) * kLanes + lane))}
                     << (32 - shift);
            out[i * kLanes + lane] = bits == 32
                                         ? static_cast<std::uint32_t>(v)
                                         : static_cast<std::uint32_t>(v & ((1u << bits) - 1));
        }
    }
    return data + 16 * bits;
}

void encode_varint_block(const std::uint32_t* values, std::size_t n, std::string& out) {
    for (std::size_t i = 0; i < n; ++i) put_varint32(out, values[i]);
}

void encode_varint_gaps(const std::uint32_t* values, std::size_t n, std::uint32_t previous,
                        std::string& out) {
    for (std::size_t i = 0; i < n; ++i) {
        put_varint32(out, values[i] - previous - 1);
        previous = values[i];
    }
}

const std::uint8_t* decode_varint_block(const std::uint8_t* in, const std::uint8_t* end,
                                        std::size_t n, std::uint32_t* out) {
    for (std::size_t i = 0; i < n && in != nullptr; ++i) in = get_varint32(in, end, out[i]);
    return in;
}

const std::uint8_t* decode_varint_gaps(const std::uint8_t* in, const std::uint8_t* end,
                                       std::size_t n, std::uint32_t previous, std::uint32_t* out) {
    for (std::size_t i = 0; i < n && in != nullptr; ++i) {
        std::uint32_t gap = 0;
        in = get_varint32(in, end, gap);
        previous += gap + 1;
        out[i] = previous;
    }
    return in;
}

}  // namespace scoop
