package io.metasync.master.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import java.util.Map;
import org.apache.ratis.protocol.RaftPeer;
import org.junit.jupiter.api.Test;

class JournalPeersTest {
  @Test
  void defaultGroupIsThisMasterAlone() {
    JournalPeers peers = JournalPeers.fromConfiguration(MetasyncConfiguration.defaults(), 19200);

    assertThat(peers.peers()).extracting(RaftPeer::getAddress).containsExactly("localhost:19200");
    assertThat(peers.self().toString()).isEqualTo("m1");
  }

  @Test
  void thisMasterIsTheListedPeerWithItsHostAndPort() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.master.hostname", "b.example",
                "metasync.master.journal.port", "19201",
                "metasync.master.journal.peers",
                    "a.example:19200, b.example:19201,c.example:19202"));

    JournalPeers peers = JournalPeers.fromConfiguration(conf, 19201);

    assertThat(peers.peers())
        .extracting(RaftPeer::getAddress)
        .containsExactly("a.example:19200", "b.example:19201", "c.example:19202");
    assertThat(peers.self().toString()).isEqualTo("m2");
  }

  @Test
  void aJoiningMasterTakesItsIdFromItsAddressAndStartsWithNoGroup() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.master.hostname", "d.example",
                "metasync.master.journal.port", "19203",
                "metasync.master.journal.join", "true",
                "metasync.master.journal.peers", "a.example:19200,d.example:19203"));

    JournalPeers peers = JournalPeers.fromConfiguration(conf, 19203);

    assertThat(peers.self().toString()).isEqualTo("d.example_19203");
    assertThat(peers.self()).isEqualTo(JournalPeers.joinerId("d.example:19203"));
    assertThat(peers.group().getPeers()).isEmpty();
    assertThat(peers.alone()).isFalse();
  }

  @Test
  void addressesOfPeersToAddOrRemoveAreHostAndPort() {
    assertThat(JournalMembership.checkAddress(" a.example:19200 ")).isEqualTo("a.example:19200");
    for (String bad : new String[] {"a.example", ":19200", "a.example:0", "a.example:x"}) {
      assertThatThrownBy(() -> JournalMembership.checkAddress(bad))
          .isInstanceOf(MetasyncException.class)
          .hasMessageContaining("bad journal peer address '" + bad + "'")
          .hasMessageContaining("HOST:PORT");
    }
  }

  @Test
  void peersThatDoNotListThisMasterAreRefusedNamingTheKey() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of("metasync.master.journal.peers", "a.example:19200,b.example:19200"));

    assertThatThrownBy(() -> JournalPeers.fromConfiguration(conf, 19200))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("metasync.master.journal.peers")
        .hasMessageContaining("does not list this master")
        .hasMessageContaining("localhost:19200");
  }

  @Test
  void peerWithoutAPortIsRefused() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(Map.of("metasync.master.journal.peers", "localhost:19200,b"));

    assertThatThrownBy(() -> JournalPeers.fromConfiguration(conf, 19200))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("'b' is not host:port");
  }
}
