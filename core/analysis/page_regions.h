#pragma once

#include <cstdint>
#include <vector>

#include "analysis/text_blocks.h"

namespace scoop {

// What an element's name, class, id or role says its part of a page is.
enum class RegionKind : std::uint8_t {
    kNone,
    kChrome,       // navigation, sidebars, comments, "related", sharing, ads, footers
    kDateLine,     // a date, byline or author box: metadata, not text
    kArticleBody,  // itemprop=articleBody, "entry-content", "article-body", ...
    kArticle,      // <article>, "post", "story", an Article itemtype
    kMain,         // <main>, role=main, "content", "main-content"
};

inline constexpr std::uint32_t kWholePage = static_cast<std::uint32_t>(-1);

// The regions of a page in document order, nested as the elements that
// make them, with the text of the blocks in each.
class RegionTree {
  public:
    // Opens a region inside `parent` (kWholePage at the top); returns its id.
    std::uint32_t open(RegionKind kind, std::uint32_t parent, std::size_t first_block);
    void close(std::uint32_t region, std::size_t end_block);
    // Records the next block of the page as lying in `region`.
    void add_block(std::uint32_t region, const TextBlock& block);
    // Sums the text of nested regions into their ancestors and decides
    // which chrome regions count (see in_chrome). Call once, after the walk.
    void finish();
    // Makes a region marked chrome count as content after all.
    void exempt_from_chrome(std::uint32_t region);

    // `region` is `ancestor` or lies inside it; everything lies in kWholePage.
    bool within(std::uint32_t region, std::uint32_t ancestor) const;
    // `region` lies in chrome or a date line. A region marked chrome that
    // holds half the page's text and an article candidate is a page wrapper
    // with an unlucky class name and does not count.
    bool in_chrome(std::uint32_t region) const;
    // As in_chrome, counting only regions inside `ancestor`; with
    // `chrome_proper`, date lines do not count.
    bool in_chrome_below(std::uint32_t region, std::uint32_t ancestor,
                         bool chrome_proper = false) const;
    // `region` lies in a date line (that counts).
    bool in_date_line(std::uint32_t region) const;

    struct Region {
        RegionKind kind;
        std::uint32_t parent;
        std::size_t first_block = 0, end_block = 0;
        std::size_t chars = 0, link_chars = 0;  // of its blocks, nested regions' included
        bool holds_candidate = false;           // an article candidate inside
        bool counts_as_chrome = false;
    };
    const std::vector<Region>& regions() const { return regions_; }
    std::uint32_t region_of_block(std::size_t block) const { return block_region_[block]; }
    std::size_t total_chars() const { return total_chars_; }

  private:
    std::vector<Region> regions_;
    std::vector<std::uint32_t> block_region_;
    std::size_t total_chars_ = 0;
};

// The page's main text: which blocks to keep, and the region they were
// found in (kWholePage when no region held the article).
struct MainText {
    std::vector<bool> keep;
    std::uint32_t region = kWholePage;
    std::size_t first_block = 0;
    std::vector<std::uint32_t> block_region;
};

// Chooses the article's region as trafilatura does (the most specific
// article-body markup first, then <article>, then the main content area)
// when it holds a fair share of the page's prose, and keeps its blocks less
// chrome, date lines, link lists and furniture lines; without one, jusText
// over the whole page. A page too small for either keeps all its text
// outside chrome. Sets each block's `chrome` flag from its regions.
MainText find_main_text(std::vector<TextBlock>& blocks, RegionTree& regions);

}  // namespace scoop
