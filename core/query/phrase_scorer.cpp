#include "query/phrase_scorer.h"

#include <algorithm>
#include <numeric>

namespace scoop {

// The most a document can have of every word, and the least length it can
// have, from the words' impact frontiers: an exact phrase occurs at most as
// often as its rarest word in a document, a sloppy one at most as often as
// its words together; the document's length is one of the lengths.
// max_freq starts at no_freq_bound().
void PhraseScorer::combine(std::uint32_t& max_freq, std::uint32_t& min_length,
                           std::span<const Impact> impacts) const {
    std::uint32_t f = 0, l = UINT32_MAX;
    for (const Impact& i : impacts) {
        f = std::max(f, i.freq);
        l = std::min(l, i.length);
    }
    max_freq = fold_freq_bound(max_freq, f);
    min_length = std::max(min_length, l == UINT32_MAX ? 0 : l);
}

PhraseScorer::PhraseScorer(std::vector<Part> parts, Bm25 bm25, Field field, const DocTable& docs,
                           std::string label, std::uint32_t slop)
    : parts_(std::move(parts)),
      bm25_(bm25),
      field_(field),
      docs_(docs),
      label_(std::move(label)),
      slop_(slop) {
    for (const Part& p : parts_) repeats_ |= p.offsets.size() > 1;
    order_.resize(parts_.size());
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        return parts_[a].cursor.df() < parts_[b].cursor.df();
    });
    std::uint32_t max_freq = no_freq_bound(), min_length = 0;
    for (const auto& p : parts_) combine(max_freq, min_length, p.cursor.term().term_impacts());
    max_score_ = bound(max_freq, min_length);
    find_match();
}

double PhraseScorer::bound(std::uint32_t max_freq, std::uint32_t min_length) const {
    return bm25_.score(max_freq, min_length) * kBoundSlack;
}

void PhraseScorer::next() {
    if (doc_ == kEndDoc) return;
    parts_[order_.front()].cursor.next();
    find_match();
}

void PhraseScorer::advance(std::uint32_t target) {
    if (doc_ != kEndDoc && target <= doc_) return;
    parts_[order_.front()].cursor.advance(target);
    find_match();
}

void PhraseScorer::find_match() {
    PostingCursor& lead = parts_[order_.front()].cursor;
    while (lead.doc() != kEndDoc) {
        const std::uint32_t candidate = lead.doc();
        if (min_competitive_ > 0) {
            // Whole blocks whose phrase bound cannot compete are skipped.
            window_.move_to(candidate, [this](std::uint32_t d) { return shallow_advance(d); });
            if (window_max_ <= min_competitive_) {
                if (window_.is_last()) break;
                lead.advance(window_.next_start());
                continue;
            }
        }
        bool all = true;
        for (std::size_t k = 1; k < order_.size(); ++k) {
            PostingCursor& c = parts_[order_[k]].cursor;
            c.advance(candidate);
            if (c.doc() != candidate) {
                all = false;
                if (c.doc() == kEndDoc) {
                    doc_ = kEndDoc;
                    return;
                }
                lead.advance(c.doc());
                break;
            }
        }
        if (!all) continue;
        // A term the phrase holds k times must occur k times; and the
        // phrase occurs at most as often as its rarest part here: skip the
        // position check when even that could not compete.
        if (repeats_ || min_competitive_ > 0) {
            std::uint32_t most = no_freq_bound();
            bool enough = true;
            for (auto& p : parts_) {
                const std::uint32_t f = p.cursor.freq();
                enough &= f >= p.offsets.size();
                most = fold_freq_bound(most, f);
            }
            if (!enough || (min_competitive_ > 0 &&
                            bound(most, docs_.length(field_, candidate)) <= min_competitive_)) {
                lead.next();
                continue;
            }
        }
        freq_ = slop_ > 0 ? sloppy_frequency() : count_occurrences();
        if (freq_ > 0) {
            doc_ = candidate;
            return;
        }
        lead.next();
    }
    doc_ = kEndDoc;
}

