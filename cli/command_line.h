#pragma once

// Command lines of the indexer and the searcher. Both take free arguments
// (query words, paths) that may start with a dash ("-clinton" excludes a
// word; a file may be called "-notes.txt"), so the arguments are split
// into options and free words before the option parser sees them, using
// the parser's own table of which options take a value. The free words are
// kept verbatim: the option library would otherwise read "[a,b]" as a list.

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scoop {

struct CommandLine {
    std::vector<std::string> options;  // in order, without the program name
    std::vector<std::string> words;    // everything else, in order
};

// An argument is an option when it names one of `app`'s options ("--limit",
// "--limit=5", "-n", "-n5"); the argument after an option that takes a
// value is that value, whatever it looks like ("-n -1"). Anything else, and
// everything after "--", is a word. An unknown "--name" is kept as an
// option, so that the parser reports it.
CommandLine split_command_line(const CLI::App& app, int argc, const char* const* argv);

// Parses the options of `line` (CLI::App::parse wants them in reverse).
void parse_options(CLI::App& app, const CommandLine& line);

// What a program returns for a parse error: 0 after --help or --version
// (printed), otherwise 2 after printing "<program>: <message>" and a pointer
// to --help.
int usage_error(const CLI::App& app, const CLI::ParseError& error, std::string_view program);

}  // namespace scoop
