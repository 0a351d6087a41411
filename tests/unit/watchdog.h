#pragma once

// A deadline for test code that might never return (an evaluation loop
// that stops advancing): past it, the watchdog prints what was running and
// aborts, so that a hang fails at once with its cause instead of at the
// suite's timeout with none.

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace scoop::testing {

class Watchdog {
  public:
    explicit Watchdog(double seconds)
        : limit_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(seconds))),
          thread_([this] { watch(); }) {}
    ~Watchdog() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_one();
        thread_.join();
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    void arm(std::string what) {
        std::lock_guard<std::mutex> lock(mutex_);
        what_ = std::move(what);
        deadline_ = std::chrono::steady_clock::now() + limit_;
        armed_ = true;
        wake_.notify_one();
    }
    void disarm() {
        std::lock_guard<std::mutex> lock(mutex_);
        armed_ = false;
    }

  private:
    void watch() {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!stop_) {
            if (!armed_) {
                wake_.wait(lock);
            } else if (wake_.wait_until(lock, deadline_) == std::cv_status::timeout && armed_ &&
                       std::chrono::steady_clock::now() >= deadline_) {
                std::fprintf(stderr, "no answer after %.0f s: %s\n",
                             std::chrono::duration<double>(limit_).count(), what_.c_str());
                std::fflush(stderr);
                std::abort();
            }
        }
    }

    const std::chrono::steady_clock::duration limit_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool armed_ = false, stop_ = false;
    std::string what_;
    std::chrono::steady_clock::time_point deadline_;
    std::thread thread_;  // last: starts once the rest is initialised
};

}  // namespace scoop::testing
