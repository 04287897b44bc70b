package dev.parley.extract.world;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountryKnowledgeTest {

    private static final CountryKnowledge K = CountryKnowledge.loadDefault();

    private static List<String> codes(String text, String language) {
        return K.find(text, language).stream().map(CountryMention::code).toList();
    }

    private static List<String> surfaces(String text, String language) {
        return K.find(text, language).stream().map(CountryMention::surface).toList();
    }

    private static CountryMention only(String text, String language) {
        List<CountryMention> found = K.find(text, language);
        assertThat(found).as(text).hasSize(1);
        return found.get(0);
    }

    @Test
    void theFormsIssue12FoundMissingAreRecognised() {
        assertThat(codes("Soviet officials and the USSR's envoy arrived.", "en")).containsExactly("SU", "SU");
        assertThat(K.find("Talks in Moscow, Tokyo and Baghdad ended.", "en"))
                .extracting(CountryMention::code, CountryMention::via)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RU", Via.CAPITAL),
                        org.assertj.core.groups.Tuple.tuple("JP", Via.CAPITAL),
                        org.assertj.core.groups.Tuple.tuple("IQ", Via.CAPITAL));
        assertThat(K.find("The White House said the Kremlin had called.", "en"))
                .extracting(CountryMention::code, CountryMention::via)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("US", Via.SEAT_OF_GOVERNMENT),
                        org.assertj.core.groups.Tuple.tuple("RU", Via.SEAT_OF_GOVERNMENT));
        assertThat(codes("Saudi, Iraqi and South Korean diplomats met.", "en")).containsExactly("SA", "IQ", "KR");
        assertThat(only("el embajador estadunidense llegó", "es").code()).isEqualTo("US");
        // "una casa blanca" is a white house: that seat needs its capitals; "kremlin" and "bagdad" do not.
        assertThat(codes("la casa blanca y el kremlin hablaron; bagdad calla", "es")).containsExactly("RU", "IQ");
        // Lower-case wire copy: names and demonyms need no capitals...
        assertThat(codes("the white house said moscow and tokyo agreed with saudi officials", "en"))
                .containsExactly("US", "RU", "JP", "SA");
        assertThat(codes("el gobierno de estados unidos y el canciller japonés, en méxico", "es"))
                .containsExactly("US", "JP", "MX");
    }

    @Test
    void lisaMonacoIsFlaggedAsAPossiblePersonName() {
        CountryMention monaco = only("Deputy Attorney General Lisa Monaco spoke.", "en");
        assertThat(monaco.code()).isEqualTo("MC");
        assertThat(monaco.alsoPersonName()).isTrue();
        assertThat(only("Michael Jordan visited.", "en").alsoPersonName()).isTrue();
        assertThat(only("George Washington crossed.", "en").alsoPersonName()).isTrue();
        assertThat(only("Israel Nogueda habló.", "es").alsoPersonName()).isTrue();
        assertThat(only("el rey de Jordania llegó", "es").alsoPersonName()).isFalse();
        assertThat(only("Mexico protested.", "en").alsoPersonName()).isFalse();
    }

    @Test
    void withoutNerANeighbouringCapitalisedWordMarksAPersonName() {
        assertThat(partOfName("Deputy Attorney General Lisa Monaco spoke.", "en")).isTrue();
        assertThat(partOfName("Lisa Monaco spoke.", "en")).isTrue();
        assertThat(partOfName("Michael Jordan visited.", "en")).isTrue();
        assertThat(partOfName("Israel Katz dijo que no.", "es")).isTrue();
        assertThat(partOfName("In Monaco, the prince spoke.", "en")).isFalse();
        assertThat(partOfName("Prince Albert of Monaco spoke.", "en")).isFalse();
        assertThat(partOfName("Washington said on Monday it would respond.", "en")).isFalse();
        assertThat(partOfName("King Abdullah of Jordan met them.", "en")).isFalse();
        assertThat(partOfName("Para Israel, la tregua terminó.", "es")).isFalse();
        // A form that is no name is never part of one; upper-case copy says nothing.
        assertThat(partOfName("President Mexico", "en")).isFalse();
        assertThat(partOfName("DEPUTY ATTORNEY GENERAL LISA MONACO SPOKE", "en")).isFalse();
    }

    private static boolean partOfName(String text, String language) {
        return CountryKnowledge.looksLikePartOfName(text, only(text, language));
    }

    @Test
    void mexicanSpellingsAndAbbreviations() {
        assertThat(codes("Los estadunidenses y los estadounidenses, norteamericanas y norteamericanos", "es"))
                .containsExactly("US", "US", "US", "US");
        assertThat(codes("EU pide a México; la UE responde; EUA y EE.UU., EE. UU. y EEUU", "es"))
                .containsExactly("US", "MX", "EU", "US", "US", "US", "US");
        assertThat(surfaces("Viajó a EE.UU, luego a EE.UU.", "es")).containsExactly("EE.UU", "EE.UU.");
        assertThat(codes("los mexicanos y la mexicana; saudí y saudíes; iraquí e iraquíes", "es"))
                .containsExactly("MX", "MX", "SA", "SA", "IQ", "IQ");
        assertThat(codes("la delegación china y el canciller ruso", "es")).containsExactly("CN", "RU");
    }

    @Test
    void euIsTheUnitedStatesInSpanishAndTheEuropeanUnionInEnglish() {
        assertThat(codes("EU y Canadá", "es")).containsExactly("US", "CA");
        assertThat(codes("The EU and Canada", "en")).containsExactly("EU", "CA");
        assertThat(codes("La Comunidad Europea y la CEE", "es")).containsExactly("EU", "EU");
        assertThat(codes("The European Community and the EEC", "en")).containsExactly("EU", "EU");
        assertThat(K.byCode("EU").orElseThrow().historical()).isFalse();
    }

    @Test
    void ambiguousLowerCaseFormsNeedCapitalsUnlessTheTextIsUpperCaseCopy() {
        assertThat(codes("let us eat turkey with chile from a china plate in a jersey", "en")).isEmpty();
        assertThat(codes("le echó chile al taco; vive en una casa blanca; la paz social; los pinos", "es")).isEmpty();
        assertThat(codes("Turkey, China, Chile and Jersey; the US", "en")).containsExactly("TR", "CN", "CL", "JE", "US");
        assertThat(codes("Chile y la Casa Blanca; La Paz; Los Pinos", "es")).containsExactly("CL", "US", "BO", "MX");
        assertThat(codes("US AND CHINA SIGN DEAL IN TURKEY", "en")).containsExactly("US", "CN", "TR");
        assertThat(codes("EU Y CHILE FIRMAN EN LA CASA BLANCA", "es")).containsExactly("US", "CL", "US");
        // "Us" at the start of a sentence is not the United States: both capitals are required.
        assertThat(codes("Us and them.", "en")).isEmpty();
        // Spanish "china" in lower case is the demonym, which is China anyway.
        assertThat(codes("la empresa china", "es")).containsExactly("CN");
    }

    @Test
    void matchingIsAccentAndCaseInsensitiveAndKeepsOffsetsIntoTheOriginalText() {
        String text = "Llegó a  MOSCU y a Moscú; también a Japon.";
        List<CountryMention> found = K.find(text, "es");
        assertThat(found).extracting(CountryMention::code).containsExactly("RU", "RU", "JP");
        for (CountryMention m : found) {
            assertThat(text.substring(m.begin(), m.end())).isEqualTo(m.surface());
        }
        assertThat(found).extracting(CountryMention::surface).containsExactly("MOSCU", "Moscú", "Japon");
        assertThat(surfaces("Costa  de\nMarfil", "es")).containsExactly("Costa  de\nMarfil");
    }

    @Test
    void wholeWordsOnlyAndTheLongestFormWins() {
        assertThat(codes("Mexicanization and Cubanism? Perusal, Omaha, Irania, Indiana", "en")).isEmpty();
        assertThat(codes("Papúa Nueva Guinea y Guinea Ecuatorial, Guinea-Bisáu", "es")).containsExactly("PG", "GQ", "GW");
        assertThat(codes("South Korean and North Korean envoys; South Africa", "en")).containsExactly("KR", "KP", "ZA");
        assertThat(codes("la República Democrática del Congo", "es")).containsExactly("CD");
        assertThat(codes("East German and West German leaders", "en")).containsExactly("DD", "DE");
    }

    @Test
    void blocksHideFormsInsidePhrasesThatAreNoCountry() {
        assertThat(codes("New Mexico and Latin America, the Washington Post", "en")).isEmpty();
        assertThat(codes("Nuevo México y América Latina; lo dijo en español", "es")).isEmpty();
        assertThat(codes("el gobierno español", "es")).containsExactly("ES");
    }

    @Test
    void historicalStatesHaveDocumentedCodes() {
        assertThat(codes("La URSS y la Unión Soviética; los soviéticos", "es")).containsExactly("SU", "SU", "SU");
        assertThat(codes("la RDA, Alemania Oriental y la República Democrática Alemana", "es"))
                .containsExactly("DD", "DD", "DD");
        assertThat(codes("la RFA y Alemania Occidental; Bonn", "es")).containsExactly("DE", "DE", "DE");
        assertThat(only("Bonn insisted.", "en").via()).isEqualTo(Via.SEAT_OF_GOVERNMENT);
        assertThat(codes("Yugoslavia and Czechoslovakia; yugoslavos y checoslovacos", "*"))
                .containsExactly("YU", "CS", "YU", "CS");
        for (String code : List.of("SU", "DD", "YU", "CS")) {
            assertThat(K.byCode(code).orElseThrow().historical()).as(code).isTrue();
        }
        assertThat(K.byCode("DE").orElseThrow().historical()).isFalse();
    }

    @Test
    void theArticleDateChoosesBetweenAStateAndItsSuccessor() {
        LocalDate in1987 = LocalDate.of(1987, 6, 1);
        LocalDate in2014 = LocalDate.of(2014, 6, 1);
        String text = "Moscú y el Kremlin; los rusos; Praga; Belgrado";
        assertThat(K.find(text, "es", in1987)).extracting(CountryMention::code)
                .containsExactly("SU", "SU", "SU", "CS", "YU");
        assertThat(K.find(text, "es", in2014)).extracting(CountryMention::code)
                .containsExactly("RU", "RU", "RU", "CZ", "RS");
        assertThat(K.find(text, "es")).extracting(CountryMention::code)
                .containsExactly("RU", "RU", "RU", "CZ", "RS");
        // A form only the historical state has stays historical whatever the date.
        assertThat(K.find("the Soviet Union", "en", in2014)).extracting(CountryMention::code).containsExactly("SU");
    }

    @Test
    void capitalsAndSeatsOfGovernmentAsMetonyms() {
        assertThat(K.find("Washington y Pekín; la Casa Blanca, el Palacio Nacional, Los Pinos y el Elíseo", "es"))
                .extracting(CountryMention::code)
                .containsExactly("US", "CN", "US", "MX", "MX", "FR");
        assertThat(codes("Beijing, Downing Street, Whitehall and the Pentagon", "en"))
                .containsExactly("CN", "GB", "GB", "US");
        assertThat(only("Downing Street said", "en").via()).isEqualTo(Via.SEAT_OF_GOVERNMENT);
        assertThat(only("Tokio respondió", "es").via()).isEqualTo(Via.CAPITAL);
    }

    @Test
    void foreignMinistriesByTheirUsualNames() {
        assertThat(K.find("The State Department, the Foreign Office, the Quai d'Orsay, Itamaraty and the Gaimusho", "en"))
                .extracting(CountryMention::code, CountryMention::via)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("US", Via.MINISTRY),
                        org.assertj.core.groups.Tuple.tuple("GB", Via.MINISTRY),
                        org.assertj.core.groups.Tuple.tuple("FR", Via.MINISTRY),
                        org.assertj.core.groups.Tuple.tuple("BR", Via.MINISTRY),
                        org.assertj.core.groups.Tuple.tuple("JP", Via.MINISTRY))
                .hasSize(5);
        assertThat(codes("Foggy Bottom", "en")).containsExactly("US");
        assertThat(only("la SRE informó", "es").code()).isEqualTo("MX");
        assertThat(codes("la sre", "es")).isEmpty();
        assertThat(only("el Departamento de Estado", "es").code()).isEqualTo("US");
    }

    @Test
    void cancilleriaNeedsItsCountryFromTheText() {
        CountryMention alone = only("La Cancillería informó ayer.", "es");
        assertThat(alone.needsCountryFromContext()).isTrue();
        assertThat(alone.hasCountry()).isFalse();
        assertThat(alone.via()).isEqualTo(Via.MINISTRY);
        CountryMention mexican = only("la cancillería mexicana informó", "es");
        assertThat(mexican.code()).isEqualTo("MX");
        assertThat(mexican.surface()).isEqualTo("cancillería mexicana");
        assertThat(mexican.needsCountryFromContext()).isFalse();
        assertThat(only("la Cancillería de Chile", "es").code()).isEqualTo("CL");
        assertThat(only("el Ministerio de Relaciones Exteriores de Venezuela", "es").code()).isEqualTo("VE");
        assertThat(only("Japan's Foreign Ministry said", "en").code()).isEqualTo("JP");
        assertThat(only("the Chinese Foreign Ministry said", "en").code()).isEqualTo("CN");
        // A country further away is the caller's call: the ministry stays open.
        List<CountryMention> far = K.find("La Cancillería dijo que Chile mintió", "es");
        assertThat(far).extracting(CountryMention::code).containsExactly(null, "CL");
    }

    @Test
    void everyIsoCountryIsKnownAndFoundByItsDisplayNames() {
        // Names the data deliberately does not match bare: "Reunión" is a meeting, "San Martín" the Argentine hero.
        Set<String> notBareEs = Set.of("RE", "MF", "SH");
        List<String> missing = new ArrayList<>();
        for (String iso : Locale.getISOCountries()) {
            Country c = K.byCode(iso).orElse(null);
            if (c == null) {
                missing.add(iso + " unknown");
                continue;
            }
            if (!codes(c.nameEn(), "en").equals(List.of(iso))) {
                missing.add(iso + " en " + c.nameEn() + " -> " + codes(c.nameEn(), "en"));
            }
            if (!notBareEs.contains(iso) && !codes(c.nameEs(), "es").equals(List.of(iso))) {
                missing.add(iso + " es " + c.nameEs() + " -> " + codes(c.nameEs(), "es"));
            }
        }
        assertThat(missing).isEmpty();
        assertThat(K.countries()).hasSizeGreaterThanOrEqualTo(249 + 5);
        assertThat(K.isCountryCode("MX")).isTrue();
        assertThat(K.isCountryCode("mx")).isTrue();
        assertThat(K.isCountryCode("SU")).isTrue();
        assertThat(K.isCountryCode("XX")).isFalse();
        assertThat(K.byCode("GB").orElseThrow().nameEs()).isEqualTo("Reino Unido");
    }

    @Test
    void theDataIsCheckedWhenItLoads() {
        String countries = "MX\tMéxico\tMexico\t-\t-\nGT\tGuatemala\tGuatemala\t-\t-\n";
        assertThatThrownBy(() -> CountryKnowledge.load(new StringReader(countries),
                new StringReader("MX\tNAME\t*\t-\tGuate\nGT\tNAME\t*\t-\tGuate\n")))
                .hasMessageContaining("Guate");
        assertThatThrownBy(() -> CountryKnowledge.load(new StringReader(countries),
                new StringReader("MX\tNAME\t*\tshouty\tMéxico\n"))).hasMessageContaining("shouty");
        assertThatThrownBy(() -> CountryKnowledge.load(new StringReader(countries),
                new StringReader("ZZ\tNAME\t*\t-\tZed\n"))).hasMessageContaining("ZZ");
        CountryKnowledge small = CountryKnowledge.load(new StringReader(countries),
                new StringReader("# comment\nMX\tDEMONYM\tes\t-\tmexican{o,a,os,as}\n"));
        assertThat(small.find("mexicano, mexicana, mexicanos, mexicanas, mexicanes", "es")).hasSize(4);
        assertThat(WorldData.expand("saudí{,es,s}")).containsExactly("saudí", "saudíes", "saudís");
    }
}
