#include "index/index_updater.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
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
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// JSON Lines files are read in pieces of about this size, so a file of a
// million articles never sits analysed in memory all at once.
constexpr std::size_t kJsonChunkBytes = std::size_t{2} << 20;
// Analysed documents waiting for the writer may take this share of the RAM
// budget (and always at least one piece), so the run stays near the budget.
constexpr std::size_t kAheadShare = 8;
// Undelivered pieces a worker may hold before it waits for the writer.
constexpr std::size_t kMaxPendingChunks = 2;

struct FileTask {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
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

std::int64_t mtime_ns(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

bool is_within(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.starts_with(root) &&
                            (root.back() == '/' || path[root.size()] == '/'));
}

// Hands results to the writer in task order, whatever order the workers
// finish in, so the same files always get the same document numbers. Work
// ahead of the writer is bounded in memory; the piece the writer waits
// for is always let through, so workers ahead cannot starve it.
class OrderedResults {
  public:
    explicit OrderedResults(std::uint64_t ahead_limit) : ahead_limit_(ahead_limit) {}

    void push(std::size_t task, FileResult result) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] {
            return failed_ || (pending_[task].size() < kMaxPendingChunks &&
                               (task == next_ || pending_bytes_ + result.weight <= ahead_limit_));
        });
        if (failed_) return;
        pending_bytes_ += result.weight;
        pending_[task].push_back(std::move(result));
        ready_.notify_all();
    }
    // Next result of the current task; blocks until there is one.
    FileResult pop(std::size_t task) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !pending_[task].empty() || failed_; });
        if (failed_) throw Error(failure_);
        FileResult r = std::move(pending_[task].front());
        pending_[task].pop_front();
        pending_bytes_ -= r.weight;
        if (r.last_chunk) {
            pending_.erase(task);
            next_ = task + 1;
        }
        room_.notify_all();
        return r;
    }
    void fail(std::string message) {
        std::lock_guard lock(mutex_);
        failed_ = true;
        failure_ = std::move(message);
        ready_.notify_all();
        room_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::map<std::size_t, std::deque<FileResult>> pending_;
    std::size_t next_ = 0;
    std::uint64_t ahead_limit_;
    std::uint64_t pending_bytes_ = 0;
    bool failed_ = false;
    std::string failure_;
};

class Updater {
  public:
    Updater(const UpdateOptions& options, const ProgressCallback& progress)
        : options_(options),
          progress_(progress),
          started_(Clock::now()),
          writer_(options.index_dir, WriterOptions{options.ram_budget_bytes, options.language,
                                                   options.title_weight, options.merge_policy}),
          results_(
              std::max<std::uint64_t>(options.ram_budget_bytes / kAheadShare, kJsonChunkBytes)) {
        index_dir_ = fs::weakly_canonical(fs::absolute(options.index_dir)).string();
    }

    UpdateReport run() {
        scan();
        delete_gone_files();
        index_files();
        report_progress(UpdateProgress::Phase::kCommitting, true);
        report_.documents_deleted += writer_.commit();
        if (options_.optimize || options_.merge) {
            report_progress(UpdateProgress::Phase::kMerging, true);
            report_.merges = writer_.merge(options_.optimize);
        }
        report_.documents_in_index = writer_.manifest().live_doc_count();
        report_.segments = writer_.manifest().segments.size();
        report_.seconds = elapsed();
        report_progress(UpdateProgress::Phase::kDone, true);
        return std::move(report_);
    }

  private:
    double elapsed() const {
        return std::chrono::duration<double>(Clock::now() - started_).count();
    }

    void report_progress(UpdateProgress::Phase phase, bool force = false) {
        if (!progress_) return;
        const auto now = Clock::now();
        if (!force && now - last_progress_ < std::chrono::milliseconds(100)) return;
        last_progress_ = now;
        progress_state_.phase = phase;
        progress_state_.seconds = elapsed();
        progress_(progress_state_);
    }

