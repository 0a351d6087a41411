#pragma once

#include <memory>
#include <span>
#include <string>

#include "index/segment.h"
#include "index/segment_serializer.h"

namespace scoop {

// Writes one new segment holding the live documents of `inputs`, in input
// order, leaving deleted documents behind. Terms are merged in key order
// straight from the input cursors, so memory stays small whatever the size.
SegmentSummary merge_segments(Directory& dir,
                              std::span<const std::shared_ptr<const Segment>> inputs,
                              const std::string& name);

}  // namespace scoop
