#include "command_line.h"

#include <fmt/format.h>

#include "util/visible_text.h"

namespace scoop {
namespace {

constexpr int kUsageError = 2;

// Whether `name` ("limit", "n") is an option of `app`, and if it takes a value.
struct OptionName {
    bool known = false;
    bool takes_value = false;
};

OptionName find_option(const CLI::App& app, std::string_view name, bool is_long) {
    for (const CLI::Option* option : app.get_options()) {
        const auto& names = is_long ? option->get_lnames() : option->get_snames();
        for (const std::string& n : names)
            if (n == name) return {true, option->get_items_expected_max() > 0};
    }
    return {};
}

}  // namespace

CommandLine split_command_line(const CLI::App& app, int argc, const char* const* argv) {
    CommandLine out;
    bool after_separator = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (after_separator) {
            out.words.emplace_back(a);
            continue;
        }
        if (a == "--") {
            after_separator = true;
            continue;
        }
        bool takes_value = false;
        if (a.starts_with("--")) {
            const std::size_t eq = a.find('=');
            const OptionName o =
                find_option(app, a.substr(2, eq == a.npos ? a.npos : eq - 2), true);
            takes_value = o.takes_value && eq == a.npos;
            out.options.emplace_back(a);  // unknown ones too: the parser names them
        } else if (a.size() >= 2 && a[0] == '-') {
            const OptionName o = find_option(app, a.substr(1, 1), false);
            if (!o.known) {
                out.words.emplace_back(a);  // "-clinton", "-1"
                continue;
            }
            takes_value = o.takes_value && a.size() == 2;  // "-n5" carries its value
            out.options.emplace_back(a);
        } else {
            out.words.emplace_back(a);
            continue;
        }
        if (takes_value && i + 1 < argc) out.options.emplace_back(argv[++i]);
    }
    return out;
}

void parse_options(CLI::App& app, const CommandLine& line) {
    std::vector<std::string> reversed(line.options.rbegin(), line.options.rend());
    app.parse(reversed);
}

int usage_error(const CLI::App& app, const CLI::ParseError& error, std::string_view program) {
    if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
        // --help and --version: CLI11 prints them.
        return app.exit(error);
    }
    fmt::print(stderr, "{}: {}\nRun '{} --help' for the options.\n", program, visible(error.what()),
               program);
    return kUsageError;
}

}  // namespace scoop
