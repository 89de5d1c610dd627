package dev.accountconsole.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes that never leave a half-written file: a temporary file beside the target, flushed to disk,
 * then moved over it atomically. Two console instances writing the same file leave one complete
 * version, never a mix.
 */
public final class FileSafety {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** OS file locks are held per process: threads of one process must also queue for them. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileSafety() {
    }

    /** Work on files that must not interleave with another thread or another running console. */
    public interface LockedAction<T> {
        T run(FileChannel lockedChannel) throws IOException;
    }

    /**
     * Runs the action holding both an in-process lock and an exclusive OS lock on {@code lockFile}
     * (created when missing; opened for appending, so the action may append to it).
     */
    public static <T> T withExclusiveLock(Path lockFile, LockedAction<T> action) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(key.getParent());
            try (FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
                 FileLock ignored = ch.lock()) {
                return action.run(ch);
            }
        } finally {
            lock.unlock();
        }
    }

    public static void writeAtomically(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (ownerOnly) {
                restrictToOwner(tmp);
            }
            Files.write(tmp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** 0600 on POSIX file systems; elsewhere the user's profile folder is already private. */
    public static void restrictToOwner(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
