package io.metasync.master;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.master.journal.JournalRole;
import io.metasync.master.journal.LeadershipListener;
import io.metasync.master.rpc.LeaderGate;
import io.metasync.proto.journal.MasterAnnounced;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this master does as its role in the journal group changes: when it starts leading it takes
 * over the background work ({@link Namespace#takeOver}), announces where clients reach it, and only
 * then serves; when it stops, it stops serving at once and hands active sync over. The RPC server
 * asks it, through {@link LeaderGate}, whether a call may be served.
 *
 * <p>Ratis may report leadership while the master is still starting (the journal replays inside the
 * namespace's construction): the take-over waits until the namespace and the servers exist.
 */
final class MasterLeadership implements LeadershipListener, LeaderGate.Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(MasterLeadership.class);

  /** Where this master serves clients and operators. */
  record Addresses(String rpc, String web) {}

  private final CompletableFuture<Namespace> namespace = new CompletableFuture<>();
  private final CompletableFuture<Addresses> addresses = new CompletableFuture<>();
  private final CompletableFuture<Void> firstServed = new CompletableFuture<>();
  private volatile boolean serving;

  void namespaceReady(Namespace ready) {
    namespace.complete(ready);
  }

  void serversStarted(Addresses started) {
    addresses.complete(started);
  }

  /** The master failed to start: a take-over waiting for it gives up. */
  void startFailed(RuntimeException error) {
    namespace.completeExceptionally(error);
    addresses.completeExceptionally(error);
  }

  @Override
  public void leading(long term) {
    Namespace ns = namespace.join();
    Addresses self = addresses.join();
    ns.takeOver();
    ns.announce(self.rpc(), self.web());
    serving = true;
    firstServed.complete(null);
    LOG.info("this master leads (term {}) and serves on {}", term, self.rpc());
  }

  @Override
  public void following() {
    boolean was = serving;
    serving = false;
    if (namespace.isDone() && !namespace.isCompletedExceptionally()) {
      namespace.join().stepDown();
    }
    if (was) {
      LOG.info("this master no longer leads; it is a standby and refuses client calls");
    }
  }

  @Override
  public boolean serves() {
    return serving && namespace.join().journalRole().serves();
  }

  @Override
  public void awaitCommitted() {
    namespace.join().awaitCommitted();
  }

  @Override
  public Optional<String> leaderAddress() {
    Namespace ns = namespace.getNow(null);
    if (ns == null) {
      return Optional.empty();
    }
    return ns.journalRole()
        .leader()
        .flatMap(peer -> ns.masterAddresses().of(peer))
        .map(MasterAnnounced::getRpcAddress);
  }

  @Override
  public String selfAddress() {
    Addresses self = addresses.getNow(null);
    return self == null ? "starting" : self.rpc();
  }

  /** Where this master serves, once its servers started. */
  Optional<Addresses> self() {
    return Optional.ofNullable(addresses.getNow(null));
  }

  /** This master's role, as {@code masterInfo} and the web page show it. */
  JournalRole role() {
    return namespace.join().journalRole();
  }

  /**
   * Waits until this master first serves: a master alone in its group starts leading at once, and
   * its start returns ready to serve.
   *
   * @throws MetasyncException UNAVAILABLE when it does not within {@code limit}
   */
  void awaitFirstServed(Duration limit) {
    try {
      firstServed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "this master did not take over as the leader within "
              + limit.toSeconds()
              + " s; see its log for the cause");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetasyncException(ErrorCode.UNAVAILABLE, "interrupted while starting the master");
    }
  }
}
