#pragma once

// A file the preparation programs write line by line: a failure to open it
// or to write it (a full disk) is an error naming the file, never a
// silently short output that a later benchmark step would read as whole.

#include <fstream>
#include <string>
#include <string_view>

#include "util/error.h"

namespace scoop::bench {

class OutputFile {
  public:
    explicit OutputFile(const std::string& path) : path_(path), out_(path, std::ios::binary) {
        if (!out_) throw Error(path + ": cannot open for writing");
    }
    void line(std::string_view text) { out_ << text << '\n'; }
    // Flushes and checks every write made; call it before reporting success.
    void close() {
        out_.flush();
        if (!out_) throw Error(path_ + ": write failed (disk full?)");
    }

  private:
    std::string path_;
    std::ofstream out_;
};

}  // namespace scoop::bench
