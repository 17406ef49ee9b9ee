package io.metasync.hadoop;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.contract.AbstractContractVectoredReadTest;
import org.apache.hadoop.fs.contract.AbstractFSContract;

/** The suite again, with file bytes streamed through the master. */
public class MetasyncContractVectoredReadThroughMasterTest
    extends AbstractContractVectoredReadTest {
  public MetasyncContractVectoredReadThroughMasterTest(String bufferType) {
    super(bufferType);
  }

  @Override
  protected AbstractFSContract createContract(Configuration conf) {
    return MetasyncContract.throughMaster(conf);
  }
}
