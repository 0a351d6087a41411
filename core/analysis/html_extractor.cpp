#include "analysis/html_extractor.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

#include "analysis/boilerplate.h"
#include "analysis/date_parser.h"
#include "analysis/html_document.h"
#include "analysis/html_metadata.h"
#include "analysis/html_prefilter.h"
#include "analysis/page_regions.h"
#include "analysis/text_blocks.h"

namespace scoop {
namespace {

constexpr std::uint32_t kNoRegion = kWholePage;
// Text gathered from one element for a date (a byline, a <time>): dates are
// short, and the bound keeps a huge element from being copied.
constexpr std::size_t kMaxDateTextBytes = 200;

bool one_of(GumboTag tag, std::initializer_list<GumboTag> tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Elements without text a reader sees, or with text that is a control's.
bool is_skipped(GumboTag tag) {
    return one_of(tag, {GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT,
                        GUMBO_TAG_TEMPLATE, GUMBO_TAG_SELECT, GUMBO_TAG_INPUT, GUMBO_TAG_TEXTAREA,
                        GUMBO_TAG_OPTION, GUMBO_TAG_CANVAS, GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO,
                        GUMBO_TAG_MAP, GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_IFRAME,
                        GUMBO_TAG_TITLE, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES});
}

bool is_block(GumboTag tag) {
    return one_of(tag,
                  {GUMBO_TAG_P,       GUMBO_TAG_DIV,        GUMBO_TAG_H1,      GUMBO_TAG_H2,
                   GUMBO_TAG_H3,      GUMBO_TAG_H4,         GUMBO_TAG_H5,      GUMBO_TAG_H6,
                   GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE,    GUMBO_TAG_MAIN,    GUMBO_TAG_BLOCKQUOTE,
                   GUMBO_TAG_UL,      GUMBO_TAG_OL,         GUMBO_TAG_DL,      GUMBO_TAG_DT,
                   GUMBO_TAG_DD,      GUMBO_TAG_LI,         GUMBO_TAG_TABLE,   GUMBO_TAG_TR,
                   GUMBO_TAG_TD,      GUMBO_TAG_TH,         GUMBO_TAG_CAPTION, GUMBO_TAG_PRE,
                   GUMBO_TAG_FIGURE,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HR,      GUMBO_TAG_ADDRESS,
                   GUMBO_TAG_CENTER,  GUMBO_TAG_FIELDSET,   GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY,
                   GUMBO_TAG_BODY,    GUMBO_TAG_HTML,       GUMBO_TAG_HEADER,  GUMBO_TAG_FOOTER,
                   GUMBO_TAG_NAV,     GUMBO_TAG_ASIDE,      GUMBO_TAG_FORM,    GUMBO_TAG_LEGEND,
                   GUMBO_TAG_HGROUP,  GUMBO_TAG_MENU,       GUMBO_TAG_DIR,     GUMBO_TAG_OPTGROUP,
                   GUMBO_TAG_TBODY,   GUMBO_TAG_THEAD,      GUMBO_TAG_TFOOT});
}

int heading_level(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_H1:
            return 1;
        case GUMBO_TAG_H2:
            return 2;
        case GUMBO_TAG_H3:
            return 3;
        case GUMBO_TAG_H4:
            return 4;
        case GUMBO_TAG_H5:
            return 5;
        case GUMBO_TAG_H6:
            return 6;
        default:
            return 0;
    }
}

// The attributes the walker looks at, read in one pass over the element's
// attributes (looking each up costs a scan of them all).
struct ElementAttributes {
    std::string_view class_list, id, style, role, itemprop, itemtype, title;
    bool hidden = false, aria_hidden = false, href = false;

