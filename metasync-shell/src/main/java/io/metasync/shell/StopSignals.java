package io.metasync.shell;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM without letting the JVM start shutting down. A shutdown hook
 * is too late for Hadoop's daemons: while the JVM shuts down, Hadoop's {@code ShutdownHookManager}
 * refuses the hook removals its DataNode makes when it stops, so the cluster would stop halfway.
 * {@code sun.misc.Signal} (module jdk.unsupported, which Hadoop uses too) is reached by reflection
 * because javac warns about it unconditionally and the build treats warnings as errors.
 */
final class StopSignals {
  private final CountDownLatch received = new CountDownLatch(1);
  private volatile int exitCode;

  private StopSignals() {}

  static StopSignals install() throws ReflectiveOperationException {
    StopSignals signals = new StopSignals();
    Class<?> signalType = Class.forName("sun.misc.Signal");
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    for (String name : new String[] {"INT", "TERM"}) {
      Object signal = signalType.getConstructor(String.class).newInstance(name);
      int exitCode = 128 + (int) signalType.getMethod("getNumber").invoke(signal);
      InvocationHandler onSignal =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              signals.exitCode = exitCode;
              signals.received.countDown();
            }
            return null;
          };
      Object handler =
          Proxy.newProxyInstance(
              StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
      signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
    }
    return signals;
  }

  /** Blocks until a stop signal arrives; returns the exit code a shell expects: 128 + signal. */
  int await() throws InterruptedException {
    received.await();
    return exitCode;
  }
}
