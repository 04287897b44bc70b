package dev.parley.extract;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTest {

    private static final Gazetteer G = Gazetteer.loadDefault();

    private static List<String> ids(String text, List<Actor> context) {
        return G.find(text, context).stream().map(m -> m.actor().id()).distinct().toList();
    }

    @Test
    void namesMatchWithAndWithoutAccents() {
        assertThat(ids("Juan Ramon de la Fuente llegó", List.of())).containsExactly("juan-ramon-de-la-fuente");
        assertThat(ids("Juan Ramón de la Fuente llegó", List.of())).containsExactly("juan-ramon-de-la-fuente");
        assertThat(ids("la cancilleria mexicana", List.of())).contains("mx-sre");
    }

    @Test
    void handlesResolveWithOrWithoutLeadingDot() {
        assertThat(ids(".@SecRubio spoke with @SRE_mx", List.of())).containsExactly("marco-rubio", "mx-sre");
        assertThat(ids("driven by @POTUS and @realDonaldTrump", List.of())).containsExactly("donald-trump");
        assertThat(ids("— Bureau (@WHAAsstSecty)", List.of())).contains("us-wha-bureau");
    }

    @Test
    void rolesResolveWhenTheContextMakesThemUnambiguous() {
        assertThat(ids("la presidenta mexicana dijo", List.of())).containsExactly("claudia-sheinbaum", "country:MX");
        assertThat(ids("el secretario de Estado de Estados Unidos llamó", List.of())).contains("marco-rubio");
        assertThat(ids("el vocero del Departamento de Estado explicó", List.of())).contains("tommy-pigott");
        Actor dlf = G.actor("juan-ramon-de-la-fuente").orElseThrow();
        assertThat(ids("el canciller dijo", List.of(dlf))).containsExactly("juan-ramon-de-la-fuente");
        // Without context the bare role is ambiguous: nothing.
        assertThat(ids("el canciller dijo", List.of())).isEmpty();
    }

    @Test
    void aRoleFollowedByAnUnknownNameIsThatPersonNotTheGazetteerHolder() {
        assertThat(ids("el presidente Nicolás Maduro", List.of(G.actor("donald-trump").orElseThrow())))
                .doesNotContain("donald-trump");
    }

    @Test
    void anOfficeOfAKnownCountryWithoutHolderIsASyntheticActor() {
        assertThat(ids("la canciller de Colombia viajó", List.of())).contains("CO/foreign-minister");
        assertThat(ids("the Canadian Foreign Minister said", List.of())).contains("CA/foreign-minister");
    }

    @Test
    void caseSensitiveAliasesDoNotMatchOrdinaryWords() {
        assertThat(ids("EU pide a México", List.of())).contains("country:US", "country:MX");
        assertThat(ids("nos vemos en la sre", List.of())).doesNotContain("mx-sre");
    }

    @Test
    void usersCanSupplyTheirOwnFile() {
        String json = """
                {"countries": [{"code": "CA", "names": ["Canada"], "adjectives": []}],
                 "roles": [],
                 "actors": [{"id": "jane-roe", "type": "PERSON", "name": "Jane Roe", "country": "CA",
                             "aliases": ["Jane Roe"], "handles": ["@JaneRoeCA"]}],
                 "places": []}
                """;
        Gazetteer own = new Gazetteer(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(own.find("@janeroeca met Canada's envoy", List.of()).stream().map(m -> m.actor().id()))
                .containsExactly("jane-roe", "country:CA");
    }
}
