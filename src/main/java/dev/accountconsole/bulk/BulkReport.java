package dev.accountconsole.bulk;

import dev.accountconsole.activity.Csv;
import dev.accountconsole.config.FileSafety;
import dev.accountconsole.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The per-row report of a job or a dry run, in the operator's language, and its CSV export. */
public final class BulkReport {
    private static final String[] HEADER =
            {"row", "input", "identityId", "state", "outcome", "code", "message", "requestId", "time"};

    private BulkReport() {
    }

    /** The outcome in words, e.g. "skipped: duplicate of row 3"; empty while the row is pending. */
    public static String describe(RowResult row, Locale locale) {
        if (row.outcome() == null) {
            return "";
        }
        return Messages.get(locale, row.outcome().key(), row.args().toArray());
    }

    /**
     * The message column: the backend's text when it gave one, the validation rule's text for invalid
     * input, otherwise empty.
     */
    public static String message(RowResult row, Locale locale) {
        if (row.message() != null) {
            return row.message();
        }
        if (row.outcome() == Outcome.INVALID_INPUT && row.code() != null) {
            return Messages.get(locale, row.code(), row.args().toArray());
        }
        return "";
    }

    /** UTF-8 with a byte-order mark, RFC 4180, formula-safe cells, a header row. */
    public static void writeCsv(List<RowResult> rows, Locale locale, Writer out) throws IOException {
        out.write(Csv.BYTE_ORDER_MARK);
        Csv.writeRow(out, HEADER);
        for (RowResult r : rows) {
            Csv.writeRow(out, String.valueOf(r.number()), r.input(), r.identityId(),
                    Messages.get(locale, r.state().key()), describe(r, locale), r.code(), message(r, locale),
                    r.requestId(), r.time() == null ? null : r.time().toString());
        }
        out.flush();
    }

    /** Writes the export to {@code file}, whole or not at all, owner-only: it holds phone numbers. */
    public static void exportCsv(List<RowResult> rows, Locale locale, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writeCsv(rows, locale, w);
        }
        FileSafety.writeAtomically(file, bytes.toByteArray(), true);
    }
}
