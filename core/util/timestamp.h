#pragma once

#include <cstdint>
#include <limits>

namespace scoop {

// Seconds since 1970-01-01 UTC; kNoDate when an article has none.
using Timestamp = std::int64_t;
inline constexpr Timestamp kNoDate = std::numeric_limits<Timestamp>::min();

}  // namespace scoop
