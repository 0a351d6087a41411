#include "util/visible_text.h"

#include <gtest/gtest.h>

namespace scoop {
namespace {

TEST(VisibleText, ControlCharactersBecomeEscapes) {
    EXPECT_EQ(visible("plain text, äöü, 中国"), "plain text, äöü, 中国");
    EXPECT_EQ(visible("\x1b[2Jcleared"), "\\x1b[2Jcleared");
    EXPECT_EQ(visible("\x1b]52;c;cGF3bmVk\x07"), "\\x1b]52;c;cGF3bmVk\\x07")
        << "an OSC 52 clipboard write";
    EXPECT_EQ(visible("\x1b]0;title\x1b\\"), "\\x1b]0;title\\x1b\\");
    EXPECT_EQ(visible(std::string("a\0b", 3)), "a\\x00b");
    EXPECT_EQ(visible("tab\there\nnew\rline\x7f"), "tab\\there\\nnew\\rline\\x7f");
    EXPECT_EQ(visible("two\nlines", true), "two\nlines");
}

TEST(VisibleText, C1ControlsBidiMarksAndBadBytes) {
    EXPECT_EQ(visible("\xc2\x9b"
                      "2J"),
              "\\u{009b}2J")
        << "the 8-bit CSI";
    EXPECT_EQ(visible("file\xe2\x80\xaetxt.exe"), "file\\u{202e}txt.exe")
        << "right-to-left override";
    EXPECT_EQ(visible("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u{2066}x\\u{2069}");
    EXPECT_EQ(visible("\xef\xbb\xbf"
                      "bom"),
              "\\u{feff}bom");
    EXPECT_EQ(visible("bad \xff\xfe byte"), "bad \\xff\\xfe byte");
    EXPECT_EQ(visible("cut \xe4\xb8"), "cut \\xe4\\xb8");
}

TEST(VisibleText, DisplayWidthCountsColumns) {
    EXPECT_EQ(display_width("iran"), 4u);
    EXPECT_EQ(display_width("中国"), 4u) << "wide characters take two columns";
    EXPECT_EQ(display_width("e\xcc\x81"), 1u) << "a combining accent takes none";
    EXPECT_EQ(display_width("\x1b"), 4u) << "shown as \\x1b";
}

}  // namespace
}  // namespace scoop