    void skip(const std::string& path, std::string reason) {
        ++report_.files_skipped;
        report_.skipped.push_back({path, 0, std::move(reason)});
    }

    void consider(const std::string& path) {
        if (is_within(path, index_dir_)) return;  // never index the index
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            skip(path, std::string("cannot read: ") + std::strerror(errno));
            return;
        }
        if (!S_ISREG(st.st_mode)) return;
        seen_.insert(path);
        FileTask task;
        task.path = path;
        task.size = static_cast<std::uint64_t>(st.st_size);
        task.mtime_ns = mtime_ns(st);
        task.format = options_.format ? *options_.format : format_for_path(path);
        const CatalogEntry* entry = writer_.catalog().find(path);
        if (entry && entry->size == task.size && entry->mtime_ns == task.mtime_ns &&
            entry->format == format_name(task.format)) {
            ++report_.files_unchanged;
            return;
        }
        if (entry) task.previous = *entry;
        progress_state_.bytes_total += task.size;
        tasks_.push_back(std::move(task));
    }

    void walk(const std::string& root) {
        std::error_code ec;
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied,
                                            ec);
        if (ec) {
            skip(root, "cannot read folder: " + ec.message());
            return;
        }
        for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) {
                skip(it->path().string(), "cannot read: " + ec.message());
                ec.clear();
                continue;
            }
            const std::string name = it->path().filename().string();
            // Hidden files and folders (.git, editor backups) are not articles.
            if (name.starts_with(".")) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            const std::string path = it->path().lexically_normal().string();
            if (is_within(path, index_dir_)) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec)) consider(path);
            report_progress(UpdateProgress::Phase::kScanning);
        }
    }

    void scan() {
        report_progress(UpdateProgress::Phase::kScanning, true);
        std::size_t existing = 0;
        for (const std::string& input : options_.inputs) {
            const std::string path = fs::absolute(input).lexically_normal().string();
            std::error_code ec;
            const auto status = fs::status(path, ec);
            if (ec || !fs::exists(status)) {
                skip(input, "no such file or folder");
                continue;
            }
            ++existing;
            roots_.push_back(path);
            if (fs::is_directory(status))
                walk(path);
            else if (fs::is_regular_file(status))
                consider(path);
            else
                skip(input, "not a regular file or folder");
        }
        if (existing == 0) {
            std::string names;
            for (const auto& i : options_.inputs) names += (names.empty() ? "" : ", ") + i;
            throw Error("nothing to index: " + (names.empty() ? std::string("no paths were given")
                                                              : "none of these exist: " + names));
        }
        // Files keep their order (walk order within a folder is the file
        // system's); sort so the same tree always indexes the same way.
        std::sort(tasks_.begin(), tasks_.end(),
                  [](const FileTask& a, const FileTask& b) { return a.path < b.path; });
        progress_state_.files_total = tasks_.size();
    }

    void delete_gone_files() {
        for (const CatalogEntry* entry : writer_.catalog().sorted()) {
            if (seen_.count(entry->path)) continue;
            const bool under_root =
                std::any_of(roots_.begin(), roots_.end(),
                            [&](const std::string& r) { return is_within(entry->path, r); });
            std::error_code ec;
            if (!under_root || fs::exists(entry->path, ec) || ec) continue;
            gone_.push_back(*entry);
        }
        for (const CatalogEntry& entry : gone_) {
            writer_.delete_file_documents(entry.file_id);
            writer_.erase_catalog_entry(entry.path);
            ++report_.files_deleted;
        }
    }

    // Worker side: read, hash, extract, analyse.
    void process(const FileTask& task, std::size_t index, Analyzer& analyzer) {
        FileResult head;
        std::optional<MappedFile> file;
        try {
            file.emplace(task.path);
        } catch (const Error& e) {
            head.read_failed = true;
            head.skip_reason = e.what();
            results_.push(index, std::move(head));
            return;
        }
        const auto bytes = file->bytes();
        head.bytes = bytes.size();
        head.content_hash = xxh3_64(bytes);
        if (task.previous && task.previous->content_hash == head.content_hash &&
            task.previous->size == bytes.size()) {
            head.content_unchanged = true;
            results_.push(index, std::move(head));
            return;
        }
        if (task.format != InputFormat::kJsonLines && bytes.size() > options_.max_file_bytes) {
            head.skip_reason =
                "file is " + std::to_string(bytes.size() >> 20) + " MiB, over the limit of " +
                std::to_string(options_.max_file_bytes >> 20) + " MiB for one article";
            results_.push(index, std::move(head));
            return;
        }
        const std::string_view all(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        std::size_t start = 0;
        std::uint32_t line_offset = 0;
        std::uint64_t articles = 0;
        do {
            std::size_t end = all.size();
            if (task.format == InputFormat::kJsonLines && all.size() - start > kJsonChunkBytes) {
                const std::size_t nl = all.find('\n', start + kJsonChunkBytes);
                end = nl == std::string_view::npos ? all.size() : nl + 1;
            }
            const std::string_view piece = all.substr(start, end - start);
            FileResult r;
            if (start == 0) {
                r.bytes = head.bytes;
                r.content_hash = head.content_hash;
            }
            Extraction extraction = extract_articles(piece, task.path, task.format);
            for (const auto& p : extraction.problems)
                r.warnings.push_back({task.path, p.line ? p.line + line_offset : 0, p.message});
            if (extraction.replaced_bytes > 0)
                r.warnings.push_back({task.path, 0,
                                      std::to_string(extraction.replaced_bytes) +
                                          " invalid bytes replaced (read as " +
                                          extraction.encoding + ")"});
            for (Article& a : extraction.articles) {
                if (a.line) a.line += line_offset;
                a.path = task.path;
                r.docs.push_back(analyze_article(analyzer, std::move(a), 0));
            }
            articles += r.docs.size();
            for (const AnalyzedDocument& d : r.docs)
                r.weight += d.memory_bytes() + sizeof(AnalyzedDocument);
            line_offset += static_cast<std::uint32_t>(std::count(piece.begin(), piece.end(), '\n'));
            start = end;
            r.last_chunk = start >= all.size();
            if (r.last_chunk && articles == 0) {
                r.skip_reason =
                    r.warnings.empty() ? "no article text found" : r.warnings.front().message;
                r.warnings.clear();
            }
            results_.push(index, std::move(r));
        } while (start < all.size());
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
                writer_.add(doc);
                ++docs;
            }
            progress_state_.documents += r.docs.size();
            report_progress(UpdateProgress::Phase::kIndexing);
            if (!r.last_chunk) continue;

            // Catalogued even when nothing in it was indexable, so an
            // unchanged binary or empty file is not read again next time.
            writer_.put_catalog_entry(CatalogEntry{task.path, file_id, task.size, task.mtime_ns,
                                                   hash, docs,
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
        progress_state_.bytes_done += task.size;
        ++progress_state_.files_done;
        report_progress(UpdateProgress::Phase::kIndexing);
        // A segment was written and no file is half-added: make the work so
        // far durable, so a crash or ^C later does not lose it.
        if (writer_.pending_segments() > 0) report_.documents_deleted += writer_.commit();
    }

    const UpdateOptions& options_;
    const ProgressCallback& progress_;
    Clock::time_point started_;
    Clock::time_point last_progress_{};
    IndexWriter writer_;
    std::string index_dir_;
    UpdateReport report_;
    UpdateProgress progress_state_;
    std::vector<std::string> roots_;
    std::unordered_set<std::string> seen_;
    std::vector<FileTask> tasks_;
    std::vector<CatalogEntry> gone_;
    std::atomic<std::size_t> next_task_{0};
    OrderedResults results_;
};

}  // namespace

UpdateReport update_index(const UpdateOptions& options, const ProgressCallback& progress) {
    Updater updater(options, progress);
    return updater.run();
}

}  // namespace scoop
