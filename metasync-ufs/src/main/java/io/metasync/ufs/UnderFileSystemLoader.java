package io.metasync.ufs;

import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link UnderFileSystemFactory} for a URI's scheme among those on the class path. */
public final class UnderFileSystemLoader {
  private final Map<String, UnderFileSystemFactory> factories = new TreeMap<>();

  public UnderFileSystemLoader() {
    this(UnderFileSystemLoader.class.getClassLoader());
  }

  public UnderFileSystemLoader(ClassLoader classLoader) {
    for (UnderFileSystemFactory factory :
        ServiceLoader.load(UnderFileSystemFactory.class, classLoader)) {
      factories.put(factory.scheme().toLowerCase(Locale.ROOT), factory);
    }
  }

  /**
   * @throws MetasyncException INVALID_ARGUMENT when no factory serves the URI's scheme
   * @throws IOException when the factory cannot open the UFS
   */
  public UnderFileSystem open(URI rootUri, Map<String, String> properties) throws IOException {
    String scheme = rootUri.getScheme() == null ? "" : rootUri.getScheme().toLowerCase(Locale.ROOT);
    UnderFileSystemFactory factory = factories.get(scheme);
    if (factory == null) {
      throw MetasyncException.invalidArgument(
          "no under file system serves '" + rootUri + "': known schemes are " + factories.keySet());
    }
    return factory.create(rootUri, properties);
  }
}
