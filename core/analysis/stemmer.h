#pragma once

#include <xapian.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "util/string_table.h"

namespace scoop {

// Snowball stemming through Xapian::Stem, with a cache: word frequencies are
// Zipfian, so most calls are repeats. Not thread-safe; one per thread.
class Stemmer {
  public:
    // Throws scoop::Error naming the known languages when `language` is not
    // one of them. "none" disables stemming.
    explicit Stemmer(std::string_view language);

    const std::string& language() const { return language_; }

    // The stem of a folded word. Words that start with a digit are returned
    // unchanged: "1990s" is a number, not an English plural. The reference
    // is valid until the next call (the cache is bounded and may be reset).
    const std::string& stem(std::string_view word);

    // Names accepted by the constructor, sorted.
    static std::vector<std::string> languages();

  private:
    std::string language_;
    Xapian::Stem stem_;
    // word -> index into stems_; a deque so references stay valid as it grows.
    StringTable<std::uint32_t> cache_;
    std::deque<std::string> stems_;
};

}  // namespace scoop
