package dev.accountconsole.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Works out what an operator typed or pasted into the one lookup box: a phone (with or without
 * {@code +86}/{@code 86} and separators), an email, one identityId or a list of them, or
 * {@code loginSource:loginId}. When the text fits more than one reading (a bare number could be a
 * phone or an identityId) every reading is offered, most likely first.
 */
public final class LookupRecognizer {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;，；、]+");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern LOGIN = Pattern.compile("([A-Za-z][A-Za-z0-9_]*):(\\S+)");
    private static final Pattern CN_MOBILE = Pattern.compile("1[0-9]{10}");

    private LookupRecognizer() {
    }

    /** One way to read the input. */
    public sealed interface Reading {
        /** A phone number, digits only, location code removed. */
        record Phone(String phone) implements Reading { }

        record Email(String email) implements Reading { }

        /** One or more identityIds, in the order given, duplicates removed. */
        record IdentityIds(List<String> identityIds) implements Reading { }

        /** Several phones pasted at once: one querybyphone each. */
        record Phones(List<String> phones) implements Reading { }

        record Login(String loginSource, String loginId) implements Reading { }
    }

    /** All plausible readings, most likely first; empty when the input is blank or fits nothing. */
    public static List<Reading> recognize(String input) {
        List<Reading> readings = new ArrayList<>();
        if (input == null || input.isBlank()) {
            return readings;
        }
        String text = input.strip();
        String phone = asPhone(text);
        if (phone != null) {
            readings.add(new Reading.Phone(phone));
            if (CN_MOBILE.matcher(phone).matches() && !text.startsWith("+")) {
                return readings;
            }
            if (!text.startsWith("+") && Validation.checkIdentityId("q", text) == null) {
                readings.add(new Reading.IdentityIds(List.of(text)));
            }
            return readings;
        }
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(SEPARATORS.split(text))));
        tokens.removeIf(String::isEmpty);
        if (tokens.size() == 1) {
            String t = tokens.get(0);
            if (t.indexOf('@') > 0 && Validation.checkEmail("q", t) == null) {
                readings.add(new Reading.Email(t));
                return readings;
            }
            var login = LOGIN.matcher(t);
            if (login.matches() && !t.contains("//")) {
                readings.add(new Reading.Login(login.group(1), login.group(2)));
                return readings;
            }
            if (Validation.checkIdentityId("q", t) == null) {
                readings.add(new Reading.IdentityIds(List.of(t)));
            }
            return readings;
        }
        List<String> phones = new ArrayList<>();
        for (String t : tokens) {
            String p = asPhone(t);
            if (p == null) {
                phones = null;
                break;
            }
            phones.add(p);
        }
        if (phones != null && tokens.stream().allMatch(t -> CN_MOBILE.matcher(asPhone(t)).matches())) {
            readings.add(new Reading.Phones(List.copyOf(new LinkedHashSet<>(phones))));
            readings.add(new Reading.IdentityIds(List.copyOf(tokens)));
            return readings;
        }
        if (tokens.stream().allMatch(t -> Validation.checkIdentityId("q", t) == null && t.indexOf('@') < 0)) {
            readings.add(new Reading.IdentityIds(List.copyOf(tokens)));
        }
        return readings;
    }

    /**
     * The digits of a phone, or null: {@code +86 138-0000-1111}, {@code 8613800001111} and
     * {@code (0)13800001111} forms are accepted; a {@code +} with another country code keeps the
     * national number.
     */
    static String asPhone(String text) {
        String t = PHONE_PUNCTUATION.matcher(text).replaceAll("");
        boolean plus = t.startsWith("+");
        if (plus) {
            t = t.substring(1);
        }
        if (t.startsWith("00")) {
            t = t.substring(2);
            plus = true;
        }
        if (!DIGITS.matcher(t).matches()) {
            return null;
        }
        if (t.startsWith("86") && CN_MOBILE.matcher(t.substring(2)).matches()) {
            return t.substring(2);
        }
        if (plus) {
            return nationalNumber(t);
        }
        return t.length() >= 4 && t.length() <= 15 ? t : null;
    }

    /**
     * ITU-T E.164 country codes: 1 and 7 have one digit, these have two, all others three. Knowing the
     * code's length is enough to split off the national number.
     */
    private static final java.util.Set<String> TWO_DIGIT_CODES = java.util.Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48",
            "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81",
            "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    private static String nationalNumber(String international) {
        int codeLength;
        if (international.startsWith("1") || international.startsWith("7")) {
            codeLength = 1;
        } else if (international.length() >= 2 && TWO_DIGIT_CODES.contains(international.substring(0, 2))) {
            codeLength = 2;
        } else {
            codeLength = 3;
        }
        if (international.length() <= codeLength) {
            return null;
        }
        String rest = international.substring(codeLength);
        return rest.length() >= 4 && rest.length() <= 15 ? rest : null;
    }
}