    explicit ElementAttributes(const GumboNode* node) {
        const GumboVector& attributes = node->v.element.attributes;
        for (unsigned i = 0; i < attributes.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
            const std::string_view name(a->name);
            const std::string_view value(a->value);
            if (name == "class") {
                class_list = value;
            } else if (name == "id") {
                id = value;
            } else if (name == "style") {
                style = value;
            } else if (name == "role") {
                role = value;
            } else if (name == "itemprop") {
                itemprop = value;
            } else if (name == "itemtype") {
                itemtype = value;
            } else if (name == "title") {
                title = value;
            } else if (name == "hidden") {
                hidden = true;
            } else if (name == "aria-hidden") {
                aria_hidden = value == "true";
            } else if (name == "href") {
                href = true;
            }
        }
    }
};

// display:none, visibility:hidden, the hidden attribute, aria-hidden.
bool is_hidden(const ElementAttributes& a) {
    if (a.hidden || a.aria_hidden) return true;
    const std::string_view style = a.style;
    if (style.empty()) return false;
    std::string squeezed;
    for (char c : style)
        if (c != ' ' && c != '\t' && c != '\n') squeezed += (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return squeezed.find("display:none") != std::string::npos ||
           squeezed.find("visibility:hidden") != std::string::npos;
}

// Lower-case class and id, with WordPress's state classes that name no
// part of the page ("comments-open" on the <body> or <article>) removed.
std::string class_and_id(const ElementAttributes& a) {
    static constexpr std::string_view kStates[] = {
        "comments-open", "comments-closed", "has-sidebar",  "no-sidebar",  "with-sidebar",
        "sidebar-right", "sidebar-left",    "has-comments", "no-comments",
    };
    std::string key = " ";
    for (const std::string_view value : {a.class_list, a.id}) {
        for (std::size_t i = 0; i < value.size();) {
            while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n'))
                ++i;
            std::size_t end = i;
            while (end < value.size() && value[end] != ' ' && value[end] != '\t' &&
                   value[end] != '\n')
                ++end;
            std::string token(value.substr(i, end - i));
            for (char& c : token)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            i = end;
            if (token.empty() ||
                std::find(std::begin(kStates), std::end(kStates), token) != std::end(kStates))
                continue;
            key += token;
            key += ' ';
        }
    }
    return key;
}

bool contains_any(const std::string& key, std::initializer_list<std::string_view> parts) {
    for (std::string_view part : parts)
        if (key.find(part) != std::string::npos) return true;
    return false;
}

// Whole tokens of a class or id list ("ad", "nav"), split at anything
// that is not a letter or digit.
bool has_token(const std::string& key, std::initializer_list<std::string_view> tokens) {
    std::size_t i = 0;
    while (i < key.size()) {
        while (i < key.size() && !std::isalnum(static_cast<unsigned char>(key[i]))) ++i;
        std::size_t end = i;
        while (end < key.size() && std::isalnum(static_cast<unsigned char>(key[end]))) ++end;
        const std::string_view token(key.data() + i, end - i);
        for (std::string_view t : tokens)
            if (token == t) return true;
        i = end;
    }
    return false;
}

// Whether a class or id list names site chrome: a token ("nav",
// "sidebar", "comments"; tokens split at anything not a letter or digit),
// a token's start ("commentlist", "sharebar"), or a compound written with
// hyphens ("post-navigation"). Whole tokens, so that "node--promoted" is
// not "promo".
bool names_chrome(const std::string& key) {
    static constexpr std::string_view kTokens[] = {
        "nav",        "navbar",      "navigation",      "menu",        "menus",         "sidebar",
        "widget",     "footer",      "breadcrumb",      "breadcrumbs", "cookie",        "cookies",
        "newsletter", "subscribe",   "subscription",    "advert",      "advertisement", "ad",
        "ads",        "banner",      "sponsor",         "sponsored",   "promo",         "related",
        "share",      "sharing",     "shares",          "social",      "comments",      "comment",
        "tags",       "tagcloud",    "taglist",         "pagination",  "pager",         "popup",
        "modal",      "recommended", "recommendations", "trending",    "outbrain",      "taboola",
        "disqus",     "yarpp",       "addtoany",        "sharedaddy",  "shariff",       "rss",
        "toolbar",    "masthead",    "topbar",          "slider",      "carousel",      "caption",
        "credit",     "credits",     "copyright",       "disclaimer",  "login",         "signup",
        "rating",     "ratings",     "byline-social",   "gallery",     "lightbox",      "overlay",
    };
    static constexpr std::string_view kPrefixes[] = {
        "comment",    "related",    "sharebar", "shareaholic", "social",   "sidebar",
        "breadcrumb", "newsletter", "advert",   "navbar",      "menu",     "footer",
        "cookie",     "recommend",  "sponsor",  "pagination",  "tagcloud", "subscri",
    };
    static constexpr std::string_view kCompounds[] = {
        "post-navigation", "nav-links",       "more-articles",   "further-reading",
        "read-also",       "also-read",       "most-read",       "mostread",
        "most-popular",    "author-box",      "authorbox",       "about-author",
        "author-bio",      "skip-link",       "screen-reader",   "sr-only",
        "visually-hidden", "image-credit",    "photo-credit",    "bildunterschrift",
        "post-tags",       "entry-tags",      "article-tags",    "teaser-list",
        "print-only",      "jp-relatedposts", "wp-caption-text", "infobox-related",
    };
    for (std::string_view compound : kCompounds)
        if (key.find(compound) != std::string::npos) return true;
    for (std::size_t i = 0; i < key.size();) {
        while (i < key.size() && !std::isalnum(static_cast<unsigned char>(key[i]))) ++i;
        std::size_t end = i;
        while (end < key.size() && std::isalnum(static_cast<unsigned char>(key[end]))) ++end;
        const std::string_view token(key.data() + i, end - i);
        i = end;
        if (token.empty()) continue;
        for (std::string_view t : kTokens)
            if (token == t) return true;
        for (std::string_view prefix : kPrefixes)
            if (token.starts_with(prefix)) return true;
    }
    return false;
}

// What the markup says an element is. The names are the ones page
// templates use (trafilatura's and readability's lists), which are English
// whatever the language of the page.
RegionKind region_kind(const GumboNode* node, const ElementAttributes& a, bool in_candidate) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) return RegionKind::kNone;
    // Captions and credits of pictures are not the article's text; nor are
    // controls and drawings. An unclosed <button> or <svg> that the HTML5
    // algorithm wraps around the article is a wrapper (page_regions.h).
    if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return RegionKind::kChrome;
    if (one_of(tag, {GUMBO_TAG_NAV, GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE, GUMBO_TAG_MENU,
                     GUMBO_TAG_FIGCAPTION, GUMBO_TAG_BUTTON, GUMBO_TAG_LABEL}))
        return RegionKind::kChrome;
    const std::string_view role = a.role;
    if (role == "navigation" || role == "complementary" || role == "contentinfo" ||
        role == "banner" || role == "search" || role == "menu" || role == "menubar")
        return RegionKind::kChrome;
    if (a.itemprop == "articleBody") return RegionKind::kArticleBody;
    // Class names mark containers; inline elements are not looked at.
    if (!is_block(tag) && tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_TIME) return RegionKind::kNone;
    if (a.class_list.empty() && a.id.empty() && a.itemtype.empty()) {
        if (tag == GUMBO_TAG_HEADER && !in_candidate) return RegionKind::kChrome;
        if (tag == GUMBO_TAG_ARTICLE) return RegionKind::kArticle;
        if (tag == GUMBO_TAG_MAIN) return RegionKind::kMain;
        return RegionKind::kNone;
    }
    const std::string key = class_and_id(a);
    if (key.find("comment") == std::string::npos &&
        contains_any(key,
                     {"articlebody",      "article-body",   "article__body",   "article_body",
                      "articletext",      "article-text",   "article__text",   "article-content",
                      "article__content", "articlecontent", "entry-content",   "entry_content",
                      "entrycontent",     "post-content",   "post_content",    "postcontent",
                      "post-body",        "postbody",       "post-text",       "posttext",
                      "post-entry",       "postentry",      "story-body",      "storybody",
                      "story-content",    "storycontent",   "body-text",       "bodytext",
                      "text-content",     "field-body",     "field-name-body", "news-text",
                      "newstext",         "single-content", "blog-content",    "td-post-content",
                      "rich-text",        "richtext",       "content-body",    "contentbody",
                      "content__body",    "main-text",      "maintext",        "fulltext",
                      "full-text",        "article-main",   "article__main",   "artikel",
                      "beitrag"}))
        return RegionKind::kArticleBody;
    if (names_chrome(key)) return RegionKind::kChrome;
    // A page's <header> (logo, menus); one inside the article holds its
    // headline and lead.
    if (tag == GUMBO_TAG_HEADER && !in_candidate) return RegionKind::kChrome;
    if (contains_any(key,
                     {"byline",    "author",       "posted",       "published",    "timestamp",
                      "dateline",  "entry-meta",   "post-meta",    "article-meta", "meta-info",
                      "post-info", "entry-info",   "article-info", "postmeta",     "entry-date",
                      "post-date", "article-date", "pubdate",      "date-time",    "datetime"}) ||
        has_token(key, {"date", "meta", "time", "info", "datum", "autor"}))
        return RegionKind::kDateLine;
    const std::string_view itemtype = a.itemtype;
    if (tag == GUMBO_TAG_ARTICLE || itemtype.find("Article") != std::string_view::npos ||
        itemtype.find("BlogPosting") != std::string_view::npos ||
        has_token(key, {"article", "post", "entry", "story", "hentry", "blogpost", "blog-post"}))
        return RegionKind::kArticle;
    if (tag == GUMBO_TAG_MAIN || role == "main" ||
        has_token(key, {"content", "main", "maincontent", "primary"}) ||
        contains_any(key, {"main-content", "content-main", "page-content", "site-content"}))
        return RegionKind::kMain;
    return RegionKind::kNone;
}

// Counts the code points of text other than whitespace.
std::size_t visible_chars(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') ++n;
    return n;
}

// The page walked into text blocks and the regions (chrome, article
// candidates) they lie in.
class PageWalker {
  public:
    PageWalker(std::vector<TextBlock>& blocks, RegionTree& regions)
        : blocks_(blocks), regions_(regions) {}

