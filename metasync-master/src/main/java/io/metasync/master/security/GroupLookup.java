package io.metasync.master.security;

import java.util.List;

/**
 * The groups of a user as the master's host knows them. The master asks this, never the client, so
 * that a client cannot claim a group it is not in (as the HDFS NameNode does).
 */
@FunctionalInterface
public interface GroupLookup {
  /** The user's groups, primary first; empty for a user the host does not know. */
  List<String> groups(String user);
}
