package dev.accountconsole.account;

/** Display forms of personal data: {@code 138****5678}, {@code j***@example.com}. */
public final class Masking {
    private Masking() {
    }

    /** Keeps the first three and last four digits of a long number, the last two of a short one. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        int n = phone.length();
        if (n >= 8) {
            return phone.substring(0, 3) + "*".repeat(n - 7) + phone.substring(n - 4);
        }
        if (n >= 3) {
            return "*".repeat(n - 2) + phone.substring(n - 2);
        }
        return "*".repeat(n);
    }

    /** Keeps the first character of the local part and the whole domain. */
    public static String maskEmail(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return email.charAt(0) + "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