std::uint32_t PhraseScorer::count_occurrences() {
    if (parts_.size() == 1 && !repeats_) return parts_[0].cursor.freq();
    if (!repeats_) return count_distinct_parts();
    // The rarest part here gives the candidate starts (its positions less
    // its first offset in the phrase); each part, rarest first, keeps the
    // starts it continues. Most candidates die at the second part, before
    // the positions of the common words are decoded at all. A part's
    // offsets are checked as runs of consecutive offsets ("mln mln mln" is
    // one run of three): a run of r at offset o holds where the position
    // start + o begins r consecutive positions.
    by_freq_.resize(parts_.size());
    std::iota(by_freq_.begin(), by_freq_.end(), std::size_t{0});
    std::sort(by_freq_.begin(), by_freq_.end(), [&](std::size_t a, std::size_t b) {
        return parts_[a].cursor.freq() < parts_[b].cursor.freq();
    });
    starts_.clear();
    for (std::size_t k = 0; k < by_freq_.size(); ++k) {
        Part& part = parts_[by_freq_[k]];
        const std::span<const std::uint32_t> list = part.cursor.positions();
        if (k == 0) {
            const std::uint32_t first = part.offsets.front();
            for (const std::uint32_t p : list)
                if (p >= first) starts_.push_back(p - first);
        }
        const std::vector<std::uint32_t>& offsets = part.offsets;
        // runs_[i]: how many consecutive positions start at list[i]; only
        // needed when the phrase repeats the part at consecutive offsets.
        const bool has_runs = std::adjacent_find(offsets.begin(), offsets.end(),
                                                 [](std::uint32_t a, std::uint32_t b) {
                                                     return b == a + 1;
                                                 }) != offsets.end();
        if (has_runs) {
            runs_.resize(list.size());
            for (std::size_t i = list.size(); i-- > 0;)
                runs_[i] = i + 1 < list.size() && list[i + 1] == list[i] + 1 ? runs_[i + 1] + 1 : 1;
        }
        // Few starts in a long list: binary search; otherwise a merge.
        const bool search = list.size() > 16 * starts_.size();
        // The driver's first offset holds by construction, unless it begins a run.
        const bool first_holds = k == 0 && (offsets.size() == 1 || offsets[1] != offsets[0] + 1);
        for (std::size_t r = first_holds ? 1 : 0; r < offsets.size() && !starts_.empty();) {
            std::size_t run_end = r + 1;
            while (run_end < offsets.size() && offsets[run_end] == offsets[run_end - 1] + 1)
                ++run_end;
            const std::uint32_t offset = offsets[r];
            const auto length = static_cast<std::uint32_t>(run_end - r);
            std::size_t kept = 0, at = 0;
            for (const std::uint32_t start : starts_) {
                const std::uint32_t want = start + offset;
                if (search)
                    at = static_cast<std::size_t>(
                        std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(at), list.end(),
                                         want) -
                        list.begin());
                else
                    while (at < list.size() && list[at] < want) ++at;
                if (at == list.size()) break;
                if (list[at] == want && (length == 1 || runs_[at] >= length))
                    starts_[kept++] = start;
            }
            starts_.resize(kept);
            r = run_end;
        }
        if (starts_.empty()) return 0;
    }
    return static_cast<std::uint32_t>(starts_.size());
}

