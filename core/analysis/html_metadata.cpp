#include "analysis/html_metadata.h"

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <vector>

#include "analysis/boilerplate.h"
#include "analysis/html_document.h"
#include "analysis/html_entities.h"

namespace scoop {
namespace {

// JSON-LD blocks beyond these are not read: real ones are a few KB deep
// enough for a graph of a page and its publisher.
constexpr std::size_t kMaxJsonLdBytes = 1 << 20;
constexpr int kMaxJsonLdDepth = 32;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), s) != names.end();
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Ranks of the metadata sources. Publication dates first: the main
// entity's JSON-LD, the Open Graph article time and its kin, then the
// general date metas, which rank below a <time> in the article: CMSs
// fill "date" and "dcterms.date" with the page's generation date.
int published_meta_rank(std::string_view key) {
    if (one_of(key, {"article:published_time",
                     "og:article:published_time",
                     "og:published_time",
                     "article.published",
                     "article:published",
                     "datepublished",
                     "parsely-pub-date",
                     "sailthru.date",
                     "publish-date",
                     "publish_date",
                     "publishdate",
                     "pubdate",
                     "publication_date",
                     "publication-date",
                     "originalpublicationdate",
                     "article_date_original",
                     "cxenseparse:recs:publishtime",
                     "rnews:datepublished",
                     "dc.date.issued",
                     "dcterms.issued",
                     "dc.date.created",
                     "dcterms.created",
                     "citation_publication_date",
                     "prism.publicationdate",
                     "uploaddate",
                     "datecreated",
                     "og:pubdate",
                     "pub_date",
                     "date_published",
                     "article:post_date",
                     "release_date",
                     "created",
                     "bt:pubdate"}))
        return 2;
    if (one_of(key, {"date", "dc.date", "dcterms.date", "citation_date", "dc:date",
                     "sailthru.date.published", "dc.date.available", "dcterms.available",
                     "timestamp", "displaydate", "ptime", "pdate", "live_date"}))
        return kRankGenericDateMeta;
    return -1;
}

bool is_modified_key(std::string_view key) {
    return one_of(key, {"article:modified_time", "og:updated_time", "datemodified",
                        "dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
                        "revised", "article:modified", "modified"});
}

bool is_article_type(std::string_view type) {
    return type.find("Article") != std::string_view::npos ||
           one_of(type, {"BlogPosting", "Report", "VideoObject", "LiveBlogPosting",
                         "SocialMediaPosting", "Review", "Recipe", "PodcastEpisode", "Event",
                         "CreativeWork", "Blog", "Posting"});
}

// The nesting depth of a JSON text, strings skipped; stops counting past
// the limit.
int json_depth(std::string_view text) {
    int depth = 0, max_depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            max_depth = std::max(max_depth, ++depth);
            if (max_depth > kMaxJsonLdDepth) return max_depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return max_depth;
}

std::string json_text(const nlohmann::json& value) {
    if (value.is_string()) return collapse_spaces(decode_html_entities(value.get<std::string>()));
    if (value.is_object()) {
        for (const char* key : {"name", "@value"})
            if (auto it = value.find(key); it != value.end() && it->is_string())
                return collapse_spaces(decode_html_entities(it->get<std::string>()));
    }
    if (value.is_array() && !value.empty()) return json_text(value.front());
    return {};
}

class JsonLdReader {
  public:
    explicit JsonLdReader(PageMetadata& out) : out_(out) {}

    void read(const std::string& text) {
        if (text.size() > kMaxJsonLdBytes || json_depth(text) > kMaxJsonLdDepth) return;
        nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
        if (doc.is_discarded()) {
            // Sites write raw tabs and line breaks inside strings, which
            // JSON forbids and browsers' consumers (search engines) accept:
            // as spaces they change no date or headline.
            std::string relaxed = text;
            for (char& c : relaxed)
                if (static_cast<unsigned char>(c) < 0x20) c = ' ';
            doc = nlohmann::json::parse(relaxed, nullptr, false);
            if (doc.is_discarded()) return;
        }
        visit(doc, 0);
    }

