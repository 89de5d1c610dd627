package dev.accountconsole.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.Account;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.i18n.Messages;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TicketTextTest {
    private final TicketText.Context ctx = new TicketText.Context("Production", "PRODUCTION",
            Instant.parse("2026-11-23T08:09:10Z"));
    private final Account account = new Account("505fop357f0d8299b92664fc91012ae88ed25269", "4398047084811",
            "openAccount", "zhang.san", "13812345678", "86", "zhang.san@example.com", "张三", null, null, null,
            null, null, null, true);

    @Test
    void successNamesEverythingAndMasksPersonalData() {
        String text = TicketText.forSuccess(Locale.ENGLISH, ctx, ApiOperation.FREEZE, "req-42", account);
        assertThat(text).isEqualTo("""
                Request ID: req-42
                API: /user/account/freeze (apiVer 1.0.1)
                Profile: Production [PRODUCTION]
                Time: 2026-11-23 08:09:10 UTC
                Outcome: 200 success
                Identity ID: 505fop357f0d8299b92664fc91012ae88ed25269
                Login name: zhang.san
                Phone: 138****5678
                Email: z***@example.com
                State: frozen
                """);
        assertThat(text).doesNotContain("13812345678").doesNotContain("zhang.san@example.com");
    }

    @Test
    void failureInChineseCarriesCodeAndBothMessages() {
        BusinessException e = new BusinessException(ApiOperation.UNFREEZE, 403, "request forbidden.", "请求被禁止",
                "c1", "srv-7", 12);
        String text = TicketText.forFailure(Messages.CHINESE, ctx, e, null);
        assertThat(text).contains("请求 ID: srv-7").contains("结果: 403 request forbidden. / 请求被禁止")
                .contains("/user/account/unfreeze (apiVer 1.0.0)");
    }
}
