#include "analysis/html_extractor.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "analysis/boilerplate.h"
#include "analysis/date_parser.h"
#include "util/utf8.h"

namespace scoop {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

char to_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
bool is_html_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_lower(c);
    return out;
}

// ---------------------------------------------------------------------------
// Character references

// Names of U+00A0..U+00FF, in order.
constexpr std::string_view kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

struct NamedReference {
    std::string_view name;
    char32_t code_point;
};

constexpr NamedReference kOtherNames[] = {
    {"amp", U'&'},     {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},
    {"apos", U'\''},   {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},
    {"scaron", 0x161}, {"Yuml", 0x178},    {"Zcaron", 0x17D},  {"zcaron", 0x17E},
    {"fnof", 0x192},   {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},
    {"emsp", 0x2003},  {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},
    {"lrm", 0x200E},   {"rlm", 0x200F},    {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},  {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},
    {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},
    {"trade", 0x2122}, {"larr", 0x2190},   {"uarr", 0x2191},   {"rarr", 0x2192},
    {"darr", 0x2193},  {"harr", 0x2194},   {"minus", 0x2212},
};

std::optional<char32_t> named_reference(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kLatin1Names); ++i)
        if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA0 + i);
    for (const NamedReference& ref : kOtherNames)
        if (ref.name == name) return ref.code_point;
    return std::nullopt;
}

// What browsers make of &#128;..&#159;: the Windows-1252 characters those
// bytes stand for, which is what the page's author meant. 0 where none.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The character a numeric reference stands for, or 0 for none.
char32_t numeric_character(std::uint32_t value) {
    if (value >= 0x80 && value <= 0x9F) return kWindows1252High[value - 0x80];
    if (value == '\t' || value == '\n' || value == '\r') return value;
    if (value < 0x20 || value == 0x7F) return 0;
    if (value >= 0xD800 && value <= 0xDFFF) return 0;
    if (value > 0x10FFFF) return 0;
    return value;
}

// Decodes the reference at text[pos] == '&'. Returns the bytes consumed
// (0: not a reference, copy the '&').
std::size_t decode_reference(std::string_view text, std::size_t pos, std::string& out) {
    std::size_t i = pos + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
        const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        const std::size_t digits_start = i;
        std::uint32_t value = 0;
        bool too_long = false;
        while (i < text.size() &&
               (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : is_digit(text[i]))) {
            const char c = text[i];
            const std::uint32_t digit = is_digit(c)
                                            ? static_cast<std::uint32_t>(c - '0')
                                            : static_cast<std::uint32_t>(to_lower(c) - 'a' + 10);
            if (value > 0x10FFFF) too_long = true;
            if (!too_long) value = value * (hex ? 16 : 10) + digit;
            ++i;
        }
        if (i == digits_start) return 0;
        if (i < text.size() && text[i] == ';') ++i;
        const char32_t cp = too_long ? 0 : numeric_character(value);
        if (cp != 0) append_utf8(out, cp);
        return i - pos;
    }

    const std::size_t name_start = i;
    while (i < text.size() && i - name_start < 32 && is_alnum(text[i])) ++i;
    if (i == name_start) return 0;
    const std::string_view name = text.substr(name_start, i - name_start);
    const bool terminated = i < text.size() && text[i] == ';';
    // Browsers accept the oldest few without the semicolon ("AT&T" stays,
    // "&amp" alone is "&").
    if (!terminated && !(name == "amp" || name == "lt" || name == "gt" || name == "quot")) return 0;
    if (!terminated && i < text.size() && (is_alnum(text[i]) || text[i] == '=')) return 0;
    const auto cp = named_reference(name);
    if (!cp) return 0;
    if (*cp != 0xAD) append_utf8(out, *cp);  // a soft hyphen is invisible
    return i - pos + (terminated ? 1 : 0);
}

void append_decoded(std::string_view text, std::string& out) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t amp = text.find('&', i);
        if (amp == kNpos) {
            out.append(text.substr(i));
            return;
        }
        out.append(text.substr(i, amp - i));
        if (const std::size_t used = decode_reference(text, amp, out)) {
            i = amp + used;
        } else {
            out += '&';
            i = amp + 1;
        }
    }
}

