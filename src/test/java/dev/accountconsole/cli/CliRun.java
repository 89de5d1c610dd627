package dev.accountconsole.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One in-process run of the CLI: exit status and both streams, decoded as the UTF-8 they are written in. */
record CliRun(int status, String stdout, String stderr) {
    static final String APP_KEY = "test-key";
    static final String APP_SECRET = "test-secret-value";

    /** Runs with the AppKey and AppSecret in the environment, as scripts are told to. */
    static CliRun run(String stdin, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put(ConnectionOptions.ENV_APP_KEY, APP_KEY);
        env.put(ConnectionOptions.ENV_APP_SECRET, APP_SECRET);
        return runWithEnv(env, stdin, args);
    }

    static CliRun runWithEnv(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, env);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : Arrays.asList(stdout.split("\n"));
    }

    List<String> stderrLines() {
        return stderr.isEmpty() ? List.of() : Arrays.asList(stderr.split("\n"));
    }
}
