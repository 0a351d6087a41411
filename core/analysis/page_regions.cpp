#include "analysis/page_regions.h"

#include <algorithm>

#include "analysis/boilerplate.h"
#include "analysis/date_parser.h"

namespace scoop {
namespace {

// A date line holds a date and a name; more text than this is content
// under an unlucky class name.
constexpr std::size_t kMaxDateLineChars = 300;
// Inside the article a block is a link list only when most of it is links.
constexpr double kMaxLinkDensityInArticle = 0.5;
// The article's region must hold this share of the page's good prose.
constexpr double kMinShareOfProse = 0.3;

// Blocks that may stand between the article body and a lead above it.
constexpr std::size_t kMaxLeadGap = 4;
// A lead is at least this long.
constexpr std::size_t kMinLeadChars = 80;
// Below this much prose a page's regions are not judged by it.
constexpr std::size_t kMinProseForWrappers = 400;
// Lines shorter than this may introduce a link list or trail the article.
constexpr std::size_t kMaxIntroChars = 80;
constexpr std::size_t kMaxTailChars = 50;
// Bytes a date line holds besides its date ("Posted on ... by admin").
constexpr std::size_t kMaxDateLineRest = 30;
// A nested candidate replaces its ancestor when it holds this share of it.
constexpr double kNestedShare = 0.95;

int specificity(RegionKind kind) {
    switch (kind) {
        case RegionKind::kArticleBody:
            return 3;
        case RegionKind::kArticle:
            return 2;
        case RegionKind::kMain:
            return 1;
        default:
            return 0;
    }
}

bool is_candidate(RegionKind kind) {
    return kind == RegionKind::kArticleBody || kind == RegionKind::kArticle ||
           kind == RegionKind::kMain;
}

// A short block that is mostly a date: "31. Mai 2012", "Posted on March 6,
// 2009 by admin", "Updated 10:30 PM EST".
bool is_date_block(const TextBlock& block) {
    if (block.chars > 80 || block.words.words > 10) return false;
    const auto found = find_date(block.text);
    // The date must be most of it: "ab 1. Januar 2024 für Tabakwaren." is
    // a sentence with a date in it.
    return found && block.text.size() - (found->end - found->begin) <= kMaxDateLineRest;
}

}  // namespace

std::uint32_t RegionTree::open(RegionKind kind, std::uint32_t parent, std::size_t first_block) {
    regions_.push_back(Region{kind, parent, first_block, first_block});
    return static_cast<std::uint32_t>(regions_.size() - 1);
}

void RegionTree::close(std::uint32_t region, std::size_t end_block) {
    regions_[region].end_block = end_block;
}

void RegionTree::add_block(std::uint32_t region, const TextBlock& block) {
    block_region_.push_back(region);
    total_chars_ += block.chars;
    if (region == kWholePage) return;
    regions_[region].chars += block.chars;
    regions_[region].link_chars += block.link_chars;
}

void RegionTree::finish() {
    // Children come after their parents: one backward pass sums them up.
    for (std::size_t i = regions_.size(); i-- > 0;) {
        Region& r = regions_[i];
        if (is_candidate(r.kind)) r.holds_candidate = true;
        if (r.parent == kWholePage) continue;
        Region& parent = regions_[r.parent];
        parent.chars += r.chars;
        parent.link_chars += r.link_chars;
        parent.holds_candidate = parent.holds_candidate || r.holds_candidate;
    }
    // Chrome that wraps half the page and an article candidate is a layout
    // wrapper with an unlucky class name.
    for (Region& r : regions_) {
        const bool wrapper = r.holds_candidate && 2 * r.chars >= total_chars_;
        if (r.kind == RegionKind::kChrome) r.counts_as_chrome = !wrapper;
        if (r.kind == RegionKind::kDateLine)
            r.counts_as_chrome = !wrapper && r.chars <= kMaxDateLineChars;
    }
}

void RegionTree::exempt_from_chrome(std::uint32_t region) {
    regions_[region].counts_as_chrome = false;
}

bool RegionTree::within(std::uint32_t region, std::uint32_t ancestor) const {
    if (ancestor == kWholePage) return true;
    for (std::uint32_t r = region; r != kWholePage; r = regions_[r].parent)
        if (r == ancestor) return true;
    return false;
}

bool RegionTree::in_chrome(std::uint32_t region) const {
    return in_chrome_below(region, kWholePage);
}

bool RegionTree::in_chrome_below(std::uint32_t region, std::uint32_t ancestor,
                                 bool chrome_proper) const {
    for (std::uint32_t r = region; r != kWholePage && r != ancestor; r = regions_[r].parent)
        if (regions_[r].counts_as_chrome &&
            !(chrome_proper && regions_[r].kind == RegionKind::kDateLine))
            return true;
    return false;
}

bool RegionTree::in_date_line(std::uint32_t region) const {
    for (std::uint32_t r = region; r != kWholePage; r = regions_[r].parent)
        if (regions_[r].counts_as_chrome && regions_[r].kind == RegionKind::kDateLine) return true;
    return false;
}

MainText find_main_text(std::vector<TextBlock>& blocks, RegionTree& regions) {
    MainText main;
    main.block_region.resize(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
        main.block_region[i] = regions.region_of_block(i);

    // Chrome by its class name that holds half the page's prose (jusText
    // with no markup known) is the article under an unlucky name
    // ("widget blog", "cuerpo-ad"), not chrome.
    {
        WordCounts words;
        for (const TextBlock& b : blocks) words.add(b.words);
        for (TextBlock& b : blocks) b.chrome = false;
        const std::vector<bool> plain = classify_blocks(blocks, words.likeliest_language());
        std::vector<std::size_t> held(regions.regions().size(), 0);
        std::size_t page = 0;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (!plain[i]) continue;
            page += blocks[i].chars;
            for (std::uint32_t r = main.block_region[i]; r != kWholePage;
                 r = regions.regions()[r].parent)
                held[r] += blocks[i].chars;
        }
        if (page >= kMinProseForWrappers)
            for (std::uint32_t r = 0; r < held.size(); ++r)
                if (2 * held[r] >= page) regions.exempt_from_chrome(r);
    }

    // jusText over the page, chrome marked, for the share of prose.
    WordCounts page_words;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        blocks[i].chrome = regions.in_chrome(main.block_region[i]);
        if (!blocks[i].chrome) page_words.add(blocks[i].words);
    }
    const StopWordLanguage language = page_words.likeliest_language();
    std::vector<bool> prose = classify_blocks(blocks, language);
    std::size_t prose_chars = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (prose[i]) prose_chars += blocks[i].chars;

