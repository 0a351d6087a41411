#pragma once

#include <cstdint>
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

  protected:
    struct Verbatim {};
    CorruptIndexError(const std::string& file, const std::string& message, Verbatim)
        : Error(message), file_(file) {}

  private:
    std::string file_;
};

// An index file intact but in another format version than this program's:
// written by an older or newer scoop.
class IndexVersionError : public CorruptIndexError {
  public:
    IndexVersionError(const std::string& file, std::uint32_t found, std::uint32_t expected)
        : CorruptIndexError(file,
                            file + ": written in index format version " + std::to_string(found) +
                                ", but this program reads version " + std::to_string(expected) +
                                "; rebuild the index: remove it and run the indexer again",
                            Verbatim{}) {}
};

// A file that should be there is not (ENOENT): for a reader, often a sign
// that a writer committed and removed it meanwhile.
class FileMissingError : public Error {
  public:
    using Error::Error;
};

}  // namespace scoop