    void walk(const GumboNode* root) {
        struct Frame {
            const GumboNode* node;
            unsigned next_child;
            bool opened_region;
            bool link;
            int heading;
            bool pre;
        };
        std::vector<Frame> stack;
        auto enter = [&](const GumboNode* node) {
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
                node->type == GUMBO_NODE_CDATA) {
                add_text(node->v.text.text);
                return;
            }
            if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
            Frame frame{node, 0, false, false, 0, false};
            if (node->type == GUMBO_NODE_ELEMENT) {
                const GumboElement& e = node->v.element;
                if (is_skipped(e.tag) && e.tag_namespace == GUMBO_NAMESPACE_HTML) return;
                const ElementAttributes attributes(node);
                if (is_hidden(attributes)) return;
                if (e.tag == GUMBO_TAG_BR) {
                    line_break();
                    return;
                }
                if (e.tag == GUMBO_TAG_TIME) note_time(node);
                if (attributes.itemprop == "datePublished") note_itemprop_date(node);
                // hAtom's <abbr class="published" title="2016-12-23T05:11:00-05:00">.
                if (!attributes.title.empty() &&
                    attributes.class_list.find("published") != std::string_view::npos)
                    dates_.push_back({std::string(attributes.title), current_region(),
                                      blocks_.size(), kRankTimeInArticle});
                if (is_block(e.tag)) flush();
                const RegionKind kind = region_kind(node, attributes, in_candidate());
                if (kind != RegionKind::kNone) {
                    open_regions_.push_back(regions_.open(kind, current_region(), blocks_.size()));
                    frame.opened_region = true;
                    if (kind == RegionKind::kDateLine) note_date_element(node);
                }
                frame.link = e.tag == GUMBO_TAG_A && attributes.href;
                frame.heading = heading_level(e.tag);
                frame.pre = e.tag == GUMBO_TAG_PRE;
                if (frame.link) ++link_depth_;
                if (frame.heading) headings_.push_back(frame.heading);
                if (frame.pre) ++pre_depth_;
                if (frame.heading == 1) h1_start_ = blocks_.size();
            }
            stack.push_back(frame);
        };
        enter(root);
        while (!stack.empty()) {
            Frame& top = stack.back();
            const GumboVector& children = top.node->type == GUMBO_NODE_DOCUMENT
                                              ? top.node->v.document.children
                                              : top.node->v.element.children;
            if (top.next_child < children.length) {
                const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
                enter(child);
                continue;
            }
            const Frame done = top;
            stack.pop_back();
            if (done.node->type != GUMBO_NODE_ELEMENT) continue;
            if (is_block(done.node->v.element.tag)) flush();
            if (done.heading == 1) note_h1();
            if (done.link) --link_depth_;
            if (done.heading) headings_.pop_back();
            if (done.pre) --pre_depth_;
            if (done.opened_region) {
                regions_.close(open_regions_.back(), blocks_.size());
                open_regions_.pop_back();
            }
        }
        flush();
    }

