#pragma once

// What an indexing run tells its caller as it goes (a progress bar, a
// server's status page), at most every tenth of a second.

#include <chrono>
#include <cstdint>
#include <functional>

namespace scoop {

struct UpdateProgress {
    enum class Phase {
        kScanning,
        kIndexing,
        kCommitting,
        kMerging,
        kDone
    } phase = Phase::kScanning;
    std::uint64_t files_total = 0;  // files that need reading
    std::uint64_t files_done = 0;
    std::uint64_t bytes_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t documents = 0;
    double seconds = 0;
};

using ProgressCallback = std::function<void(const UpdateProgress&)>;

// Calls a ProgressCallback with the run's state, no more often than every
// 100 ms unless forced (a phase change), so that reporting never costs the
// run anything measurable.
class ProgressReporter {
  public:
    explicit ProgressReporter(const ProgressCallback& callback)
        : callback_(callback), started_(Clock::now()) {}

    UpdateProgress& state() { return state_; }
    double elapsed() const {
        return std::chrono::duration<double>(Clock::now() - started_).count();
    }
    void report(UpdateProgress::Phase phase, bool force = false) {
        if (!callback_) return;
        const auto now = Clock::now();
        if (!force && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        state_.phase = phase;
        state_.seconds = elapsed();
        callback_(state_);
    }

  private:
    using Clock = std::chrono::steady_clock;
    const ProgressCallback& callback_;
    Clock::time_point started_;
    Clock::time_point last_{};
    UpdateProgress state_;
};

}  // namespace scoop
