package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UfsUrisTest {
  @TempDir Path base;

  @Test
  void uriIsKeptAsItIs() {
    assertThat(UfsUris.toUri("hdfs://nn:8020/data", base)).isEqualTo("hdfs://nn:8020/data");
    assertThat(UfsUris.toUri("file:///srv/data", base)).isEqualTo("file:///srv/data");
  }

  @Test
  void absolutePathBecomesFileUri() {
    assertThat(UfsUris.toUri("/srv/data", base)).isEqualTo("file:///srv/data");
  }

  @Test
  void relativePathIsResolvedAgainstTheBase() {
    assertThat(UfsUris.toUri("sub/../data", base)).isEqualTo(base.toUri() + "data");
  }

  @Test
  void existingFolderGetsNoTrailingSlash() throws Exception {
    Files.createDirectory(base.resolve("existing"));

    assertThat(UfsUris.toUri("existing", base)).isEqualTo(base.toUri() + "existing");
  }
}
