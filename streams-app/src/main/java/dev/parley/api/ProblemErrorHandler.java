package dev.parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty gives itself, before a request reaches Javalin (a request line or URI it cannot parse, headers
 * too large, …): the same JSON problem body as every other error, with the standard reason phrase only — never the
 * parser's detail, a stack trace or a class name — and the security headers.
 */
final class ProblemErrorHandler extends ErrorHandler {

    ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    /** A request Jetty could not parse: the connection answers this and closes. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        ApiServer.SECURITY_HEADERS.forEach((name, value) -> fields.put(new HttpField(name, value)));
        return ByteBuffer.wrap(body(status, "the request could not be read as HTTP"));
    }

    /** An error Jetty raised while handling a request outside Javalin's own handlers. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        ApiServer.SECURITY_HEADERS.forEach(response::setHeader);
        response.getOutputStream().write(body(code, code >= 500 ? "the server failed on this request; its log says why"
                : "the request was refused"));
    }

    static byte[] body(int status, String detail) {
        String phrase = HttpStatus.getMessage(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("reason", phrase.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_"));
        body.put("message", phrase + ": " + detail);
        try {
            return ApiServer.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
