package dev.accountconsole.i18n;

import dev.accountconsole.account.FieldError;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The application's one bundle family ({@code dev/accountconsole/i18n/messages*.properties}, UTF-8),
 * in English (the base bundle) and Simplified Chinese. Lookups never fall back to the JVM's default
 * locale: English asked for is English, whatever the machine's locale.
 */
public final class Messages {
    public static final String BUNDLE = "dev.accountconsole.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK);
    }

    /** zh (any region) maps to Simplified Chinese; everything else to English. */
    public static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? CHINESE : Locale.ENGLISH;
    }

    /** {@code zh-CN} or {@code en-US}, the gateway's {@code language} values. */
    public static String gatewayLanguage(Locale locale) {
        return supported(locale).equals(CHINESE) ? "zh-CN" : "en-US";
    }

    /** Parses {@code zh-CN}, {@code zh_CN}, {@code en-US}, {@code en}...; null for null. */
    public static Locale fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return supported(Locale.forLanguageTag(tag.strip().replace('_', '-')));
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(args);
    }

    /** "Phone: must be 11 digits starting with 1." in the given language. */
    public static String describe(Locale locale, FieldError error) {
        String field = get(locale, "field." + error.field());
        String problem = get(locale, error.key(), error.args().toArray());
        return get(locale, "validation.fieldProblem", field, problem);
    }
}
