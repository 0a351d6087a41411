#include "index/index_writer.h"

#include <algorithm>
#include <set>

#include "analysis/extractor.h"
#include "analysis/stemmer.h"
#include "index/envelope.h"
#include "index/file_names.h"
#include "index/index_reader.h"
#include "index/segment_files.h"
#include "index/segment_merger.h"
#include "util/error.h"

namespace scoop {
namespace {

void write_small_file(Directory& dir, const std::string& name, std::string_view kind,
                      std::string_view payload) {
    FileWriter out(dir, name);
    out.append(wrap_in_envelope(kind, payload));
    out.finish();
}

// The folder may become an index when it holds nothing, or only what a run
// that crashed before its first commit leaves. Otherwise: the user's files,
// which an index must never be mixed with (its clean-up removes files).
void check_may_become_index(const Directory& dir) {
    std::vector<std::string> foreign;
    for (const std::string& name : dir.list())
        if (name != kLockFile && name != kManifestTempFile) foreign.push_back(name);
    if (foreign.empty()) return;
    std::sort(foreign.begin(), foreign.end());
    std::string shown;
    for (std::size_t i = 0; i < foreign.size() && i < 3; ++i)
        shown += (i ? ", '" : "'") + foreign[i] + "'";
    if (foreign.size() > 3) shown += " and " + std::to_string(foreign.size() - 3) + " more";
    throw Error("'" + dir.location() + "' is not empty and is not a scoop index (it holds " +
                shown +
                "); give --index a new or empty folder for a new index, or the folder of an "
                "existing one");
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, WriterOptions options)
    : IndexWriter(open_posix_directory(path, true), std::move(options)) {}

IndexWriter::IndexWriter(std::shared_ptr<Directory> dir, WriterOptions options)
    : dir_(std::move(dir)), options_(std::move(options)) {
    // Looked at before the lock is taken, so that a folder that is not an
    // index is left exactly as it was; and again after, against a race.
    const bool existed = dir_->exists(std::string(kManifestFile));
    if (!existed) check_may_become_index(*dir_);
    lock_ = dir_->lock(std::string(kLockFile));

    if (auto existing = load_manifest(*dir_)) {
        manifest_ = std::move(*existing);
        if (!options_.language.empty() && options_.language != manifest_.language)
            throw Error("the index at '" + dir_->location() +
                        "' was built with stemming language '" + manifest_.language + "', not '" +
                        options_.language + "'; use the same language, or a new index directory");
        if (options_.title_weight != 0 && options_.title_weight != manifest_.title_weight)
            throw Error(
                "the index at '" + dir_->location() + "' was built with title weight " +
                std::to_string(manifest_.title_weight) + ", not " +
                std::to_string(options_.title_weight) +
                "; it is fixed when an index is made: use a new index directory to change it");
        catalog_ = load_catalog(*dir_, manifest_);
        for (const SegmentMeta& meta : manifest_.segments) segments_.push_back(open_segment(meta));
    } else {
        check_may_become_index(*dir_);
        manifest_.language = options_.language.empty() ? "english" : options_.language;
        if (options_.title_weight != 0) {
            if (options_.title_weight > 100)
                throw Error("the title weight must be between 1 and 100");
            manifest_.title_weight = options_.title_weight;
        }
        Stemmer check(
            manifest_.language);  // an unknown language fails here, listing the known ones
        // From this commit on the folder is an index (empty until the next).
        manifest_.generation = 1;
        manifest_.extraction_version = kExtractionVersion;
        commit_manifest(*dir_, manifest_);
    }
    // Files a crashed writer left behind are not part of any commit.
    remove_unreferenced_files();
}

IndexWriter::~IndexWriter() {
    // Whatever was not committed is dropped, as after a crash.
    try {
        builder_.reset();
        flushed_.clear();
        remove_unreferenced_files();
    } catch (...) {
        // Best effort: the next writer cleans up too.
    }
}

std::shared_ptr<const Segment> IndexWriter::open_segment(const SegmentMeta& meta) {
    for (const auto& s : segments_)
        if (s->name() == meta.name && s->meta().deletions == meta.deletions) return s;
    return std::make_shared<const Segment>(*dir_, meta, false);
}

void IndexWriter::remove_unreferenced_files() {
    std::set<std::string> keep;
    for (auto& f : manifest_.referenced_files()) keep.insert(f);
    // A commit that failed after its rename (an fsync of the directory, say)
    // left a manifest this writer never saw succeed: what it references is
    // kept too. When the manifest cannot be read, nothing is removed.
    if (const auto on_disk = load_manifest(*dir_))
        for (auto& f : on_disk->referenced_files()) keep.insert(f);
    std::vector<std::string> live_segments;
    for (const auto& s : flushed_) live_segments.push_back(s.name);
    if (builder_) live_segments.push_back(builder_->name());
    for (const std::string& name : dir_->list()) {
        const auto kind = classify_file_name(name);
        // Only files this program writes, and never the commit or the lock.
        if (!kind || *kind == IndexFileKind::kManifest || *kind == IndexFileKind::kLock ||
            keep.count(name))
            continue;
        const bool in_progress =
            std::any_of(live_segments.begin(), live_segments.end(),
                        [&](const std::string& s) { return name.starts_with(s + "."); });
        if (in_progress) continue;
        dir_->remove(name);  // a reader that has it mapped keeps its data
    }
}

void IndexWriter::add(const AnalyzedDocument& doc) {
    if (!builder_)
        builder_ = std::make_unique<SegmentBuilder>(*dir_, segment_name(manifest_.next_segment++),
                                                    manifest_.title_weight);
    builder_->add(doc);
    if (builder_->memory_bytes() >= options_.ram_budget_bytes) flush();
}

void IndexWriter::flush() {
    if (!builder_) return;
    if (builder_->doc_count() > 0) flushed_.push_back(builder_->finish());
    builder_.reset();
}

std::uint64_t IndexWriter::delete_uncatalogued_documents() {
    std::unordered_set<std::uint64_t> known;
    for (const CatalogEntry* e : catalog_.sorted()) known.insert(e->file_id);
    std::uint64_t stale = 0;
    for (const auto& segment : segments_)
        for (std::uint32_t d = 0; d < segment->doc_count(); ++d) {
            const std::uint64_t id = segment->docs().file_id(d);
            if (segment->deleted(d) || known.count(id)) continue;
            pending_deletes_.insert(id);
            ++stale;
        }
    if (stale > 0) dirty_ = true;
    return stale;
}

std::vector<std::uint32_t> IndexWriter::documents_of_files(const Segment& segment) const {
    std::vector<std::uint32_t> docs;
    for (std::uint32_t d = 0; d < segment.doc_count(); ++d)
        if (!segment.deleted(d) && pending_deletes_.count(segment.docs().file_id(d)))
            docs.push_back(d);
    return docs;
}

std::uint64_t IndexWriter::commit() {
    flush();
    if (flushed_.empty() && !dirty_) return 0;
    Manifest next = manifest_;
    ++next.generation;
    for (const SegmentSummary& s : flushed_)
        next.segments.push_back(SegmentMeta{s.name, s.doc_count, 0, "", s.bytes});

    std::vector<std::shared_ptr<const Segment>> opened;
    for (const SegmentMeta& meta : next.segments) opened.push_back(open_segment(meta));

    std::uint64_t deleted = 0;
    if (!pending_deletes_.empty()) {
        std::vector<SegmentMeta> kept;
        for (std::size_t i = 0; i < next.segments.size(); ++i) {
            SegmentMeta meta = next.segments[i];
            const std::vector<std::uint32_t> docs = documents_of_files(*opened[i]);
            if (!docs.empty()) {
                Deletions d = opened[i]->deletions().empty() ? Deletions(meta.doc_count)
                                                             : opened[i]->deletions();
                for (std::uint32_t doc : docs) deleted += d.add(doc);
                meta.deleted_count = d.count();
                if (meta.deleted_count == meta.doc_count)
                    continue;  // nothing left: drop the segment
                meta.deletions = deletions_file(meta.name, next.next_deletions++);
                write_small_file(*dir_, meta.deletions, kKindDeletions, d.serialize());
            }
            kept.push_back(std::move(meta));
        }
        next.segments = std::move(kept);
    }

    next.catalog = catalog_file(next.generation);
    write_small_file(*dir_, next.catalog, kKindCatalog, catalog_.serialize());

    // Every new file's directory entry is durable before the manifest that
    // names them can be.
    dir_->sync_directory();
    commit_manifest(*dir_, next);
    manifest_ = std::move(next);
    flushed_.clear();
    pending_deletes_.clear();
    dirty_ = false;

    std::vector<std::shared_ptr<const Segment>> now;
    for (const SegmentMeta& meta : manifest_.segments) now.push_back(open_segment(meta));
    segments_ = std::move(now);
    remove_unreferenced_files();
    return deleted;
}

std::size_t IndexWriter::merge(bool to_one_segment, const MergeListener& listener) {
    commit();
    std::size_t merges = 0;
    for (;;) {
        std::vector<std::vector<std::size_t>> groups;
        if (to_one_segment) {
            const bool needed =
                manifest_.segments.size() > 1 ||
                (manifest_.segments.size() == 1 && manifest_.segments[0].deleted_count > 0);
            if (needed) {
                groups.emplace_back(manifest_.segments.size());
                for (std::size_t i = 0; i < groups[0].size(); ++i) groups[0][i] = i;
            }
        } else {
            groups = options_.merge_policy.find_merges(manifest_.segments);
        }
        if (groups.empty()) break;

        Manifest next = manifest_;
        ++next.generation;
        std::vector<std::optional<SegmentMeta>> replaced(manifest_.segments.size());
        std::vector<bool> merged_away(manifest_.segments.size(), false);
        for (const auto& group : groups) {
            std::vector<std::shared_ptr<const Segment>> inputs;
            std::uint64_t docs = 0;
            for (std::size_t i : group) {
                inputs.push_back(segments_[i]);
                docs += manifest_.segments[i].live_count();
                merged_away[i] = true;
            }
            if (listener) listener(group.size(), docs);
            const std::string name = segment_name(next.next_segment++);
            const SegmentSummary s = merge_segments(*dir_, inputs, name);
            if (s.doc_count > 0)
                replaced[group.front()] = SegmentMeta{s.name, s.doc_count, 0, "", s.bytes};
        }
        next.segments.clear();
        for (std::size_t i = 0; i < manifest_.segments.size(); ++i) {
            if (replaced[i])
                next.segments.push_back(*replaced[i]);
            else if (!merged_away[i])
                next.segments.push_back(manifest_.segments[i]);
        }
        dir_->sync_directory();
        commit_manifest(*dir_, next);
        manifest_ = std::move(next);
        std::vector<std::shared_ptr<const Segment>> now;
        for (const SegmentMeta& meta : manifest_.segments) now.push_back(open_segment(meta));
        segments_ = std::move(now);
        remove_unreferenced_files();
        merges += groups.size();
        if (to_one_segment) break;
    }
    return merges;
}

}  // namespace scoop
