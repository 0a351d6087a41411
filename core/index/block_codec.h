#pragma once

// The integer codec of the postings: blocks of 128 unsigned 32-bit values,
// bit-packed at the width of the largest value in the SIMD-friendly layout of
// Lemire's simdcomp (four interleaved lanes, so one SSE2 shift-and-mask
// unpacks four values). A block is one width byte followed by 16 * width
// bytes. Lists shorter than a block, and the tail of longer ones, use
// LEB128 varints, where a 128-slot block would waste space.
//
// Decoders take the end of the readable range and return nullptr, never
// reading past it, when the bytes cannot be a block.

#include <cstddef>
#include <cstdint>
#include <string>

namespace scoop {

inline constexpr std::size_t kBlockSize = 128;

// Bytes a packed block of the given width occupies, width byte included.
constexpr std::size_t packed_block_bytes(unsigned bits) {
    return 1 + 16 * bits;
}

// Appends a packed block of 128 values.
void encode_packed_block(const std::uint32_t* values, std::string& out);

// Appends a packed block of the gaps of 128 strictly increasing values that
// follow `previous` (the last value of the previous block, or UINT32_MAX
// before the first so that a first value of 0 is a gap of 1).
void encode_packed_gaps(const std::uint32_t* values, std::uint32_t previous, std::string& out);

const std::uint8_t* decode_packed_block(const std::uint8_t* in, const std::uint8_t* end,
                                        std::uint32_t* out);

// Inverse of encode_packed_gaps: out[i] = previous + 1 + sum of gaps[0..i].
const std::uint8_t* decode_packed_gaps(const std::uint8_t* in, const std::uint8_t* end,
                                       std::uint32_t previous, std::uint32_t* out);

// Same for fewer than 128 values, as varints.
void encode_varint_block(const std::uint32_t* values, std::size_t n, std::string& out);
void encode_varint_gaps(const std::uint32_t* values, std::size_t n, std::uint32_t previous,
                        std::string& out);
const std::uint8_t* decode_varint_block(const std::uint8_t* in, const std::uint8_t* end,
                                        std::size_t n, std::uint32_t* out);
const std::uint8_t* decode_varint_gaps(const std::uint8_t* in, const std::uint8_t* end,
                                       std::size_t n, std::uint32_t previous, std::uint32_t* out);

// Portable reference unpacker, for tests and benchmarks of the SIMD one.
const std::uint8_t* decode_packed_block_scalar(const std::uint8_t* in, const std::uint8_t* end,
                                               std::uint32_t* out);

}  // namespace scoop
