package dev.accountconsole.sandbox;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The sandbox's {@code localizedMsg} texts, zh-CN and en-US, from {@code messages*.properties} in this
 * package (the server's own table, not the console's UI bundles), keyed by {@link ApiError} name and
 * by {@code gateway.} plus {@link GatewayError} name. Loaded once; a missing key fails at start, not in
 * an answer.
 */
final class LocalizedMessages {
    private static final String BUNDLE = "dev.accountconsole.sandbox.messages";
    private final Map<String, String> chinese = load(Locale.SIMPLIFIED_CHINESE);
    private final Map<String, String> english = load(Locale.ROOT);

    private static Map<String, String> load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> map = new HashMap<>();
        for (ApiError e : ApiError.values()) {
            map.put(e.name(), bundle.getString(e.name()));
        }
        for (GatewayError e : GatewayError.values()) {
            map.put(gatewayKey(e), bundle.getString(gatewayKey(e)));
        }
        return map;
    }

    private static String gatewayKey(GatewayError e) {
        return "gateway." + e.name();
    }

    String lookup(ApiError error, String language) {
        return lookup(error.name(), language);
    }

    String lookup(GatewayError error, String language) {
        return lookup(gatewayKey(error), language);
    }

    /**
     * The text for the envelope's language ({@code zh-CN} or {@code en-US}, case and separator
     * forgiven), or null for any other language or none.
     */
    private String lookup(String key, String language) {
        if (language == null) {
            return null;
        }
        String lang = language.replace('_', '-').toLowerCase(Locale.ROOT);
        if (lang.equals("zh-cn")) {
            return chinese.get(key);
        }
        if (lang.equals("en-us")) {
            return english.get(key);
        }
        return null;
    }
}
