package io.metasync.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.master.MasterFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The -all jar on an engine's class path beside a stock {@code grpc-netty-shaded} of another
 * version (target/engine-grpc, copied by the build): metasync:// works against a real master and
 * the stock gRPC still connects, whichever of the two comes first. Runs after the shade ({@code mvn
 * verify}).
 */
class ShadedJarIT {
  private static final String RELOCATED = "io.metasync.shaded.";
  private static final String STOCK_BUILDER =
      "io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder";

  @TempDir static Path folder;
  private static MasterFixture master;
  private static Path allJar;
  private static List<Path> engineGrpc;

  /** Where the -all jar sits on the engine's class path. */
  enum Order {
    STOCK_GRPC_FIRST,
    ALL_JAR_FIRST;

    private EngineClassLoader engine;

    /**
     * One loader per order for the whole class, never closed: gRPC's shared event loops outlive a
     * channel by seconds and still load classes then, as they may under an engine, which never
     * closes a loader under running threads either.
     */
    synchronized EngineClassLoader engine() {
      if (engine == null) {
        List<Path> jars = new ArrayList<>(engineGrpc);
        switch (this) {
          case STOCK_GRPC_FIRST -> jars.add(allJar);
          case ALL_JAR_FIRST -> jars.add(0, allJar);
        }
        engine = new EngineClassLoader(jars, ShadedJarIT.class.getClassLoader());
      }
      return engine;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    allJar = Path.of(System.getProperty("metasync.it.allJar"));
    assertThat(allJar).isRegularFile();
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("metasync.it.engineGrpc")))) {
      engineGrpc = jars.sorted().toList();
    }
    assertThat(engineGrpc).anyMatch(jar -> name(jar).startsWith("grpc-netty-shaded-"));
    master = MasterFixture.start(folder);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (master != null) {
      master.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void metasyncAndAStockGrpcOfAnotherVersionWorkSideBySide(Order order) throws Exception {
    EngineClassLoader engine = order.engine();
    URI uri = URI.create("metasync://localhost:" + master.master().rpcPort() + "/");
    Configuration conf = new Configuration(false);
    conf.setClassLoader(engine);
    conf.set("fs.metasync.impl", MetasyncFileSystem.class.getName());
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/" + order + "/part-0");
    try (FileSystem fs = FileSystem.newInstance(uri, conf)) {
      assertThat(fs.getClass().getClassLoader()).isSameAs(engine);
      try (OutputStream out = fs.create(file)) {
        out.write("shaded".getBytes(StandardCharsets.UTF_8));
      }
      FileStatus[] listing = fs.listStatus(file.getParent());
      assertThat(listing)
          .extracting(status -> status.getPath().getName())
          .containsExactly("part-0");
      assertThat(listing[0].getLen()).isEqualTo(6);
      try (InputStream in = fs.open(file)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("shaded");
      }
    }
    assertThat(master.rootFolder().resolve(order + "/part-0")).hasContent("shaded");
    stockGrpcConnects(engine);
  }

  @Test
  void relocatedNettyLoadsItsRenamedEpollLibrary() throws Exception {
    Class<?> epoll =
        Class.forName(
            RELOCATED + "io.grpc.netty.shaded.io.netty.channel.epoll.Epoll",
            true,
            Order.STOCK_GRPC_FIRST.engine());
    Throwable cause = (Throwable) epoll.getMethod("unavailabilityCause").invoke(null);
    assertThat(cause).as("why the relocated epoll transport is unavailable").isNull();
  }

  @Test
  void allJarHoldsNoClassUnderAStockPackageName() throws IOException {
    assertThat(entries())
        .filteredOn(name -> name.endsWith(".class"))
        .noneMatch(
            name ->
                Stream.of("io/grpc/", "io/netty/", "com/google/", "io/perfmark/")
                    .anyMatch(name::startsWith));
  }

  @Test
  void nativeLibrariesAreNamedAfterTheRelocatedPackage() throws IOException {
    List<String> libraries =
        entries().stream()
            .filter(name -> name.startsWith("META-INF/native/") && !name.endsWith("/"))
            .toList();
    assertThat(libraries)
        .contains(
            "META-INF/native/libio_metasync_shaded_io_grpc_netty_shaded_netty_transport_native_epoll_x86_64.so")
        .allMatch(
            name ->
                name.startsWith("META-INF/native/libio_metasync_shaded_")
                    || name.startsWith("META-INF/native/io_metasync_shaded_"));
  }

  @Test
  void servicesNameOnlyRelocatedOrOwnClasses() throws IOException {
    try (JarFile jar = new JarFile(allJar.toFile())) {
      List<String> providers = new ArrayList<>();
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()) {
          try (InputStream in = jar.getInputStream(entry)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(providers::add);
          }
        }
      }
      assertThat(providers).isNotEmpty().allMatch(provider -> provider.startsWith("io.metasync."));
    }
  }

  /** The engine's own gRPC, from its own jar, makes an HTTP/2 connection to the master. */
  private static void stockGrpcConnects(ClassLoader engine) throws Exception {
    Class<?> builderClass = engine.loadClass(STOCK_BUILDER);
    assertThat(
            name(Path.of(builderClass.getProtectionDomain().getCodeSource().getLocation().toURI())))
        .startsWith("grpc-netty-shaded-");
    Object builder =
        builderClass
            .getMethod("forAddress", String.class, int.class)
            .invoke(null, "localhost", master.master().rpcPort());
    builderClass.getMethod("usePlaintext").invoke(builder);
    Object channel = builderClass.getMethod("build").invoke(builder);
    Class<?> channelClass = engine.loadClass("io.grpc.ManagedChannel");
    Method getState = channelClass.getMethod("getState", boolean.class);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> getState.invoke(channel, true).toString(), state -> state.equals("READY"));
    } finally {
      channelClass.getMethod("shutdownNow").invoke(channel);
      channelClass
          .getMethod("awaitTermination", long.class, TimeUnit.class)
          .invoke(channel, 10, TimeUnit.SECONDS);
    }
  }

  private static List<String> entries() throws IOException {
    try (JarFile jar = new JarFile(allJar.toFile())) {
      return jar.stream().map(JarEntry::getName).toList();
    }
  }

  private static String name(Path jar) {
    return jar.getFileName().toString();
  }
}
