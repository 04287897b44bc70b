package dev.parley.ingest;

import dev.parley.avro.RejectReason;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns input bytes into text, strictly. UTF-8 is the input encoding; a UTF-8 byte order mark is dropped. UTF-16
 * is decoded only when a byte order mark announces it (Windows tools write it that way, and the BOM makes it
 * unambiguous); any other encoding is rejected as INVALID_ENCODING rather than guessed, because a wrong guess
 * silently corrupts names and accents. The one exception is HTML that declares its charset in a meta tag
 * (many Spanish-language sites still serve windows-1252 or ISO-8859-1) and XML whose declaration names its
 * encoding: see {@link #decodeHtml} and {@link #decodeXml}. NUL bytes, or more
 * than a few other control characters, mean BINARY_CONTENT.
 */
final class TextDecoder {

    // A few stray control characters occur in real exports; beyond this share the input is not text.
    private static final double MAX_CONTROL_SHARE = 0.005;
    private static final int HTML_CHARSET_WINDOW = 4096;
    // <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
    private static final Pattern HTML_CHARSET =
            Pattern.compile("<meta[^>]{0,200}?charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("\\A\\s*<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]{1,40})[\"']");

    private TextDecoder() {
    }

    /** Like {@link #decode}, but honours a non-UTF-8 charset that the page declares in its first kilobytes. */
    static String decodeHtml(byte[] bytes) {
        return decodeDeclared(bytes, HTML_CHARSET);
    }

    /** Like {@link #decode}, but honours the encoding of an XML declaration ({@code <?xml ... encoding="x"?>}). */
    static String decodeXml(byte[] bytes) {
        return decodeDeclared(bytes, XML_ENCODING);
    }

    private static String decodeDeclared(byte[] bytes, Pattern declaration) {
        try {
            return decode(bytes);
        } catch (IngestException e) {
            if (e.reason() != RejectReason.INVALID_ENCODING) {
                throw e;
            }
            Charset declared = declaredCharset(bytes, declaration);
            if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
                throw e;
            }
            return checkText(strict(declared, bytes, 0));
        }
    }

    private static Charset declaredCharset(byte[] bytes, Pattern declaration) {
        String head = new String(bytes, 0, Math.min(bytes.length, HTML_CHARSET_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = declaration.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException unknownOrIllegalName) {
            return null;
        }
    }

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return checkText(strict(StandardCharsets.UTF_16BE, bytes, 2));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return checkText(strict(StandardCharsets.UTF_16LE, bytes, 2));
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IngestException(RejectReason.BINARY_CONTENT, "binary content: NUL byte at offset " + i);
            }
        }
        return checkText(strict(StandardCharsets.UTF_8, bytes, start));
    }

    private static String strict(Charset charset, byte[] bytes, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            CharBuffer out = decoder.decode(in);
            return out.toString();
        } catch (MalformedInputException e) {
            throw new IngestException(RejectReason.INVALID_ENCODING,
                    "invalid " + charset.name() + " at byte offset " + in.position() + " (only UTF-8, or UTF-16 with a byte order mark, is accepted)");
        } catch (CharacterCodingException e) {
            throw new IngestException(RejectReason.INVALID_ENCODING, "invalid " + charset.name() + ": " + e);
        }
    }

    private static String checkText(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new IngestException(RejectReason.BINARY_CONTENT, "binary content: NUL character at index " + i);
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        if (controls > 1 && controls > text.length() * MAX_CONTROL_SHARE) {
            throw new IngestException(RejectReason.BINARY_CONTENT,
                    "binary content: " + controls + " control characters in " + text.length());
        }
        return text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
