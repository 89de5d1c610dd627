package dev.accountconsole.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.api.Secret;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "13800001111, null, ",
        "13800001111, 86, ",
        "13800001111, +86, ",
        "4155550100, 1, ",
        "1234, 852, ",
        "23800001111, null, validation.phone.cn",
        "1380000111, 86, validation.phone.cn",
        "138****5678, null, validation.phone.cn",
        "138 0000 1111, null, validation.phone.cn",
        "123, 1, validation.phone.other",
        "1234567890123456, 44, validation.phone.other",
        "'', null, validation.required",
    })
    void phoneRule(String phone, String code, String expectedKey) {
        FieldError e = Validation.checkPhone("phone", phone, code);
        if (expectedKey == null) {
            assertThat(e).isNull();
        } else {
            assertThat(e).isNotNull();
            assertThat(e.key()).isEqualTo(expectedKey);
            assertThat(e.field()).isEqualTo("phone");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "j.doe+x@example.com", "张三@例子.中国"})
    void validEmails(String email) {
        assertThat(Validation.checkEmail("email", email)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "@b.co", "a b@c.co", "plain", "a@@b.co", "a@.co"})
    void invalidEmails(String email) {
        assertThat(Validation.checkEmail("email", email).key()).isEqualTo("validation.email.format");
    }

    @Test
    void identityIdsOfAnyAlphabetAndLengthUpTo64() {
        assertThat(Validation.checkIdentityId("id", "505fop357f0d8299b92664fc91012ae88ed25269")).isNull();
        assertThat(Validation.checkIdentityId("id", "50b7op6575e3453gd345290b4aa7480174495")).isNull();
        assertThat(Validation.checkIdentityId("id", "x".repeat(64))).isNull();
        assertThat(Validation.checkIdentityId("id", "x".repeat(65)).key()).isEqualTo("validation.tooLong");
        assertThat(Validation.checkIdentityId("id", "ab cd").key()).isEqualTo("validation.identityId.whitespace");
        assertThat(Validation.checkIdentityId("id", "ab\ncd").key()).isEqualTo("validation.identityId.whitespace");
        assertThat(Validation.checkIdentityId("id", "  ").key()).isEqualTo("validation.required");
    }

    @Test
    void listTakesOneToFiftyIds() {
        assertThat(Validation.checkIdentityIdList("identityIds", List.of())).extracting(FieldError::key)
                .containsExactly("validation.ids.count");
        assertThat(Validation.checkIdentityIdList("identityIds", Collections.nCopies(50, "a"))).isEmpty();
        assertThat(Validation.checkIdentityIdList("identityIds", Collections.nCopies(51, "a"))).extracting(FieldError::key)
                .containsExactly("validation.ids.count");
    }

    @Test
    void registrationNeedsAnIdentifyingField() {
        List<FieldError> errors = Validation.checkRegistration(Registration.builder().nickName("Ann").build());
        assertThat(errors).extracting(FieldError::key).containsExactly("validation.register.identifier");
        assertThat(Validation.checkRegistration(Registration.builder().email("a@b.co").build())).isEmpty();
    }

    @Test
    void registrationReportsEveryBadFieldAtOnce() {
        List<FieldError> errors = Validation.checkRegistration(Registration.builder()
                .loginName("has space").phone("12").email("nope").avatarUrl("ftp://x/y.png")
                .password(Secret.of("123")).build());
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("loginName", "phone", "email", "avatarUrl", "password");
    }

    @Test
    void modifyNeedsTokenAndSomethingToChange() {
        assertThat(Validation.checkModify("id1", AccountChanges.builder().build(), false))
                .extracting(FieldError::key).containsExactly("validation.iotToken.missing", "validation.modify.nothing");
        assertThat(Validation.checkModify("id1", AccountChanges.builder().nickName("N").build(), true)).isEmpty();
    }

    @Test
    void queriesAreChecked() {
        assertThat(Validation.checkQuery(new IdentityQuery.ByLoginId("", "openAccount")))
                .extracting(FieldError::field).containsExactly("loginId");
        assertThat(Validation.checkQuery(new IdentityQuery.ByPhone("13800001111"))).isEmpty();
        assertThat(Validation.checkQuery(new IdentityQuery.ByEmail("x"))).extracting(FieldError::field)
                .containsExactly("email");
    }
}
