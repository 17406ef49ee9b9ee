package io.metasync.hadoop;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.contract.AbstractFSContract;

/**
 * The contract of {@code metasync://} on the shared test master, declared in metasync.xml. File
 * bytes are read from the UFS directly, or, for {@link #throughMaster}, streamed through the
 * master.
 */
public class MetasyncContract extends AbstractFSContract {
  public static final String CONTRACT_XML = "contract/metasync.xml";

  /** One file system reading through the master, for all suites of the JVM (never cached). */
  private static FileSystem throughMasterFileSystem;

  private final boolean throughMaster;

  public MetasyncContract(Configuration conf) {
    this(conf, false);
  }

  private MetasyncContract(Configuration conf, boolean throughMaster) {
    super(conf);
    addConfResource(CONTRACT_XML);
    this.throughMaster = throughMaster;
  }

  /**
   * The contract of a client that cannot reach the UFS: {@code
   * metasync.user.file.read.direct=false}.
   */
  public static MetasyncContract throughMaster(Configuration conf) {
    return new MetasyncContract(conf, true);
  }

  @Override
  public String getScheme() {
    return MetasyncFileSystem.SCHEME;
  }

  @Override
  public Path getTestPath() {
    return new Path("/test");
  }

  @Override
  public FileSystem getTestFileSystem() throws IOException {
    if (!throughMaster) {
      return FileSystem.get(SharedMaster.uri(), getConf());
    }
    synchronized (MetasyncContract.class) {
      if (throughMasterFileSystem == null) {
        Configuration conf = new Configuration(getConf());
        conf.setBoolean("metasync.user.file.read.direct", false);
        throughMasterFileSystem = FileSystem.newInstance(SharedMaster.uri(), conf);
      }
      return throughMasterFileSystem;
    }
  }
}
