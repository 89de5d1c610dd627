package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.config.AppDirs;
import dev.accountconsole.ui.common.DirectTaskExecutor;
import dev.accountconsole.ui.search.SearchMode;
import dev.accountconsole.ui.search.SearchViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search view model without a toolkit or a server. */
class SearchViewModelTest {
    @TempDir
    Path home;

    private SearchViewModel vm() {
        ConsoleSession session = new ConsoleSession(AppDirs.under(home), new DirectTaskExecutor(), () -> {
            throw new IllegalStateException("no sandbox in this test");
        });
        session.localeProperty().set(java.util.Locale.ENGLISH);
        return new SearchViewModel(session);
    }

    @Test
    void pastedIdsSplitOnCommasSpacesAndLinesOnceEach() {
        assertThat(SearchViewModel.parseIds(" a1,b2\n\nc3  a1;d4\r\ne5 ")).containsExactly("a1", "b2", "c3", "d4", "e5");
        assertThat(SearchViewModel.parseIds("   ")).isEmpty();
    }

    @Test
    void anEmptyFieldIsNotAnErrorButCannotBeSearched() {
        SearchViewModel vm = vm();
        assertThat(vm.inputErrorBinding().get()).isNull();
        assertThat(vm.canSearchBinding().get()).isFalse();
        vm.phoneProperty().set("13800138000");
        assertThat(vm.canSearchBinding().get()).isTrue();
        vm.phoneProperty().set("138 0013 8000");
        assertThat(vm.inputErrorBinding().get()).startsWith("Phone:");
        assertThat(vm.canSearchBinding().get()).isFalse();
    }

    @Test
    void eachModeChecksItsOwnFields() {
        SearchViewModel vm = vm();
        vm.phoneProperty().set("bad phone");
        vm.modeProperty().set(SearchMode.EMAIL);
        assertThat(vm.inputErrorBinding().get()).as("the phone field no longer matters").isNull();
        vm.emailProperty().set("a@b");
        assertThat(vm.inputErrorBinding().get()).startsWith("Email:");
        vm.modeProperty().set(SearchMode.LOGIN_ID);
        vm.loginIdProperty().set("4398047084811");
        assertThat(vm.canSearchBinding().get()).isTrue();
        vm.loginSourceProperty().set(" ");
        assertThat(vm.canSearchBinding().get()).isFalse();
        vm.modeProperty().set(SearchMode.IDENTITY_IDS);
        vm.identityIdsProperty().set("x".repeat(65));
        assertThat(vm.inputErrorBinding().get()).contains("at most 64");
    }

    @Test
    void searchingBeforeTheConnectionIsReadySaysSoAndOffersRetry() {
        SearchViewModel vm = vm();
        vm.phoneProperty().set("13800138000");
        vm.search();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.problemProperty().get().message()).startsWith("Not connected yet");
        assertThat(vm.problemProperty().get().retryable()).isTrue();
    }
}
