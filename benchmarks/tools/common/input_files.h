#pragma once

// The input arguments of the benchmark tools: files taken as given, folders
// searched for files of the wanted kinds, sorted so runs are repeatable.

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace scoop::bench {

inline std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                              std::initializer_list<std::string_view> extensions,
                                              bool recursive) {
    namespace fs = std::filesystem;
    auto wanted = [&](const fs::directory_entry& e) {
        const std::string ext = e.path().extension().string();
        return e.is_regular_file() &&
               std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
    };
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            std::vector<std::string> found;
            if (recursive) {
                for (const auto& e : fs::recursive_directory_iterator(input))
                    if (wanted(e)) found.push_back(e.path().string());
            } else {
                for (const auto& e : fs::directory_iterator(input))
                    if (wanted(e)) found.push_back(e.path().string());
            }
            if (found.empty())
                throw Error(input + ": no " + std::string(*extensions.begin()) +
                            " files in this folder");
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(input, ec)) {
            files.push_back(input);
        } else {
            throw Error(input + ": no such file or folder");
        }
    }
    return files;
}

}  // namespace scoop::bench
