package io.metasync.hadoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class path an engine (Spark, Trino, Flink) gives a user jar: Hadoop and SLF4J come from the
 * engine ({@code shared}), every other class only from {@code jars} in their order, never from the
 * test's own class path, which holds metasync's unshaded classes and our gRPC.
 */
final class EngineClassLoader extends URLClassLoader {
  private static final List<String> SHARED_PACKAGES = List.of("org.apache.hadoop.", "org.slf4j.");

  private final ClassLoader shared;

  EngineClassLoader(List<Path> jars, ClassLoader shared) {
    super(urls(jars), ClassLoader.getPlatformClassLoader());
    this.shared = shared;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    for (String prefix : SHARED_PACKAGES) {
      if (name.startsWith(prefix)) {
        return shared.loadClass(name);
      }
    }
    return super.loadClass(name, resolve);
  }

  private static URL[] urls(List<Path> jars) {
    return jars.stream().map(EngineClassLoader::url).toArray(URL[]::new);
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(new IOException("not a jar path: " + jar, e));
    }
  }
}
