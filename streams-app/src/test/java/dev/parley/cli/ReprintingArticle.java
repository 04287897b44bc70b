package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A new article for tests, in the team's own words, that reprints a given passage (taken at runtime from a
 * statement the seeds produced) inside enough text of its own not to be a copy of any article.
 */
final class ReprintingArticle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] OWN_TEXT = {
        "La redacción de este diario recibió el texto completo y lo publica íntegro para sus lectores.",
        "Analistas consultados por este medio señalaron que la agenda bilateral sigue cargada de pendientes.",
        "En la capital, varias organizaciones civiles pidieron mayor transparencia sobre los acuerdos alcanzados.",
        "Un grupo de legisladores solicitó comparecencias para conocer el alcance de los compromisos.",
        "Los mercados reaccionaron con moderación y el tipo de cambio se mantuvo estable durante la jornada.",
        "Especialistas en comercio exterior recordaron que las aduanas del norte registran demoras crecientes.",
    };

    private ReprintingArticle() {
    }

    /** The JSON body for {@code POST /api/articles}. */
    static String json(String title, String outlet, String date, String passage) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String sentence : OWN_TEXT) {
            body.append(sentence).append(' ');
        }
        body.append("\n\nEste es el texto difundido:\n\n").append(passage).append("\n\n");
        for (int i = OWN_TEXT.length - 1; i >= 0; i--) {
            body.append("Además, ").append(Character.toLowerCase(OWN_TEXT[i].charAt(0))).append(OWN_TEXT[i].substring(1))
                    .append(' ');
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("title", title);
        json.put("outlet", outlet);
        json.put("publishedAt", date);
        json.put("language", "es");
        json.put("body", body.toString());
        return JSON.writeValueAsString(json);
    }
}
