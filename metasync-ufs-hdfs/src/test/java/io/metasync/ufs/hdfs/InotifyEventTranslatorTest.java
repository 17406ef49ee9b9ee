package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeKind;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.inotify.Event;
import org.junit.jupiter.api.Test;

class InotifyEventTranslatorTest {
  private final InotifyEventTranslator data = new InotifyEventTranslator("/data");

  @Test
  void everyEventKindBelowTheRootIsReportedRelativeToIt() {
    assertThat(data.translate(create("/data/a/f")))
        .contains(ChangeEvent.of(ChangeKind.CREATE, "/a/f"));
    assertThat(data.translate(new Event.CloseEvent("/data/f", 10, 1)))
        .contains(ChangeEvent.of(ChangeKind.CONTENT, "/f"));
    assertThat(data.translate(new Event.AppendEvent.Builder().path("/data/f").build()))
        .contains(ChangeEvent.of(ChangeKind.CONTENT, "/f"));
    assertThat(data.translate(new Event.TruncateEvent("/data/f", 3, 1)))
        .contains(ChangeEvent.of(ChangeKind.CONTENT, "/f"));
    assertThat(data.translate(metadata("/data/f")))
        .contains(ChangeEvent.of(ChangeKind.METADATA, "/f"));
    assertThat(data.translate(new Event.UnlinkEvent.Builder().path("/data/f").timestamp(1).build()))
        .contains(ChangeEvent.of(ChangeKind.DELETE, "/f"));
    assertThat(data.translate(rename("/data/f", "/data/g")))
        .contains(ChangeEvent.rename("/f", "/g"));
  }

  @Test
  void theRootItselfIsSlash() {
    assertThat(data.translate(metadata("/data")))
        .contains(ChangeEvent.of(ChangeKind.METADATA, "/"));
  }

  @Test
  void eventsOutsideTheRootAreDroppedEvenWhenTheyShareItsPrefix() {
    assertThat(data.translate(create("/database/f"))).isEmpty();
    assertThat(data.translate(create("/other"))).isEmpty();
    assertThat(data.translate(rename("/other/f", "/database/f"))).isEmpty();
  }

  @Test
  void aRenameIntoTheRootIsACreateAndOutOfItADelete() {
    assertThat(data.translate(rename("/other/f", "/data/f")))
        .contains(ChangeEvent.of(ChangeKind.CREATE, "/f"));
    assertThat(data.translate(rename("/data/f", "/other/f")))
        .contains(ChangeEvent.of(ChangeKind.DELETE, "/f"));
  }

  @Test
  void aMountOfTheWholeNamespaceKeepsPathsAsTheyAre() {
    InotifyEventTranslator whole = new InotifyEventTranslator("/");

    assertThat(whole.translate(create("/data/f")))
        .contains(ChangeEvent.of(ChangeKind.CREATE, "/data/f"));
    assertThat(whole.translate(rename("/a", "/b"))).contains(ChangeEvent.rename("/a", "/b"));
  }

  private static Event create(String path) {
    return new Event.CreateEvent.Builder()
        .path(path)
        .iNodeType(Event.CreateEvent.INodeType.FILE)
        .perms(new FsPermission((short) 0644))
        .build();
  }

  private static Event metadata(String path) {
    return new Event.MetadataUpdateEvent.Builder()
        .path(path)
        .metadataType(Event.MetadataUpdateEvent.MetadataType.PERMS)
        .build();
  }

  private static Event rename(String source, String destination) {
    return new Event.RenameEvent.Builder()
        .srcPath(source)
        .dstPath(destination)
        .timestamp(1)
        .build();
  }
}
