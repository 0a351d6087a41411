#include "analysis/stemmer.h"

#include <algorithm>
#include <sstream>

#include "util/error.h"

namespace scoop {
namespace {

constexpr std::size_t kMaxCachedStems = 1 << 18;

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

Xapian::Stem make_stem(std::string_view language) {
    const auto known = Stemmer::languages();
    if (std::find(known.begin(), known.end(), language) == known.end()) {
        throw Error("unknown stemming language '" + std::string(language) +
                    "'; known languages: " + join(known));
    }
    return Xapian::Stem(std::string(language));
}

}  // namespace

Stemmer::Stemmer(std::string_view language) : language_(language), stem_(make_stem(language)) {}

std::vector<std::string> Stemmer::languages() {
    std::vector<std::string> names;
    std::istringstream in(Xapian::Stem::get_available_languages());
    for (std::string name; in >> name;) names.push_back(name);
    names.push_back("none");
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

const std::string& Stemmer::stem(std::string_view word) {
    if (cache_.size() >= kMaxCachedStems) {
        // Bounded: a stream of distinct words (ids, misspellings) must not grow it forever.
        cache_ = StringTable<std::uint32_t>();
        stems_.clear();
    }
    bool inserted = false;
    std::uint32_t& index =
        cache_.find_or_insert(word, static_cast<std::uint32_t>(stems_.size()), inserted);
    if (!inserted) return stems_[index];
    std::string stemmed;
    const bool numeric = !word.empty() && word.front() >= '0' && word.front() <= '9';
    if (numeric || language_ == "none") {
        stemmed = std::string(word);
    } else {
        stemmed = stem_(std::string(word));
        if (stemmed.empty()) stemmed = std::string(word);
    }
    stems_.push_back(std::move(stemmed));
    return stems_.back();
}

}  // namespace scoop
