// Fuzz target: the index readers, over damaged index files.
//
// At start-up the sample index (fuzz_common.h: two segments, deletions,
// multi-block lists with positions, word pairs, a catalogue) is built in
// memory. Each input replaces one file of a copy (a selector byte, then the
// bytes; see kSealed for wrapping them in a valid envelope), and the copy
// is opened and used as the searcher and `indexer --check` use an index:
// fixed queries of every kind (words, phrase, word pair, boolean, prefix,
// title, date, sorted by date), statistics with the catalogue,
// check_index, and an open that verifies every checksum.
//
// A damaged file may be refused (CorruptIndexError, or another
// scoop::Error naming the file); anything else (a crash, a read out of
// bounds, another exception, a huge allocation, a hang) is a finding.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "fuzz_common.h"
#include "index/envelope.h"
#include "index/index_check.h"
#include "index/index_reader.h"
#include "index/index_stats.h"
#include "query/searcher.h"
#include "storage/memory_directory.h"
#include "util/error.h"
#include "util/file.h"

namespace {

using namespace scoop;

struct State {
    std::shared_ptr<MemoryDirectory> pristine_index;
    fuzz::IndexFiles pristine;

    State() {
        const std::string dir = fuzz::make_scratch_dir();
        pristine_index = fuzz::build_sample_index(dir + "/articles");
        pristine = fuzz::read_index_files(*pristine_index);
    }
};

// Runs `f`; a scoop::Error is the documented refusal of a damaged index.
// Each use stands alone, so that one refused query does not hide the
// damage the next one would read.
template <typename F>
void refusal_allowed(F&& f) {
    try {
        f();
    } catch (const Error&) {
    }
}

void use_index(const std::shared_ptr<const Directory>& dir) {
    std::shared_ptr<const IndexReader> reader;
    refusal_allowed([&] { reader = IndexReader::open(dir); });
    if (!reader) return;

    Searcher searcher(reader);
    // Snippets only for the first query: they analyse stored text, which
    // the other targets fuzz, and would make every input several times
    // slower. The documents are still read.
    SearchOptions page;
    refusal_allowed([&] { searcher.search("missile talks", page); });
    page.snippets = false;
    for (const char* query : {
             "missile",                 // a multi-block list
             "\"strictly defensive\"",  // a phrase from positions
             "\"the missile talks\"",   // a phrase from word pairs
             "iran AND (talks OR moscow) -clinton", "+russia arms NOT sanctions",
             "defen*",  // prefix expansion through the dictionary
             "title:arms", "date:2009..2011 missile",
             "cosmonauds",  // no match: spelling suggestions
         }) {
        refusal_allowed([&] { searcher.search(query, page); });
    }
    SearchOptions dated;
    dated.sort = SortOrder::kDate;
    dated.limit = 50;
    dated.snippets = false;
    refusal_allowed([&] { searcher.search("missile OR talks", dated); });
    SearchOptions exhaustive;
    exhaustive.exhaustive = true;
    exhaustive.snippets = false;
    refusal_allowed([&] { searcher.search("missile the", exhaustive); });
    refusal_allowed([&] { searcher.count("talks"); });

    refusal_allowed([&] { compute_stats(*reader); });
    refusal_allowed([&] { check_index(*reader); });
    refusal_allowed([&] { IndexReader::open(dir, ReaderOptions{.verify_checksums = true}); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const State state;
    const std::size_t which = (data[0] & ~fuzz::kSealed) % state.pristine.names.size();
    const std::string& name = state.pristine.names[which];
    std::string bytes(fuzz::as_chars(data + 1, size - 1));
    const std::string_view kind = fuzz::envelope_kind_of(name);
    if ((data[0] & fuzz::kSealed) && !kind.empty()) bytes = wrap_in_envelope(kind, bytes);

    const auto damaged = state.pristine_index->clone();
    damaged->overwrite(name, std::move(bytes));
    use_index(damaged);
    return 0;
}
