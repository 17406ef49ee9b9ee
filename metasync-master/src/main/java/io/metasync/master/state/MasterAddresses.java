package io.metasync.master.state;

import io.metasync.proto.journal.MasterAnnounced;
import io.metasync.proto.journal.SnapshotHeader;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where clients reach each master that has led, by journal peer id, from the announcements every
 * new leader journals: a standby names the leader's address in its refusals, whichever ports the
 * masters were given.
 */
public final class MasterAddresses {
  private final ConcurrentHashMap<String, MasterAnnounced> byPeer = new ConcurrentHashMap<>();

  void apply(MasterAnnounced announced) {
    byPeer.put(announced.getPeerId(), announced);
  }

  /** The last announcement of the master with this peer id, if it ever led. */
  public Optional<MasterAnnounced> of(String peerId) {
    return Optional.ofNullable(byPeer.get(peerId));
  }

  void writeTo(SnapshotHeader.Builder header) {
    byPeer.values().stream()
        .sorted(java.util.Comparator.comparing(MasterAnnounced::getPeerId))
        .forEach(header::addMasters);
  }

  void loadFrom(SnapshotHeader header) {
    byPeer.clear();
    header.getMastersList().forEach(this::apply);
  }
}
