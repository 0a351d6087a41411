#pragma once

#include <cstdint>
#include <string>

#include "util/timestamp.h"

namespace scoop {

// What the index keeps of an article to show it: written by the segment
// builder and the merger, read back for hits (docs/FORMAT.md, "Stored
// fields").
struct StoredDocument {
    std::string path;
    std::string title;
    std::string source;
    std::string url;
    std::string body;  // empty unless asked for
    Timestamp date = kNoDate;
    std::uint32_t line = 0;
};

}  // namespace scoop
