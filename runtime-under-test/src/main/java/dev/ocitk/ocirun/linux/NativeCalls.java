package dev.ocitk.ocirun.linux;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.util.HashMap;
import java.util.Map;

/**
 * Calls into a native library through JNA {@link Function} objects, looked up on first use and kept.
 *
 * <p>Why not JNA's direct mapping ({@code native} methods and {@code Native.register}): registering
 * initialises JNA's {@code Structure.FFIType}, whose annotation proxies and reflection cost every
 * ocirun JVM ~16 ms interpreted, plus ~0.1 ms per method registered, before the first call. A
 * {@code Function} call costs ~10 µs more than a direct one, and a container start makes a few
 * hundred: measured, binding this way saves create and the init ~15 ms each (see the module README,
 * "Start-up cost").
 *
 * <p>A function called {@code checked} throws {@link com.sun.jna.LastErrorException} when errno is set
 * after the call, as a direct-mapped method declaring it does; JNA clears errno before the call.
 */
final class NativeCalls {
    private final NativeLibrary library;
    private final Map<String, Function> checked = new HashMap<>();
    private final Map<String, Function> plain = new HashMap<>();

    NativeCalls(NativeLibrary library) {
        this.library = library;
    }

    private synchronized Function function(String name, boolean throwLastError) {
        Map<String, Function> cache = throwLastError ? checked : plain;
        Function f = cache.get(name);
        if (f == null) {
            f = library.getFunction(name, throwLastError ? Function.THROW_LAST_ERROR : Function.C_CONVENTION);
            cache.put(name, f);
        }
        return f;
    }

    int i(String name, boolean throwLastError, Object... args) {
        return function(name, throwLastError).invokeInt(args);
    }

    long l(String name, boolean throwLastError, Object... args) {
        return function(name, throwLastError).invokeLong(args);
    }

    void v(String name, boolean throwLastError, Object... args) {
        function(name, throwLastError).invokeVoid(args);
    }

    Pointer p(String name, boolean throwLastError, Object... args) {
        return function(name, throwLastError).invokePointer(args);
    }

    String s(String name, boolean throwLastError, Object... args) {
        return function(name, throwLastError).invokeString(args, false);
    }
}