// ---------------------------------------------------------------------------
// Visible text

// Collects text the way a browser lays it out: whitespace runs collapse to
// one space, block boundaries become line or paragraph breaks.
class TextBuilder {
  public:
    void add(std::string_view text, bool preformatted) {
        for (std::size_t i = 0; i < text.size();) {
            const char c = text[i];
            if (preformatted && c == '\n') {
                line_break();
                ++i;
            } else if (is_html_space(c) || c == '\v') {
                space_ = true;
                ++i;
            } else if (text.substr(i, 2) == "\xC2\xA0") {
                space_ = true;  // no-break spaces separate words like spaces
                i += 2;
            } else {
                std::size_t j = i + 1;
                while (j < text.size() && !is_html_space(text[j]) && text[j] != '\v' &&
                       text[j] != '\xC2')
                    ++j;
                put(text.substr(i, j - i));
                i = j;
            }
        }
    }
    void line_break() { breaks_ = std::max(breaks_, 1); }
    void paragraph_break() { breaks_ = 2; }
    const std::string& text() const { return out_; }

  private:
    void put(std::string_view piece) {
        if (!out_.empty()) {
            if (breaks_ > 0) {
                out_ += breaks_ == 2 ? "\n\n" : "\n";
            } else if (space_) {
                out_ += ' ';
            }
        }
        breaks_ = 0;
        space_ = false;
        out_.append(piece);
    }

    std::string out_;
    int breaks_ = 0;
    bool space_ = false;
};

std::string collapse_spaces(std::string_view text) {
    TextBuilder builder;
    builder.add(text, false);
    return builder.text();
}

// ---------------------------------------------------------------------------
// Tags

struct Attribute {
    std::string name;  // lower case
    std::string_view value;
};

// Attributes of a start tag; `raw` is what follows the tag name.
std::vector<Attribute> parse_attributes(std::string_view raw) {
    std::vector<Attribute> attributes;
    std::size_t i = 0;
    while (i < raw.size()) {
        while (i < raw.size() && (is_html_space(raw[i]) || raw[i] == '/')) ++i;
        if (i >= raw.size() || raw[i] == '>') break;
        const std::size_t name_start = i;
        while (i < raw.size() && !is_html_space(raw[i]) && raw[i] != '=' && raw[i] != '>' &&
               raw[i] != '/')
            ++i;
        if (i == name_start) {  // a lone '=': skip it
            ++i;
            continue;
        }
        Attribute attribute{lower(raw.substr(name_start, i - name_start)), {}};
        std::size_t j = i;
        while (j < raw.size() && is_html_space(raw[j])) ++j;
        if (j < raw.size() && raw[j] == '=') {
            ++j;
            while (j < raw.size() && is_html_space(raw[j])) ++j;
            if (j < raw.size() && (raw[j] == '"' || raw[j] == '\'')) {
                const std::size_t close = raw.find(raw[j], j + 1);
                const std::size_t end = close == kNpos ? raw.size() : close;
                attribute.value = raw.substr(j + 1, end - j - 1);
                i = close == kNpos ? raw.size() : close + 1;
            } else {
                const std::size_t start = j;
                while (j < raw.size() && !is_html_space(raw[j]) && raw[j] != '>') ++j;
                attribute.value = raw.substr(start, j - start);
                i = j;
            }
        }
        attributes.push_back(std::move(attribute));
    }
    return attributes;
}

