package dev.accountconsole.sandbox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The sandbox's {@code localizedMsg} texts, zh-CN and en-US, from {@code messages*.properties} in this
 * package (the server's own table, not the console's UI bundles). Loaded once; a missing key fails at
 * start, not in an answer.
 */
final class LocalizedMessages {
    private static final String BUNDLE = "dev.accountconsole.sandbox.messages";
    private final Map<ApiError, String> chinese = load(Locale.SIMPLIFIED_CHINESE);
    private final Map<ApiError, String> english = load(Locale.ROOT);

    private static Map<ApiError, String> load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<ApiError, String> map = new EnumMap<>(ApiError.class);
        for (ApiError e : ApiError.values()) {
            map.put(e, bundle.getString(e.name()));
        }
        return map;
    }

    /**
     * The text for the envelope's language ({@code zh-CN} or {@code en-US}, case and separator
     * forgiven), or null for any other language or none.
     */
    String lookup(ApiError error, String language) {
        if (language == null) {
            return null;
        }
        String lang = language.replace('_', '-').toLowerCase(Locale.ROOT);
        if (lang.equals("zh-cn")) {
            return chinese.get(error);
        }
        if (lang.equals("en-us")) {
            return english.get(error);
        }
        return null;
    }
}