    struct H1 {
        std::string text;
        std::uint32_t region = kNoRegion;
    };
    const std::vector<H1>& h1s() const { return h1s_; }

    struct DateNote {
        std::string text;
        std::uint32_t region;
        std::size_t block;  // blocks before it
        int rank;
    };
    const std::vector<DateNote>& dates() const { return dates_; }

  private:
    bool in_candidate() const {
        for (std::uint32_t r : open_regions_) {
            const RegionKind k = regions_.regions()[r].kind;
            if (k == RegionKind::kArticleBody || k == RegionKind::kArticle ||
                k == RegionKind::kMain)
                return true;
        }
        return false;
    }

    std::uint32_t current_region() const {
        return open_regions_.empty() ? kNoRegion : open_regions_.back();
    }

    void add_text(std::string_view text) {
        const bool in_link = link_depth_ > 0;
        if (pre_depth_ > 0) {
            for (char c : text) {
                if (c == '\n') {
                    line_break();
                } else {
                    line_ += c;
                }
            }
        } else {
            for (std::size_t i = 0; i < text.size(); ++i) {
                const char c = text[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    pending_space_ = true;
                    continue;
                }
                // A no-break space reads as a space.
                if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
                    pending_space_ = true;
                    ++i;
                    continue;
                }
                if (pending_space_ && !line_.empty()) line_ += ' ';
                pending_space_ = false;
                line_ += c;
            }
        }
        if (in_link) link_chars_ += visible_chars(text);
    }

    void line_break() {
        const std::string_view line = trim_line(line_);
        if (!line.empty()) {
            if (!text_.empty()) text_ += '\n';
            text_ += line;
        }
        line_.clear();
        pending_space_ = false;
    }

    void flush() {
        line_break();
        if (text_.empty()) {
            link_chars_ = 0;
            return;
        }
        TextBlock block;
        block.text = std::move(text_);
        measure_block(block);
        block.link_chars = std::min(link_chars_, block.chars);
        block.heading = !headings_.empty();
        blocks_.push_back(std::move(block));
        regions_.add_block(current_region(), blocks_.back());
        text_.clear();
        link_chars_ = 0;
    }

    void note_h1() {
        // The <h1> just closed is the last block (or blocks) flushed.
        if (h1_start_ >= blocks_.size()) return;
        std::string text;
        for (std::size_t i = h1_start_; i < blocks_.size() && text.size() < 1000; ++i) {
            if (!text.empty()) text += ' ';
            text += blocks_[i].text;
        }
        std::replace(text.begin(), text.end(), '\n', ' ');
        h1s_.push_back({std::move(text), current_region()});
    }

    // The text of a small element, bounded, for the date finder.
    static std::string element_text(const GumboNode* node) {
        std::string out;
        std::vector<const GumboNode*> stack{node};
        std::size_t visited = 0;
        while (!stack.empty() && out.size() < kMaxDateTextBytes && ++visited < 200) {
            const GumboNode* n = stack.back();
            stack.pop_back();
            if (n->type == GUMBO_NODE_TEXT) {
                out += n->v.text.text;
                out += ' ';
            } else if (n->type == GUMBO_NODE_ELEMENT && !is_skipped(n->v.element.tag)) {
                const GumboVector& c = n->v.element.children;
                for (unsigned i = c.length; i-- > 0;)
                    stack.push_back(static_cast<const GumboNode*>(c.data[i]));
            }
        }
        return out;
    }

    void note_time(const GumboNode* node) {
        std::string text(attribute(node, "datetime"));
        if (text.empty()) text = element_text(node);
        dates_.push_back({std::move(text), current_region(), blocks_.size(), kRankTimeInArticle});
    }

    void note_itemprop_date(const GumboNode* node) {
        std::string text(attribute(node, "content"));
        if (text.empty()) text = attribute(node, "datetime");
        if (text.empty()) text = element_text(node);
        dates_.push_back({std::move(text), current_region(), blocks_.size(), kRankItempropElement});
    }

    void note_date_element(const GumboNode* node) {
        dates_.push_back(
            {element_text(node), current_region(), blocks_.size(), kRankDateElementInArticle});
    }

    std::vector<TextBlock>& blocks_;
    RegionTree& regions_;
    std::vector<std::uint32_t> open_regions_;
    std::vector<int> headings_;
    std::string line_, text_;
    bool pending_space_ = false;
    std::size_t link_chars_ = 0;
    int link_depth_ = 0;
    int pre_depth_ = 0;
    std::size_t h1_start_ = 0;
    std::vector<H1> h1s_;
    std::vector<DateNote> dates_;
};

