// Posting cursors on a 200,000-document synthetic index: next() over whole
// lists, and advance() at several skip distances.

#include <benchmark/benchmark.h>

#include "index/term.h"
#include "synthetic_index.h"

namespace scoop::bench {
namespace {

PostingCursor cursor_for(std::size_t rank) {
    const auto& s = synthetic_index();
    const Segment& segment = *s.reader->segments().front();
    const auto info = segment.find(term_key(TermKind::kTextStem, word_of_rank(rank)));
    if (!info) throw std::runtime_error("benchmark word missing");
    return segment.postings(*info);
}

// next() through a whole list, reading each frequency as scoring does.
void BM_CursorNext(benchmark::State& state) {
    const auto rank = static_cast<std::size_t>(state.range(0));
    std::uint64_t postings = 0;
    for (auto _ : state) {
        PostingCursor c = cursor_for(rank);
        std::uint64_t sum = 0;
        for (; c.doc() != kEndDoc; c.next()) sum += c.freq();
        benchmark::DoNotOptimize(sum);
        postings = c.df();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * postings));
    state.counters["df"] = static_cast<double>(postings);
}
BENCHMARK(BM_CursorNext)->Arg(kCommon)->Arg(kMedium)->Arg(kRare);

// advance(doc + distance) along the most common list.
void BM_CursorAdvance(benchmark::State& state) {
    const auto distance = static_cast<std::uint32_t>(state.range(0));
    std::uint64_t calls = 0;
    for (auto _ : state) {
        PostingCursor c = cursor_for(kCommon);
        std::uint64_t n = 0;
        while (c.doc() != kEndDoc) {
            c.advance(c.doc() + distance);
            ++n;
        }
        calls += n;
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(calls));
}
BENCHMARK(BM_CursorAdvance)->Arg(1)->Arg(8)->Arg(64)->Arg(512)->Arg(4096)->Arg(32768);

// Bounds only: walking block impacts without decoding, as pruning does.
void BM_CursorShallowAdvance(benchmark::State& state) {
    std::uint64_t calls = 0;
    for (auto _ : state) {
        PostingCursor c = cursor_for(kCommon);
        std::uint64_t sum = 0;
        for (std::uint32_t target = 0; target != kEndDoc;) {
            const std::uint32_t last = c.shallow_advance(target);
            if (last == kEndDoc) break;
            sum += c.shallow_impacts().size();
            target = last + 1;
            ++calls;
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(calls));
}
BENCHMARK(BM_CursorShallowAdvance);

}  // namespace
}  // namespace scoop::bench
