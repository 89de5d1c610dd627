package dev.accountconsole.cli;

import java.util.List;

/**
 * What one item printed: JSON lines for stdout on success (UTF-8 bytes, without the line break), or
 * one line for stderr on failure, and the exit status it contributes. Built on a worker thread so
 * that JSON encoding and message formatting run in parallel; printed by the one thread that owns
 * the output.
 */
record Outcome(int status, List<byte[]> stdoutLines, String stderrLine) {

    static Outcome success(List<byte[]> jsonLines) {
        return new Outcome(ExitStatus.OK, jsonLines, null);
    }

    static Outcome success(byte[] jsonLine) {
        return new Outcome(ExitStatus.OK, List.of(jsonLine), null);
    }

    static Outcome failure(int status, String stderrLine) {
        return new Outcome(status, List.of(), stderrLine);
    }
}
