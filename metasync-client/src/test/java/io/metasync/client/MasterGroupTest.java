package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterGroupTest {
  @Test
  void withoutAnAddressListTheGroupIsTheOneConfiguredMaster() {
    MasterGroup group =
        MasterGroup.from(
            MetasyncConfiguration.of(
                Map.of("metasync.master.hostname", "m0", "metasync.master.rpc.port", "29998")));

    assertThat(group.addresses()).containsExactly(new MasterAddress("m0", 29998));
    assertThat(group.retryDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(group.failsOverWhenUnreachable()).isFalse();
  }

  @Test
  void addressListIsReadInOrderWithoutRepeatsOrBlanks() {
    MasterGroup group =
        MasterGroup.from(
            MetasyncConfiguration.of(
                Map.of(
                    "metasync.master.rpc.addresses", " m1:19998, ,m2:19998,[::1]:7,m1:19998",
                    "metasync.user.rpc.retry.duration", "5s")));

    assertThat(group.addresses())
        .containsExactly(
            new MasterAddress("m1", 19998),
            new MasterAddress("m2", 19998),
            new MasterAddress("::1", 7));
    assertThat(group.toString()).isEqualTo("m1:19998,m2:19998,[::1]:7");
    assertThat(group.retryDuration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(group.failsOverWhenUnreachable()).isTrue();
  }

  @Test
  void malformedAddressNamesItselfAndTheKey() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(Map.of("metasync.master.rpc.addresses", "m1:19998,m2"));

    assertThatThrownBy(() -> MasterGroup.from(conf))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage(
            "bad master address 'm2' in metasync.master.rpc.addresses: expected host:port with a"
                + " port from 0 to 65535, such as master1:19998");
  }

  @Test
  void listOfOnlyCommasNamesNoMaster() {
    assertThatThrownBy(() -> MasterAddress.parseList(" , ", "metasync.master.rpc.addresses.x"))
        .hasMessageStartingWith("metasync.master.rpc.addresses.x names no master");
  }

  @Test
  void retryDurationTakesTheDurationSyntax() {
    assertThatThrownBy(
            () -> MetasyncConfiguration.of(Map.of("metasync.user.rpc.retry.duration", "soon")))
        .hasMessageContaining("metasync.user.rpc.retry.duration");
    assertThat(new MasterGroup(List.of(new MasterAddress("m", 1)), Duration.ZERO).retryDuration())
        .isZero();
  }
}
