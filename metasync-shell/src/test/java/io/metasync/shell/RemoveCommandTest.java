package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.DeleteProgress;
import io.metasync.client.DeleteProgress.Phase;
import org.junit.jupiter.api.Test;

/** The progress lines of {@code rm -R}. */
class RemoveCommandTest {
  @Test
  void ufsPhaseShowsTheCountAndItsRate() {
    assertThat(RemoveCommand.soFar(new DeleteProgress(Phase.UFS, 12_000, 0, 3_050, 3_000, false)))
        .isEqualTo("12,000 entries deleted in the UFS so far (4,000/s), 3.1s");
  }

  @Test
  void ufsPhaseWithoutACountShowsTheTimeAlone() {
    assertThat(RemoveCommand.soFar(new DeleteProgress(Phase.UFS, 0, 0, 12_000, 12_000, false)))
        .isEqualTo("deleting in the UFS (no count yet), 12.0s");
  }

  @Test
  void cachePhaseShowsWhatTheUfsDeletedAndTheCacheRateOfItsOwnPhase() {
    assertThat(
            RemoveCommand.soFar(new DeleteProgress(Phase.CACHE, 12_001, 5_000, 3_500, 500, false)))
        .isEqualTo(
            "deleted in the UFS (12,001 entries); 5,000 entries removed from the cache so far"
                + " (10,000/s), 3.5s");
    assertThat(RemoveCommand.soFar(new DeleteProgress(Phase.CACHE, 0, 1, 3_500, 0, false)))
        .isEqualTo("deleted in the UFS; 1 entry removed from the cache so far (0/s), 3.5s");
  }

  @Test
  void summaryCountsBothPhasesOrSaysTheUfsGaveNoCount() {
    assertThat(
            RemoveCommand.summary(
                "/x", new DeleteProgress(Phase.CACHE, 12_001, 12_001, 4_500, 1_000, true)))
        .isEqualTo("deleted /x: 12,001 entries in the UFS, 12,001 in the cache, in 4.5s");
    assertThat(
            RemoveCommand.summary("/x", new DeleteProgress(Phase.CACHE, 0, 7, 4_500, 1_000, true)))
        .isEqualTo("deleted /x: 7 entries in the cache (the UFS gives no count), in 4.5s");
  }
}
