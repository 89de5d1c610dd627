package dev.accountconsole.bench;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.sandbox.EmbeddedSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a console home for {@code bench/console-memory.sh}: the embedded sandbox's first start
 * with N demo accounts, then the identityIds of the first K of them written to a file, looked up
 * through the project's own client. Usage: {@code ConsoleDataSeed HOME N K IDS_FILE}.
 */
public final class ConsoleDataSeed {
    private ConsoleDataSeed() {
    }

    public static void main(String[] args) throws Exception {
        AppDirs dirs = AppDirs.under(Path.of(args[0]));
        int accounts = Integer.parseInt(args[1]);
        int wanted = Integer.parseInt(args[2]);
        List<String> ids = new ArrayList<>(wanted);
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.startForConsole(dirs, accounts)) {
            AccountService service = new AccountService(new GatewayClient(sandbox.clientSettings()));
            for (int i = 0; i < wanted; i++) {
                ids.add(service.queryByPhone(DemoData.phone(i), Cancellation.none()).value().identityId());
            }
        }
        Files.write(Path.of(args[3]), ids, StandardCharsets.UTF_8);
    }
}
