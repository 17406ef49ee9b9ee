package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.CreateOptions;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.master.MasterFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MetasyncClient#createFile(String, CreateOptions)} and reads from an offset, on a master.
 */
class StreamingWriteAndOffsetReadTest {
  @TempDir static Path folder;
  private static MasterFixture master;
  private static MetasyncClient client;

  @BeforeAll
  static void start() throws IOException {
    master = MasterFixture.start(folder);
    client = MetasyncClient.connect("localhost", master.master().rpcPort(), TestServer.DEFAULTS);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    master.close();
  }

  @Test
  void streamWritesAFileLargerThanOneChunk() throws IOException {
    byte[] content = new byte[MetasyncClient.CHUNK_SIZE * 2 + 17];
    new Random(7).nextBytes(content);
    FileOutStream out = client.createFile("/big.bin", CreateOptions.REFUSE_EXISTING);
    out.write(content, 0, 5);
    out.write(content, 5, content.length - 5);
    out.close();

    assertThat(out.status().length()).isEqualTo(content.length);
    assertThat(Files.readAllBytes(master.rootFolder().resolve("big.bin"))).isEqualTo(content);
  }

  @Test
  void streamOverAnExistingFileFailsWithAlreadyExists() throws IOException {
    Files.writeString(master.rootFolder().resolve("taken.txt"), "x");
    assertThatThrownBy(
            () -> {
              try (FileOutStream out =
                  client.createFile("/taken.txt", CreateOptions.REFUSE_EXISTING)) {
                out.write(1);
              }
            })
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
  }

  @Test
  void openFromAnOffsetServesTheRestOfTheFile() throws IOException {
    Files.writeString(master.rootFolder().resolve("digits.txt"), "0123456789");
    try (FileInStream in = client.open("/digits.txt", 4)) {
      assertThat(in.status().length()).isEqualTo(10);
      assertThat(new String(in.readAllBytes(), "UTF-8")).isEqualTo("456789");
    }
    try (FileInStream in = client.open("/digits.txt", 10)) {
      assertThat(in.readAllBytes()).isEmpty();
    }
    assertThatThrownBy(() -> client.open("/digits.txt", -1).close())
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
