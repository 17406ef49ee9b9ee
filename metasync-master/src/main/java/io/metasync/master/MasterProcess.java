package io.metasync.master;

import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.metasync.common.CauseChain;
import io.metasync.common.ErrorCode;
import io.metasync.common.FolderLock;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import io.metasync.common.Ticker;
import io.metasync.master.journal.JournalHooks;
import io.metasync.master.journal.RatisJournal;
import io.metasync.master.metrics.MasterMetrics;
import io.metasync.master.metrics.SyncLog;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.UfsOpener;
import io.metasync.master.rpc.CallerInterceptor;
import io.metasync.master.rpc.ClientCallInterceptor;
import io.metasync.master.rpc.JournalAdminService;
import io.metasync.master.rpc.LeaderGate;
import io.metasync.master.rpc.MasterInfoService;
import io.metasync.master.rpc.MasterRpcService;
import io.metasync.master.rpc.PathConfService;
import io.metasync.master.rpc.ProgressReporter;
import io.metasync.master.rpc.RetryAnswers;
import io.metasync.master.rpc.ServerTls;
import io.metasync.master.rpc.WatchService;
import io.metasync.master.security.SecuritySetup;
import io.metasync.master.sync.ReadOptions;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running master: the namespace behind a gRPC server and a read-only web page. */
public final class MasterProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MasterProcess.class);

  private final FolderLock journalLock;
  private final Namespace namespace;
  private final MasterThreads threads;
  private final Server server;
  private final WebServer webServer;
  private final AtomicInteger closed = new AtomicInteger();

  /** How long a master alone in its group may take to lead once its journal is replayed. */
  private static final Duration FIRST_SERVE_LIMIT = Duration.ofSeconds(60);

  private MasterProcess(
      FolderLock journalLock,
      Namespace namespace,
      MasterThreads threads,
      Server server,
      WebServer webServer) {
    this.journalLock = journalLock;
    this.namespace = namespace;
    this.threads = threads;
    this.server = server;
    this.webServer = webServer;
  }

  /**
   * Starts a master; port 0 means any free port.
   *
   * @throws MetasyncException with a one-line message when a port is busy, the journal folder is in
   *     use or the root UFS cannot be opened
   */
  public static MasterProcess start(MetasyncConfiguration conf) {
    return start(conf, UnaryOperator.identity());
  }

  /**
   * Starts a master whose every UFS (root and mounts) is wrapped by {@code ufsDecorator}.
   *
   * @throws MetasyncException as {@link #start(MetasyncConfiguration)}
   */
  public static MasterProcess start(
      MetasyncConfiguration conf, UnaryOperator<UnderFileSystem> ufsDecorator) {
    return start(conf, ufsDecorator, Clock.systemUTC());
  }

  /**
   * As {@link #start(MetasyncConfiguration, UnaryOperator)}, on {@code clock} (tests pass a manual
   * one to step active sync's intervals).
   */
  public static MasterProcess start(
      MetasyncConfiguration conf, UnaryOperator<UnderFileSystem> ufsDecorator, Clock clock) {
    FolderLock journalLock = lockJournalThenCheckPorts(conf);
    MasterThreads threads = new MasterThreads(conf);
    Namespace namespace = null;
    Server server = null;
    MasterLeadership leadership = new MasterLeadership();
    AtomicReference<RatisJournal> journal = new AtomicReference<>();
    try {
      MasterMetrics metrics = new MasterMetrics(Ticker.system(), clock);
      UnderFileSystemLoader loader = new UnderFileSystemLoader();
      UfsOpener opener =
          (uri, properties) -> metrics.meterUfs(ufsDecorator.apply(loader.open(uri, properties)));
      UnderFileSystem rootUfs = Namespace.openRootUfs(conf, opener);
      namespace =
          new Namespace(
              conf,
              rootUfs,
              opener,
              state -> {
                RatisJournal opened =
                    RatisJournal.open(
                        conf,
                        state,
                        new JournalHooks(
                            Ticker.system(), MasterProcess::haltOnApplyFailure, leadership));
                journal.set(opened);
                return metrics.timeJournal(opened);
              },
              new NamespaceThreads(threads.sync, threads.activeSync, clock));
      leadership.namespaceReady(namespace);
      Namespace served = namespace;
      metrics.watchNamespace(
          new MasterMetrics.NamespaceGauges(
              served::inodeCount,
              () -> served.mountTable().list().size(),
              () -> served.activeSync().syncPoints(),
              served::inodeCacheCounts,
              () -> served.mountTable().list().stream().map(MountPoint::ufs).toList()));
      namespace.syncs().addListener(metrics.syncListener());
      namespace
          .syncs()
          .addListener(new SyncLog(conf.getDuration(PropertyKey.MASTER_SYNC_LOG_THRESHOLD)));
      ReadOptions defaults =
          new ReadOptions(
              conf.getSyncInterval(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL),
              conf.getLoadType(PropertyKey.USER_FILE_METADATA_LOAD_TYPE));
      MasterRpcService service =
          new MasterRpcService(
              namespace.operations(),
              defaults,
              conf.getOctal(PropertyKey.SECURITY_UMASK),
              threads.streams,
              new ProgressReporter(threads.progress, clock, Duration.ofSeconds(1)));
      CallerInterceptor callers = new CallerInterceptor(SecuritySetup.callerResolver(conf, clock));
      String host = conf.get(PropertyKey.MASTER_HOSTNAME);
      LeaderGate gate = new LeaderGate(leadership);
      server =
          startServer(
              List.of(
                  // the last is outermost: a call the gate or the caller check refuses is counted
                  ServerInterceptors.intercept(
                      service,
                      new ClientCallInterceptor(
                          namespace.appliedCalls(), new RetryAnswers(namespace.reads()), clock),
                      callers,
                      gate,
                      metrics.rpcInterceptor()),
                  ServerInterceptors.intercept(
                      new PathConfService(namespace.pathConf(), defaults),
                      callers,
                      gate,
                      metrics.rpcInterceptor()),
                  ServerInterceptors.intercept(
                      new JournalAdminService(journal.get().membership()),
                      callers,
                      gate,
                      metrics.rpcInterceptor()),
                  ServerInterceptors.intercept(
                      new WatchService(
                          namespace.changes(),
                          namespace.reads(),
                          namespace.operations().authorizer(),
                          defaults,
                          namespace.pathConf()),
                      callers,
                      gate,
                      metrics.rpcInterceptor()),
                  ServerInterceptors.intercept(
                      new MasterInfoService(new MasterInfoSource(leadership, namespace)),
                      metrics.rpcInterceptor())),
              ServerTls.credentials(conf),
              host,
              conf.getInt(PropertyKey.MASTER_RPC_PORT));
      WebServer webServer =
          WebServer.start(
              host,
              conf.getInt(PropertyKey.MASTER_WEB_PORT),
              WebServer.view(
                  conf,
                  namespace,
                  metrics,
                  new GroupRoleView(new MasterInfoSource(leadership, namespace)),
                  clock));
      leadership.serversStarted(
          new MasterLeadership.Addresses(
              host + ":" + server.getPort(), host + ":" + webServer.port()));
      int groupSize = namespace.journalRole().peers().size();
      if (groupSize == 1) {
        leadership.awaitFirstServed(FIRST_SERVE_LIMIT);
      }
      LOG.info(
          "metasync master {} on {}:{}",
          switch (groupSize) {
            case 0 -> "started to join a group (bin/metasync journal add-peer on its leader)";
            case 1 -> "serving " + namespace.mountTable().list().get(0).ufsUri();
            default -> "started in a group of " + groupSize + " (it serves when it leads)";
          },
          host,
          server.getPort());
      return new MasterProcess(journalLock, namespace, threads, server, webServer);
    } catch (RuntimeException e) {
      leadership.startFailed(e);
      if (server != null) {
        server.shutdownNow();
      }
      if (namespace != null) {
        namespace.close();
      }
      threads.shutdownNow();
      journalLock.close();
      throw e;
    }
  }

  /**
   * A journal entry that cannot be applied leaves the namespace behind its log: serving on would
   * answer from a state that no longer matches what was acknowledged. Stop at once; a restart
   * replays the log.
   */
  private static void haltOnApplyFailure(MetasyncException error) {
    LOG.error(
        "Stopping the master: a journal entry could not be applied: {}", error.getMessage(), error);
    Runtime.getRuntime().halt(70);
  }

  private static Server startServer(
      List<ServerServiceDefinition> services,
      ServerCredentials credentials,
      String host,
      int port) {
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(host, port), credentials);
      services.forEach(builder::addService);
      return builder.build().start();
    } catch (IOException e) {
      throw portError(host, port, PropertyKey.MASTER_RPC_PORT, e);
    }
  }

  /**
   * A journal folder in use is the more telling error, so an existing one is locked first (that
   * writes nothing new); a new one is created only once the ports are known to be free.
   */
  private static FolderLock lockJournalThenCheckPorts(MetasyncConfiguration conf) {
    Path folder = conf.getPath(PropertyKey.MASTER_JOURNAL_FOLDER);
    if (!Files.isDirectory(folder)) {
      checkPortsFree(conf);
      return journalLock(folder);
    }
    FolderLock lock = journalLock(folder);
    try {
      checkPortsFree(conf);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  /**
   * Before anything is written: a busy port found later, by the RPC server or by Ratis, left a new
   * journal folder with a snapshot behind and printed Ratis's stack trace. A port taken between
   * this check and the bind still fails there, with the same kind of message.
   */
  private static void checkPortsFree(MetasyncConfiguration conf) {
    Map<Integer, PropertyKey> keysByPort = new LinkedHashMap<>();
    for (PropertyKey key :
        List.of(
            PropertyKey.MASTER_RPC_PORT,
            PropertyKey.MASTER_WEB_PORT,
            PropertyKey.MASTER_JOURNAL_PORT)) {
      int port = conf.getInt(key);
      PropertyKey same = port == 0 ? null : keysByPort.putIfAbsent(port, key); // 0: any port
      if (same != null) {
        throw MetasyncException.invalidArgument(
            same.key() + " and " + key.key() + " are both " + port + "; give each its own port");
      }
    }
    String host = conf.get(PropertyKey.MASTER_HOSTNAME);
    keysByPort.forEach(
        (port, key) -> {
          InetSocketAddress address = new InetSocketAddress(host, port);
          if (address.isUnresolved()) {
            throw MetasyncException.invalidArgument(
                "cannot listen on "
                    + host
                    + ": unknown host '"
                    + host
                    + "'; set "
                    + PropertyKey.MASTER_HOSTNAME.key()
                    + " to a name of this machine");
          }
          try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
          } catch (IOException e) {
            throw portError(host, port, key, e);
          }
        });
  }

  static MetasyncException portError(String host, int port, PropertyKey key, IOException e) {
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "cannot listen on "
            + host
            + ":"
            + port
            + ": "
            + (addressInUse(e)
                ? "the address is in use (is another master running?)"
                : CauseChain.describe(e))
            + "; choose another port with -D"
            + key.key()
            + "=PORT",
        e);
  }

  /**
   * Netty's native transport reports a busy port as its own exception, not a {@link BindException}.
   */
  private static boolean addressInUse(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException
          || String.valueOf(cause.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  public int rpcPort() {
    return server.getPort();
  }

  public int webPort() {
    return webServer.port();
  }

  public Namespace namespace() {
    return namespace;
  }

  private static FolderLock journalLock(Path folder) {
    return FolderLock.acquire(
        folder,
        "master.lock",
        "another master is running on the journal folder "
            + folder
            + "; stop it or set -Dmetasync.master.journal.folder",
        "the journal folder {} (metasync.master.journal.folder)");
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops serving, lets running calls finish for a few seconds, and releases the journal folder.
   */
  @Override
  public void close() {
    if (closed.getAndIncrement() > 0) {
      return;
    }
    namespace.changes().stopping(); // a watch would hold the server's graceful stop
    server.shutdown();
    webServer.stop();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    namespace.close();
    threads.shutdownNow();
    journalLock.close();
    LOG.info("metasync master stopped");
  }
}
