package io.metasync.master.security;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of TOKEN authentication: a user's token is an HMAC-SHA256 of the user's name under the
 * master's secret, so the master checks a token without storing any, a token proves one user only,
 * and a new secret revokes every token at once. A user keeps its token in a file only it can read
 * ({@code ~/.metasync/token}, mode 600), as an SSH key: whoever reads it can act as that user.
 */
public final class UserTokens {
  private static final String PREFIX = "metasync-user-token-v1:";
  private static final int SECRET_BYTES = 32;

  private final byte[] secret;

  private UserTokens(byte[] secret) {
    this.secret = secret.clone();
  }

  /**
   * The tokens of the secret in {@code secretFile}, made (random, mode 600) when the file is
   * missing.
   *
   * @throws MetasyncException FAILED_PRECONDITION naming the file when it cannot be read or made
   */
  public static UserTokens fromSecretFile(Path secretFile, boolean createIfMissing) {
    try {
      if (createIfMissing && !Files.exists(secretFile)) {
        create(secretFile);
      }
      String text = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
      return new UserTokens(HexFormat.of().parseHex(text));
    } catch (IOException | IllegalArgumentException e) {
      throw MetasyncException.failedPrecondition(
          "cannot read the master's secret "
              + secretFile
              + " ("
              + e.getMessage()
              + "); check metasync.security.authentication.secret.file and that this user may read"
              + " it");
    }
  }

  private static void create(Path secretFile) throws IOException {
    byte[] secret = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    Path parent = secretFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try {
      Files.createFile(
          secretFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return; // another process made it first
    }
    Files.writeString(
        secretFile,
        HexFormat.of().formatHex(secret) + "\n",
        StandardCharsets.US_ASCII,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** The token of {@code user}. */
  public String tokenOf(String user) {
    requireNonNull(user, "user is null");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal((PREFIX + user).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /**
   * @throws MetasyncException UNAUTHENTICATED when {@code token} is not {@code user}'s
   */
  public void check(String user, String token) {
    if (token == null || token.isEmpty()) {
      throw new MetasyncException(
          ErrorCode.UNAUTHENTICATED,
          "user "
              + user
              + " sent no token; the master wants one (authentication TOKEN): ask an administrator"
              + " for `bin/metasync token "
              + user
              + "` and keep it in ~/.metasync/token (mode 600)");
    }
    byte[] expected = tokenOf(user).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))) {
      throw new MetasyncException(
          ErrorCode.UNAUTHENTICATED,
          "the token sent for user "
              + user
              + " is not that user's (made under another secret, or for another user); ask an"
              + " administrator for a new one");
    }
  }
}