// At most kMaxTitleBytes, cut at a space where there is one, never inside
// a UTF-8 sequence.
std::string shorten_title(std::string title) {
    if (title.size() <= kMaxTitleBytes) return title;
    std::size_t cut = title.rfind(' ', kMaxTitleBytes);
    if (cut == std::string::npos || cut < kMaxTitleBytes / 2) {
        cut = kMaxTitleBytes;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
    }
    title.resize(cut);
    title += "\u2026";
    return title;
}

std::string join_blocks(const std::vector<TextBlock>& blocks, const std::vector<bool>& keep) {
    std::string body;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!keep[i]) continue;
        if (!body.empty()) body += "\n\n";
        body += blocks[i].text;
    }
    return body;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The offset of the publisher's zone, when `html` writes the instant
// `utc` (a time written in UTC) again with a non-zero offset, as sites
// do in their scripts and JSON-LD ("2023-11-09T02:11:03+00:00" beside
// "2023-11-08T21:11:03-05:00"): only the same instant is evidence.
std::optional<int> zone_of_same_instant(std::string_view html, Timestamp utc) {
    for (std::size_t t = html.find('T', 10); t != std::string_view::npos;
         t = html.find('T', t + 1)) {
        // YYYY-MM-DDTHH:MM
        const std::size_t begin = t - 10;
        if (!is_digit(html[begin]) || html[begin + 4] != '-' || html[begin + 7] != '-' ||
            t + 6 > html.size() || !is_digit(html[t + 1]) || html[t + 3] != ':')
            continue;
        std::size_t end = t + 1;
        while (end < html.size() && end - begin < 40 &&
               (is_digit(html[end]) || html[end] == ':' || html[end] == '.' || html[end] == '+' ||
                html[end] == '-'))
            ++end;
        const auto date = parse_written_date(html.substr(begin, end - begin));
        if (date && date->has_time && date->utc_offset && *date->utc_offset != 0 &&
            date->local - *date->utc_offset == utc)
            return date->utc_offset;
    }
    return std::nullopt;
}

}  // namespace

