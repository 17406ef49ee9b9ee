package io.metasync.hadoop;

import io.metasync.master.MasterFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileUtil;

/**
 * One real master for all contract suites of the test JVM (they run one after the other), over a
 * local folder mounted at {@code /}; it stops when the JVM exits. A master per suite would cost a
 * start and a journal per class for nothing: every suite works under its own test folder.
 */
final class SharedMaster {
  private static MasterFixture master;

  private SharedMaster() {}

  static synchronized MasterFixture get() {
    if (master == null) {
      try {
        Path folder = Files.createTempDirectory("metasync-hadoop-contract");
        master = MasterFixture.start(folder);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        master.close();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      FileUtil.fullyDelete(folder.toFile());
                    }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return master;
  }

  static URI uri() {
    return URI.create("metasync://localhost:" + get().master().rpcPort() + "/");
  }
}