  private:
    void visit(const nlohmann::json& value, int depth) {
        if (depth > kMaxJsonLdDepth) return;
        if (value.is_array()) {
            for (const auto& item : value) visit(item, depth + 1);
            return;
        }
        if (!value.is_object()) return;
        bool article = false;
        if (auto type = value.find("@type"); type != value.end()) {
            if (type->is_string()) article = is_article_type(type->get<std::string>());
            if (type->is_array())
                for (const auto& t : *type)
                    article = article || (t.is_string() && is_article_type(t.get<std::string>()));
        }
        for (const auto& [key, item] : value.items()) {
            if (key == "datePublished" || key == "dateCreated" || key == "uploadDate") {
                const std::string text = json_text(item);
                // The article's own publication date before any other
                // object's (a publisher's founding, a comment's date).
                const int rank = article ? (key == "datePublished" ? 0 : 1) : 3;
                offer_date_claim(out_.published, text, rank);
            } else if (key == "dateModified") {
                offer_date_claim(out_.modified, json_text(item), article ? 0 : 1);
            } else if (key == "headline" && article && out_.headline.empty()) {
                out_.headline = json_text(item);
            } else if (key == "publisher" && article && out_.site_name.empty()) {
                site_name_ = json_text(item);
            } else if (item.is_object() || item.is_array()) {
                visit(item, depth + 1);
            }
        }
    }

  public:
    std::string site_name_;

  private:
    PageMetadata& out_;
};

std::string_view trim_view(std::string_view s) {
    return trim_line(s);
}

// Letters and digits only, lower case ASCII: "DER SPIEGEL" and
// "spiegel.de" compare as "derspiegel" and "spiegelde".
std::string squeeze(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 static_cast<unsigned char>(c) >= 0x80)
            out += c;
    }
    return out;
}

// "www.spiegel.de" -> "spiegel": the name a site's domain spells.
std::string domain_name(std::string_view url) {
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : start + 3;
    std::size_t end = url.find_first_of("/:?#", start);
    std::string_view host =
        url.substr(start, end == std::string_view::npos ? url.size() - start : end - start);
    const std::size_t last_dot = host.rfind('.');
    if (last_dot == std::string_view::npos) return {};
    host = host.substr(0, last_dot);
    const std::size_t dot = host.rfind('.');
    if (dot != std::string_view::npos) host = host.substr(dot + 1);
    return squeeze(host);
}

// Separators between a headline and a site name.
constexpr std::string_view kTitleSeparators[] = {
    " | ",        " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
    " \xC2\xBB ", " / ", " || ",           " \xE2\x80\xBA ", " : "};

std::vector<std::string_view> split_title(std::string_view title) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < title.size(); ++i) {
        for (std::string_view sep : kTitleSeparators) {
            if (title.substr(i, sep.size()) == sep) {
                parts.push_back(trim_view(title.substr(start, i - start)));
                start = i + sep.size();
                i = start - 1;
                break;
            }
        }
    }
    parts.push_back(trim_view(title.substr(start)));
    std::erase_if(parts, [](std::string_view p) { return p.empty(); });
    return parts;
}

bool names_site(std::string_view part, const std::string& site, const std::string& domain) {
    const std::string key = squeeze(part);
    if (key.empty()) return false;
    if (!site.empty() && (key == site || (key.size() >= 4 && site.find(key) != std::string::npos) ||
                          (site.size() >= 4 && key.find(site) != std::string::npos)))
        return true;
    return domain.size() >= 3 && key.find(domain) != std::string::npos &&
           key.size() <= domain.size() + 12;
}

