package io.metasync.master.web;

/** What the web page shows of this master's place among the masters of its journal group. */
public interface MasterRoleView {
  String LEADER = "leader";
  String STANDBY = "standby";
  String SINGLE_MASTER = "single master";

  /** {@value #LEADER}, {@value #STANDBY}, {@code candidate} or {@value #SINGLE_MASTER}. */
  String role();

  /** The election term this master knows, 0 when there are no elections (a single master). */
  long term();

  /** Index of the last journal entry applied on this master. */
  long appliedIndex();

  /** host:port of the leader's RPC server, as clients reach it; empty when none is known. */
  String leaderAddress();
}
