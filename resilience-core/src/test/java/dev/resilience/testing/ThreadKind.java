package dev.resilience.testing;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * The kinds of threads a concurrency test runs on: platform threads always, virtual threads when the
 * running JDK has them (21+; the build compiles for 17, so they are reached reflectively).
 */
public enum ThreadKind {
    /** Ordinary platform threads. */
    PLATFORM,
    /** Virtual threads (JDK 21+). */
    VIRTUAL;

    /**
     * The kinds this JVM can run; a parameter source for {@code @MethodSource}.
     *
     * @return PLATFORM, and VIRTUAL where supported
     */
    public static List<ThreadKind> available() {
        List<ThreadKind> kinds = new ArrayList<>(List.of(PLATFORM));
        if (virtualFactory() != null) {
            kinds.add(VIRTUAL);
        }
        return kinds;
    }

    /**
     * Whether this JVM has virtual threads.
     *
     * @return {@code true} on JDK 21+
     */
    public static boolean virtualThreadsAvailable() {
        return virtualFactory() != null;
    }

    /**
     * A factory for threads of this kind.
     *
     * @return the factory
     */
    public ThreadFactory factory() {
        if (this == PLATFORM) {
            return runnable -> {
                Thread thread = new Thread(runnable);
                thread.setDaemon(true);
                return thread;
            };
        }
        ThreadFactory factory = virtualFactory();
        if (factory == null) {
            throw new IllegalStateException("virtual threads need JDK 21+, running " + Runtime.version());
        }
        return factory;
    }

    private static ThreadFactory virtualFactory() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            // Look factory() up on the public Thread.Builder interface: the builder's own class is
            // internal to java.base, and making its method accessible fails on a modular JDK.
            Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
