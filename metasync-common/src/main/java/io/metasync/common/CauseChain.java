package io.metasync.common;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where an exception and its causes become the words of an error line. Libraries wrap
 * a cause in exceptions that repeat its message ("Call From a to b failed on connection exception:
 * java.net.ConnectException: Connection refused; For more details see: ..."): here each thing is
 * said once, common network and file errors are said in plain words ("connection refused", "unknown
 * host 'x'", "timed out after 20 s"), and Java class names are left out.
 */
public final class CauseChain {
  // a class name such as java.net.ConnectException or RpcException, with the ": " after it
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
  // Hadoop ends its network errors with a link to its wiki
  private static final Pattern WIKI_LINK = Pattern.compile("[;,]?\\s*For more details see:?.*$");
  private static final Pattern CONNECT = Pattern.compile("(?i)\\bconnect\\b");
  private static final Pattern MILLIS = Pattern.compile("(\\d+) millis timeout");

  private CauseChain() {}

  /**
   * What went wrong, from {@code error} down to its root cause, each thing said once: for example
   * {@code unknown host 'nosuch'} or {@code cannot open the file: permission denied}.
   */
  public static String describe(Throwable error) {
    List<String> parts = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
      String words = words(cause);
      String key = words.toLowerCase(Locale.ROOT);
      if (words.isEmpty() || parts.stream().anyMatch(part -> contains(part, key))) {
        continue;
      }
      // an outer message that the cause repeats and extends says nothing of its own
      parts.removeIf(part -> key.contains(part.toLowerCase(Locale.ROOT)));
      parts.add(words);
    }
    return parts.isEmpty() ? "failed without saying why" : String.join(": ", parts);
  }

  private static boolean contains(String part, String lowerCaseWords) {
    return part.toLowerCase(Locale.ROOT).contains(lowerCaseWords);
  }

  /** The words for one exception, without its causes. */
  static String words(Throwable error) {
    Throwable cause = error.getCause();
    if (cause != null && cause.toString().equals(error.getMessage())) {
      return ""; // new IOException(cause) takes the cause's toString() as its own message
    }
    String message = cleaned(error.getMessage());
    if (error instanceof UnknownHostException) {
      String host = message.split("[:\\s]", 2)[0];
      return host.isEmpty() ? "unknown host" : "unknown host '" + host + "'";
    }
    if (error instanceof ConnectException) {
      return message.contains("timed out") ? "connection timed out" : "connection refused";
    }
    if (error instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (error instanceof BindException) {
      return message.contains("in use") ? "the address is in use" : firstLower(message);
    }
    if (error instanceof SocketTimeoutException) {
      String what = CONNECT.matcher(message).find() ? "connection timed out" : "timed out";
      Matcher millis = MILLIS.matcher(message);
      return millis.find() ? what + " after " + seconds(millis.group(1)) : what;
    }
    if (error instanceof InterruptedIOException) {
      return "interrupted";
    }
    if (error instanceof EOFException) {
      return "the connection or file ended unexpectedly";
    }
    if (error instanceof FileSystemException fileSystemError) {
      return fileSystemWords(fileSystemError);
    }
    if (error instanceof UserPrincipalNotFoundException unknown && error.getMessage() == null) {
      return "no user or group '" + unknown.getName() + "'";
    }
    return message.isEmpty() ? classWords(error) : firstLower(message);
  }

  private static String fileSystemWords(FileSystemException error) {
    if (error instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (error instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (error instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (error instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (error instanceof NotDirectoryException) {
      return "not a folder";
    }
    String reason = cleaned(error.getReason());
    return reason.isEmpty() ? classWords(error) : firstLower(reason);
  }

  /** The first line of a message, without class names and wiki links. */
  private static String cleaned(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    line = WIKI_LINK.matcher(line).replaceFirst("");
    line = CLASS_NAME.matcher(line).replaceAll("");
    return line.strip().replaceAll("[\\s;:,]+$", "");
  }

  /** {@code IllegalStateException} as {@code illegal state}. */
  private static String classWords(Throwable error) {
    String name = error.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip();
  }

  /** "Connection reset" as "connection reset"; "NameNode is down" and "/a" stay as they are. */
  private static String firstLower(String text) {
    String firstWord = text.split("\\s", 2)[0];
    if (firstWord.length() > 1
        && Character.isUpperCase(firstWord.charAt(0))
        && firstWord.substring(1).chars().noneMatch(Character::isUpperCase)) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }

  private static String seconds(String millis) {
    long value = Long.parseLong(millis);
    return value % 1000 == 0 ? value / 1000 + " s" : value + " ms";
  }
}
