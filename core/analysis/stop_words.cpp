#include "analysis/stop_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <unordered_map>

#include "util/utf8.h"

namespace scoop {
namespace {

constexpr std::size_t kLanguages = static_cast<std::size_t>(StopWordLanguage::kCount);

// The most frequent function words of each language (articles, pronouns,
// prepositions, conjunctions, auxiliaries), lower case, space-separated.
// clang-format off
constexpr std::string_view kLists[kLanguages] = {
    // English
    "a about above after again against all am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further "
    "had has have having he her here hers herself him himself his how i if in into is it its "
    "itself just me more most my myself no nor not now of off on once only or other our ours "
    "out over own same she should so some such than that the their theirs them themselves then "
    "there these they this those through to too under until up very was we were what when where "
    "which while who whom why will with would you your yours also however may might must shall "
    "us said says one two new many much",
    // German
    "aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch "
    "auf aus bei beim bin bis bist da damit dann das dass daß dein deine dem den denn der des "
    "dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine "
    "einem einen einer eines er es etwas euch euer für gegen gewesen hab habe haben hat hatte "
    "hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in indem ins ist "
    "jede jedem jeden jeder jedes jetzt kann kein keine können könnte machen man manche mehr "
    "mein meine mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne schon sehr "
    "sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern sonst über um "
    "und uns unser unter viel vom von vor während war waren warum was weil welche welchem "
    "welchen welcher welches wenn werde werden wie wieder will wir wird wurde wurden zu zum zur "
    "zwar zwischen wo sowie bereits dabei damit etwa immer",
    // French
    "a à au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma "
    "mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son "
    "sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été étée être avoir ai as "
    "avons avez ont avait étaient était est sont fait plus comme tout tous toute toutes cette "
    "cet aussi bien encore entre depuis sans sous très peut être faire après avant alors donc",
    // Polish
    "a aby ale bardzo bez bo by być był była było były będzie ci co czy dla do gdy gdzie go i "
    "ich im innych jak jako je jego jej jest jeszcze jeśli już ja jednak kiedy który która "
    "które którego której którzy ku lub ma mają mi mnie może można mu na nad nam nas nawet nie "
    "niż nich nim no o od oraz po pod ponieważ przed przez przy roku się są ta tak także tam te "
    "tego tej ten też to tu tych tylko tym u w we wiele więc wszystko z za ze że żeby jest oraz "
    "był są jego",
    // Spanish
    "a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el "
    "ella ellas ellos en entre era es esa esas ese eso esos esta estaba estado están este esto "
    "estos fue fueron ha hace han hasta hay la las le les lo los más me mi mucho muy nada ni no "
    "nos nosotros o otra otras otro otros para pero poco por porque que quien se sea ser si sí "
    "sido sin sobre son su sus también tan te tiene todo todos tu un una uno unos y ya",
    // Italian
    "a ad al alla alle allo agli ai anche avere come con contro cui da dal dalla dalle dei del "
    "della delle dello degli di dopo e ed è era erano essere fra gli ha hanno ho i il in io la "
    "le lei lo loro lui ma mi mio molto ne negli nei nel nella nelle non noi o per più poi "
    "perché quale quando quella quelle quello questa queste questo se sei si sia siamo sono su "
    "sua sue sui sul sulla suo suoi tra tutti tutto un una uno voi già stato stata",
    // Dutch
    "aan al alle als bij daar dan dat de deze die dit doch doen door dus een en er ge geen "
    "geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan "
    "kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons ook "
    "op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd "
    "wezen wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou",
    // Portuguese
    "a ao aos as até com como da das de dela dele deles depois do dos e é ela elas ele eles em "
    "entre era essa esse esta está estão este eu foi foram há isso isto já lhe mais mas me mesmo "
    "meu minha muito na não nas nem no nos nós o os ou para pela pelas pelo pelos por qual "
    "quando que quem se sem ser seu seus sua suas também te tem têm um uma você são sobre",
    // Danish and Norwegian (bokmål), whose function words are nearly one list
    "og i det som en på er til av at for med de den ikke har han om et var jeg seg men så vi "
    "hun kan vil skal ble blir eller fra når hvor hva hvis også etter over under ved mot inn ut "
    "opp noe noen alle bare enn da nå her der dette disse denne sin sitt sine deres hans hennes "
    "min mitt mine din ditt vår våre være vært hadde kunne skulle ville må mange mer mest meget "
    "mye hvordan hvorfor uten mellom gjennom før siden både samt af mig sig hende dem hvad "
    "efter været havde nogle mod ud skulle jo",
    // Swedish
    "och i att det som en på är av för med till den har de inte om ett han men var jag sig från "
    "vi så kan man när säger hon under också efter eller nu sina där vid mot ska skulle kommer "
    "ut får finns vara blev bli alla andra hade även sedan två då här in upp hur mycket mer "
    "många dem deras hans hennes min mitt mina din ditt vår våra vilka vilken vilket utan "
    "mellan genom innan något några detta dessa denna sin sitt",
    // Finnish
    "ja on ei se että oli hän kun mutta ovat jos myös niin kuin tai sen ole olla olisi mitä "
    "joka jotka mikä kaikki tämä tämän nämä ne he me te minä sinä hänen heidän meidän sekä "
    "vain vielä jo nyt sitten kanssa mukaan jälkeen aikana ennen vuonna vuoden noin yli alle "
    "sitä siitä sille siinä tässä täällä siellä koska vaikka eli eikä voi voidaan pitää",
};
// clang-format on

using LanguageMask = std::uint16_t;

const std::unordered_map<std::string, LanguageMask>& stop_word_table() {
    static const auto* table = [] {
        auto* t = new std::unordered_map<std::string, LanguageMask>();
        for (std::size_t lang = 0; lang < kLanguages; ++lang) {
            const std::string_view list = kLists[lang];
            for (std::size_t i = 0; i < list.size();) {
                std::size_t end = list.find(' ', i);
                if (end == std::string_view::npos) end = list.size();
                if (end > i)
                    (*t)[std::string(list.substr(i, end - i))] |=
                        static_cast<LanguageMask>(1u << lang);
                i = end + 1;
            }
        }
        return t;
    }();
    return *table;
}

// Words longer than this are no function words; they are only counted.
constexpr std::size_t kMaxStopWordBytes = 16;

}  // namespace

void WordCounts::add(const WordCounts& other) {
    words += other.words;
    for (std::size_t i = 0; i < kLanguages; ++i) stop_words[i] += other.stop_words[i];
}

StopWordLanguage WordCounts::likeliest_language() const {
    std::size_t best = 0;
    for (std::size_t i = 1; i < kLanguages; ++i)
        if (stop_words[i] > stop_words[best]) best = i;
    return static_cast<StopWordLanguage>(best);
}

double WordCounts::density(StopWordLanguage language) const {
    if (words == 0) return 0;
    return static_cast<double>(stop_words[static_cast<std::size_t>(language)]) /
           static_cast<double>(words);
}

WordCounts count_words_by_language(std::string_view utf8) {
    const auto& table = stop_word_table();
    WordCounts counts;
    std::string word;
    bool too_long = false;
    auto finish_word = [&] {
        if (word.empty() && !too_long) return;
        ++counts.words;
        if (!too_long) {
            if (const auto it = table.find(word); it != table.end()) {
                for (std::size_t i = 0; i < kLanguages; ++i)
                    if (it->second & (1u << i)) ++counts.stop_words[i];
            }
        }
        word.clear();
        too_long = false;
    };
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    for (std::int32_t i = 0; i < length;) {
        const unsigned char byte = s[i];
        if (byte < 0x80) {
            ++i;
            if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')) {
                if (word.size() < kMaxStopWordBytes) {
                    word += static_cast<char>(byte | 0x20);
                } else {
                    too_long = true;
                }
            } else if (byte == '\'' && !word.empty()) {
                finish_word();  // "l'homme", "it's": the part before counts
            } else {
                finish_word();
            }
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0 && u_isalpha(c)) {
            if (word.size() < kMaxStopWordBytes) {
                append_utf8(word, static_cast<char32_t>(u_tolower(c)));
            } else {
                too_long = true;
            }
        } else {
            finish_word();
        }
    }
    finish_word();
    return counts;
}

}  // namespace scoop