    // Prose and text per region, nested regions' included.
    const auto& all = regions.regions();
    std::vector<std::size_t> region_prose(all.size(), 0), region_text(all.size(), 0);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::size_t text = blocks[i].chars - std::min(blocks[i].chars, blocks[i].link_chars);
        for (std::uint32_t r = main.block_region[i]; r != kWholePage; r = all[r].parent) {
            if (prose[i]) region_prose[r] += blocks[i].chars;
            region_text[r] += text;
        }
    }
    // Judged by prose where the page has some, else by text.
    const bool by_prose = prose_chars >= 200;
    const auto amount = [&](std::uint32_t r) {
        return by_prose ? region_prose[r] : region_text[r];
    };
    const std::size_t page_amount = by_prose ? prose_chars : regions.total_chars();

    // The candidate holding the most, then the most specific candidate
    // inside it that holds nearly as much (an "entry-content" inside the
    // <article>, not the <main> around both).
    std::uint32_t best = kWholePage;
    for (std::uint32_t r = 0; r < all.size(); ++r) {
        if (!is_candidate(all[r].kind) || regions.in_chrome(r)) continue;
        if (best == kWholePage || amount(r) > amount(best)) best = r;
    }
    if (best != kWholePage && amount(best) >= 50 &&
        static_cast<double>(amount(best)) >= kMinShareOfProse * static_cast<double>(page_amount)) {
        const std::size_t whole = amount(best);
        for (std::uint32_t r = best + 1; r < all.size() && all[r].first_block < all[best].end_block;
             ++r) {
            if (!is_candidate(all[r].kind) || !regions.within(r, best) ||
                regions.in_chrome_below(r, best))
                continue;
            if (static_cast<double>(amount(r)) >= kNestedShare * static_cast<double>(whole) &&
                specificity(all[r].kind) >=
                    specificity(all[main.region == kWholePage ? best : main.region].kind))
                main.region = r;
        }
        if (main.region == kWholePage) main.region = best;
    }

    main.keep.assign(blocks.size(), false);
    if (main.region != kWholePage) {
        main.first_block = all[main.region].first_block;
        std::vector<std::size_t> inside;  // the region's blocks outside its chrome
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const std::uint32_t r = main.block_region[i];
            if (regions.within(r, main.region) && !regions.in_chrome_below(r, main.region))
                inside.push_back(i);
        }
        std::size_t first_prose = 0, last_prose = 0;
        bool any_prose = false;
        for (std::size_t i : inside)
            if (prose[i]) {
                if (!any_prose) first_prose = i;
                last_prose = i;
                any_prose = true;
            }
        for (std::size_t k = 0; k < inside.size(); ++k) {
            const std::size_t i = inside[k];
            const TextBlock& b = blocks[i];
            // Links are the article's only in its headline, above the prose.
            if (b.link_density() > kMaxLinkDensityInArticle &&
                !(b.heading && (!any_prose || i < first_prose)))
                continue;
            if (is_date_block(b) || is_boilerplate_line(b.text)) continue;
            // A short line that introduces a list of links ("Lesen Sie
            // auch", "You might also like:") belongs to that list.
            if (b.chars < kMaxIntroChars && any_prose && i > first_prose && k + 1 < inside.size() &&
                blocks[inside[k + 1]].link_density() > kMaxLinkDensityInArticle)
                continue;
            // After the article's last prose, only more text of its kind:
            // short lines there are the article's furniture.
            if (any_prose && i > last_prose && !prose[i] && b.chars < kMaxTailChars) continue;
            main.keep[i] = true;
        }
        // A lead paragraph the template put just before the article body
        // ("intro", "teaser", "standfirst" blocks): prose right above it.
        std::size_t skipped = 0;
        for (std::size_t i = all[main.region].first_block; i-- > 0 && skipped <= kMaxLeadGap;) {
            if (blocks[i].chrome) break;
            // Long enough to be a lead: a short credit between lead and
            // body is jusText-good by its neighbours, not a lead.
            const bool prose_like =
                blocks[i].chars >= kMinLeadChars &&
                (prose[i] || classify_block(blocks[i], language) >= BlockClass::kNearGood);
            if (prose_like && !is_boilerplate_line(blocks[i].text)) {
                main.keep[i] = true;
            } else {
                ++skipped;
            }
        }
        return main;
    }

    std::size_t kept = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        main.keep[i] =
            prose[i] && !is_boilerplate_line(blocks[i].text) && !is_date_block(blocks[i]);
        kept += main.keep[i];
    }
    if (kept == 0) {
        // Too little prose to judge by: all text outside chrome that is
        // not a link list.
        for (std::size_t i = 0; i < blocks.size(); ++i)
            main.keep[i] = !blocks[i].chrome &&
                           blocks[i].link_density() <= kMaxLinkDensityInArticle &&
                           !is_boilerplate_line(blocks[i].text);
    }
    return main;
}

}  // namespace scoop