// The phrase of parts at one offset each (the common case), as a merge of
// each part's positions with the starts still possible.
std::uint32_t PhraseScorer::count_distinct_parts() {
    by_freq_.resize(parts_.size());
    std::iota(by_freq_.begin(), by_freq_.end(), std::size_t{0});
    std::sort(by_freq_.begin(), by_freq_.end(), [&](std::size_t a, std::size_t b) {
        return parts_[a].cursor.freq() < parts_[b].cursor.freq();
    });
    starts_.clear();
    Part& driver = parts_[by_freq_[0]];
    const std::uint32_t driver_offset = driver.offsets.front();
    for (const std::uint32_t p : driver.cursor.positions())
        if (p >= driver_offset) starts_.push_back(p - driver_offset);
    for (std::size_t k = 1; k < by_freq_.size() && !starts_.empty(); ++k) {
        Part& part = parts_[by_freq_[k]];
        const std::uint32_t offset = part.offsets.front();
        const std::span<const std::uint32_t> list = part.cursor.positions();
        std::size_t kept = 0, at = 0;
        for (const std::uint32_t start : starts_) {
            const std::uint32_t want = start + offset;
            while (at < list.size() && list[at] < want) ++at;
            if (at == list.size()) break;
            if (list[at] == want) starts_[kept++] = start;
        }
        starts_.resize(kept);
    }
    return static_cast<std::uint32_t>(starts_.size());
}

// Lucene's SloppyPhraseMatcher over words at one offset each: take the
// word furthest behind; while moving it on keeps it behind the next one,
// the match only gets tighter; once it passes, the match found is counted
// if its distance is within the slop, and the sweep goes on with the word
// now furthest behind, until a word runs out of positions.
double PhraseScorer::sloppy_frequency() {
    sweep_.clear();
    std::int64_t end = INT64_MIN;
    for (Part& p : parts_) {
        const std::span<const std::uint32_t> list = p.cursor.positions();
        if (list.empty()) return 0;
        const std::int64_t relative = std::int64_t{list[0]} - p.offsets.front();
        sweep_.push_back({list, 0, relative});
        end = std::max(end, relative);
    }
    // The word furthest behind, the earlier word on ties (Lucene's order);
    // and the next one's relative position.
    auto behind = [this](std::size_t& first, std::int64_t& next) {
        first = 0;
        for (std::size_t k = 1; k < sweep_.size(); ++k)
            if (sweep_[k].relative < sweep_[first].relative) first = k;
        next = INT64_MAX;
        for (std::size_t k = 0; k < sweep_.size(); ++k)
            if (k != first) next = std::min(next, sweep_[k].relative);
    };
    double freq = 0;
    std::size_t first = 0;
    std::int64_t next = 0;
    behind(first, next);
    std::int64_t distance = end - sweep_[first].relative;
    for (;;) {
        Sweep& s = sweep_[first];
        if (++s.at == s.positions.size()) break;
        s.relative = std::int64_t{s.positions[s.at]} - parts_[first].offsets.front();
        end = std::max(end, s.relative);
        if (s.relative > next) {
            if (distance <= std::int64_t{slop_})
                freq += 1.0 / (1.0 + static_cast<double>(distance));
            behind(first, next);
            distance = end - sweep_[first].relative;
        } else {
            distance = std::min(distance, end - s.relative);
        }
    }
    if (distance <= std::int64_t{slop_}) freq += 1.0 / (1.0 + static_cast<double>(distance));
    return freq;
}

std::uint32_t PhraseScorer::shallow_advance(std::uint32_t target) {
    std::uint32_t end = kLastWindowDoc;
    std::uint32_t max_freq = no_freq_bound(), min_length = 0;
    for (auto& p : parts_) {
        const std::uint32_t e = p.cursor.shallow_advance(target);
        if (e == kEndDoc) {
            window_max_ = 0;
            return kEndDoc;
        }
        end = std::min(end, e);
        combine(max_freq, min_length, p.cursor.shallow_impacts());
    }
    window_max_ = bound(max_freq, min_length);
    return end;
}

void PhraseScorer::explain(std::vector<ScorePart>& parts) {
    const std::uint32_t length = docs_.length(field_, doc_);
    parts.push_back({label_, freq_, length, bm25_.idf(), bm25_.score_frequency(freq_, length)});
}

}  // namespace scoop
