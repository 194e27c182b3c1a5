package io.dashshare.adapter.http.audit;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.port.AuditEvents;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The opaque {@code cursor} of the audit log's pages (docs/api.md, audit log): base64url of the
 * last event's time (microseconds since the epoch, the stored precision) and id, and a CRC-32 of
 * both, so that a cut or altered cursor is a 400 rather than a page that starts somewhere else.
 * It is not a secret nor a permission: every page is of the caller's own company whatever it says.
 */
final class AuditCursor {

    private static final int LENGTH = Long.BYTES + 2 * Long.BYTES + Integer.BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private AuditCursor() {
    }

    static String encode(AuditEvents.Position position) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
        bytes.putLong(ChronoUnit.MICROS.between(Instant.EPOCH, position.at()));
        bytes.putLong(position.id().getMostSignificantBits()).putLong(position.id().getLeastSignificantBits());
        bytes.putInt(crc(bytes.array(), LENGTH - Integer.BYTES));
        return ENCODER.encodeToString(bytes.array());
    }

    static AuditEvents.Position decode(String cursor) {
        byte[] raw;
        try {
            raw = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != LENGTH) {
            throw invalid();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        long micros = bytes.getLong();
        UUID id = new UUID(bytes.getLong(), bytes.getLong());
        if (bytes.getInt() != crc(raw, LENGTH - Integer.BYTES)) {
            throw invalid();
        }
        return new AuditEvents.Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("cursor", "is not a cursor of this list: pass next_cursor as it came");
    }
}
