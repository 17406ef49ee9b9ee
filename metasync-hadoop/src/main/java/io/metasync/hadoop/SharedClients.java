package io.metasync.hadoop;

import io.metasync.client.CallOptions;
import io.metasync.client.ClientIdentity;
import io.metasync.client.ClientTls;
import io.metasync.client.MasterGroup;
import io.metasync.client.MetasyncClient;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link MetasyncClient} (one gRPC channel per master) per group of masters and user, shared by
 * every {@link MetasyncFileSystem} of this JVM and closed when the last of them is. Spark and Hive
 * make many file-system instances (one per task with {@code fs.metasync.impl.disable.cache=true})
 * and do not always close them; a channel each would leak threads and sockets. Sharing is safe
 * because every call passes its own options: the client's defaults are never used for metadata
 * calls.
 */
final class SharedClients {
  /** The group includes its retry duration: clients that wait differently are not shared. */
  private record Key(MasterGroup masters, ClientIdentity identity, ClientTls tls) {}

  private static final class Shared {
    final MetasyncClient client;
    int users;

    Shared(MetasyncClient client) {
      this.client = client;
    }
  }

  private static final Map<Key, Shared> CLIENTS = new HashMap<>();

  private SharedClients() {}

  static synchronized MetasyncClient acquire(
      MasterGroup masters, ClientIdentity identity, ClientTls tls, CallOptions defaults) {
    Shared shared =
        CLIENTS.computeIfAbsent(
            new Key(masters, identity, tls),
            key -> new Shared(MetasyncClient.connect(masters, defaults, identity, tls)));
    shared.users++;
    return shared.client;
  }

  static synchronized void release(MetasyncClient client) {
    CLIENTS
        .entrySet()
        .removeIf(
            entry -> {
              Shared shared = entry.getValue();
              if (shared.client != client || --shared.users > 0) {
                return false;
              }
              shared.client.close();
              return true;
            });
  }

  /** Clients open now, for tests. */
  static synchronized int open() {
    return CLIENTS.size();
  }
}
