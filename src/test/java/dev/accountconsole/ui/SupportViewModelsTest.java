package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.activity.ActivityEntry;
import dev.accountconsole.activity.ActivityLog;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.i18n.Messages;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.common.DirectTaskExecutor;
import dev.accountconsole.ui.lookup.LookupViewModel;
import dev.accountconsole.ui.search.SearchMode;
import dev.accountconsole.ui.search.SearchViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookup box and the log check without a toolkit or a server: the synchronous executor runs each task inline. */
class SupportViewModelsTest {
    @TempDir
    Path home;
    private final AtomicInteger resultsShown = new AtomicInteger();

    private ConsoleSession session(Locale locale) {
        ConsoleSession s = new ConsoleSession(AppDirs.under(home), new DirectTaskExecutor(), () -> {
            throw new IllegalStateException("no sandbox in this test");
        });
        s.localeProperty().set(locale);
        return s;
    }

    private LookupViewModel lookup(SearchViewModel search, ConsoleSession s) {
        return new LookupViewModel(s, search, resultsShown::incrementAndGet);
    }

    @Test
    void eachUnambiguousFormFillsItsSearchModeAndShowsTheResults() {
        ConsoleSession s = session(Locale.ENGLISH);
        SearchViewModel search = new SearchViewModel(s);
        LookupViewModel vm = lookup(search, s);

        vm.textProperty().set("+86 138-0013-8000");
        vm.submit();
        assertThat(search.modeProperty().get()).isEqualTo(SearchMode.PHONE);
        assertThat(search.phoneProperty().get()).isEqualTo("13800138000");
        assertThat(vm.choices()).isEmpty();

        vm.textProperty().set("  support.7@example.com ");
        vm.submit();
        assertThat(search.modeProperty().get()).isEqualTo(SearchMode.EMAIL);
        assertThat(search.emailProperty().get()).isEqualTo("support.7@example.com");

        vm.textProperty().set("openAccount:4398047084811");
        vm.submit();
        assertThat(search.modeProperty().get()).isEqualTo(SearchMode.LOGIN_ID);
        assertThat(search.loginSourceProperty().get()).isEqualTo("openAccount");
        assertThat(search.loginIdProperty().get()).isEqualTo("4398047084811");

        vm.textProperty().set("a1b2c3d4e5f6, f6e5d4c3b2a1");
        vm.submit();
        assertThat(search.modeProperty().get()).isEqualTo(SearchMode.IDENTITY_IDS);
        assertThat(SearchViewModel.parseIds(search.identityIdsProperty().get()))
                .containsExactly("a1b2c3d4e5f6", "f6e5d4c3b2a1");
        assertThat(resultsShown).hasValue(4);
    }

    @Test
    void ambiguousInputWaitsForAChoiceInTheOperatorsLanguage() {
        ConsoleSession s = session(Messages.CHINESE);
        SearchViewModel search = new SearchViewModel(s);
        LookupViewModel vm = lookup(search, s);
        vm.textProperty().set("13800138000\n13900139000");
        vm.submit();
        assertThat(vm.choices()).hasSize(2);
        assertThat(resultsShown).as("nothing runs before the choice").hasValue(0);
        assertThat(vm.choices()).extracting(vm::describe).containsExactly("2 个手机号", "2 个身份 ID");

        vm.choose(vm.choices().get(1));
        assertThat(vm.choices()).isEmpty();
        assertThat(search.modeProperty().get()).isEqualTo(SearchMode.IDENTITY_IDS);
        assertThat(resultsShown).hasValue(1);
    }

    @Test
    void textThatFitsNothingIsExplainedAndNothingRuns() {
        ConsoleSession s = session(Locale.ENGLISH);
        LookupViewModel vm = lookup(new SearchViewModel(s), s);
        vm.textProperty().set("@@ nonsense @@");
        vm.submit();
        assertThat(vm.problemProperty().get()).startsWith("Not recognised");
        assertThat(resultsShown).hasValue(0);
        vm.textProperty().set("");
        assertThat(vm.problemProperty().get()).as("typing clears the complaint").isNull();
    }

    @Test
    void verifyReportsAnIntactChainThenTheEditedLine() throws Exception {
        ConsoleSession s = session(Messages.CHINESE);
        ActivityViewModel vm = new ActivityViewModel(s);
        assertThat(vm.verificationText()).isNull();
        vm.recordSuccess("freeze", "id-1", "req-1", "frozen");
        vm.recordReveal("id-1", "phone", "工单 4711");
        vm.verify();
        assertThat(vm.verificationText()).isEqualTo("记录完整：共 2 条，链条未断。");

        Path file = AppDirs.under(home).data().resolve("activity.jsonl");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("工单 4711", "工单 4712"), StandardCharsets.UTF_8);
        vm.verify();
        assertThat(vm.verificationText()).isEqualTo("记录在第 2 行被改动：该记录写入后被修改过。");
        assertThat(vm.verificationProperty().get().intact()).isFalse();
    }

    @Test
    void aRevealIsLoggedWithFieldAndReasonOnly() throws Exception {
        ActivityViewModel vm = new ActivityViewModel(session(Locale.ENGLISH));
        vm.recordReveal("id-9", "email", "caller verified on the phone");
        ActivityEntry e = new ActivityLog(AppDirs.under(home).data()).readAll().get(0);
        assertThat(e.action()).isEqualTo("reveal");
        assertThat(e.message()).isEqualTo("Revealed email. Reason: caller verified on the phone");
        assertThat(e.operator()).isNotNull();
    }
}
