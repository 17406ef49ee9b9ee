package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A folder's pages from ListObjectsV2 with the delimiter {@code /}: its objects are files, its
 * common prefixes folders (with or without a marker), merged into S3's order. Names that a path
 * cannot hold ({@code ""} from {@code a//b}, {@code .}, {@code ..}) are left out.
 */
final class S3FolderPages implements FolderPages {
  private final S3Objects objects;
  private final String prefix;
  private final int pageSize;
  private final S3Permissions permissions;

  S3FolderPages(S3Objects objects, String prefix, int pageSize, S3Permissions permissions) {
    this.objects = requireNonNull(objects, "objects is null");
    this.prefix = requireNonNull(prefix, "prefix is null");
    this.pageSize = pageSize;
    this.permissions = requireNonNull(permissions, "permissions is null");
  }

  @Override
  public Page page(String continuationToken) throws IOException {
    ListObjectsV2Response response = objects.list(prefix, true, pageSize, continuationToken);
    List<UfsStatus> files = new ArrayList<>();
    boolean marker = false;
    for (S3Object object : response.contents()) {
      String name = object.key().substring(prefix.length());
      if (name.isEmpty()) {
        marker = true;
      } else if (usable(name)) {
        files.add(
            S3Statuses.file(
                name, object.size(), object.lastModified(), object.eTag(), permissions));
      }
    }
    List<UfsStatus> folders = new ArrayList<>();
    for (CommonPrefix common : response.commonPrefixes()) {
      String key = common.prefix();
      String name = key.substring(prefix.length(), key.length() - 1);
      if (usable(name)) {
        folders.add(S3Statuses.folder(name, permissions));
      }
    }
    String next =
        Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
    return new Page(merged(files, folders), marker, next);
  }

  @Override
  public Optional<UfsStatus> folder(String name) throws IOException {
    return objects.anyKeyUnder(prefix + name + "/")
        ? Optional.of(S3Statuses.folder(name, permissions))
        : Optional.empty();
  }

  private static boolean usable(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0;
  }

  private static List<UfsStatus> merged(List<UfsStatus> files, List<UfsStatus> folders) {
    List<UfsStatus> merged = new ArrayList<>(files.size() + folders.size());
    int f = 0;
    int d = 0;
    while (f < files.size() || d < folders.size()) {
      boolean takeFile =
          d == folders.size()
              || (f < files.size()
                  && CodePointOrder.compare(
                          files.get(f).name(), CodePointOrder.sortKey(folders.get(d).name(), true))
                      < 0);
      merged.add(takeFile ? files.get(f++) : folders.get(d++));
    }
    return merged;
  }
}
