#pragma once

// Deterministic random draws for the corpus and query generators: the same
// seed gives the same corpus and queries on every machine and standard
// library, so benchmark runs are comparable.

#include <cstdint>
#include <random>
#include <vector>

namespace scoop::bench {

inline std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// Uniform draws from raw std::mt19937_64 outputs by Lemire's
// multiply-and-reject method: std:: distributions differ between standard
// libraries, this does not. The seed goes through splitmix64 so that
// neighbouring seeds give unrelated streams.
class Random {
  public:
    explicit Random(std::uint64_t seed) : engine_(splitmix64(seed)) {}

    // Uniform in [0, n), n > 0.
    std::uint64_t below(std::uint64_t n) {
        __extension__ using Wide = unsigned __int128;
        Wide m = static_cast<Wide>(engine_()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            // Draws whose low half falls below 2^64 mod n would make some
            // results likelier; they are redrawn.
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<Wide>(engine_()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }

  private:
    std::mt19937_64 engine_;
};

}  // namespace scoop::bench
