#include "analysis/text_decoder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace scoop {
namespace {

using namespace std::string_literals;

// UTF-16 or UTF-32 bytes of a string of BMP or ASCII text, as a test fixture.
std::string utf16le(std::u16string_view s) {
    std::string out;
    for (char16_t c : s) out += static_cast<char>(c & 0xFF), out += static_cast<char>(c >> 8);
    return out;
}
std::string utf16be(std::u16string_view s) {
    std::string out;
    for (char16_t c : s) out += static_cast<char>(c >> 8), out += static_cast<char>(c & 0xFF);
    return out;
}
std::string utf32le(std::u32string_view s) {
    std::string out;
    for (char32_t c : s)
        for (int k = 0; k < 4; ++k) out += static_cast<char>((c >> (8 * k)) & 0xFF);
    return out;
}

// --- UTF-8 -----------------------------------------------------------------

TEST(TextDecoderUtf8, ValidPassesThroughUnchanged) {
    const std::string text =
        "Iran\u2019s S-300 \u0420\u043E\u0441\u0441\u0438\u044F caf\u00E9 \u6211\u4EEC "
        "\U0001F600\n";
    const DecodedText d = decode_text(text);
    EXPECT_EQ(d.utf8, text);
    EXPECT_EQ(d.encoding, "UTF-8");
    EXPECT_EQ(d.replaced_bytes, 0u);

    const DecodedText ascii = decode_text("plain ASCII\r\n");
    EXPECT_EQ(ascii.utf8, "plain ASCII\r\n");
    EXPECT_EQ(ascii.encoding, "UTF-8");

    const DecodedText empty = decode_text("");
    EXPECT_EQ(empty.utf8, "");
    EXPECT_EQ(empty.encoding, "UTF-8");
    EXPECT_EQ(empty.replaced_bytes, 0u);
}

TEST(TextDecoderUtf8, BomIsDropped) {
    const DecodedText d = decode_text("\xEF\xBB\xBFhello caf\xC3\xA9");
    EXPECT_EQ(d.utf8, "hello caf\u00E9");
    EXPECT_EQ(d.encoding, "UTF-8");
    EXPECT_EQ(d.replaced_bytes, 0u);
    // Only one: a second BOM is text (U+FEFF), kept.
    EXPECT_EQ(decode_text("\xEF\xBB\xBF\xEF\xBB\xBFx").utf8, "\uFEFFx");
    EXPECT_EQ(decode_text("\xEF\xBB\xBF").utf8, "");
}

TEST(TextDecoderUtf8, InvalidBytesInMostlyUtf8AreReplacedAndCounted) {
    // A stray byte, a truncated sequence, a lone continuation byte, among
    // more good multi-byte letters than bad bytes.
    const DecodedText d = decode_text(
        "caf\xC3\xA9 \xFF \xC3\xA9t\xC3\xA9 \x80 \xD0\x9C\xD0\xB8\xD1\x80 \xE2\x80 end");
    EXPECT_EQ(d.encoding, "UTF-8");
    EXPECT_EQ(d.utf8, "caf\u00E9 \uFFFD \u00E9t\u00E9 \uFFFD \u041C\u0438\u0440 \uFFFD\uFFFD end");
    EXPECT_EQ(d.replaced_bytes, 4u);
}

TEST(TextDecoderUtf8, OverlongSurrogatesAndOutOfRangeAreInvalid) {
    // Overlong "/" (C0 AF), a UTF-16 surrogate (ED A0 80), past U+10FFFF
    // (F4 90 80 80), each among valid letters: every bad byte is replaced.
    const DecodedText d = decode_text(
        "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \xC0\xAF \xED\xA0\x80 "
        "\xF4\x90\x80\x80 \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
    EXPECT_EQ(d.encoding, "UTF-8");
    EXPECT_EQ(d.replaced_bytes, 9u);
    EXPECT_EQ(d.utf8,
              "\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9 \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD "
              "\uFFFD\uFFFD\uFFFD\uFFFD \u00E9\u00E9\u00E9\u00E9\u00E9\u00E9");
}

// --- Legacy single-byte encodings ------------------------------------------

TEST(TextDecoderLegacy, Windows1252CurlyQuotesAndAccents) {
    const DecodedText d = decode_text(
        "He said \x93hello\x94 and it\x92s caf\xE9 time, na\xEFve r\xE9sum\xE9 \x96 \x80"
        "5.\n");
    EXPECT_EQ(d.encoding, "windows-1252");
    EXPECT_EQ(d.utf8,
              "He said \u201Chello\u201D and it\u2019s caf\u00E9 time, na\u00EFve r\u00E9sum\u00E9 "
              "\u2013 \u20AC5.\n");
    EXPECT_EQ(d.replaced_bytes, 0u);
}

TEST(TextDecoderLegacy, Iso88591) {
    const DecodedText d = decode_text(
        "Le caf\xE9 est tr\xE8s bon. \xC0 bient\xF4t, na\xEFve r\xE9sum\xE9 \xE0 la cr\xE8me "
        "br\xFBl\xE9"
        "e.\n");
    EXPECT_EQ(d.encoding, "ISO-8859-1");
    EXPECT_EQ(d.utf8,
              "Le caf\u00E9 est tr\u00E8s bon. \u00C0 bient\u00F4t, na\u00EFve r\u00E9sum\u00E9 "
              "\u00E0 la "
              "cr\u00E8me br\u00FBl\u00E9e.\n");
    EXPECT_EQ(d.replaced_bytes, 0u);
    EXPECT_EQ(decode_text("Jos\xE9 Mar\xED"
                          "a Aznar")
                  .utf8,
              "Jos\u00E9 Mar\u00EDa Aznar");
    EXPECT_EQ(decode_text("M\xFCller").utf8, "M\u00FCller");
}

// Too short for ICU's detector to have an opinion: it offers UTF-16 and CJK
// charsets at its "not impossible" confidence of 10, which would turn four
// Latin-1 bytes into two Chinese characters. Windows-1252 is the fallback.
TEST(TextDecoderLegacy, ShortTextWithoutEvidenceIsWindows1252) {
    DecodedText d = decode_text("caf\xE9");
    EXPECT_EQ(d.utf8, "caf\u00E9");
    EXPECT_EQ(d.encoding, "windows-1252");
    EXPECT_EQ(d.replaced_bytes, 0u);
    EXPECT_EQ(decode_text("Stra\xDF"
                          "e")
                  .utf8,
              "Stra\u00DFe");
    EXPECT_EQ(decode_text("\x93Hi\x94").utf8, "\u201CHi\u201D");
    EXPECT_EQ(decode_text("it\x92s fine").utf8, "it\u2019s fine");
    // A single stray byte in ASCII text: one odd letter, the rest intact.
    EXPECT_EQ(decode_text("Tokyo \x81\x40 x").utf8, "Tokyo \u0081@ x");
}

// --- Legacy multi-byte and Cyrillic encodings ------------------------------
// ICU's detector is statistical. These samples are detected with full or
// clear confidence by ICU 72; shorter or mixed samples may not be.

TEST(TextDecoderLegacy, ShiftJis) {
    // 日本の首相は東京で記者会見を開き、経済政策について説明しました。
    const std::string sjis =
        "\x93\xFA\x96\x7B\x82\xCC\x8E\xF1\x91\x8A\x82\xCD\x93\x8C\x8B\x9E\x82\xC5\x8B\x4C\x8E\xD2"
        "\x89\xEF\x8C\xA9\x82\xF0\x8A\x4A\x82\xAB\x81\x41\x8C\x6F\x8D\xCF\x90\xAD\x8D\xF4\x82\xC9"
        "\x82\xC2\x82\xA2\x82\xC4\x90\xE0\x96\xBE\x82\xB5\x82\xDC\x82\xB5\x82\xBD\x81\x42";
    const DecodedText d = decode_text(sjis);
    EXPECT_EQ(d.encoding, "Shift_JIS");
    EXPECT_EQ(d.utf8,
              "\u65E5\u672C\u306E\u9996\u76F8\u306F\u6771\u4EAC\u3067\u8A18\u8005\u4F1A\u898B\u3092"
              "\u958B\u304D\u3001\u7D4C\u6E08\u653F\u7B56\u306B\u3064\u3044\u3066\u8AAC\u660E\u3057"
              "\u307E\u3057\u305F\u3002");
    EXPECT_EQ(d.replaced_bytes, 0u);
}

TEST(TextDecoderLegacy, Koi8rAndWindows1251) {
    // "Министр иностранных дел России Сергей Лавров заявил, что Москва
    // выполнит контракт на поставку зенитных ракетных систем."
    const std::string expected =
        "\u041C\u0438\u043D\u0438\u0441\u0442\u0440 "
        "\u0438\u043D\u043E\u0441\u0442\u0440\u0430\u043D"
        "\u043D\u044B\u0445 \u0434\u0435\u043B \u0420\u043E\u0441\u0441\u0438\u0438 "
        "\u0421\u0435\u0440"
        "\u0433\u0435\u0439 \u041B\u0430\u0432\u0440\u043E\u0432 "
        "\u0437\u0430\u044F\u0432\u0438\u043B, "
        "\u0447\u0442\u043E \u041C\u043E\u0441\u043A\u0432\u0430 "
        "\u0432\u044B\u043F\u043E\u043B\u043D"
        "\u0438\u0442 \u043A\u043E\u043D\u0442\u0440\u0430\u043A\u0442 \u043D\u0430 "
        "\u043F\u043E\u0441"
        "\u0442\u0430\u0432\u043A\u0443 \u0437\u0435\u043D\u0438\u0442\u043D\u044B\u0445 "
        "\u0440\u0430"
        "\u043A\u0435\u0442\u043D\u044B\u0445 \u0441\u0438\u0441\u0442\u0435\u043C.";
    const std::string koi8 =
        "\xED\xC9\xCE\xC9\xD3\xD4\xD2 \xC9\xCE\xCF\xD3\xD4\xD2\xC1\xCE\xCE\xD9\xC8 \xC4\xC5\xCC "
        "\xF2\xCF\xD3\xD3\xC9\xC9 \xF3\xC5\xD2\xC7\xC5\xCA \xEC\xC1\xD7\xD2\xCF\xD7 "
        "\xDA\xC1\xD1\xD7"
        "\xC9\xCC, \xDE\xD4\xCF \xED\xCF\xD3\xCB\xD7\xC1 \xD7\xD9\xD0\xCF\xCC\xCE\xC9\xD4 "
        "\xCB\xCF\xCE"
        "\xD4\xD2\xC1\xCB\xD4 \xCE\xC1 \xD0\xCF\xD3\xD4\xC1\xD7\xCB\xD5 "
        "\xDA\xC5\xCE\xC9\xD4\xCE\xD9"
        "\xC8 \xD2\xC1\xCB\xC5\xD4\xCE\xD9\xC8 \xD3\xC9\xD3\xD4\xC5\xCD.";
    const DecodedText k = decode_text(koi8);
    EXPECT_EQ(k.encoding, "KOI8-R");
    EXPECT_EQ(k.utf8, expected);
    EXPECT_EQ(k.replaced_bytes, 0u);

    const std::string cp1251 =
        "\xCC\xE8\xED\xE8\xF1\xF2\xF0 \xE8\xED\xEE\xF1\xF2\xF0\xE0\xED\xED\xFB\xF5 \xE4\xE5\xEB "
        "\xD0\xEE\xF1\xF1\xE8\xE8 \xD1\xE5\xF0\xE3\xE5\xE9 \xCB\xE0\xE2\xF0\xEE\xE2 "
        "\xE7\xE0\xFF\xE2"
        "\xE8\xEB, \xF7\xF2\xEE \xCC\xEE\xF1\xEA\xE2\xE0 \xE2\xFB\xEF\xEE\xEB\xED\xE8\xF2 "
        "\xEA\xEE\xED"
        "\xF2\xF0\xE0\xEA\xF2 \xED\xE0 \xEF\xEE\xF1\xF2\xE0\xE2\xEA\xF3 "
        "\xE7\xE5\xED\xE8\xF2\xED\xFB"
        "\xF5 \xF0\xE0\xEA\xE5\xF2\xED\xFB\xF5 \xF1\xE8\xF1\xF2\xE5\xEC.";
    const DecodedText w = decode_text(cp1251);
    EXPECT_EQ(w.encoding, "windows-1251");
    EXPECT_EQ(w.utf8, expected);
}

TEST(TextDecoderLegacy, Gb18030) {
    // 我们是中国人民，今天天气很好，我们一起去北京看看长城。
    const std::string gb =
        "\xCE\xD2\xC3\xC7\xCA\xC7\xD6\xD0\xB9\xFA\xC8\xCB\xC3\xF1\xA3\xAC\xBD\xF1\xCC\xEC\xCC\xEC"
        "\xC6\xF8\xBA\xDC\xBA\xC3\xA3\xAC\xCE\xD2\xC3\xC7\xD2\xBB\xC6\xF0\xC8\xA5\xB1\xB1\xBE\xA9"
        "\xBF\xB4\xBF\xB4\xB3\xA4\xB3\xC7\xA1\xA3";
    const DecodedText d = decode_text(gb);
    EXPECT_EQ(d.encoding, "GB18030");
    EXPECT_EQ(d.utf8,
              "\u6211\u4EEC\u662F\u4E2D\u56FD\u4EBA\u6C11\uFF0C\u4ECA\u5929\u5929\u6C14\u5F88\u597D"
              "\uFF0C\u6211\u4EEC\u4E00\u8D77\u53BB\u5317\u4EAC\u770B\u770B\u957F\u57CE\u3002");
}

// --- UTF-16 and UTF-32 -----------------------------------------------------

TEST(TextDecoderUtf16, LittleEndianWithBom) {
    const std::u16string text = u"\uFEFFHello \u043C\u0438\u0440 caf\u00E9 \u4E2D\u56FD";
    const DecodedText d = decode_text(utf16le(text));
    EXPECT_EQ(d.encoding, "UTF-16LE");
    // The byte order mark is not part of the text.
    EXPECT_EQ(d.utf8, "Hello \u043C\u0438\u0440 caf\u00E9 \u4E2D\u56FD");
    EXPECT_EQ(d.replaced_bytes, 0u);
}

TEST(TextDecoderUtf16, BigEndianWithBomAndShortTexts) {
    const DecodedText be = decode_text(utf16be(u"\uFEFFHello \u043C\u0438\u0440"));
    EXPECT_EQ(be.encoding, "UTF-16BE");
    EXPECT_EQ(be.utf8, "Hello \u043C\u0438\u0440");
    EXPECT_EQ(decode_text(utf16le(u"\uFEFFhi")).utf8, "hi");
    const DecodedText bom_only = decode_text("\xFF\xFE");
    EXPECT_EQ(bom_only.encoding, "UTF-16LE");
    EXPECT_EQ(bom_only.utf8, "");
}

TEST(TextDecoderUtf16, DamageIsReplacedAndCounted) {
    // A lone high surrogate, and an odd byte at the end.
    const DecodedText d = decode_text(utf16le(u"\uFEFFHi") + "\x00\xD8"s + utf16le(u"x") + "y");
    EXPECT_EQ(d.encoding, "UTF-16LE");
    EXPECT_EQ(d.utf8, "Hi\uFFFDx\uFFFD");
    EXPECT_EQ(d.replaced_bytes, 2u);
}

TEST(TextDecoderUtf16, Utf32WithBom) {
    const DecodedText d = decode_text(utf32le(U"\uFEFFHello \u043C\u0438\u0440 \U0001F600"));
    EXPECT_EQ(d.encoding, "UTF-32LE");
    EXPECT_EQ(d.utf8, "Hello \u043C\u0438\u0440 \U0001F600");
}

// Without a BOM, UTF-16 of ASCII text is valid UTF-8 full of NULs: decoded
// as UTF-8, and looks_binary says binary. Not detected as UTF-16.
TEST(TextDecoderUtf16, WithoutBomIsNotRecognised) {
    const std::string bytes = utf16le(u"Hello world, this is a test");
    const DecodedText d = decode_text(bytes);
    EXPECT_EQ(d.encoding, "UTF-8");
    EXPECT_EQ(d.utf8, bytes);
    EXPECT_TRUE(looks_binary(bytes));
}

// --- looks_binary ----------------------------------------------------------

TEST(TextDecoderLooksBinary, ElfHeader) {
    const std::string elf =
        "\x7F"
        "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3E\x00"s;
    EXPECT_TRUE(looks_binary(elf));
}

TEST(TextDecoderLooksBinary, NulsAndControlCharacters) {
    EXPECT_TRUE(looks_binary("text\0with a NUL"s));
    // A NUL far into the sample counts; one past the 8 KiB sample does not.
    EXPECT_TRUE(looks_binary(std::string(8000, 'a') + '\0'));
    EXPECT_FALSE(looks_binary(std::string(8192, 'a') + '\0'));
    // More than one control character in ten.
    std::string controls;
    for (int i = 0; i < 100; ++i) controls += (i % 5 == 0) ? '\x01' : 'a';
    EXPECT_TRUE(looks_binary(controls));
    std::string few;
    for (int i = 0; i < 100; ++i) few += (i % 20 == 0) ? '\x01' : 'a';
    EXPECT_FALSE(looks_binary(few));
}

TEST(TextDecoderLooksBinary, TextIsNotBinary) {
    EXPECT_FALSE(looks_binary(""));
    EXPECT_FALSE(looks_binary("Plain text\r\n\twith tabs,\fform feeds and \x1B[1mANSI\x1B[0m.\n"));
    EXPECT_FALSE(looks_binary("caf\xE9 \x93quoted\x94"));
    EXPECT_FALSE(looks_binary("\u0420\u043E\u0441\u0441\u0438\u044F \u6211\u4EEC"));
    // UTF-16 is full of NULs, but its BOM says it is text.
    EXPECT_FALSE(looks_binary(utf16le(u"\uFEFFHello")));
    EXPECT_FALSE(looks_binary(utf16be(u"\uFEFFHello")));
}

}  // namespace
}  // namespace scoop
