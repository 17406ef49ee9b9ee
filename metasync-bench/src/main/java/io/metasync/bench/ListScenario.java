package io.metasync.bench;

import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import io.metasync.master.Namespace;
import java.nio.file.Path;

/**
 * {@code listStatus} of one folder from the cache (interval -1, every entry consumed) against
 * listing the same local folder directly with attributes.
 */
final class ListScenario {
  private static final String NAME = "list";

  /** Listings of the small folder per round, so that a round lasts long enough to time well. */
  private static final int SMALL_REPEATS = 20;

  private ListScenario() {}

  static void run(BenchContext context) throws Exception {
    Fixtures fixtures = context.fixtures();
    MetasyncClient client = context.cachedMaster().client();
    compare(
        context,
        client,
        fixtures.smallPath(),
        fixtures.smallWidth(),
        SMALL_REPEATS,
        "Alluxio: not published; NameNode listStatus of 100,000 in 0.23–0.39 s");
    compare(
        context,
        client,
        fixtures.widePath(),
        fixtures.wideWidth(),
        1,
        "Alluxio cached listStatus of 100,000 about 1.0 s; NameNode 0.23–0.39 s; local folder with"
            + " attributes 220–295 ms");
    inProcess(context, fixtures.widePath(), fixtures.wideWidth());
  }

  /** Where the time goes: the master's own work for the same listing, without gRPC. */
  private static void inProcess(BenchContext context, String path, int width) throws Exception {
    Namespace namespace = context.cachedMaster().namespace();
    Path local = context.fixtures().local(path);
    Ticker ticker = context.ticker();
    PairedRounds.Result result =
        PairedRounds.run(
            "list in-process " + path,
            "ms",
            context.options(),
            () -> {
              long start = ticker.nanos();
              Listings.consumeInProcess(namespace, path, false, width);
              return (ticker.nanos() - start) / 1e6;
            },
            () -> {
              long start = ticker.nanos();
              Listings.check("local " + local, LocalListing.listFolder(local), width);
              return (ticker.nanos() - start) / 1e6;
            });
    context
        .table()
        .add(
            NAME,
            String.format(
                "%,d entries: the master alone (ReadOperations.listStatus in-process, no gRPC)"
                    + " vs local folder",
                width),
            "ms per listing",
            result,
            "–");
  }

  private static void compare(
      BenchContext context,
      MetasyncClient client,
      String path,
      int width,
      int repeats,
      String reference)
      throws Exception {
    Progress.log("list: loading %s into the cache", path);
    client.withOptions(BenchMaster.CACHED).loadMetadata(path, false, progress -> {});
    Path local = context.fixtures().local(path);
    Ticker ticker = context.ticker();
    PairedRounds.Result result =
        PairedRounds.run(
            "list " + path,
            "ms",
            context.options(),
            () -> {
              long start = ticker.nanos();
              for (int i = 0; i < repeats; i++) {
                Listings.consume(client, path, false, BenchMaster.CACHED, width);
              }
              return (ticker.nanos() - start) / 1e6 / repeats;
            },
            () -> {
              long start = ticker.nanos();
              for (int i = 0; i < repeats; i++) {
                Listings.check("local " + local, LocalListing.listFolder(local), width);
              }
              return (ticker.nanos() - start) / 1e6 / repeats;
            });
    context
        .table()
        .add(
            NAME,
            String.format("%,d entries: listStatus from cache vs local folder", width),
            "ms per listing",
            result,
            reference);
  }
}
