package io.metasync.master.file;

import java.io.InputStream;

/**
 * A file opened for reading: the status its bytes agree with, and the bytes, straight from the UFS.
 */
public record OpenedFile(PathStatus status, InputStream content) {}
