#include "ingest/index_updater.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "index/index_writer.h"
#include "ingest/document_analysis.h"
#include "ingest/file_walk.h"
#include "ingest/ordered_results.h"
#include "ingest/source_file.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

namespace fs = std::filesystem;

// JSON Lines files are read in pieces of about this size, so a file of a
// million articles never sits analysed in memory all at once.
constexpr std::size_t kJsonChunkBytes = std::size_t{2} << 20;
// Analysed documents waiting for the writer may take this share of the RAM
// budget (and always at least one piece), so the run stays near the budget.
constexpr std::size_t kAheadShare = 8;
// Undelivered pieces a worker may hold before it waits for the writer.
constexpr std::size_t kMaxPendingChunks = 2;
// Texts longer than this are analysed one at a time (see large_text_gate).
constexpr std::size_t kLargeText = std::size_t{1} << 20;
// Memory inverting a document takes, as a multiple of its analysed size.
constexpr std::uint64_t kInversionFactor = 3;

struct FileTask {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    InputFormat format = InputFormat::kText;
    std::optional<CatalogEntry> previous;
};

// What a worker made of (a piece of) a file.
struct FileResult {
    bool last_chunk = true;
    bool read_failed = false;        // I/O error: leave the index as it was for this file
    bool content_unchanged = false;  // same bytes as catalogued, only touched
    std::optional<std::string> skip_reason;
    std::uint64_t content_hash = 0;
    std::uint64_t bytes = 0;
    std::uint64_t weight = 0;  // memory its documents take, for the limit
    std::vector<AnalyzedDocument> docs;
    std::vector<FileIssue> warnings;
};

