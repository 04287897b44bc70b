package dev.parley.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageGuesserTest {

    private final LanguageGuesser guesser = LanguageGuesser.shared();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es | El gobierno anunció que la reunión entre ambos cancilleres se celebrará la próxima semana en la capital.",
            "en | The government announced that the meeting between both foreign ministers will take place next week.",
            "pt | O governo anunciou que a reunião entre os dois chanceleres será realizada na próxima semana na capital.",
            "fr | Le gouvernement a annoncé que la réunion entre les deux ministres aura lieu la semaine prochaine.",
            "de | Die Regierung kündigte an, dass das Treffen der beiden Außenminister nächste Woche stattfinden wird.",
            "it | Il governo ha annunciato che l'incontro tra i due ministri degli esteri si terrà la prossima settimana.",
    })
    void detectsTheCandidateLanguages(String expected, String text) {
        assertThat(guesser.detect(text)).isEqualTo(expected);
    }

    @Test
    void tooShortOrNotLanguageIsUndetermined() {
        assertThat(guesser.detect("Hola")).isEqualTo("und");
        assertThat(guesser.detect("2-1 (18', 61', 90+3')")).isEqualTo("und");
        assertThat(guesser.detect("@SRE_mx @StateDept https://t.co/xyzAbcDefGhiJkl #SeguridadFronteriza 2026")).isEqualTo("und");
    }

    @Test
    void aSpanishArticleQuotingAnEnglishPostIsSpanish() {
        String text = "La cancillería confirmó la llamada y señaló que fue en seguimiento al programa de cooperación "
                + "fronteriza, bajo el marco de respeto a la soberanía nacional y de responsabilidad compartida.\n\n"
                + "The minister spoke with her counterpart on the need for concrete actions. — Office (@office) "
                + "March 2, 2026\n\nLa dependencia añadió que ambos gobiernos mantendrán la comunicación abierta "
                + "en las próximas semanas para evaluar los avances alcanzados.";
        assertThat(guesser.detect(text)).isEqualTo("es");
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        List<String> texts = List.of(
                "El gobierno anunció que la reunión entre ambos cancilleres se celebrará la próxima semana.",
                "The government announced that the meeting between both ministers will take place next week.",
                "Le gouvernement a annoncé que la réunion entre les deux ministres aura lieu la semaine prochaine.");
        List<String> sequential = texts.stream().map(guesser::detect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String text = texts.get(i % texts.size());
                futures.add(pool.submit(() -> guesser.detect(text)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
