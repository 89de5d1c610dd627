package dev.accountconsole.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.LookupRecognizer.Reading;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookupRecognizerTest {
    @ParameterizedTest
    @ValueSource(strings = {"13800001111", "+86 138 0000 1111", "8613800001111", "+86-138-0000-1111",
        " 138 0000 1111 ", "0086 13800001111"})
    void mainlandPhonesInEveryForm(String input) {
        assertThat(LookupRecognizer.recognize(input)).containsExactly(new Reading.Phone("13800001111"));
    }

    @Test
    void foreignPhonesLoseTheirCountryCode() {
        assertThat(LookupRecognizer.recognize("+1 415 555 0100")).containsExactly(new Reading.Phone("4155550100"));
        assertThat(LookupRecognizer.recognize("+44 20 7946 0958")).containsExactly(new Reading.Phone("2079460958"));
        assertThat(LookupRecognizer.recognize("+852 9123 4567")).containsExactly(new Reading.Phone("91234567"));
    }

    @Test
    void emails() {
        assertThat(LookupRecognizer.recognize("Jane.Doe@example.com"))
                .containsExactly(new Reading.Email("Jane.Doe@example.com"));
    }

    @Test
    void oneIdentityIdOrAList() {
        String a = "505fop357f0d8299b92664fc91012ae88ed25269";
        String b = "50b7op6575e3453gd345290b4aa7480174495";
        assertThat(LookupRecognizer.recognize(a)).containsExactly(new Reading.IdentityIds(List.of(a)));
        assertThat(LookupRecognizer.recognize(a + ",\n" + b + " " + a))
                .containsExactly(new Reading.IdentityIds(List.of(a, b)));
    }

    @Test
    void loginSourceAndLoginId() {
        assertThat(LookupRecognizer.recognize("openAccount:4398047084811"))
                .containsExactly(new Reading.Login("openAccount", "4398047084811"));
    }

    @Test
    void aBareNumberThatIsNoMainlandMobileIsAmbiguous() {
        assertThat(LookupRecognizer.recognize("4398047084811")).containsExactly(
                new Reading.Phone("4398047084811"), new Reading.IdentityIds(List.of("4398047084811")));
    }

    @Test
    void severalMobilesOfferPhoneLookupsFirst() {
        assertThat(LookupRecognizer.recognize("13800001111\n13900002222")).containsExactly(
                new Reading.Phones(List.of("13800001111", "13900002222")),
                new Reading.IdentityIds(List.of("13800001111", "13900002222")));
    }

    @Test
    void nothingFitsBlankOrMixedInput() {
        assertThat(LookupRecognizer.recognize("   ")).isEmpty();
        assertThat(LookupRecognizer.recognize("a@b.co 505fop357f")).isEmpty();
    }
}
