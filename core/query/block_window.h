#pragma once

// The block-max window a pruning loop is in: documents up to end() share
// one score bound, so a window whose bound cannot compete is skipped whole.
// The loops of the term, conjunction, disjunction and phrase scorers all
// walk windows this way; the helper owns the state they used to copy.

#include <cstdint>

#include "query/scorer.h"

namespace scoop {

class BlockWindow {
  public:
    // Whether `doc` lies in the open window.
    bool holds(std::uint32_t doc) const { return open_ && doc <= end_; }

    // Opens the window holding `doc` unless it is open already, by
    // `open(doc)`, which moves the bounds and returns the window's end.
    template <typename Open>
    void move_to(std::uint32_t doc, Open&& open) {
        if (holds(doc)) return;
        end_ = open(doc);
        open_ = true;
    }
    // The bounds changed meaning (a new minimum score): open afresh.
    void close() { open_ = false; }

    std::uint32_t end() const { return end_; }
    // No window follows this one.
    bool is_last() const { return end_ >= kLastWindowDoc; }
    // Where the next window starts; only when !is_last().
    std::uint32_t next_start() const { return end_ + 1; }

  private:
    std::uint32_t end_ = 0;
    bool open_ = false;
};

}  // namespace scoop
