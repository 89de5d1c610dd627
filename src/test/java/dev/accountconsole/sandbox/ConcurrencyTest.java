package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountChanges;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.Cancellation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Races on one phone and on one account end in exactly one account and a consistent state. */
class ConcurrencyTest {
    @TempDir
    static Path dir;
    static TestSandbox sandbox;
    static AccountService service;
    static ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(dir);
        service = sandbox.service();
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        sandbox.close();
    }

    /** Runs the tasks released together by one latch and returns their futures. */
    private static <T> List<Future<T>> race(List<Callable<T>> tasks) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) {
            futures.add(pool.submit(() -> {
                go.await();
                return t.call();
            }));
        }
        go.countDown();
        return futures;
    }

    @Test
    void simultaneousRegistrationsOfOnePhoneGiveExactlyOneAccount() throws Exception {
        for (int round = 0; round < 5; round++) {
            String phone = "1580000000" + round;
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                tasks.add(() -> {
                    try {
                        return service.register(Registration.builder().phone(phone).nickName("racer " + n).build(),
                                Cancellation.none()).value();
                    } catch (BusinessException e) {
                        assertThat(e.code()).isEqualTo(2402);
                        return null;
                    }
                });
            }
            List<String> winners = new ArrayList<>();
            for (Future<String> f : race(tasks)) {
                String id = f.get(30, TimeUnit.SECONDS);
                if (id != null) {
                    winners.add(id);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(service.queryByPhone(phone, Cancellation.none()).value().identityId()).isEqualTo(winners.get(0));
        }
    }

    @Test
    void freezeUnfreezeAndModifyOfOneAccountFromManyClientsLeaveItConsistent() throws Exception {
        String id = service.register(Registration.builder().phone("15900000000").email("race@example.com").build(),
                Cancellation.none()).value();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            int n = i;
            tasks.add(() -> {
                switch (n % 3) {
                    case 0 -> service.freeze(id, Cancellation.none());
                    case 1 -> service.unfreeze(id, Cancellation.none());
                    default -> service.modify(id, AccountChanges.builder().email("race@example.com")
                            .nickName("nick-" + n).build(), Cancellation.none());
                }
                return null;
            });
        }
        for (Future<Void> f : race(tasks)) {
            f.get(30, TimeUnit.SECONDS);
        }
        Account a = service.queryByPhone("15900000000", Cancellation.none()).value();
        assertThat(a.identityId()).isEqualTo(id);
        assertThat(a.email()).isEqualTo("race@example.com");
        assertThat(a.nickName()).matches("nick-[0-9]+");
        assertThat(a.frozen()).isNotNull();
        // The last write wins as a whole: a final freeze is seen, whatever raced before.
        service.freeze(id, Cancellation.none());
        assertThat(service.queryByPhone("15900000000", Cancellation.none()).value().frozen()).isTrue();
    }

    @Test
    void concurrentModifiesToOnePhoneLetExactlyOneWin() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(service.register(Registration.builder().phone("1570000000" + i).build(), Cancellation.none()).value());
        }
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (String id : ids) {
            tasks.add(() -> {
                try {
                    service.modify(id, AccountChanges.builder().phone("15799999999").build(), Cancellation.none());
                    return true;
                } catch (BusinessException e) {
                    assertThat(e.code()).isEqualTo(2478);
                    return false;
                }
            });
        }
        int won = 0;
        for (Future<Boolean> f : race(tasks)) {
            won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
    }
}
