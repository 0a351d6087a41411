#pragma once

#include <stdexcept>
#include <string>

namespace scoop {

// The one exception type the library throws for problems a user can act on:
// bad input, bad options, a damaged or missing index. The message is written
// for the person at the terminal: what went wrong and, where there is one,
// what to do about it.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// An index file that fails a check: wrong magic, wrong version, bad checksum,
// an offset past its end. The message names the file.
class CorruptIndexError : public Error {
  public:
    CorruptIndexError(const std::string& file, const std::string& what)
        : Error(file + ": index file is damaged: " + what +
                " (rebuild the index, or restore it from a backup)"),
          file_(file) {}
    const std::string& file() const { return file_; }

  private:
    std::string file_;
};

// A file that should be there is not (ENOENT): for a reader, often a sign
// that a writer committed and removed it meanwhile.
class FileMissingError : public Error {
  public:
    using Error::Error;
};

}  // namespace scoop
