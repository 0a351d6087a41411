// Writes the seed corpus of the index target: the files of the sample
// index, each with its selector byte, raw and as a payload to seal. Run by
// the suite before each time-bounded run of fuzz_index_reader (so the
// seeds always match the current index format) and by hand to refresh
// tests/fuzz/corpus/index_reader/ after a format change:
//   build/bin/fuzz_make_index_seeds tests/fuzz/corpus/index_reader

#include <cstdio>
#include <exception>

#include "fuzz_common.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    try {
        scoop::fuzz::write_index_seeds(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
        return 1;
    }
    return 0;
}
