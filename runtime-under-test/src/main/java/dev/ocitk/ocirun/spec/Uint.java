package dev.ocitk.ocirun.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Deserializers for the spec's unsigned integer types. Java has no unsigned long, so a uint64 is
 * kept as the same 64 bits in a {@code long} (read it with {@link Long#toUnsignedString(long)});
 * that is what the kernel interfaces (rlimits, cgroup files) want anyway. Negative numbers, fractions
 * and values past the type's range are rejected with a message that names the range.
 */
public final class Uint {
    private Uint() {}

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Reads an unsigned integer below {@code limit} from the current token. */
    static BigInteger read(JsonParser p, DeserializationContext ctx, BigInteger limit, String typeName)
            throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            return (BigInteger) ctx.handleUnexpectedToken(BigInteger.class, p.currentToken(), p,
                    "expected an integer (%s), got %s", typeName, p.currentToken());
        }
        BigInteger v = p.getBigIntegerValue();
        if (v.signum() < 0 || v.compareTo(limit) >= 0) {
            return (BigInteger) ctx.handleWeirdNumberValue(BigInteger.class, v,
                    "out of range for %s", typeName);
        }
        return v;
    }

    /** uint64 as raw bits in a long. */
    public static final class U64 extends StdDeserializer<Long> {
        public U64() { super(Long.class); }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return read(p, ctx, TWO_64, "uint64").longValue();
        }
    }

    /** uint32 widened to a long. */
    public static final class U32 extends StdDeserializer<Long> {
        public U32() { super(Long.class); }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return read(p, ctx, BigInteger.ONE.shiftLeft(32), "uint32").longValue();
        }
    }
}
