#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
    // unchanged: "1990s" is a number, not an English plural.
    const std::string& stem(std::string_view word);

    // Names accepted by the constructor, sorted.
    static std::vector<std::string> languages();

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::string language_;
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;
};

}  // namespace scoop
