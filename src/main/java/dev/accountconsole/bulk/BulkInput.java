package dev.accountconsole.bulk;

import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.Validation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a CSV file or pasted text into numbered rows, each recognized as a phone or an identityId,
 * normalized, validated with the same rules as single calls, and checked for duplicates. Nothing is
 * dropped except blank values: invalid and duplicate rows stay in the list so that the report
 * accounts for every line the operator gave.
 */
public final class BulkInput {
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\r\\n,;，；、]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** Digits with the separators people type in phone numbers, optionally after a {@code +}. */
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9][0-9 \\-().]*");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[ \\-().]");
    private static final Pattern CN_MOBILE = Pattern.compile("1[0-9]{10}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private BulkInput() {
    }

    /** A UTF-8 CSV file; a byte-order mark is tolerated. */
    public static List<InputRow> parseCsv(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parseCsv(r);
        }
    }

    /**
     * CSV per RFC 4180. A first record with a cell named {@code identityId} or {@code phone} (any case)
     * is a header, and that column is read, its name deciding the kind; otherwise every record's
     * first cell is read and the kind is recognized from the value.
     */
    public static List<InputRow> parseCsv(Reader reader) throws IOException {
        List<List<String>> records = readRecords(reader);
        int idColumn = -1;
        int phoneColumn = -1;
        int first = 0;
        if (!records.isEmpty()) {
            List<String> head = records.get(0);
            for (int i = 0; i < head.size(); i++) {
                String name = head.get(i).strip().toLowerCase(Locale.ROOT);
                if (name.equals("identityid") && idColumn < 0) {
                    idColumn = i;
                } else if (name.equals("phone") && phoneColumn < 0) {
                    phoneColumn = i;
                }
            }
            if (idColumn >= 0 || phoneColumn >= 0) {
                first = 1;
            }
        }
        Rows rows = new Rows();
        for (List<String> record : records.subList(first, records.size())) {
            if (first == 0) {
                rows.add(cell(record, 0), null);
                continue;
            }
            String id = cell(record, idColumn);
            if (!id.isBlank()) {
                rows.add(id, InputKind.IDENTITY_ID);
            } else {
                rows.add(cell(record, phoneColumn), InputKind.PHONE);
            }
        }
        return rows.list;
    }

    /**
     * Pasted text: values separated by new lines, commas, semicolons or white space. A phone written
     * in groups ({@code +86 138 0000 1111}) stays one value; see {@link #isOneGroupedPhone}.
     */
    public static List<InputRow> parseText(String text) {
        Rows rows = new Rows();
        if (text != null) {
            for (String piece : LIST_SEPARATORS.split(stripBom(text))) {
                String p = piece.strip();
                if (isOneGroupedPhone(p)) {
                    rows.add(p, null);
                } else {
                    for (String token : WHITE_SPACE.split(p)) {
                        rows.add(token, null);
                    }
                }
            }
        }
        return rows.list;
    }

    /**
     * Whether spaces inside a phone-shaped piece group one number rather than separate several: so
     * when it starts with {@code +} or has a group too short to be a phone by itself. Two numbers
     * that are each a phone stay two values.
     */
    private static boolean isOneGroupedPhone(String piece) {
        if (!PHONE_SHAPE.matcher(piece).matches()) {
            return false;
        }
        String[] groups = WHITE_SPACE.split(piece);
        if (groups.length == 1 || piece.startsWith("+")) {
            return true;
        }
        for (String g : groups) {
            if (PHONE_PUNCTUATION.matcher(g).replaceAll("").length() < 4) {
                return true;
            }
        }
        return false;
    }

    private static String cell(List<String> record, int column) {
        return column >= 0 && column < record.size() ? record.get(column) : "";
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** Numbers the non-blank values and remembers the first row of each valid value. */
    private static final class Rows {
        final List<InputRow> list = new ArrayList<>();
        final Map<String, Integer> firstRow = new HashMap<>();

        void add(String raw, InputKind forced) {
            String text = raw.strip();
            if (text.isEmpty()) {
                return;
            }
            int number = list.size() + 1;
            String phone = asPhone(text);
            InputKind kind = forced != null ? forced : phone != null ? InputKind.PHONE : InputKind.IDENTITY_ID;
            String value;
            FieldError problem;
            if (kind == InputKind.PHONE) {
                value = phone != null ? phone : text;
                problem = Validation.checkPhoneForLookup("phone", value);
            } else {
                value = text;
                problem = Validation.checkIdentityId("identityId", value);
            }
            Integer duplicateOf = null;
            if (problem == null) {
                duplicateOf = firstRow.putIfAbsent(kind + ":" + value, number);
            }
            list.add(new InputRow(number, raw, kind, value, problem, duplicateOf));
        }
    }

    /**
     * The digits of a phone-shaped value, or null when it is not phone-shaped: separators go, and a
     * {@code +86} or {@code 86} in front of an eleven-digit mainland number goes. Another country
     * prefix is kept, so that validation asks the operator to remove it rather than guessing.
     */
    static String asPhone(String text) {
        if (!PHONE_SHAPE.matcher(text).matches()) {
            return null;
        }
        String t = PHONE_PUNCTUATION.matcher(text).replaceAll("");
        String digits = t.startsWith("+") ? t.substring(1) : t;
        if (digits.startsWith("86") && CN_MOBILE.matcher(digits.substring(2)).matches()) {
            return digits.substring(2);
        }
        if (t.startsWith("+")) {
            return t;
        }
        return DIGITS.matcher(digits).matches() && digits.length() >= 4 && digits.length() <= 15 ? digits : null;
    }

    /**
     * RFC 4180 records; also accepts bare LF line ends and a leading byte-order mark. Records whose
     * cells are all blank are dropped.
     */
    private static List<List<String>> readRecords(Reader in) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) != -1; ) {
            all.append(buf, 0, n);
        }
        String text = stripBom(all.toString());
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && cell.length() == 0) {
                i++;
                while (i < text.length()) {
                    char q = text.charAt(i++);
                    if (q != '"') {
                        cell.append(q);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                continue;
            }
            i++;
            if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        records.removeIf(r -> r.stream().allMatch(String::isBlank));
        return records;
    }
}
