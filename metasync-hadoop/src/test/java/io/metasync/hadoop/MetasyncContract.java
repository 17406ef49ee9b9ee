package io.metasync.hadoop;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.contract.AbstractFSContract;

/** The contract of {@code metasync://} on the shared test master, declared in metasync.xml. */
public class MetasyncContract extends AbstractFSContract {
  public static final String CONTRACT_XML = "contract/metasync.xml";

  public MetasyncContract(Configuration conf) {
    super(conf);
    addConfResource(CONTRACT_XML);
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
    return FileSystem.get(SharedMaster.uri(), getConf());
  }
}
