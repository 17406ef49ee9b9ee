package io.metasync.bench;

import io.metasync.common.Ticker;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the scenarios share in one run: the options, the ticker every duration is read from, the
 * fixtures, the result table, and one long-lived master whose cache the read scenarios fill once
 * and then read.
 */
final class BenchContext implements AutoCloseable {
  private final BenchOptions options;
  private final Ticker ticker;
  private final Fixtures fixtures;
  private final Path mastersFolder;
  private final ResultTable table;
  private BenchMaster cachedMaster;

  BenchContext(
      BenchOptions options,
      Ticker ticker,
      Fixtures fixtures,
      Path mastersFolder,
      ResultTable table) {
    this.options = options;
    this.ticker = ticker;
    this.fixtures = fixtures;
    this.mastersFolder = mastersFolder;
    this.table = table;
  }

  BenchOptions options() {
    return options;
  }

  /** The monotonic time source of every measurement in the run. */
  Ticker ticker() {
    return ticker;
  }

  Fixtures fixtures() {
    return fixtures;
  }

  ResultTable table() {
    return table;
  }

  /** The master shared by the read scenarios, started on first use. */
  BenchMaster cachedMaster() throws IOException {
    if (cachedMaster == null) {
      cachedMaster = startMaster();
    }
    return cachedMaster;
  }

  /** A new master with an empty cache; the caller closes it. */
  BenchMaster startMaster() throws IOException {
    return BenchMaster.start(fixtures.ufsRoot(), mastersFolder);
  }

  /** A new master with an empty cache whose UFS is wrapped by {@code decorator}. */
  BenchMaster startMaster(UnaryOperator<UnderFileSystem> decorator) throws IOException {
    return BenchMaster.start(fixtures.ufsRoot(), mastersFolder, decorator);
  }

  /** Where a scenario keeps folders of its own (masters' homes, child JVM logs). */
  Path mastersFolder() {
    return mastersFolder;
  }

  @Override
  public void close() throws IOException {
    if (cachedMaster != null) {
      cachedMaster.close();
      cachedMaster = null;
    }
  }
}
