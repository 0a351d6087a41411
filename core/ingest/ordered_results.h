#pragma once

// The bridge between the indexer's worker pool (reading, extracting and
// analysing files in parallel) and its single writer.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "util/error.h"

namespace scoop {

// Hands results to the writer in task order, whatever order the workers
// finish in, so the same files always get the same document numbers. Work
// ahead of the writer is bounded in memory; the piece the writer waits
// for is always let through, so workers ahead cannot starve it. A task's
// result may come in pieces; the one with `last_chunk` set ends it.
template <typename Result>
class OrderedResults {
  public:
    // At most `pending_per_task` undelivered pieces of one task, and at most
    // `ahead_limit` bytes (their `weight`) of tasks after the current one.
    OrderedResults(std::uint64_t ahead_limit, std::size_t pending_per_task)
        : ahead_limit_(ahead_limit), pending_per_task_(pending_per_task) {}

    void push(std::size_t task, Result result) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] {
            return failed_ || (pending_[task].size() < pending_per_task_ &&
                               (task == next_ || pending_bytes_ + result.weight <= ahead_limit_));
        });
        if (failed_) return;
        pending_bytes_ += result.weight;
        pending_[task].push_back(std::move(result));
        ready_.notify_all();
    }
    // Next result of the current task; blocks until there is one.
    Result pop(std::size_t task) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !pending_[task].empty() || failed_; });
        if (failed_) throw Error(failure_);
        Result r = std::move(pending_[task].front());
        pending_[task].pop_front();
        pending_bytes_ -= r.weight;
        if (r.last_chunk) {
            pending_.erase(task);
            next_ = task + 1;
        }
        room_.notify_all();
        return r;
    }
    void fail(std::string message) {
        std::lock_guard lock(mutex_);
        failed_ = true;
        failure_ = std::move(message);
        ready_.notify_all();
        room_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::map<std::size_t, std::deque<Result>> pending_;
    std::size_t next_ = 0;
    std::uint64_t ahead_limit_;
    std::size_t pending_per_task_;
    std::uint64_t pending_bytes_ = 0;
    bool failed_ = false;
    std::string failure_;
};

}  // namespace scoop
