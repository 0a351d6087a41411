// Replays fuzz inputs without libFuzzer, so that the seed corpora and every
// regression input run in every build (GCC release, GCC ASan), not only in
// the clang fuzzing build:
//   fuzz_replay TARGET PATH...
// runs TARGET's LLVMFuzzerTestOneInput on every file under each PATH (and
// on the empty input, as libFuzzer does first). A finding aborts, as under
// libFuzzer; the file being run is printed before it runs.
//
// Each target's source is compiled into this program with its
// LLVMFuzzerTestOneInput renamed (see CMakeLists.txt), so one program
// holds them all.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#define SCOOP_FUZZ_TARGETS(X) \
    X(query_parser)           \
    X(text_decoder)           \
    X(text_extractor)         \
    X(jsonl_extractor)        \
    X(html_extractor)         \
    X(index_reader)

#define SCOOP_DECLARE(name) \
    extern "C" int scoop_fuzz_##name(const std::uint8_t* data, std::size_t size);
SCOOP_FUZZ_TARGETS(SCOOP_DECLARE)
#undef SCOOP_DECLARE

namespace {

namespace fs = std::filesystem;

using Target = int (*)(const std::uint8_t*, std::size_t);

struct NamedTarget {
    const char* name;
    Target run;
};

#define SCOOP_ENTRY(name) {#name, scoop_fuzz_##name},
constexpr NamedTarget kTargets[] = {SCOOP_FUZZ_TARGETS(SCOOP_ENTRY)};
#undef SCOOP_ENTRY

void run_one(Target target, const std::string& bytes) {
    // A buffer of exactly the input's size, as libFuzzer passes it, so a
    // sanitizer sees a read one past the end.
    const std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[bytes.size()]);
    std::memcpy(copy.get(), bytes.data(), bytes.size());
    target(copy.get(), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
    const NamedTarget* target = nullptr;
    if (argc >= 2)
        for (const NamedTarget& t : kTargets)
            if (std::strcmp(argv[1], t.name) == 0) target = &t;
    if (target == nullptr) {
        std::fprintf(stderr, "usage: %s TARGET PATH...\ntargets:", argv[0]);
        for (const NamedTarget& t : kTargets) std::fprintf(stderr, " %s", t.name);
        std::fprintf(stderr, "\n");
        return 2;
    }
    std::vector<fs::path> files;
    for (int i = 2; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (fs::is_directory(path)) {
            for (const auto& e : fs::recursive_directory_iterator(path))
                if (e.is_regular_file()) files.push_back(e.path());
        } else if (fs::is_regular_file(path)) {
            files.push_back(path);
        } else {
            // A target without regression inputs yet has no folder for them.
            std::printf("(nothing at %s)\n", argv[i]);
        }
    }
    std::sort(files.begin(), files.end());

    run_one(target->run, {});
    for (const fs::path& file : files) {
        std::printf("%s\n", file.c_str());
        std::fflush(stdout);
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        run_one(target->run, bytes);
    }
    std::printf("%s: %zu inputs replayed\n", target->name, files.size() + 1);
    return 0;
}
