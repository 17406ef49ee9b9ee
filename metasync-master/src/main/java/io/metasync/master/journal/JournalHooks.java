package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import io.metasync.common.Ticker;
import java.util.function.Consumer;

/**
 * What a started journal tells its master.
 *
 * @param ticker times start-up (its progress lines and stall limit) and snapshots
 * @param onApplyFailure called, on Ratis's apply thread, when an entry cannot be applied; the
 *     journal has stopped applying by then (a master halts)
 * @param leadership told when this master starts and stops leading
 */
public record JournalHooks(
    Ticker ticker,
    Consumer<? super MetasyncException> onApplyFailure,
    LeadershipListener leadership) {
  public JournalHooks {
    requireNonNull(ticker, "ticker is null");
    requireNonNull(onApplyFailure, "onApplyFailure is null");
    requireNonNull(leadership, "leadership is null");
  }
}
