package dev.accountconsole.ui.common;

import dev.accountconsole.activity.Csv;
import dev.accountconsole.config.FileSafety;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one way a page exports a table: UTF-8 with a byte-order mark (so spreadsheets show Chinese
 * correctly), written whole or not at all and owner-only, because exports hold personal data.
 */
public final class CsvExport {
    /** Writes the rows through {@link Csv} and returns how many it wrote. */
    @FunctionalInterface
    public interface Body {
        int write(Writer out) throws IOException;
    }

    private CsvExport() {
    }

    /** A background task that writes {@code target}; its result is the number of rows. */
    public static BackgroundTask<Integer> to(Path target, Body body) {
        return BackgroundTask.wrap(c -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int rows;
            try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                w.write(Csv.BYTE_ORDER_MARK);
                rows = body.write(w);
            }
            FileSafety.writeAtomically(target, bytes.toByteArray(), true);
            return rows;
        });
    }
}
