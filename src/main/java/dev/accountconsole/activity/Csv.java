package dev.accountconsole.activity;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 output shared by every CSV export (activity log, bulk job reports): comma-separated
 * cells, CRLF line ends, quotes where a cell needs them. A cell that a spreadsheet would run as a
 * formula gets an apostrophe in front, because exported cells hold text the operator did not write
 * (backend messages, pasted input).
 */
public final class Csv {
    /** Written first so that spreadsheet programs read the file as UTF-8 and show Chinese correctly. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    public static void writeRow(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    /** One cell, formula-guarded and quoted when needed; null is an empty cell. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
