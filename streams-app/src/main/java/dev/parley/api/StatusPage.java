package dev.parley.api;

import java.util.List;
import java.util.Map;

/**
 * The status page at {@code /status} (the dashboard is at {@code /}): where everything runs and each stage's state.
 * Every dynamic value is HTML-escaped.
 */
public final class StatusPage {

    private final Map<String, String> whereIsWhat;
    private final List<String> topics;

    public StatusPage(Map<String, String> whereIsWhat, List<String> topics) {
        this.whereIsWhat = whereIsWhat;
        this.topics = topics;
    }

    String render(Map<String, ?> stageStates) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Parley</title><link rel=\"stylesheet\" href=\"/status.css\"></head><body><h1>Parley</h1><table>");
        whereIsWhat.forEach((k, v) -> html.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(v)).append("</td></tr>"));
        html.append("</table><h2>Stages</h2><table>");
        stageStates.forEach((k, v) -> html.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(String.valueOf(v))).append("</td></tr>"));
        html.append("</table><h2>Topics</h2><ul>");
        topics.forEach(t -> html.append("<li>").append(escape(t)).append("</li>"));
        return html.append("</ul><p><a href=\"/health/ready\">/health/ready</a></p></body></html>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
