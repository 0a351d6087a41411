#pragma once

// Runs the built programs the way a user or a script does and captures what
// they print and how they exit.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_util.h"

namespace scoop::testing {

struct RunResult {
    int status = -1;  // exit status, or 128 + signal when killed
    std::string out;  // standard output
    std::string err;  // standard error
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::string program(const std::string& name) {
    return std::string(SCOOP_BIN_DIR) + "/" + name;
}

// Runs `command` (a shell command line) with optional standard input.
inline RunResult run(const std::string& command, const std::string& input = "") {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path();
    const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const std::string in_file = (dir / ("scoop-in-" + tag)).string();
    const std::string err_file = (dir / ("scoop-err-" + tag)).string();
    std::ofstream(in_file) << input;
    RunResult r;
    FILE* pipe = ::popen((command + " <" + in_file + " 2>" + err_file).c_str(), "r");
    std::array<char, 4096> buf;
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;)
        r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream err(err_file);
    r.err.assign(std::istreambuf_iterator<char>(err), {});
    std::filesystem::remove(in_file);
    std::filesystem::remove(err_file);
    return r;
}

inline RunResult indexer(const std::string& args) {
    return run(program("indexer") + " " + args);
}
inline RunResult searcher(const std::string& args, const std::string& input = "") {
    return run(program("searcher") + " " + args, input);
}

}  // namespace scoop::testing
