package dev.accountconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkInputTest {
    private static final String ID1 = "505fop357f0d8299b92664fc91012ae88ed25269";
    private static final String ID2 = "50b7op6575e3453gd345290b4aa7480174495";

    @TempDir
    Path dir;

    @Test
    void csvWithBomHeaderAndQuotesReadsTheNamedColumns() throws Exception {
        Path file = dir.resolve("in.csv");
        String csv = "\uFEFFname,identityId,phone\r\n"
                + "\"Wang, Fang\",\"" + ID1 + "\",\r\n"
                + "\"said \"\"hi\"\"\nover two lines\",,+86 138-0000-1111\r\n"
                + ",,\r\n"
                + "Li,\"" + ID2 + "\",13900002222\n";
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        List<InputRow> rows = BulkInput.parseCsv(file);

        assertThat(rows).extracting(InputRow::number, InputRow::kind, InputRow::value, InputRow::problem)
                .containsExactly(
                        tuple(1, InputKind.IDENTITY_ID, ID1, null),
                        tuple(2, InputKind.PHONE, "13800001111", null),
                        tuple(3, InputKind.IDENTITY_ID, ID2, null));
    }

    @Test
    void csvWithoutHeaderReadsTheFirstColumnAndRecognizesEachValue() throws Exception {
        List<InputRow> rows = BulkInput.parseCsv(new StringReader(
                ID1 + ",ignored\n8613800001111\n\n  " + ID2 + "  ,x\n"));
        assertThat(rows).extracting(InputRow::kind, InputRow::value).containsExactly(
                tuple(InputKind.IDENTITY_ID, ID1),
                tuple(InputKind.PHONE, "13800001111"),
                tuple(InputKind.IDENTITY_ID, ID2));
        assertThat(rows.get(2).input()).isEqualTo("  " + ID2 + "  ");
    }

    @Test
    void aPhoneColumnValidatesValuesAsPhones() throws Exception {
        List<InputRow> rows = BulkInput.parseCsv(new StringReader("Phone\nnot-a-phone\n13800001111\n"));
        assertThat(rows.get(0).problem().key()).isEqualTo("validation.phone.lookup");
        assertThat(rows.get(1).problem()).isNull();
    }

    @Test
    void pastedTextSplitsOnCommasSpacesAndNewLines() {
        List<InputRow> rows = BulkInput.parseText(ID1 + ", 13800001111\n\n+8613900002222;" + ID2 + "\t4155");
        assertThat(rows).extracting(InputRow::kind, InputRow::value).containsExactly(
                tuple(InputKind.IDENTITY_ID, ID1),
                tuple(InputKind.PHONE, "13800001111"),
                tuple(InputKind.PHONE, "13900002222"),
                tuple(InputKind.IDENTITY_ID, ID2),
                tuple(InputKind.PHONE, "4155"));
    }

    @Test
    void aPastedPhoneWrittenInGroupsStaysOneValueButTwoPhonesOnALineAreTwo() {
        List<InputRow> rows = BulkInput.parseText("+86 138 0000 1111\n139 0000 2222\n13700003333 13600004444\n"
                + "1234 5678");
        assertThat(rows).extracting(InputRow::value).containsExactly(
                "13800001111", "13900002222", "13700003333", "13600004444", "1234", "5678");
        assertThat(rows.get(0).input()).isEqualTo("+86 138 0000 1111");
    }

    @Test
    void duplicatesAreFlaggedWithTheFirstRowAndInvalidRowsKeepTheirRule() {
        List<InputRow> rows = BulkInput.parseText(
                ID1 + " 13800001111 " + ID1 + " +8613800001111 +14155550100 " + "x".repeat(65) + " 123");
        assertThat(rows).extracting(InputRow::number, InputRow::duplicateOf).containsExactly(
                tuple(1, null), tuple(2, null), tuple(3, 1), tuple(4, 2), tuple(5, null), tuple(6, null),
                tuple(7, null));
        assertThat(rows.get(4).kind()).isEqualTo(InputKind.PHONE);
        assertThat(rows.get(4).problem().key()).isEqualTo("validation.phone.lookup");
        assertThat(rows.get(5).problem().key()).isEqualTo("validation.tooLong");
        assertThat(rows.get(6).kind()).isEqualTo(InputKind.IDENTITY_ID);
        assertThat(rows.get(6).problem()).isNull();
    }
}
