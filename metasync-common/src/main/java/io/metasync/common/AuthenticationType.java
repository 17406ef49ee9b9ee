package io.metasync.common;

/** How the master learns who calls ({@code metasync.security.authentication.type}). */
public enum AuthenticationType {
  /** The client says its user name, as Hadoop's simple authentication; nothing proves it. */
  SIMPLE,
  /** The client proves its user name with a token the master made for that user. */
  TOKEN,
  /** No identity at all: every call acts as the master's own user. For trials on one machine. */
  NONE
}
