package io.metasync.bench;

import io.metasync.client.ClientIdentity;
import io.metasync.client.ClientTls;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.common.Ticker;
import io.metasync.master.Namespace;
import io.metasync.master.file.PathStatus;
import io.metasync.master.file.ReadOperations;
import io.metasync.master.security.Caller;
import io.metasync.master.security.CallerResolver;
import io.metasync.master.security.PathAuthorizer;
import io.metasync.master.security.SecuritySetup;
import io.metasync.master.sync.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the permission checks (issue 14) cost on cached reads. A non-superuser, {@value #USER},
 * calls two masters in this JVM that differ in one setting: checks on ({@value #ENABLED}{@code
 * =true}, the default; "metasync" in the table) and off ("baseline"). Both mount the fixtures, both
 * caches are loaded first, and the same calls alternate between them: cached {@code getStatus} at 1
 * thread (ops/s, p50, p99) and 8 threads, {@code listStatus} of the 1,000- and the 100,000-entry
 * folder, and the master's own {@code getStatus} plus its check in-process.
 *
 * <p>Not {@link #USER}'s own user: the master's OS user (the harness's) is a superuser and skips
 * every check. Both masters authenticate every call and resolve its caller (groups from a cached
 * {@code id -Gn}) alike, so that cost is in neither ratio; it is given on its own.
 */
final class PermissionsScenario {
  static final String USER = "nobody";
  static final String ENABLED = "metasync.security.authorization.permission.enabled";

  private static final String NAME = "permissions";
  private static final int THREADS = 8;

  private static final int IN_PROCESS_CALLS = 200_000;

  /** A folder only the master's user may enter: proves which master checks. */
  private static final String PRIVATE_FOLDER = "permissions-private";

  private static final ReadOptions CACHED = new ReadOptions(SyncInterval.NEVER, LoadType.ONCE);

  /** Keeps the JIT from dropping in-process work whose result nobody reads. */
  private static volatile long sink;

  private PermissionsScenario() {}

  static void run(BenchContext context) throws Exception {
    Fixtures fixtures = context.fixtures();
    if (USER.equals(System.getProperty("user.name"))) {
      throw new IllegalStateException("run the harness as another user than " + USER);
    }
    checkReadableByOthers(fixtures);
    String privatePath = fixtures.scratchPath() + "/" + PRIVATE_FOLDER;
    Path privateFolder = fixtures.local(privatePath);
    createPrivateFolder(privateFolder);
    try (UserMaster checked = UserMaster.start(context, true);
        UserMaster unchecked = UserMaster.start(context, false)) {
      for (UserMaster master : List.of(checked, unchecked)) {
        master.load(fixtures.smallPath(), fixtures.widePath());
      }
      checkWhichMasterChecks(checked, unchecked, privatePath + "/f");
      String[] paths = new String[fixtures.smallWidth()];
      for (int i = 0; i < paths.length; i++) {
        paths[i] = fixtures.smallPath() + "/" + Fixtures.fileName(i);
      }
      getStatus(context, checked.client(), unchecked.client(), paths);
      list(context, checked, unchecked, fixtures.smallPath(), fixtures.smallWidth());
      list(context, checked, unchecked, fixtures.widePath(), fixtures.wideWidth());
      inProcess(context, checked.master().namespace(), unchecked.master().namespace(), paths);
    } finally {
      FolderDeletion.delete(privateFolder);
    }
  }

  /**
   * The fixtures' folders must be {@code r-x} and their files {@code r--} for others, or every
   * figure would measure a refusal.
   */
  private static void checkReadableByOthers(Fixtures fixtures) throws IOException {
    for (String folder : List.of("/", fixtures.smallPath(), fixtures.widePath())) {
      requireOthers(
          fixtures.local(folder),
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_EXECUTE);
    }
    requireOthers(
        fixtures.local(fixtures.smallPath() + "/" + Fixtures.fileName(0)),
        PosixFilePermission.OTHERS_READ);
  }

  private static void requireOthers(Path path, PosixFilePermission... needed) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    for (PosixFilePermission permission : needed) {
      if (!permissions.contains(permission)) {
        throw new IllegalStateException(
            path
                + " is "
                + PosixFilePermissions.toString(permissions)
                + ": "
                + USER
                + " needs "
                + permission
                + "; recreate the fixtures with umask 022");
      }
    }
  }

  private static void createPrivateFolder(Path folder) throws IOException {
    FolderDeletion.delete(folder);
    Files.createDirectories(folder);
    Files.write(folder.resolve("f"), new byte[0]);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * The checked master refuses {@link #USER} a path under a private folder, the other answers:
   * otherwise the two sides would measure the same thing.
   */
  private static void checkWhichMasterChecks(
      UserMaster checked, UserMaster unchecked, String privateFile) {
    FileStatus status = unchecked.client().withOptions(BenchMaster.CACHED).getStatus(privateFile);
    if (!status.path().equals(privateFile)) {
      throw new IllegalStateException("unexpected status " + status);
    }
    try {
      checked.client().withOptions(BenchMaster.CACHED).getStatus(privateFile);
    } catch (MetasyncException e) {
      if (e.code() == ErrorCode.PERMISSION_DENIED) {
        Progress.log("permissions: %s refused as expected: %s", privateFile, e.getMessage());
        return;
      }
      throw e;
    }
    throw new IllegalStateException(
        "the master with checks let " + USER + " stat " + privateFile + ": the figures are void");
  }

  private static void getStatus(
      BenchContext context, MetasyncClient checked, MetasyncClient unchecked, String[] paths)
      throws Exception {
    BenchOptions options = context.options();
    Ticker ticker = context.ticker();
    Throughput.Call onChecked =
        index -> checked.withOptions(BenchMaster.CACHED).getStatus(paths[index % paths.length]);
    Throughput.Call onUnchecked =
        index -> unchecked.withOptions(BenchMaster.CACHED).getStatus(paths[index % paths.length]);
    LatencyRounds.Result oneThread =
        LatencyRounds.run(
            "permissions getStatus 1 thread", options, ticker, onChecked, onUnchecked);
    ResultTable table = context.table();
    String what = "cached getStatus as " + USER + ", checks on vs off, 1 thread";
    table.add(NAME, what, "ops/s", oneThread.throughput(), "goal: checks cost < 5 %");
    table.add(NAME, what + ", p50 latency", "µs", oneThread.p50Micros(), "–");
    table.add(NAME, what + ", p99 latency", "µs", oneThread.p99Micros(), "–");

    long sliceNanos = (long) (options.sliceSeconds() * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      PairedRounds.Result eightThreads =
          PairedRounds.run(
              "permissions getStatus " + THREADS + " threads",
              "ops/s",
              options,
              () -> Throughput.callsPerSecond(pool, THREADS, onChecked, sliceNanos, ticker),
              () -> Throughput.callsPerSecond(pool, THREADS, onUnchecked, sliceNanos, ticker));
      table.add(
          NAME,
          "cached getStatus as " + USER + ", checks on vs off, " + THREADS + " threads",
          "ops/s",
          eightThreads,
          "goal: checks cost < 5 %");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void list(
      BenchContext context, UserMaster checked, UserMaster unchecked, String path, int width)
      throws Exception {
    // Listings back to back for a whole slice, not a fixed count: a round of one 100,000-entry
    // listing (~0.2 s) or of 20 small ones swung by +-40 % on this machine.
    long sliceNanos = (long) (context.options().sliceSeconds() * 1e9);
    PairedRounds.Result result =
        PairedRounds.run(
            "permissions list " + path,
            "ms",
            context.options(),
            () -> checked.timedListings(context.ticker(), path, width, sliceNanos),
            () -> unchecked.timedListings(context.ticker(), path, width, sliceNanos));
    context
        .table()
        .add(
            NAME,
            String.format("cached listStatus of %,d entries as %s, checks on vs off", width, USER),
            "ms per listing",
            result,
            "goal: checks cost < 5 %");
  }

  /**
   * Where the time goes: the master's own {@code getStatus} and its check, in-process (no gRPC, no
   * caller resolution), with the {@link Caller} the master resolves for {@link #USER}; each check
   * alone; and that resolution alone, which every call pays whether checks are on or off. The RPC
   * figures cannot show a cost under their noise (several %); these show it in nanoseconds.
   */
  private static void inProcess(
      BenchContext context, Namespace checked, Namespace unchecked, String[] paths)
      throws Exception {
    Ticker ticker = context.ticker();
    CallerResolver resolver =
        SecuritySetup.callerResolver(MetasyncConfiguration.of(Map.of()), Clock.systemUTC());
    CallerResolver.Claim claim = new CallerResolver.Claim(USER, null, null, null, "127.0.0.1");
    Caller caller = resolver.resolve(claim);
    if (caller.superuser()) {
      throw new IllegalStateException(USER + " resolves as a superuser: the figures are void");
    }
    PairedRounds.Result result =
        PairedRounds.run(
            "permissions getStatus in-process",
            "ns",
            context.options(),
            () -> statusAndCheckNanos(checked, caller, paths, ticker),
            () -> statusAndCheckNanos(unchecked, caller, paths, ticker));
    context
        .table()
        .add(
            NAME,
            "the master alone: ReadOperations.getStatus + PathAuthorizer.checkStatus in-process,"
                + " checks on vs off",
            "ns per call",
            result,
            "–");
    PathAuthorizer authorizer = checked.operations().authorizer();
    NamespacePath[] parsed = new NamespacePath[paths.length];
    for (int i = 0; i < paths.length; i++) {
      parsed[i] = NamespacePath.parse(paths[i]);
    }
    NamespacePath folder = parsed[0].parent();
    perCall(
        context,
        "PathAuthorizer.checkStatus alone, checks on (paths parsed beforehand)",
        i -> authorizer.checkStatus(caller, parsed[i % parsed.length]));
    perCall(
        context,
        "PathAuthorizer.checkList alone, checks on: once per listing, whatever its size",
        i -> authorizer.checkList(caller, folder));
    perCall(
        context,
        "CallerResolver.resolve (groups cached): every call pays it, checks on or off",
        i -> sink += resolver.resolve(claim).groups().size());
  }

  /** One figure: nanoseconds per call of {@code call}, over the rounds, in-process. */
  private static void perCall(BenchContext context, String what, Throughput.Call call)
      throws Exception {
    BenchOptions options = context.options();
    Ticker ticker = context.ticker();
    List<Double> nanos = new ArrayList<>();
    for (int round = 0; round < options.warmupRounds() + options.measuredRounds(); round++) {
      long start = ticker.nanos();
      for (int i = 0; i < IN_PROCESS_CALLS; i++) {
        call.run(i);
      }
      if (round >= options.warmupRounds()) {
        nanos.add((ticker.nanos() - start) / (double) IN_PROCESS_CALLS);
      }
    }
    Summary summary = Summary.of(nanos);
    String value =
        String.format(
            "%s ns per call (%s–%s)",
            ResultTable.number(summary.median()),
            ResultTable.number(summary.min()),
            ResultTable.number(summary.max()));
    Progress.log("permissions: %s: %s", what, value);
    context.table().figure(NAME, what, value, "–");
  }

  private static double statusAndCheckNanos(
      Namespace namespace, Caller caller, String[] paths, Ticker ticker) {
    ReadOperations reads = namespace.reads();
    PathAuthorizer authorizer = namespace.operations().authorizer();
    long hash = 0;
    long start = ticker.nanos();
    for (int i = 0; i < IN_PROCESS_CALLS; i++) {
      // parsed per call, as the RPC service does
      NamespacePath path = NamespacePath.parse(paths[i % paths.length]);
      PathStatus status = reads.getStatus(path, CACHED);
      authorizer.checkStatus(caller, path);
      hash += status.inode().length() + status.lastSyncedMs();
    }
    double nanos = (ticker.nanos() - start) / (double) IN_PROCESS_CALLS;
    sink += hash;
    return nanos;
  }

  /**
   * A master mounting the fixtures, with the harness's client (a superuser: it loads the cache) and
   * a client calling as {@link #USER} (it measures).
   */
  private record UserMaster(BenchMaster master, MetasyncClient client) implements AutoCloseable {
    static UserMaster start(BenchContext context, boolean checks) throws IOException {
      BenchMaster master =
          BenchMaster.start(
              context.fixtures().ufsRoot(),
              context.mastersFolder(),
              Map.of(ENABLED, Boolean.toString(checks)));
      MetasyncClient client =
          MetasyncClient.connect(
              "localhost",
              master.rpcPort(),
              BenchMaster.CACHED,
              new ClientIdentity(USER, USER, ""),
              ClientTls.PLAIN);
      return new UserMaster(master, client);
    }

    void load(String... paths) {
      for (String path : paths) {
        Progress.log("permissions: loading %s", path);
        master.client().withOptions(BenchMaster.CACHED).loadMetadata(path, false, progress -> {});
      }
    }

    /** Lists {@code path} back to back for {@code sliceNanos} (at least once): ms per listing. */
    double timedListings(Ticker ticker, String path, int width, long sliceNanos) {
      long start = ticker.nanos();
      long end;
      int listings = 0;
      do {
        Listings.consume(client, path, false, BenchMaster.CACHED, width);
        listings++;
        end = ticker.nanos();
      } while (end - start < sliceNanos);
      return (end - start) / 1e6 / listings;
    }

    @Override
    public void close() throws IOException {
      client.close();
      master.close();
    }
  }
}
