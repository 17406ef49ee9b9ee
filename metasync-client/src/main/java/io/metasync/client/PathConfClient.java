package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.proto.CallContext;
import io.metasync.proto.GetEffectivePathConfRequest;
import io.metasync.proto.ListPathConfRequest;
import io.metasync.proto.PathConfEntry;
import io.metasync.proto.PathConfigurationGrpc;
import io.metasync.proto.SetPathConfRequest;
import io.metasync.proto.UnsetPathConfRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Path configuration (fs pathConf) on the master of a {@link MetasyncClient}, over its channel:
 * client-side keys set on a path, which calls on that path and below it use unless they set the key
 * themselves. Obtained from {@link MetasyncClient#pathConf()}; closing the client closes it. Every
 * method throws {@link io.metasync.common.MetasyncException} as the client's do.
 */
public final class PathConfClient {
  private final LeaderFailover failover;
  private final CallContext context;

  /** Calls go to the leader of {@code failover}'s masters, as the client's own do. */
  PathConfClient(LeaderFailover failover, CallContext context) {
    this.failover = requireNonNull(failover, "failover is null");
    this.context = requireNonNull(context, "context is null");
  }

  /**
   * A key's value in effect on a path, and where it came from ("call", "path configuration at /x",
   * "master default").
   */
  public record EffectiveSetting(String key, String value, String origin) {}

  /**
   * Sets {@code properties} on {@code path} (administrators only), keeping its other keys.
   *
   * @throws io.metasync.common.MetasyncException INVALID_ARGUMENT for a key a path may not set or a
   *     bad value, PERMISSION_DENIED for a caller who is not an administrator
   */
  public void set(String path, Map<String, String> properties) {
    mutation(
        stub ->
            stub.setPathConf(
                SetPathConfRequest.newBuilder()
                    .setContext(context)
                    .setPath(path)
                    .putAllProperties(properties)
                    .build()));
  }

  /**
   * Removes {@code keys} from {@code path}'s configuration (administrators only).
   *
   * @throws io.metasync.common.MetasyncException NOT_FOUND when the path does not set a key,
   *     PERMISSION_DENIED for a caller who is not an administrator
   */
  public void unset(String path, List<String> keys) {
    mutation(
        stub ->
            stub.unsetPathConf(
                UnsetPathConfRequest.newBuilder()
                    .setContext(context)
                    .setPath(path)
                    .addAllKeys(keys)
                    .build()));
  }

  /** The configuration of {@code path} and of every configured path below it, in path order. */
  public Map<String, Map<String, String>> list(String path) {
    List<PathConfEntry> entries =
        unary(
                stub ->
                    stub.listPathConf(
                        ListPathConfRequest.newBuilder().setContext(context).setPath(path).build()))
            .getEntriesList();
    Map<String, Map<String, String>> listed = new LinkedHashMap<>();
    entries.forEach(entry -> listed.put(entry.getPath(), Map.copyOf(entry.getPropertiesMap())));
    return listed;
  }

  /** What a call of this client on {@code path} would use, key by key. */
  public List<EffectiveSetting> effective(String path) {
    return unary(
            stub ->
                stub.getEffectivePathConf(
                    GetEffectivePathConfRequest.newBuilder()
                        .setContext(context)
                        .setPath(path)
                        .build()))
        .getSettingsList()
        .stream()
        .map(
            setting ->
                new EffectiveSetting(
                    setting.getKey(),
                    setting.getValue(),
                    switch (setting.getSource()) {
                      case SETTING_SOURCE_CALL -> "call";
                      case SETTING_SOURCE_PATH_CONF ->
                          "path configuration at " + setting.getSourcePath();
                      case SETTING_SOURCE_MASTER_DEFAULT -> "master default";
                      case SETTING_SOURCE_UNSPECIFIED, UNRECOGNIZED -> "unknown";
                    }))
        .toList();
  }

  /** A call whose stub is this class's service over the channel to the master tried now. */
  private interface PathConfCall<T> {
    T run(PathConfigurationGrpc.PathConfigurationBlockingStub stub);
  }

  private <T> T unary(PathConfCall<T> call) {
    return failover.call(false, stubs -> call.run(stub(stubs)));
  }

  private <T> T mutation(PathConfCall<T> call) {
    return failover.call(true, stubs -> call.run(stub(stubs)));
  }

  private static PathConfigurationGrpc.PathConfigurationBlockingStub stub(MasterStubs stubs) {
    // the channel of the main service's stub carries its headers (caller, call id) along
    return PathConfigurationGrpc.newBlockingStub(stubs.blocking().getChannel());
  }
}