// The title less the parts that name the site.
std::string strip_site(std::string_view title, const PageMetadata& m) {
    const std::vector<std::string_view> parts = split_title(title);
    if (parts.size() < 2) return std::string(title);
    const std::string site = squeeze(m.site_name);
    const std::string domain = domain_name(m.url);
    std::vector<std::string_view> kept;
    for (std::string_view p : parts)
        if (!names_site(p, site, domain)) kept.push_back(p);
    if (kept.empty() || kept.size() == parts.size()) {
        // Nothing names the site: only an edge part that is all capitals
        // or one short word cannot be the headline's own.
        return std::string(title);
    }
    // The headline is what is left; with several parts left (a section
    // name), the longest.
    std::string_view best = kept.front();
    if (kept.size() > 1) {
        // Rejoin what lies between the first and last kept part.
        const std::size_t begin = static_cast<std::size_t>(kept.front().data() - title.data());
        const std::size_t end =
            static_cast<std::size_t>(kept.back().data() + kept.back().size() - title.data());
        best = title.substr(begin, end - begin);
    }
    return std::string(best);
}

// The title less the edge part whose squeezed form is `site_key`.
std::string strip_site_part(std::string_view title, const std::string& site_key,
                            const PageMetadata& m) {
    std::vector<std::string_view> parts = split_title(title);
    if (!parts.empty() && squeeze(parts.back()) == site_key) parts.pop_back();
    if (parts.empty()) return std::string(title);
    const std::size_t begin = static_cast<std::size_t>(parts.front().data() - title.data());
    const std::size_t end =
        static_cast<std::size_t>(parts.back().data() + parts.back().size() - title.data());
    return strip_site(title.substr(begin, end - begin), m);
}

}  // namespace

void offer_date_claim(std::optional<DateClaim>& slot, std::string_view text, int rank) {
    if (slot && slot->rank <= rank) return;
    const std::string decoded = collapse_spaces(text);
    if (decoded.empty() || decoded.size() > 100) return;
    auto date = parse_written_date(decoded);
    if (!date) {
        // "Di., 25.01.2022 - 14:45", "Published: March 6, 2009".
        if (const auto found = find_date(decoded))
            date = WrittenDate{found->local, found->has_time, found->utc_offset};
    }
    if (!date) return;
    // htmldate's bounds: nothing before the web's news sites, nothing in
    // the future (a day's grace for time zones).
    static const Timestamp kEarliest = days_from_civil(1995, 1, 1) * 86400;
    const Timestamp latest = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count() +
                             2 * 86400;
    if (date->local < kEarliest || date->local > latest) return;
    slot = DateClaim{*date, decoded, rank};
}

std::optional<WrittenDate> date_in_url(std::string_view url) {
    for (std::size_t i = 0; i + 8 <= url.size(); ++i) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
        auto digits = [&](std::size_t at, std::size_t n) -> int {
            if (at + n > url.size()) return -1;
            int v = 0;
            for (std::size_t k = 0; k < n; ++k) {
                const char c = url[at + k];
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
            return v;
        };
        const std::size_t p = i + 1;
        const int year = digits(p, 4);
        if (year < 1995 || year > 2100) continue;
        const char sep = p + 4 < url.size() ? url[p + 4] : '\0';
        int month = -1, day = -1;
        if (sep == '/' || sep == '-' || sep == '_') {
            month = digits(p + 5, 2);
            if (month >= 0 && p + 7 < url.size() && url[p + 7] == sep) day = digits(p + 8, 2);
            if (day >= 0 && p + 10 < url.size() && url[p + 10] >= '0' && url[p + 10] <= '9')
                day = -1;
        } else if (sep >= '0' && sep <= '9') {
            month = digits(p + 4, 2);
            day = digits(p + 6, 2);
            if (p + 8 < url.size() && url[p + 8] >= '0' && url[p + 8] <= '9') day = -1;
        }
        if (month < 1 || day < 1) continue;
        if (const auto stamp = make_timestamp(year, month, day))
            return WrittenDate{*stamp, false, {}};
    }
    return std::nullopt;
}

