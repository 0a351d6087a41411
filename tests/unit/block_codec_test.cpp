#include "index/block_codec.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace scoop {
namespace {

std::vector<std::uint32_t> random_values(std::mt19937& rng, unsigned bits) {
    std::vector<std::uint32_t> v(kBlockSize);
    const std::uint64_t limit = bits == 32 ? UINT32_MAX : (std::uint64_t{1} << bits) - 1;
    std::uniform_int_distribution<std::uint64_t> dist(0, limit);
    for (auto& x : v) x = static_cast<std::uint32_t>(dist(rng));
    if (bits > 0) v[rng() % kBlockSize] = static_cast<std::uint32_t>(limit);  // force the width
    return v;
}

TEST(BlockCodec, PackedRoundTripAtEveryWidth) {
    std::mt19937 rng(7);
    for (unsigned bits = 0; bits <= 32; ++bits) {
        const auto values = random_values(rng, bits);
        std::string encoded;
        encode_packed_block(values.data(), encoded);
        ASSERT_EQ(encoded.size(), packed_block_bytes(bits)) << "bits " << bits;
        const auto* in = reinterpret_cast<const std::uint8_t*>(encoded.data());
        std::vector<std::uint32_t> simd(kBlockSize), scalar(kBlockSize);
        EXPECT_EQ(decode_packed_block(in, in + encoded.size(), simd.data()), in + encoded.size());
        EXPECT_EQ(decode_packed_block_scalar(in, in + encoded.size(), scalar.data()),
                  in + encoded.size());
        EXPECT_EQ(simd, values) << "bits " << bits;
        EXPECT_EQ(scalar, values) << "bits " << bits;
    }
}

TEST(BlockCodec, GapsRoundTripIncludingHugeGapsAndHighIds) {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<std::uint32_t> docs(kBlockSize);
        std::uint32_t previous = trial % 2 ? UINT32_MAX : static_cast<std::uint32_t>(rng() % 1000);
        std::uint32_t d = previous;
        const std::uint32_t max_gap = trial % 3 == 0 ? 1 : (trial % 3 == 1 ? 100 : (1u << 23));
        for (auto& x : docs) x = d = d + 1 + static_cast<std::uint32_t>(rng() % max_gap);
        std::string encoded;
        encode_packed_gaps(docs.data(), previous, encoded);
        const auto* in = reinterpret_cast<const std::uint8_t*>(encoded.data());
        std::vector<std::uint32_t> out(kBlockSize);
        ASSERT_NE(decode_packed_gaps(in, in + encoded.size(), previous, out.data()), nullptr);
        EXPECT_EQ(out, docs);
    }
    // A list that ends at document 2^31 and beyond.
    std::vector<std::uint32_t> docs(kBlockSize);
    for (std::size_t i = 0; i < kBlockSize; ++i)
        docs[i] = (1u << 31) + static_cast<std::uint32_t>(i) * 1000;
    std::string encoded;
    encode_packed_gaps(docs.data(), 5, encoded);
    const auto* in = reinterpret_cast<const std::uint8_t*>(encoded.data());
    std::vector<std::uint32_t> out(kBlockSize);
    ASSERT_NE(decode_packed_gaps(in, in + encoded.size(), 5, out.data()), nullptr);
    EXPECT_EQ(out, docs);
}

TEST(BlockCodec, DenseGapsPackToNothing) {
    std::vector<std::uint32_t> docs(kBlockSize);
    for (std::size_t i = 0; i < kBlockSize; ++i) docs[i] = static_cast<std::uint32_t>(i);
    std::string encoded;
    encode_packed_gaps(docs.data(), UINT32_MAX, encoded);
    EXPECT_EQ(encoded.size(), 1u);  // width byte only
}

TEST(BlockCodec, VarintGapsRoundTrip) {
    const std::vector<std::uint32_t> docs = {0, 1, 5, 1000, 1u << 31, UINT32_MAX - 1};
    std::string encoded;
    encode_varint_gaps(docs.data(), docs.size(), UINT32_MAX, encoded);
    const auto* in = reinterpret_cast<const std::uint8_t*>(encoded.data());
    std::vector<std::uint32_t> out(docs.size());
    EXPECT_EQ(decode_varint_gaps(in, in + encoded.size(), docs.size(), UINT32_MAX, out.data()),
              in + encoded.size());
    EXPECT_EQ(out, docs);
}

TEST(BlockCodec, TruncatedOrMalformedInputIsRejected) {
    std::vector<std::uint32_t> values(kBlockSize, 1000);
    std::string encoded;
    encode_packed_block(values.data(), encoded);
    const auto* in = reinterpret_cast<const std::uint8_t*>(encoded.data());
    std::vector<std::uint32_t> out(kBlockSize);
    for (std::size_t cut = 0; cut < encoded.size(); ++cut)
        EXPECT_EQ(decode_packed_block(in, in + cut, out.data()), nullptr) << cut;
    std::string bad_width = encoded;
    bad_width[0] = 33;
    const auto* bw = reinterpret_cast<const std::uint8_t*>(bad_width.data());
    EXPECT_EQ(decode_packed_block(bw, bw + bad_width.size(), out.data()), nullptr);

    std::string varints;
    encode_varint_block(values.data(), 3, varints);
    const auto* v = reinterpret_cast<const std::uint8_t*>(varints.data());
    EXPECT_EQ(decode_varint_block(v, v + varints.size() - 1, 3, out.data()), nullptr);
}

}  // namespace
}  // namespace scoop