std::string_view attribute(const std::vector<Attribute>& attributes, std::string_view name) {
    for (const Attribute& a : attributes)
        if (a.name == name) return a.value;
    return {};
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

bool is_hidden_element(std::string_view name) {
    return one_of(name, {"nav", "header", "footer", "aside", "noscript", "template", "svg",
                         "iframe", "select", "button"});
}

bool is_paragraph_element(std::string_view name) {
    return one_of(name,
                  {"p",        "div",     "h1",      "h2",     "h3",         "h4",      "h5",
                   "h6",       "section", "article", "main",   "blockquote", "ul",      "ol",
                   "dl",       "table",   "pre",     "figure", "hr",         "address", "center",
                   "fieldset", "details", "summary", "body",   "html"});
}

bool is_line_element(std::string_view name) {
    return one_of(name, {"br", "li", "tr", "dt", "dd", "figcaption", "caption", "option"});
}

// Date metas in order of trust: the Open Graph article time, then the rest.
int date_meta_rank(std::string_view key) {
    if (key == "article:published_time") return 0;
    if (one_of(key, {"date", "pubdate", "publishdate", "publish-date", "publication_date",
                     "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                     "datepublished", "parsely-pub-date", "sailthru.date", "og:published_time"}))
        return 1;
    return -1;
}

class HtmlScanner {
  public:
    explicit HtmlScanner(std::string_view html) : html_(html) {}

    Article run() {
        std::size_t i = 0;
        while (i < html_.size()) {
            const std::size_t lt = html_.find('<', i);
            const std::size_t text_end = lt == kNpos ? html_.size() : lt;
            if (text_end > i) add_text(html_.substr(i, text_end - i));
            if (lt == kNpos) break;
            i = markup(lt);
        }
        return finish();
    }

  private:
    // Handles the markup at html_[lt] == '<'; returns where text resumes.
    std::size_t markup(std::size_t lt) {
        const std::string_view rest = html_.substr(lt);
        if (rest.starts_with("<!--")) {
            const std::size_t close = html_.find("-->", lt + 2);
            return close == kNpos ? html_.size() : close + 3;
        }
        if (rest.starts_with("<![CDATA[")) {
            const std::size_t close = html_.find("]]>", lt + 9);
            const std::size_t end = close == kNpos ? html_.size() : close;
            add_raw_text(html_.substr(lt + 9, end - lt - 9));
            return close == kNpos ? html_.size() : close + 3;
        }
        if (rest.starts_with("<!") || rest.starts_with("<?")) {
            const std::size_t close = html_.find('>', lt + 2);
            return close == kNpos ? html_.size() : close + 1;
        }
        const bool end_tag = rest.starts_with("</");
        const std::size_t name_start = lt + (end_tag ? 2 : 1);
        if (name_start >= html_.size() || !is_alpha(html_[name_start])) {
            add_text("<");  // a stray '<' is text: "a < b"
            return lt + 1;
        }
        std::size_t name_end = name_start;
        while (name_end < html_.size() &&
               (is_alnum(html_[name_end]) || html_[name_end] == '-' || html_[name_end] == ':'))
            ++name_end;
        const std::size_t tag_end = find_tag_end(name_end);
        const std::string name = lower(html_.substr(name_start, name_end - name_start));
        // The attribute text, without the closing '>'.
        std::size_t raw_end = tag_end;
        if (raw_end > name_end && html_[raw_end - 1] == '>') --raw_end;
        const std::string_view raw = html_.substr(name_end, raw_end - name_end);
        if (end_tag) {
            end_element(name);
            return tag_end;
        }
        return start_element(name, raw, tag_end);
    }

    // Just past the '>' closing the tag whose name ends at `pos`. Quoted
    // attribute values may hold '>'. A quote that never closes ends at the
    // next '>' instead, as does a tag at the end of the input.
    std::size_t find_tag_end(std::size_t pos) {
        std::size_t i = pos;
        while (i < html_.size()) {
            const char c = html_[i];
            if (c == '>') return i + 1;
            if (c == '=') {
                ++i;
                while (i < html_.size() && is_html_space(html_[i])) ++i;
                if (i < html_.size() && (html_[i] == '"' || html_[i] == '\'')) {
                    const std::size_t close = find_quote(html_[i], i + 1);
                    if (close == kNpos) {
                        const std::size_t gt = html_.find('>', i + 1);
                        return gt == kNpos ? html_.size() : gt + 1;
                    }
                    i = close + 1;
                }
                continue;
            }
            ++i;
        }
        return html_.size();
    }

    // The next `quote` at or after `from`. Remembers the last answer per
    // quote character, so that many unclosed quotes cannot make the scan
    // quadratic: positions only grow, and each stretch is searched once.
    std::size_t find_quote(char quote, std::size_t from) {
        QuoteCache& cache = quote == '"' ? double_quote_ : single_quote_;
        if (cache.valid && cache.from <= from && (cache.found == kNpos || cache.found >= from))
            return cache.found;
        cache = {true, from, html_.find(quote, from)};
        return cache.found;
    }

    std::size_t start_element(const std::string& name, std::string_view raw, std::size_t tag_end) {
        const bool self_closing = raw.ends_with('/');
        if (name == "script" || name == "style") {
            const std::size_t close = find_end_tag(name, tag_end);
            return close == kNpos ? html_.size() : close;
        }
        // An SVG drawing's <title> names the drawing, not the page.
        if (name == "title" && hidden_depth_ == 0) return read_title(tag_end);
        if (name == "meta") {
            read_meta(parse_attributes(raw));
        } else if (name == "link") {
            const auto attributes = parse_attributes(raw);
            if (lower(attribute(attributes, "rel")) == "canonical" && canonical_url_.empty())
                canonical_url_ = decode_html_entities(attribute(attributes, "href"));
        } else if (name == "time") {
            read_time_element(parse_attributes(raw));
        }

        if (is_hidden_element(name)) {
            if (!self_closing) ++hidden_depth_;
        } else if (name == "h1" && !seen_h1_) {
            seen_h1_ = true;
            in_h1_ = true;
        } else if (name == "p") {
            in_h1_ = false;  // an unclosed <h1> ends where the text starts
        } else if (name == "pre") {
            ++pre_depth_;
        }
        if (name == "td" || name == "th") {
            add_text(" ");
        } else if (is_paragraph_element(name)) {
            body_.paragraph_break();
        } else if (is_line_element(name)) {
            body_.line_break();
        }
        return tag_end;
    }

    void end_element(const std::string& name) {
        if (is_hidden_element(name)) {
            if (hidden_depth_ > 0) --hidden_depth_;
        } else if (name == "h1") {
            in_h1_ = false;
        } else if (name == "pre") {
            if (pre_depth_ > 0) --pre_depth_;
        }
        if (is_paragraph_element(name)) {
            body_.paragraph_break();
        } else if (is_line_element(name)) {
            body_.line_break();
        }
    }

    // Where "</name" (any case) starts at or after `from`, or npos.
    std::size_t find_end_tag(std::string_view name, std::size_t from) const {
        for (std::size_t i = html_.find("</", from); i != kNpos; i = html_.find("</", i + 2)) {
            const std::size_t after = i + 2 + name.size();
            if (after > html_.size()) return kNpos;
            bool match = true;
            for (std::size_t k = 0; k < name.size() && match; ++k)
                match = to_lower(html_[i + 2 + k]) == name[k];
            if (match && (after == html_.size() || !is_alnum(html_[after]))) return i;
        }
        return kNpos;
    }

    // <title> holds text only. An unclosed one ends at the next tag rather
    // than swallowing the page.
    std::size_t read_title(std::size_t from) {
        // Once no "</title" follows some position, none follows any later
        // one: remembering that keeps a page of unclosed titles linear.
        std::size_t end = from >= no_title_end_from_ ? kNpos : find_end_tag("title", from);
        if (end == kNpos) {
            no_title_end_from_ = std::min(no_title_end_from_, from);
            end = html_.find('<', from);
            if (end == kNpos) end = html_.size();
        }
        if (title_.empty()) {
            title_ = collapse_spaces(decode_html_entities(html_.substr(from, end - from)));
        }
        return end;
    }

    void read_meta(const std::vector<Attribute>& attributes) {
        std::string key = lower(attribute(attributes, "property"));
        if (key.empty()) key = lower(attribute(attributes, "name"));
        if (key.empty()) key = lower(attribute(attributes, "itemprop"));
        if (key.empty()) return;
        const std::string_view content = attribute(attributes, "content");
        if (key == "og:title") {
            if (og_title_.empty()) og_title_ = collapse_spaces(decode_html_entities(content));
        } else if (key == "og:site_name") {
            if (site_name_.empty()) site_name_ = collapse_spaces(decode_html_entities(content));
        } else if (key == "publisher" || key == "dc.publisher") {
            if (publisher_.empty()) publisher_ = collapse_spaces(decode_html_entities(content));
        } else if (key == "og:url") {
            if (og_url_.empty()) og_url_ = std::string(trim_line(decode_html_entities(content)));
        } else if (const int rank = date_meta_rank(key); rank >= 0) {
            offer_date(rank, content);
        }
    }

    void read_time_element(const std::vector<Attribute>& attributes) {
        const std::string_view datetime = attribute(attributes, "datetime");
        if (!datetime.empty()) offer_date(2, datetime);
    }

    void offer_date(int rank, std::string_view text) {
        if (rank >= date_rank_) return;
        if (const auto stamp = parse_date(decode_html_entities(text))) {
            date_ = *stamp;
            date_rank_ = rank;
        }
    }

    void add_text(std::string_view raw) {
        if (hidden_depth_ > 0 && !in_h1_) return;
        decoded_.clear();
        append_decoded(raw, decoded_);
        add_raw_text(decoded_);
    }

    void add_raw_text(std::string_view text) {
        if (in_h1_ && h1_.size() < 1000) h1_ += text;
        if (hidden_depth_ == 0) body_.add(text, pre_depth_ > 0);
    }

    Article finish() {
        Article article;
        article.source = !site_name_.empty() ? site_name_ : publisher_;
        article.url = !og_url_.empty() ? og_url_ : canonical_url_;
        article.date = date_;
        if (!og_title_.empty()) {
            article.title = og_title_;
        } else if (!title_.empty()) {
            article.title = strip_site_suffix(title_, article.source);
        } else {
            article.title = collapse_spaces(h1_);
        }
        article.body = drop_furniture_lines(body_.text());
        return article;
    }

    // "US to Russia: Stop Iran missile sale talks | PressTV" -> the headline,
    // when the page names its site.
    static std::string strip_site_suffix(const std::string& title, std::string_view site) {
        if (site.empty() || title.size() <= site.size() || !title.ends_with(site)) return title;
        std::string_view head = std::string_view(title).substr(0, title.size() - site.size());
        head = trim_line(head);
        for (std::string_view sep : {"|", "-", "\xE2\x80\x94", "\xE2\x80\x93", ":", "\xC2\xB7"}) {
            if (head.ends_with(sep)) {
                head = trim_line(head.substr(0, head.size() - sep.size()));
                return head.empty() ? title : std::string(head);
            }
        }
        return title;
    }

    static std::string drop_furniture_lines(std::string_view text) {
        std::string out;
        bool blank_since_kept = false;
        for (std::size_t start = 0; start <= text.size();) {
            std::size_t end = text.find('\n', start);
            if (end == kNpos) end = text.size();
            const std::string_view line = trim_line(text.substr(start, end - start));
            start = end + 1;
            if (line.empty()) {
                blank_since_kept = true;
            } else if (!is_boilerplate_line(line)) {
                if (!out.empty()) out += blank_since_kept ? "\n\n" : "\n";
                out += line;
                blank_since_kept = false;
            }
        }
        return out;
    }

    struct QuoteCache {
        bool valid = false;
        std::size_t from = 0;
        std::size_t found = kNpos;
    };

    std::string_view html_;
    TextBuilder body_;
    std::string decoded_;
    int hidden_depth_ = 0;
    int pre_depth_ = 0;
    bool seen_h1_ = false;
    bool in_h1_ = false;
    std::string h1_;
    std::string title_;
    std::string og_title_;
    std::string site_name_;
    std::string publisher_;
    std::string og_url_;
    std::string canonical_url_;
    Timestamp date_ = kNoDate;
    int date_rank_ = 3;  // lower is more trusted; 3 = none yet
    std::size_t no_title_end_from_ = kNpos;
    QuoteCache double_quote_;
    QuoteCache single_quote_;
};

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_decoded(text, out);
    return out;
}

Article extract_html_article(std::string_view utf8) {
    return HtmlScanner(utf8).run();
}

}  // namespace scoop
