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

/**
 * Turns input bytes into text, strictly. UTF-8 is the input encoding; a UTF-8 byte order mark is dropped. UTF-16
 * is decoded only when a byte order mark announces it (Windows tools write it that way, and the BOM makes it
 * unambiguous); any other encoding is rejected as INVALID_ENCODING rather than guessed, because a wrong guess
 * silently corrupts names and accents. NUL bytes, or more than a few other control characters, mean BINARY_CONTENT.
 */
final class TextDecoder {

    // A few stray control characters occur in real exports; beyond this share the input is not text.
    private static final double MAX_CONTROL_SHARE = 0.005;

    private TextDecoder() {
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
