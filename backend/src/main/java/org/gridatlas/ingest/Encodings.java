package org.gridatlas.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells UTF-8 from GB18030 in a text file when the user did not say. Office CSV from Chinese Windows is GBK/GB18030;
 * everything else is UTF-8 (with or without BOM). The first {@value #PROBE} bytes are decoded strictly as UTF-8:
 * Chinese text in GBK is almost never valid UTF-8 (its lead bytes 0x81–0xFE followed by ASCII-range or 0x40–0x7E
 * bytes break UTF-8's continuation rule), so a clean decode means UTF-8 and a failure means GB18030, a superset of
 * GBK and GB2312.
 */
public final class Encodings {
    static final int PROBE = 64 * 1024;
    public static final Charset GB18030 = Charset.forName("GB18030");

    private Encodings() {}

    /** The stream to read from (marked and reset, nothing lost) and its detected charset. */
    public record Detected(InputStream in, Charset charset) {}

    public static Detected detect(InputStream raw) {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, PROBE + 8);
        try {
            in.mark(PROBE + 8);
            byte[] head = in.readNBytes(PROBE);
            in.reset();
            return new Detected(in, detect(head, head.length < PROBE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param complete whether {@code head} is the whole file (else its last character may be cut off) */
    static Charset detect(byte[] head, boolean complete) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1), complete);
        return r.isError() ? GB18030 : StandardCharsets.UTF_8;
    }
}