Article extract_html_article(std::string_view utf8) {
    const PrefilteredHtml page = prefilter_html(utf8);
    const HtmlDocument document(page.html);
    std::vector<TextBlock> blocks;
    RegionTree regions;
    PageWalker walker(blocks, regions);
    walker.walk(document.root());
    regions.finish();

    const MainText main = find_main_text(blocks, regions);
    PageMetadata metadata = read_page_metadata(document.root(), page.json_ld);

    Article article;
    article.body = join_blocks(blocks, main.keep);
    article.source = metadata.site_name;
    article.url = metadata.url;

    // The article's <h1>: the first in the main region, else the first
    // outside chrome, else the first at all.
    std::string_view h1;
    bool h1_in_article = false;
    for (const auto& h : walker.h1s())
        if (main.region != kWholePage && regions.within(h.region, main.region)) {
            h1 = h.text;
            h1_in_article = true;
            break;
        }
    if (h1.empty())
        for (const auto& h : walker.h1s())
            if (!regions.in_chrome(h.region)) {
                h1 = h.text;
                break;
            }
    if (h1.empty() && !walker.h1s().empty()) h1 = walker.h1s().front().text;
    article.title = shorten_title(choose_title(metadata, h1, h1_in_article));

    // Dates in the body: inside the main region, not in chrome (a teaser's
    // <time>), then the URL, then anywhere.
    std::optional<DateClaim> date = metadata.published;
    for (const auto& note : walker.dates()) {
        // A date line is where dates belong; only chrome proper (a
        // sidebar's teasers) disqualifies one.
        const bool inside = regions.within(note.region, main.region) &&
                            !regions.in_chrome_below(note.region, main.region, true);
        if (inside) {
            offer_date_claim(date, note.text, note.rank);
        } else if (!regions.in_chrome_below(note.region, kWholePage, true)) {
            // Outside the text but not in chrome: a header's byline above
            // it. An itemprop datePublished says whose date it is there too.
            if (note.rank == kRankItempropElement)
                offer_date_claim(date, note.text, kRankItempropElement);
            else if (note.rank == kRankTimeInArticle)
                offer_date_claim(date, note.text, kRankTimeAnywhere);
        }
    }
    if (!date || date->rank > kRankUrl) {
        if (const auto in_url = date_in_url(article.url)) {
            date = DateClaim{*in_url, article.url, kRankUrl};
        }
    }
    if (!date || date->rank > kRankTextInArticle) {
        // A date line at the top of the article's text.
        std::size_t seen = 0;
        for (std::size_t i = main.first_block; i < blocks.size() && seen < 12; ++i) {
            if (!regions.within(main.block_region[i], main.region)) continue;
            ++seen;
            if (blocks[i].chars > 120) continue;
            if (const auto found = find_date(blocks[i].text)) {
                offer_date_claim(date,
                                 blocks[i].text.substr(found->begin, found->end - found->begin),
                                 kRankTextInArticle);
                break;
            }
        }
    }
    // The first date of blocks [first, end) that `eligible` accepts, when
    // nothing better was found.
    const auto first_date_in = [&](std::size_t first, std::size_t end, int rank, auto eligible) {
        for (std::size_t i = first; i < end && !date; ++i) {
            if (blocks[i].chars > 200 || !eligible(i)) continue;
            if (const auto found = find_date(blocks[i].text))
                offer_date_claim(
                    date, blocks[i].text.substr(found->begin, found->end - found->begin), rank);
        }
    };
    // The first date written anywhere outside chrome.
    first_date_in(0, blocks.size(), kRankTextAnywhere, [&](std::size_t i) {
        return !blocks[i].chrome || regions.in_date_line(main.block_region[i]);
    });
    if (!date && metadata.modified) date = metadata.modified;
    // Nothing else: a date in the page's furniture, the article's own footer
    // first ("Dieser Artikel wurde am 14. Dezember 2015 um 14:48
    // veröffentlicht", "Posted on ..."), which comes after its start.
    const auto any = [](std::size_t) { return true; };
    first_date_in(main.first_block, blocks.size(), kRankChromeAnywhere, any);
    first_date_in(0, std::min(main.first_block, blocks.size()), kRankChromeAnywhere, any);
    if (date && date->date.has_time && date->date.utc_offset == 0) {
        // A time in UTC is a machine's form: in the publisher's zone it
        // has the day the article was published on where it was.
        if (const auto zone = zone_of_same_instant(utf8, date->date.local)) {
            date->date.local += *zone;
            date->date.utc_offset = zone;
        }
    }
    if (date) {
        article.date = date->date.local;
        article.date_text = date->text;
        article.date_utc_offset = date->date.utc_offset;
    }
    return article;
}

}  // namespace scoop
