package io.metasync.client;

import io.grpc.StatusRuntimeException;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.WriteFileRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One WriteFile call as the writer sees it, across masters: it keeps the messages sent so far, up
 * to {@link #REPLAY_LIMIT_BYTES}, and when the master stops being reachable or turns out to be a
 * standby it sends them all again, with the same call id, to the leader it finds, then goes on. The
 * new leader applies the file once even when the old one had written it (it answers the retry with
 * its first answer). An upload that has sent more than the limit is not kept: a fail-over after
 * that fails it with UNAVAILABLE, and the file must be written again.
 */
final class ReplayingUpload {
  /** What one upload keeps to send again: eight chunks; a file larger than that is not kept. */
  static final long REPLAY_LIMIT_BYTES = 8L * MetasyncClient.CHUNK_SIZE;

  private final LeaderFailover failover;
  private final LogicalCall call;
  private final String path;
  private List<WriteFileRequest> sent = new ArrayList<>();
  private long sentBytes;
  private FileUpload current;
  private MetasyncException failed;

  private ReplayingUpload(LeaderFailover failover, String path) {
    this.failover = failover;
    this.call = failover.newCall(true);
    this.path = path;
  }

  /** Opens the call at the master that answered last; nothing is sent yet. */
  static ReplayingUpload start(LeaderFailover failover, String path) throws InterruptedException {
    ReplayingUpload upload = new ReplayingUpload(failover, path);
    upload.current = failover.attempt(upload.call, upload::replay);
    return upload;
  }

  /**
   * Sends {@code message} once the transport can take it, to another master if this one failed.
   *
   * @return false when the master has answered already, so the rest of the file need not be read:
   *     {@link #finish()} then returns or raises that answer
   * @throws MetasyncException when no leader could take the upload
   */
  boolean send(WriteFileRequest message) throws InterruptedException {
    throwIfFailed();
    remember(message);
    if (current.send(message)) {
      return true;
    }
    // ended early: a refusal, a standby's answer, a lost connection, or (odd) the file's status
    try {
      current.finish();
      return false;
    } catch (StatusRuntimeException e) {
      failOver(e);
      return !current.ended();
    }
  }

  /**
   * Ends the upload and waits for the answer, sending it all again to a new leader as needed.
   *
   * @throws MetasyncException as the master failed the call, or when no leader could take it
   */
  FileInfo finish() throws InterruptedException {
    throwIfFailed();
    while (true) {
      try {
        FileInfo written = current.finish();
        failover.answered(call);
        return written;
      } catch (StatusRuntimeException e) {
        failOver(e);
      }
    }
  }

  /** Abandons the upload; the master discards what it received. */
  void cancel(String why, Throwable cause) {
    current.cancel(why, cause);
  }

  private void failOver(StatusRuntimeException e) throws InterruptedException {
    MasterAddress failedAt = call.current();
    try {
      failover.failed(call, e);
      if (sent == null) {
        throw new MetasyncException(
            ErrorCode.UNAVAILABLE,
            "the upload of "
                + path
                + " to the master at "
                + failedAt
                + " failed ("
                + call.failures().get(failedAt)
                + ") after "
                + sentBytes
                + " bytes had been sent; a client keeps only the first "
                + (REPLAY_LIMIT_BYTES >> 20)
                + " MiB of an upload to send again to another master, so write the file again",
            e);
      }
      current = failover.attempt(call, this::replay);
    } catch (MetasyncException failure) {
      failed = failure;
      throw failure;
    }
  }

  /** Opens the call at {@code stubs}' master and sends everything sent so far. */
  private FileUpload replay(MasterStubs stubs) throws InterruptedException {
    FileUpload upload = new FileUpload();
    stubs.async().writeFile(upload);
    for (WriteFileRequest message : sent) {
      if (!upload.send(message)) {
        // raises a failure for the next attempt; an answer (the file was written before) stays
        upload.finish();
        break;
      }
    }
    return upload;
  }

  private void remember(WriteFileRequest message) {
    sentBytes += message.getChunk().size();
    if (sent != null && sentBytes > REPLAY_LIMIT_BYTES) {
      sent = null;
    } else if (sent != null) {
      sent.add(message);
    }
  }

  private void throwIfFailed() {
    if (failed != null) {
      throw failed;
    }
  }
}
