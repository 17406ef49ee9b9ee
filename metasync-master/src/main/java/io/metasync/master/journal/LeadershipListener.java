package io.metasync.master.journal;

/**
 * Told when this master starts and stops leading its journal group. Calls come one at a time, in
 * order, on one thread of the journal's own, never on a Ratis thread: a listener may write to the
 * journal (a new leader announces itself) and take its time.
 */
public interface LeadershipListener {
  /** Ignores both events: a tool that only writes to a journal of its own. */
  LeadershipListener NONE =
      new LeadershipListener() {
        @Override
        public void leading(long term) {}

        @Override
        public void following() {}
      };

  /**
   * This master leads {@code term} and its state includes every entry committed before the term
   * began: it may serve and write.
   */
  void leading(long term);

  /** This master no longer leads (another does, or an election is under way). */
  void following();
}
