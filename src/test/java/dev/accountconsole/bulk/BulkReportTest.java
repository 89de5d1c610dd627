package dev.accountconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.i18n.Messages;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkReportTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private static List<RowResult> rows() {
        List<InputRow> input = BulkInput.parseText("=cmd|calc 13800001111 =cmd|calc +14155550100");
        return List.of(
                RowResult.pending(input.get(0)).with(RowState.FAILED, Outcome.REJECTED, "460",
                        "identityId is blank, \"really\"", List.of(), "srv-1", T),
                RowResult.pending(input.get(1)).withIdentityId("505fopab")
                        .with(RowState.SUCCEEDED, Outcome.VERIFIED_APPLIED, "TIMEOUT", null, List.of("srv-3"), "c-2", T),
                RowResult.pending(input.get(2)),
                RowResult.pending(input.get(3)));
    }

    @Test
    void csvHasBomHeaderQuotedFormulaSafeCellsAndOutcomesInWords() throws Exception {
        StringWriter out = new StringWriter();
        BulkReport.writeCsv(rows(), Locale.ENGLISH, out);
        assertThat(out.toString()).isEqualTo("\uFEFF"
                + "row,input,identityId,state,outcome,code,message,requestId,time\r\n"
                + "1,'=cmd|calc,'=cmd|calc,failed,refused by the gateway,460,\"identityId is blank, \"\"really\"\"\","
                + "srv-1,2026-11-23T10:00:00Z\r\n"
                + "2,13800001111,505fopab,succeeded,\"applied: the answer was lost, and re-reading the account"
                + " (request srv-3) shows the change\",TIMEOUT,,c-2,2026-11-23T10:00:00Z\r\n"
                + "3,'=cmd|calc,'=cmd|calc,skipped,skipped: duplicate of row 1,,,,\r\n"
                + "4,'+14155550100,,skipped,invalid input: not sent,validation.phone.lookup,"
                + "\"must be 4 to 15 digits; remove spaces, dashes and the country prefix, and do not paste a masked"
                + " number.\",,\r\n");
    }

    @Test
    void exportedFileIsUtf8WithBomAndChineseWhenAskedFor() throws Exception {
        Path file = dir.resolve("report.csv");
        BulkReport.exportCsv(rows(), Messages.CHINESE, file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("已跳过：与第 1 行重复", "失败");
    }

    @Test
    void everyBulkKeyExistsInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Messages.CHINESE)) {
            ResourceBundle bundle = Messages.bundle(locale);
            for (Outcome o : Outcome.values()) {
                assertThat(bundle.containsKey(o.key())).as(o.key()).isTrue();
            }
            for (RowState s : RowState.values()) {
                assertThat(bundle.containsKey(s.key())).as(s.key()).isTrue();
            }
            for (BulkAction a : BulkAction.values()) {
                assertThat(bundle.containsKey(a.key())).as(a.key()).isTrue();
            }
        }
    }
}
