// Posting-block decoding: integers per second for the SIMD bit-unpacker
// (with and without the prefix sum of document gaps), the portable scalar
// unpacker, and memcpy of the same number of bytes as the ceiling.

#include <benchmark/benchmark.h>

#include <cstring>
#include <random>
#include <vector>

#include "index/block_codec.h"

namespace scoop {
namespace {

constexpr std::size_t kBlocks = 1024;  // 128 Ki integers: fits L2

struct Encoded {
    std::string bytes;
    std::vector<std::uint32_t> previous;  // the block bases
};

Encoded encode_gaps(unsigned max_gap) {
    std::mt19937 rng(1);
    Encoded e;
    std::uint32_t doc = 0;
    std::vector<std::uint32_t> block(kBlockSize);
    for (std::size_t b = 0; b < kBlocks; ++b) {
        e.previous.push_back(b == 0 ? UINT32_MAX : doc);
        for (auto& d : block) d = doc += 1 + rng() % max_gap;
        encode_packed_gaps(block.data(), e.previous.back(), e.bytes);
    }
    return e;
}

void BM_DecodeGapsSimd(benchmark::State& state) {
    const Encoded e = encode_gaps(static_cast<unsigned>(state.range(0)));
    std::vector<std::uint32_t> out(kBlockSize);
    for (auto _ : state) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(e.bytes.data());
        const auto* end = p + e.bytes.size();
        for (std::size_t b = 0; b < kBlocks; ++b)
            p = decode_packed_gaps(p, end, e.previous[b], out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBlocks * kBlockSize));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * e.bytes.size()));
}
// Average gap 2 (dense, ~2 bits), 64 (~7 bits), 4096 (~13 bits).
BENCHMARK(BM_DecodeGapsSimd)->Arg(2)->Arg(64)->Arg(4096);

void BM_DecodePackedSimd(benchmark::State& state) {
    const Encoded e = encode_gaps(static_cast<unsigned>(state.range(0)));
    std::vector<std::uint32_t> out(kBlockSize);
    for (auto _ : state) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(e.bytes.data());
        const auto* end = p + e.bytes.size();
        for (std::size_t b = 0; b < kBlocks; ++b) p = decode_packed_block(p, end, out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBlocks * kBlockSize));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * e.bytes.size()));
}
BENCHMARK(BM_DecodePackedSimd)->Arg(2)->Arg(64)->Arg(4096);

void BM_DecodePackedScalar(benchmark::State& state) {
    const Encoded e = encode_gaps(static_cast<unsigned>(state.range(0)));
    std::vector<std::uint32_t> out(kBlockSize);
    for (auto _ : state) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(e.bytes.data());
        const auto* end = p + e.bytes.size();
        for (std::size_t b = 0; b < kBlocks; ++b)
            p = decode_packed_block_scalar(p, end, out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBlocks * kBlockSize));
}
BENCHMARK(BM_DecodePackedScalar)->Arg(2)->Arg(64)->Arg(4096);

void BM_DecodeVarint(benchmark::State& state) {
    std::mt19937 rng(1);
    std::vector<std::uint32_t> values(kBlocks * kBlockSize);
    std::uint32_t doc = 0;
    for (auto& v : values) v = doc += 1 + rng() % static_cast<unsigned>(state.range(0));
    std::string bytes;
    encode_varint_gaps(values.data(), values.size(), UINT32_MAX, bytes);
    std::vector<std::uint32_t> out(values.size());
    for (auto _ : state) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
        benchmark::DoNotOptimize(
            decode_varint_gaps(p, p + bytes.size(), values.size(), UINT32_MAX, out.data()));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_DecodeVarint)->Arg(2)->Arg(64)->Arg(4096);

// The ceiling: copying the encoded bytes, and copying decoded integers.
void BM_MemcpyEncodedBytes(benchmark::State& state) {
    const Encoded e = encode_gaps(static_cast<unsigned>(state.range(0)));
    std::string out(e.bytes.size(), '\0');
    for (auto _ : state) {
        std::memcpy(out.data(), e.bytes.data(), e.bytes.size());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBlocks * kBlockSize));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * e.bytes.size()));
}
BENCHMARK(BM_MemcpyEncodedBytes)->Arg(2)->Arg(64)->Arg(4096);

void BM_MemcpyIntegers(benchmark::State& state) {
    std::vector<std::uint32_t> in(kBlocks * kBlockSize, 7), out(in.size());
    for (auto _ : state) {
        std::memcpy(out.data(), in.data(), in.size() * 4);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
}
BENCHMARK(BM_MemcpyIntegers);

}  // namespace
}  // namespace scoop