std::string megabytes(std::uint64_t bytes) {
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

// Where to cut text to at most `limit` bytes: at a line or word break near
// the limit if there is one, never inside a UTF-8 character.
std::size_t cut_point(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text.size();
    const std::size_t floor = limit - limit / 16;
    for (std::size_t i = limit; i > floor; --i)
        if (text[i] == '\n' || text[i] == ' ') return i;
    std::size_t i = limit;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
}

class Updater {
  public:
    Updater(const UpdateOptions& options, const ProgressCallback& progress)
        : options_(options),
          progress_(progress),
          writer_(
              options.directory ? options.directory : open_posix_directory(options.index_dir, true),
              WriterOptions{options.ram_budget_bytes, options.language, options.title_weight,
                            options.merge_policy}),
          results_(std::max<std::uint64_t>(options.ram_budget_bytes / kAheadShare, kJsonChunkBytes),
                   kMaxPendingChunks),
          article_limit_(max_article_bytes(options.ram_budget_bytes)) {
        if (!options.directory) {
            std::error_code ec;
            index_dir_ = fs::canonical(options.index_dir, ec).string();
        }
    }

    UpdateReport run() {
        report_.stale_documents_removed = writer_.delete_uncatalogued_documents();
        report_.documents_deleted += report_.stale_documents_removed;
        if (!options_.inputs.empty()) {
            scan();
            delete_gone_files();
            index_files();
        }
        // Every catalogued file was read again: the index is as the current
        // extractor makes it.
        if (options_.reextract && writer_.manifest().extraction_version != kExtractionVersion) {
            const auto entries = writer_.catalog().sorted();
            if (std::all_of(entries.begin(), entries.end(),
                            [&](const CatalogEntry* e) { return seen_.count(e->path) > 0; }))
                writer_.set_extraction_version(kExtractionVersion);
        }
        report_.extraction_outdated = writer_.manifest().extraction_version < kExtractionVersion;
        report_progress(UpdateProgress::Phase::kCommitting, true);
        writer_.commit();
        if (options_.optimize || options_.merge) {
            report_progress(UpdateProgress::Phase::kMerging, true);
            report_.merges = writer_.merge(options_.optimize);
        }
        report_.documents_in_index = writer_.manifest().live_doc_count();
        report_.segments = writer_.manifest().segments.size();
        report_.seconds = progress_.elapsed();
        report_progress(UpdateProgress::Phase::kDone, true);
        return std::move(report_);
    }

  private:
    void report_progress(UpdateProgress::Phase phase, bool force = false) {
        progress_.report(phase, force);
    }

    void skip(const std::string& path, std::string reason) {
        ++report_.files_skipped;
        report_.skipped.push_back({path, 0, std::move(reason)});
    }

    void scan() {
        report_progress(UpdateProgress::Phase::kScanning, true);
        const Catalog& catalog = writer_.catalog();
        WalkResult walk = walk_inputs(options_.inputs, index_dir_, [&](std::string_view path) {
            return catalog.find(path) != nullptr;
        });
        if (walk.missing_inputs == options_.inputs.size()) {
            std::string names;
            for (const auto& i : options_.inputs) names += (names.empty() ? "" : ", ") + i;
            throw Error("nothing to index: none of these exist: " + names);
        }
        for (WalkIssue& issue : walk.skipped) skip(issue.path, std::move(issue.reason));
        roots_ = std::move(walk.roots);
        other_names_.insert(walk.other_names.begin(), walk.other_names.end());
        for (const FoundFile& f : walk.files) {
            seen_.insert(f.path);
            FileTask task;
            task.path = f.path;
            task.size = f.size;
            task.mtime_ns = f.mtime_ns;
            task.ctime_ns = f.ctime_ns;
            task.format = options_.format ? *options_.format : format_for_path(f.path);
            const CatalogEntry* entry = catalog.find(f.path);
            if (entry && !options_.recheck && !options_.reextract && entry->size == task.size &&
                entry->mtime_ns == task.mtime_ns && entry->ctime_ns == task.ctime_ns &&
                entry->format == format_name(task.format)) {
                ++report_.files_unchanged;
                continue;
            }
            if (entry) task.previous = *entry;
            progress_.state().bytes_total += task.size;
            tasks_.push_back(std::move(task));
        }
        progress_.state().files_total = tasks_.size();
    }

    // The catalogued files not found this time: gone when they no longer
    // exist under a scanned folder, and also when they are another name of
    // a file found (a link, or a path spelled through a linked folder by
    // an older run), whose documents it would duplicate.
    void delete_gone_files() {
        std::map<std::string, std::string> real_folders;  // folder: its canonical path
        auto canonical_name = [&](const std::string& path) {
            const std::size_t slash = path.rfind('/');
            if (slash == std::string::npos) return path;
            const std::string folder = path.substr(0, slash);
            auto [it, fresh] = real_folders.try_emplace(folder);
            if (fresh) {
                std::error_code ec;
                it->second = fs::canonical(folder.empty() ? "/" : folder, ec).string();
                if (ec) it->second = folder;
            }
            return (it->second == "/" ? "" : it->second) + path.substr(slash);
        };
        for (const CatalogEntry* entry : writer_.catalog().sorted()) {
            if (seen_.count(entry->path)) continue;
            bool gone = other_names_.count(entry->path) > 0;
            if (!gone) {
                const std::string canonical = canonical_name(entry->path);
                gone = canonical != entry->path && seen_.count(canonical) > 0;
            }
            if (!gone) {
                const bool under_root =
                    std::any_of(roots_.begin(), roots_.end(),
                                [&](const std::string& r) { return is_within(entry->path, r); });
                struct stat st {};
                gone = under_root && ::lstat(entry->path.c_str(), &st) != 0 && errno == ENOENT;
            }
            if (gone) gone_.push_back(*entry);
        }
        for (const CatalogEntry& entry : gone_) {
            writer_.delete_file_documents(entry.file_id);
            writer_.erase_catalog_entry(entry.path);
            ++report_.files_deleted;
        }
    }

    // Worker side: read, hash, extract, analyse, in memory bounded by the
    // budget: small files are read once, others hashed in pieces and read
    // as a prefix (one article) or in line-aligned pieces (JSON Lines).
    void process(const FileTask& task, std::size_t index, Analyzer& analyzer) {
        FileResult head;
        std::optional<SourceFile> file;
        try {
            file.emplace(task.path);
        } catch (const Error& e) {
            head.read_failed = true;
            head.skip_reason = e.what();
            results_.push(index, std::move(head));
            return;
        }
        head.bytes = file->size();
        head.content_hash = file->content_hash();
        if (!options_.reextract && task.previous &&
            task.previous->content_hash == head.content_hash && task.previous->size == head.bytes) {
            head.content_unchanged = true;
            results_.push(index, std::move(head));
            return;
        }
        if (task.format == InputFormat::kJsonLines) {
            process_lines(task, index, analyzer, *file, std::move(head));
            return;
        }
        if (head.bytes > options_.max_file_bytes) {
            head.skip_reason = "file is " + std::to_string(head.bytes >> 20) +
                               " MiB, over the limit of " +
                               std::to_string(options_.max_file_bytes >> 20) +
                               " MiB for one article (--max-file-mb raises it)";
            results_.push(index, std::move(head));
            return;
        }
        std::string text = file->read_prefix(article_limit_ + 1);
        FileResult r = std::move(head);
        std::unique_lock gate = large_text_gate(text.size());
        if (text.size() > article_limit_) {
            text.resize(cut_point(text, static_cast<std::size_t>(article_limit_)));
            r.warnings.push_back({task.path, 0,
                                  "article cut at " + megabytes(text.size()) + " of " +
                                      megabytes(r.bytes) +
                                      ": an article may have at most 1/64 of --ram-mb (" +
                                      megabytes(article_limit_) + "); the rest is not indexed"});
        }
        add_articles(task, r, extract_articles(text, task.path, task.format), 0, analyzer);
        r.last_chunk = true;
        if (r.docs.empty()) {
            r.skip_reason =
                r.warnings.empty() ? "no article text found" : r.warnings.back().message;
            r.warnings.clear();
        }
        if (gate) gate.unlock();  // before waiting for the writer: it may wait for us
        results_.push(index, std::move(r));
    }

    // A text of more than a MiB takes tens of times its size to analyse:
    // such texts are analysed one at a time, so that two workers never hold
    // two of them at once.
    std::unique_lock<std::mutex> large_text_gate(std::size_t bytes) {
        if (bytes <= kLargeText) return {};
        return std::unique_lock(large_text_);
    }

    void process_lines(const FileTask& task, std::size_t index, Analyzer& analyzer,
                       SourceFile& file, FileResult head) {
        std::optional<FileResult> pending(std::move(head));
        std::uint64_t articles = 0;
        // One piece is held back, so the last one can be marked as such.
        auto deliver = [&](bool last) {
            pending->last_chunk = last;
            articles += pending->docs.size();
            if (last && articles == 0) {
                pending->skip_reason = pending->warnings.empty()
                                           ? "no article text found"
                                           : pending->warnings.front().message;
                pending->warnings.clear();
            }
            results_.push(index, std::move(*pending));
            pending.emplace();
        };
        bool any = false;
        file.for_each_line_piece(
            kJsonChunkBytes, static_cast<std::size_t>(article_limit_),
            [&](std::string_view text, std::uint32_t first_line) {
                if (any) deliver(false);
                any = true;
                std::unique_lock gate = large_text_gate(text.size());
                add_articles(task, *pending, extract_articles(text, task.path, task.format),
                             first_line - 1, analyzer);
            },
            [&](std::uint32_t line, std::uint64_t bytes) {
                pending->warnings.push_back({task.path, line,
                                             "a line of " + megabytes(bytes) +
                                                 ", longer than an article may be (1/64 of "
                                                 "--ram-mb: " +
                                                 megabytes(article_limit_) + "); skipped"});
            });
        deliver(true);
    }

    void add_articles(const FileTask& task, FileResult& r, Extraction extraction,
                      std::uint32_t line_offset, Analyzer& analyzer) {
        for (const auto& p : extraction.problems)
            r.warnings.push_back({task.path, p.line ? p.line + line_offset : 0, p.message});
        if (extraction.replaced_bytes > 0)
            r.warnings.push_back({task.path, 0,
                                  std::to_string(extraction.replaced_bytes) +
                                      " invalid bytes replaced (read as " + extraction.encoding +
                                      ")"});
        for (Article& a : extraction.articles) {
            if (a.line) a.line += line_offset;
            a.path = task.path;
            r.docs.push_back(analyze_article(analyzer, std::move(a), 0));
            r.weight += r.docs.back().memory_bytes() + sizeof(AnalyzedDocument);
        }
    }

    void worker(std::size_t id) {
        try {
            Analyzer analyzer(writer_.language());
            for (std::size_t i = next_task_++; i < tasks_.size(); i = next_task_++) {
                try {
                    process(tasks_[i], i, analyzer);
                } catch (const Error& e) {
                    FileResult r;
                    r.read_failed = true;
                    r.skip_reason = e.what();
                    results_.push(i, std::move(r));
                }
            }
        } catch (const std::exception& e) {
            results_.fail("indexing thread " + std::to_string(id) + " failed: " + e.what());
        }
    }

    // Writer side, in task order.
    void index_files() {
        const unsigned threads =
            options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < std::min<std::size_t>(threads, tasks_.size()); ++t)
            pool.emplace_back([this, t] { worker(t); });

        try {
            for (std::size_t i = 0; i < tasks_.size(); ++i) consume(tasks_[i], i);
        } catch (...) {
            next_task_ = tasks_.size();  // stop the workers taking more
            results_.fail("stopped");
            throw;
        }
    }

    void consume(const FileTask& task, std::size_t index) {
        std::uint64_t file_id = 0;
        std::uint32_t docs = 0;
        std::uint64_t hash = 0, bytes = 0;
        for (bool first = true;; first = false) {
            FileResult r = results_.pop(index);
            if (first) {
                hash = r.content_hash;
                bytes = r.bytes;
            }
            for (auto& w : r.warnings) report_.warnings.push_back(std::move(w));
            if (r.read_failed) {
                skip(task.path,
                     *r.skip_reason);  // an unreadable file keeps what the index had of it
                break;
            }
            if (r.content_unchanged) {
                CatalogEntry touched = *task.previous;
                touched.size = task.size;
                touched.mtime_ns = task.mtime_ns;
                touched.ctime_ns = task.ctime_ns;
                writer_.put_catalog_entry(std::move(touched));
                ++report_.files_unchanged;
                break;
            }
            if (first) {
                if (task.previous) writer_.delete_file_documents(task.previous->file_id);
                file_id = writer_.new_file_id();
            }
            for (AnalyzedDocument& doc : r.docs) {
                doc.file_id = file_id;
                // Inverting a large document takes several times its size
                // on top of the buffer: write the buffer out first when the
                // two would not fit in the budget together.
                const std::uint64_t need = kInversionFactor * doc.memory_bytes();
                if (need > kLargeText &&
                    writer_.buffered_bytes() + need > options_.ram_budget_bytes)
                    writer_.flush();
                writer_.add(doc);
                ++docs;
            }
            progress_.state().documents += r.docs.size();
            report_progress(UpdateProgress::Phase::kIndexing);
            if (!r.last_chunk) continue;

            // Catalogued even when nothing in it was indexable, so an
            // unchanged binary or empty file is not read again next time.
            writer_.put_catalog_entry(CatalogEntry{task.path, file_id, task.size, task.mtime_ns,
                                                   task.ctime_ns, hash, docs,
                                                   std::string(format_name(task.format))});
            if (r.skip_reason)
                skip(task.path, *r.skip_reason);
            else if (task.previous)
                ++report_.files_updated;
            else
                ++report_.files_added;
            report_.documents_added += docs;
            break;
        }
        report_.bytes_read += bytes;
        progress_.state().bytes_done += task.size;
        ++progress_.state().files_done;
        report_progress(UpdateProgress::Phase::kIndexing);
        // A segment was written and no file is half-added: make the work so
        // far durable, so a crash or ^C later does not lose it.
        if (writer_.pending_segments() > 0) report_.documents_deleted += writer_.commit();
    }

    const UpdateOptions& options_;
    ProgressReporter progress_;
    IndexWriter writer_;
    std::string index_dir_;  // canonical; empty for an index not in a folder
    UpdateReport report_;
    std::vector<std::string> roots_;
    std::unordered_set<std::string> seen_;
    std::unordered_set<std::string> other_names_;
    std::vector<FileTask> tasks_;
    std::vector<CatalogEntry> gone_;
    std::atomic<std::size_t> next_task_{0};
    OrderedResults<FileResult> results_;
    std::uint64_t article_limit_;
    std::mutex large_text_;
};

}  // namespace

std::uint64_t max_article_bytes(std::size_t ram_budget_bytes) {
    return std::clamp<std::uint64_t>(ram_budget_bytes / 64, std::uint64_t{1} << 20,
                                     std::uint64_t{256} << 20);
}

UpdateReport update_index(const UpdateOptions& options, const ProgressCallback& progress) {
    Updater updater(options, progress);
    return updater.run();
}

}  // namespace scoop
