#include "analysis/extractor.h"

#include <string>

#include "analysis/html_extractor.h"
#include "analysis/jsonl_extractor.h"
#include "analysis/text_decoder.h"
#include "analysis/text_extractor.h"

namespace scoop {
namespace {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_blank(std::string_view text) {
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
    }
    return true;
}

}  // namespace

InputFormat format_for_path(std::string_view path) {
    const std::size_t slash = path.find_last_of("/\\");
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return InputFormat::kText;
    const std::string extension = ascii_lower(name.substr(dot + 1));
    if (extension == "jsonl" || extension == "ndjson" || extension == "json")
        return InputFormat::kJsonLines;
    if (extension == "html" || extension == "htm" || extension == "xhtml")
        return InputFormat::kHtml;
    return InputFormat::kText;
}

std::optional<InputFormat> parse_format_name(std::string_view name) {
    const std::string key = ascii_lower(name);
    if (key == "text" || key == "txt") return InputFormat::kText;
    if (key == "jsonl" || key == "json" || key == "ndjson") return InputFormat::kJsonLines;
    if (key == "html" || key == "htm") return InputFormat::kHtml;
    return std::nullopt;
}

std::string_view format_name(InputFormat format) {
    switch (format) {
        case InputFormat::kText:
            return "text";
        case InputFormat::kJsonLines:
            return "jsonl";
        case InputFormat::kHtml:
            return "html";
    }
    return "text";
}

Extraction extract_articles(std::string_view bytes, std::string_view path, InputFormat format) {
    Extraction extraction;
    if (is_blank(bytes)) {
        extraction.problems.push_back({0, "empty file"});
        return extraction;
    }
    if (looks_binary(bytes)) {
        extraction.problems.push_back({0, "binary file"});
        return extraction;
    }
    DecodedText decoded = decode_text(bytes);
    // A UTF-16 file of spaces is only blank once decoded.
    if (is_blank(decoded.utf8)) {
        extraction.encoding = std::move(decoded.encoding);
        extraction.replaced_bytes = decoded.replaced_bytes;
        extraction.problems.push_back({0, "empty file"});
        return extraction;
    }

    if (format == InputFormat::kJsonLines) {
        extraction = extract_json_articles(decoded.utf8);
    } else {
        Article article = format == InputFormat::kHtml ? extract_html_article(decoded.utf8)
                                                       : extract_text_article(decoded.utf8);
        if (article.title.empty() && article.body.empty()) {
            extraction.problems.push_back({0, "no article text found"});
        } else {
            extraction.articles.push_back(std::move(article));
        }
    }
    extraction.encoding = std::move(decoded.encoding);
    extraction.replaced_bytes = decoded.replaced_bytes;
    for (Article& article : extraction.articles) article.path = std::string(path);
    return extraction;
}

}  // namespace scoop
