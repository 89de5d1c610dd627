package dev.accountconsole.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code sandbox} command in a child JVM, on the test class path. */
final class SandboxProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    final Process process;
    final int port;

    private SandboxProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the command with the secret in the environment and waits for its {@code listening on} line. */
    static SandboxProcess start(Path data, String... extraArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SandboxCommandLauncher.class.getName(), "--port", "0", "--app-key", TestSandbox.APP_KEY,
                "--data", data.toString(), "--iot-token", TestSandbox.IOT_TOKEN));
        cmd.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(SandboxCommand.SECRET_ENV, TestSandbox.APP_SECRET);
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<output ended: " + e.getMessage() + ">");
            }
        }, "sandbox-process-output");
        reader.setDaemon(true);
        reader.start();
        String line = awaitLine(lines, "listening on", p);
        Matcher m = LISTENING.matcher(line);
        if (!m.find()) {
            p.destroyForcibly();
            throw new IllegalStateException("unexpected line: " + line);
        }
        return new SandboxProcess(p, Integer.parseInt(m.group(1)));
    }

    private static String awaitLine(BlockingQueue<String> lines, String containing, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains(containing)) {
                    return line;
                }
            } else if (!p.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("no line containing '" + containing + "'; output was:\n" + seen);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
