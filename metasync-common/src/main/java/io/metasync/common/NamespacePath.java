package io.metasync.common;

import static java.util.Objects.requireNonNull;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A normalized, absolute path in the metasync namespace, such as {@code /a/b}. Paths are checked
 * once, here at the edge: {@code .}, {@code ..}, empty components, NUL and text that is not valid
 * UTF-8 are refused, so no request can name a UFS path outside its mount. One trailing slash is
 * accepted. Paths longer than {@link #MAX_LENGTH} characters and names longer than {@link
 * #MAX_NAME_BYTES} bytes are refused too, before any UFS sees them: a {@code mkdir -p} of such a
 * path creates nothing. Names that come from a UFS ({@link #child}) are taken as the UFS has them.
 *
 * <p>Paths are ordered component by component, so an ancestor always sorts before its descendants;
 * the lock manager relies on that order to take several paths' locks without deadlock.
 */
public final class NamespacePath implements Comparable<NamespacePath> {
  public static final NamespacePath ROOT = new NamespacePath(List.of());

  /** The longest path {@link #parse} accepts, in characters: HDFS's own limit. */
  public static final int MAX_LENGTH = 8000;

  /**
   * The longest name (path component) {@link #parse} accepts, in UTF-8 bytes: POSIX's {@code
   * NAME_MAX} and the default of HDFS's {@code dfs.namenode.fs-limits.max-component-length}.
   */
  public static final int MAX_NAME_BYTES = 255;

  private final List<String> components;
  private final String text;

  private NamespacePath(List<String> components) {
    this.components = List.copyOf(components);
    this.text = "/" + String.join("/", components);
  }

  /**
   * @throws MetasyncException INVALID_ARGUMENT naming the path and what is wrong with it
   */
  public static NamespacePath parse(String path) {
    requireNonNull(path, "path is null");
    if (path.length() > MAX_LENGTH) {
      throw MetasyncException.invalidArgument(
          "the path "
              + MessageText.abbreviate(path)
              + " is longer than "
              + MessageText.count(MAX_LENGTH)
              + " characters, the most metasync accepts (as HDFS); use a shorter path");
    }
    if (!path.startsWith("/")) {
      throw invalid(path, "is not absolute (it must start with /)");
    }
    if (path.equals("/")) {
      return ROOT;
    }
    // Only "/" itself is the root: "//" drops to an empty body that the check below refuses.
    String body = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
    List<String> components = new ArrayList<>();
    for (String component : body.split("/", -1)) {
      int bytes = checkComponent(path, component);
      if (bytes > MAX_NAME_BYTES) {
        throw invalid(
            path,
            "has a name of "
                + MessageText.count(bytes)
                + " bytes ("
                + MessageText.abbreviate(component)
                + "), more than the "
                + MAX_NAME_BYTES
                + " a name may have (as in POSIX and HDFS); use a shorter name");
      }
      components.add(component);
    }
    return new NamespacePath(components);
  }

  /** Returns the component's length in UTF-8 bytes. */
  private static int checkComponent(String path, String component) {
    if (component.isEmpty()) {
      throw invalid(path, "has an empty component (//)");
    }
    if (component.equals(".") || component.equals("..")) {
      throw invalid(path, "has a '" + component + "' component; use a normalized path");
    }
    if (component.indexOf('\0') >= 0) {
      throw invalid(path, "contains a NUL character");
    }
    try {
      return StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(component))
          .remaining();
    } catch (CharacterCodingException e) {
      throw invalid(path, "is not valid UTF-8");
    }
  }

  private static MetasyncException invalid(String path, String why) {
    return MetasyncException.invalidArgument(
        "invalid path '" + MessageText.abbreviate(path) + "': it " + why);
  }

  public boolean isRoot() {
    return components.isEmpty();
  }

  /** The last component; the empty string for the root. */
  public String name() {
    return isRoot() ? "" : components.get(components.size() - 1);
  }

  /**
   * @throws IllegalStateException for the root, which has no parent
   */
  public NamespacePath parent() {
    if (isRoot()) {
      throw new IllegalStateException("/ has no parent");
    }
    return new NamespacePath(components.subList(0, components.size() - 1));
  }

  /**
   * @throws MetasyncException INVALID_ARGUMENT when {@code name} is not one valid component
   */
  public NamespacePath child(String name) {
    if (name.indexOf('/') >= 0) {
      throw invalid(text + "/" + name, "has a name with '/'");
    }
    checkComponent(text + "/" + name, name);
    List<String> childComponents = new ArrayList<>(components);
    childComponents.add(name);
    return new NamespacePath(childComponents);
  }

  public List<String> components() {
    return components;
  }

  public int depth() {
    return components.size();
  }

  /** The ancestor of this path at {@code depth} components; {@code ancestor(0)} is the root. */
  public NamespacePath ancestor(int depth) {
    return new NamespacePath(components.subList(0, depth));
  }

  /** Whether this path is {@code other} or lies below it. */
  public boolean startsWith(NamespacePath other) {
    return other.components.size() <= components.size()
        && components.subList(0, other.components.size()).equals(other.components);
  }

  /** Whether this path lies strictly below {@code other}. */
  public boolean isDescendantOf(NamespacePath other) {
    return components.size() > other.components.size() && startsWith(other);
  }

  /** The part of this path below {@code ancestor}, as a relative path with a leading slash. */
  public String relativeTo(NamespacePath ancestor) {
    if (!startsWith(ancestor)) {
      throw new IllegalArgumentException(text + " is not under " + ancestor);
    }
    return "/"
        + String.join("/", components.subList(ancestor.components.size(), components.size()));
  }

  @Override
  public int compareTo(NamespacePath other) {
    int common = Math.min(components.size(), other.components.size());
    for (int i = 0; i < common; i++) {
      int order = components.get(i).compareTo(other.components.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(components.size(), other.components.size());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NamespacePath path && path.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
