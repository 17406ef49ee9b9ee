package io.metasync.ufs;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.AccessDeniedException;

/**
 * A UFS that does not follow symbolic links (a local folder) refused a path that is a link or goes
 * through one. It is permanent: retrying changes nothing until the link is removed behind
 * metasync's back. It is an {@link AccessDeniedException} so that a caller that does not know this
 * type still reports a refusal, never a failure to retry or an absence.
 */
public final class SymbolicLinkException extends AccessDeniedException {
  private static final long serialVersionUID = 1L;

  private final String message;

  /**
   * @param link the URI of the link itself, which may be an ancestor of the path that was asked for
   */
  public SymbolicLinkException(URI link) {
    super(requireNonNull(link, "link is null").toString());
    this.message = link + " is a symbolic link; metasync does not follow links in a local mount";
  }

  @Override
  public String getMessage() {
    return message;
  }
}
