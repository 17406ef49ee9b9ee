package io.metasync.master.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;

/** The JVM's heap, garbage collections and threads, read from its management beans. */
final class JvmMetrics {
  private JvmMetrics() {}

  static void register(MetricRegistry registry) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    registry.gauge(
        "metasync_jvm_heap_used_bytes",
        "Heap in use.",
        List.of(),
        samples -> samples.add(memory.getHeapMemoryUsage().getUsed()));
    registry.gauge(
        "metasync_jvm_heap_committed_bytes",
        "Heap the JVM holds from the system.",
        List.of(),
        samples -> samples.add(memory.getHeapMemoryUsage().getCommitted()));
    registry.gauge(
        "metasync_jvm_heap_max_bytes",
        "Largest heap the JVM may use (-Xmx).",
        List.of(),
        samples -> {
          MemoryUsage heap = memory.getHeapMemoryUsage();
          samples.add(heap.getMax() < 0 ? heap.getCommitted() : heap.getMax());
        });
    registry.counterFrom(
        "metasync_jvm_gc_collections_total",
        "Garbage collections, by collector.",
        List.of("gc"),
        samples -> {
          for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            samples.add(Math.max(gc.getCollectionCount(), 0), gc.getName());
          }
        });
    registry.counterFrom(
        "metasync_jvm_gc_collection_seconds_total",
        "Time spent in garbage collections, by collector.",
        List.of("gc"),
        samples -> {
          for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            samples.add(Math.max(gc.getCollectionTime(), 0) / 1000.0, gc.getName());
          }
        });
    registry.gauge(
        "metasync_jvm_threads",
        "Live threads.",
        List.of(),
        samples -> samples.add(ManagementFactory.getThreadMXBean().getThreadCount()));
  }
}
