package io.metasync.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dev-s3}: a real S3-compatible server in the foreground until Ctrl-C. */
@Command(
    name = "dev-s3",
    description =
        "Run a real S3-compatible server (s3proxy on loopback, objects in a folder) in the"
            + " foreground, for trying S3 mounts; prints the endpoint, the keys and the"
            + " 'fs mount' line; Ctrl-C stops it.")
final class DevS3Command implements Callable<Integer> {
  static final String DEFAULT_FOLDER = "data/dev-s3";

  @ParentCommand private MetasyncCommand root;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "9100",
      description = "The S3 port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--dir",
      paramLabel = "D",
      description =
          "The folder of its objects, kept across restarts (default: "
              + DEFAULT_FOLDER
              + " under the install folder).")
  private Path folder;

  @Option(
      names = "--bucket",
      paramLabel = "B",
      defaultValue = "dev",
      description = "The bucket to create (default: ${DEFAULT-VALUE}).")
  private String bucket;

  @Override
  public Integer call() throws Exception {
    ShellEnvironment environment = root.environment();
    Path data = folder == null ? environment.home().resolve(DEFAULT_FOLDER) : folder;
    StopSignals stopSignals = StopSignals.install();
    DevS3 s3 = DevS3.start(environment.home().resolve(DevS3.JAR), port, data, bucket);
    PrintStream err = environment.err();
    String endpoint = s3.endpoint().toString();
    err.println(
        "metasync dev-s3: S3 is up at "
            + endpoint
            + " with bucket '"
            + s3.bucket()
            + "' (objects in "
            + data.toAbsolutePath().normalize().resolve("objects")
            + "); Ctrl-C to stop");
    err.println(
        "  access key: "
            + DevS3.ACCESS_KEY
            + "  secret key: "
            + DevS3.SECRET_KEY
            + "  region: any");
    err.println("  mount it:   bin/metasync fs " + String.join(" ", s3.mountArguments("/s3")));
    String object = endpoint + "/" + s3.bucket() + "/data/hello.txt";
    err.println(
        "  put an object behind metasync's back:  curl " + s3.curlOptions() + " -T FILE " + object);
    err.println("  delete it:  curl " + s3.curlOptions() + " -X DELETE " + object);
    int exitCode = stopSignals.await();
    err.println("metasync dev-s3: stopping");
    s3.close();
    err.println("metasync dev-s3: stopped");
    return exitCode;
  }
}
