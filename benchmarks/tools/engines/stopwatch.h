#pragma once

// Elapsed time on the monotonic clock, for the figures the engine programs
// report: one way of timing, so that no engine is timed differently.

#include <chrono>
#include <cstdint>

namespace scoop::bench {

class Stopwatch {
  public:
    using Clock = std::chrono::steady_clock;

    Stopwatch() : start_(Clock::now()) {}

    double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
    std::uint64_t nanoseconds() const {
        return static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start_).count());
    }

  private:
    Clock::time_point start_;
};

}  // namespace scoop::bench
