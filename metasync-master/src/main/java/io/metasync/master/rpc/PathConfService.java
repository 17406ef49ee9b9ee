package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.metasync.common.NamespacePath;
import io.metasync.master.pathconf.PathConfKey;
import io.metasync.master.pathconf.PathConfiguration;
import io.metasync.master.pathconf.ReadOptionsResolver;
import io.metasync.master.pathconf.SettingOrigin;
import io.metasync.master.security.Caller;
import io.metasync.master.security.PermissionChecker;
import io.metasync.master.sync.ReadOptions;
import io.metasync.proto.EffectiveSetting;
import io.metasync.proto.GetEffectivePathConfRequest;
import io.metasync.proto.GetEffectivePathConfResponse;
import io.metasync.proto.ListPathConfRequest;
import io.metasync.proto.ListPathConfResponse;
import io.metasync.proto.PathConfEntry;
import io.metasync.proto.PathConfigurationGrpc;
import io.metasync.proto.SetPathConfRequest;
import io.metasync.proto.SetPathConfResponse;
import io.metasync.proto.SettingSource;
import io.metasync.proto.UnsetPathConfRequest;
import io.metasync.proto.UnsetPathConfResponse;

/**
 * The gRPC face of path configuration (fs pathConf): setting and unsetting are for administrators
 * (as mounting is); anyone may list it or ask what is in effect on a path, as {@code fs stat} shows
 * that to anyone who may stat the path anyway.
 */
public final class PathConfService extends PathConfigurationGrpc.PathConfigurationImplBase {
  private final PathConfiguration pathConf;
  private final ProtoConversions conversions;

  /**
   * @param defaults the master's read options, which a call and a path configuration override
   */
  public PathConfService(PathConfiguration pathConf, ReadOptions defaults) {
    this.pathConf = requireNonNull(pathConf, "pathConf is null");
    this.conversions = new ProtoConversions(defaults, pathConf);
  }

  @Override
  public void setPathConf(
      SetPathConfRequest request, StreamObserver<SetPathConfResponse> observer) {
    Caller caller = CallerInterceptor.current();
    MasterRpcService.unary(
        observer,
        Audit.mutation(caller, "setPathConf", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PermissionChecker.checkSuperuser(caller, "set the path configuration of", path);
          pathConf.set(path, request.getPropertiesMap());
          return SetPathConfResponse.getDefaultInstance();
        });
  }

  @Override
  public void unsetPathConf(
      UnsetPathConfRequest request, StreamObserver<UnsetPathConfResponse> observer) {
    Caller caller = CallerInterceptor.current();
    MasterRpcService.unary(
        observer,
        Audit.mutation(caller, "unsetPathConf", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PermissionChecker.checkSuperuser(caller, "unset the path configuration of", path);
          pathConf.unset(path, request.getKeysList());
          return UnsetPathConfResponse.getDefaultInstance();
        });
  }

  @Override
  public void listPathConf(
      ListPathConfRequest request, StreamObserver<ListPathConfResponse> observer) {
    Caller caller = CallerInterceptor.current();
    MasterRpcService.unary(
        observer,
        Audit.read(caller, "listPathConf", request.getPath()),
        () -> {
          NamespacePath top =
              request.getPath().isEmpty()
                  ? NamespacePath.ROOT
                  : ProtoConversions.path(request.getPath());
          ListPathConfResponse.Builder response = ListPathConfResponse.newBuilder();
          pathConf
              .list(top)
              .forEach(
                  (path, properties) ->
                      response.addEntries(
                          PathConfEntry.newBuilder()
                              .setPath(path.toString())
                              .putAllProperties(properties)));
          return response.build();
        });
  }

  @Override
  public void getEffectivePathConf(
      GetEffectivePathConfRequest request, StreamObserver<GetEffectivePathConfResponse> observer) {
    Caller caller = CallerInterceptor.current();
    MasterRpcService.unary(
        observer,
        Audit.read(caller, "getEffectivePathConf", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          ReadOptionsResolver.Effective effective =
              conversions.effective(path, request.getContext());
          return GetEffectivePathConfResponse.newBuilder()
              .addSettings(
                  setting(
                      PathConfKey.SYNC_INTERVAL,
                      effective.options().interval().toString(),
                      effective.intervalOrigin()))
              .addSettings(
                  setting(
                      PathConfKey.LOAD_TYPE,
                      effective.options().loadType().name(),
                      effective.loadTypeOrigin()))
              .build();
        });
  }

  private static EffectiveSetting setting(PathConfKey key, String value, SettingOrigin origin) {
    EffectiveSetting.Builder setting =
        EffectiveSetting.newBuilder()
            .setKey(key.key())
            .setValue(value)
            .setSource(
                switch (origin.source()) {
                  case CALL -> SettingSource.SETTING_SOURCE_CALL;
                  case PATH_CONF -> SettingSource.SETTING_SOURCE_PATH_CONF;
                  case MASTER_DEFAULT -> SettingSource.SETTING_SOURCE_MASTER_DEFAULT;
                });
    origin.path().ifPresent(path -> setting.setSourcePath(path.toString()));
    return setting.build();
  }
}