PageMetadata read_page_metadata(const GumboNode* root, std::span<const std::string> json_ld) {
    PageMetadata m;
    std::string canonical, og_url, publisher, twitter_title;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
        const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                        : node->v.element.children;
        if (node->type == GUMBO_NODE_ELEMENT) {
            const GumboElement& e = node->v.element;
            if (e.tag_namespace != GUMBO_NAMESPACE_HTML)
                continue;  // an SVG's <title> is not the page's
            if (e.tag == GUMBO_TAG_TITLE && m.title.empty()) {
                for (unsigned i = 0; i < children.length; ++i) {
                    const auto* child = static_cast<const GumboNode*>(children.data[i]);
                    if (child->type == GUMBO_NODE_TEXT) m.title += child->v.text.text;
                }
                m.title = collapse_spaces(m.title);
            } else if (e.tag == GUMBO_TAG_META) {
                std::string key = lower(attribute(node, "property"));
                if (key.empty()) key = lower(attribute(node, "name"));
                if (key.empty()) key = lower(attribute(node, "itemprop"));
                if (key.empty()) key = lower(attribute(node, "http-equiv"));
                const std::string_view content = attribute(node, "content");
                if (key == "og:title") {
                    if (m.og_title.empty()) m.og_title = collapse_spaces(content);
                } else if (key == "twitter:title") {
                    if (twitter_title.empty()) twitter_title = collapse_spaces(content);
                } else if (key == "og:site_name") {
                    if (m.site_name.empty()) m.site_name = collapse_spaces(content);
                } else if (key == "publisher" || key == "dc.publisher" ||
                           key == "application-name") {
                    if (publisher.empty()) publisher = collapse_spaces(content);
                } else if (key == "og:url") {
                    if (og_url.empty()) og_url = std::string(trim_line(content));
                } else if (const int rank = published_meta_rank(key); rank >= 0) {
                    offer_date_claim(m.published, content, rank);
                } else if (is_modified_key(key)) {
                    offer_date_claim(m.modified, content, 2);
                }
            } else if (e.tag == GUMBO_TAG_LINK) {
                if (lower(attribute(node, "rel")) == "canonical" && canonical.empty())
                    canonical = std::string(trim_line(attribute(node, "href")));
            } else if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) {
                continue;
            }
        }
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    JsonLdReader reader(m);
    for (const std::string& block : json_ld) reader.read(block);
    if (m.og_title.empty()) m.og_title = twitter_title;
    if (m.site_name.empty()) m.site_name = !publisher.empty() ? publisher : reader.site_name_;
    m.url = !og_url.empty() ? og_url : canonical;
    return m;
}

std::string choose_title(const PageMetadata& m, std::string_view h1, bool h1_in_article) {
    const std::string heading = strip_site(collapse_spaces(h1), m);
    const std::string heading_key = squeeze(heading);
    if (heading_key.size() >= 4) {
        for (const std::string* source : {&m.og_title, &m.headline, &m.title}) {
            if (source->empty()) continue;
            // An <h1> that is only an edge part of a title with others
            // ("Was ist Virales Marketing? | DimidoBlog") is the site's name.
            const std::vector<std::string_view> parts = split_title(*source);
            if (parts.size() >= 2 && squeeze(parts.back()) == heading_key &&
                squeeze(parts.front()).size() > heading_key.size())
                return strip_site_part(*source, heading_key, m);
            if (squeeze(*source).find(heading_key) != std::string::npos) return heading;
        }
    }
    // The article's own <h1> agrees with no title source: a page whose
    // og:title is its <title> names the site there, not the article.
    const bool og_is_generic = m.og_title.empty() || m.og_title == m.title;
    if (h1_in_article && og_is_generic && m.headline.empty() && heading_key.size() >= 4 &&
        count_words(heading) >= 2)
        return heading;
    for (const std::string* source : {&m.og_title, &m.headline, &m.title}) {
        if (source->empty()) continue;
        std::string title = strip_site(*source, m);
        if (!title.empty()) return title;
    }
    return heading;
}

}  // namespace scoop
