package dev.accountconsole.cli;

import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.SignatureMethod;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.config.Profile;
import dev.accountconsole.config.ProfileStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The connection options of docs/cli.md, shared by every API command. */
public final class ConnectionOptions {
    static final String ENV_APP_KEY = "ACCOUNT_CONSOLE_APP_KEY";
    static final String ENV_APP_SECRET = "ACCOUNT_CONSOLE_APP_SECRET";
    static final String ENV_IOT_TOKEN = "ACCOUNT_CONSOLE_IOT_TOKEN";

    @Option(names = "--endpoint", paramLabel = "URL", descriptionKey = "cli.option.endpoint")
    String endpoint;

    @Option(names = "--app-key", paramLabel = "KEY", descriptionKey = "cli.option.appKey")
    String appKey;

    @Option(names = "--app-secret", paramLabel = "SECRET", descriptionKey = "cli.option.appSecret")
    String appSecret;

    @Option(names = "--iot-token", paramLabel = "TOKEN", descriptionKey = "cli.option.iotToken")
    String iotToken;

    @Option(names = "--timeout-ms", paramLabel = "N", descriptionKey = "cli.option.timeoutMs")
    Long timeoutMillis;

    @Option(names = "--language", paramLabel = "zh-CN|en-US", descriptionKey = "cli.option.language")
    String language;

    @Option(names = "--profile", paramLabel = "NAME", descriptionKey = "cli.option.profile")
    String profile;

    /** The settings these options, the environment and, with {@code --profile}, the saved profile give. */
    ClientSettings settings(CliContext ctx) throws UsageException {
        String gatewayLanguage = language == null ? null : parseLanguage(language);
        if (timeoutMillis != null && timeoutMillis <= 0) {
            throw new UsageException("cli.usage.timeout", String.valueOf(timeoutMillis));
        }
        ClientSettings settings = profile != null ? fromProfile(ctx, gatewayLanguage) : fromOptions(ctx, gatewayLanguage);
        return timeoutMillis == null ? settings : settings.withTimeoutMillis(timeoutMillis);
    }

    /** {@code zh-CN} or {@code en-US} as the gateway spells them; {@code zh_CN}, {@code en} and any case accepted. */
    static String parseLanguage(String tag) throws UsageException {
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.equals("zh-cn")) {
            return "zh-CN";
        }
        if (t.equals("en") || t.equals("en-us")) {
            return "en-US";
        }
        throw new UsageException("cli.usage.language", tag);
    }

    private ClientSettings fromOptions(CliContext ctx, String gatewayLanguage) throws UsageException {
        URI uri = parseEndpoint(endpoint == null ? ClientSettings.PRODUCTION_ENDPOINT : endpoint);
        String key = appKey != null ? appKey : ctx.env(ENV_APP_KEY);
        if (key == null || key.isBlank()) {
            throw new UsageException("cli.usage.appKey", ENV_APP_KEY);
        }
        String secret = ctx.env(ENV_APP_SECRET);
        if (appSecret != null) {
            ctx.printError(ctx.text("cli.warning.appSecretOption", ENV_APP_SECRET));
            secret = appSecret;
        }
        if (secret == null || secret.isEmpty()) {
            throw new UsageException("cli.usage.appSecret", ENV_APP_SECRET);
        }
        String token = iotToken != null ? iotToken : ctx.env(ENV_IOT_TOKEN);
        String lang = gatewayLanguage != null ? gatewayLanguage : systemLanguage();
        return new ClientSettings(uri, key, Secret.of(secret), Secret.ofNullable(token),
                ClientSettings.DEFAULT_TIMEOUT_MILLIS, lang, SignatureMethod.HMAC_SHA256);
    }

    /**
     * A profile brings its endpoint, keys and token as one unit; mixing in a key from the command
     * line would sign with one profile's secret for another's AppKey, so that is refused.
     */
    private ClientSettings fromProfile(CliContext ctx, String gatewayLanguage) throws UsageException {
        if (endpoint != null || appKey != null || appSecret != null || iotToken != null) {
            throw new UsageException("cli.usage.profileConflict", profile);
        }
        ProfileStore store = ProfileStore.openForUser(appDirs(ctx));
        Optional<Profile> found;
        try {
            found = store.find(profile);
        } catch (IOException e) {
            throw new UsageException("cli.usage.profileUnreadable", profile, e.getClass().getSimpleName());
        }
        if (found.isEmpty() && profile.equalsIgnoreCase(Profile.BUILT_IN_SANDBOX_NAME)) {
            throw new UsageException("cli.usage.profileBuiltIn", profile);
        }
        Profile p = found.orElseThrow(() -> new UsageException("cli.usage.profileNotFound", profile));
        if (p.builtInSandbox() || p.endpoint() == null) {
            throw new UsageException("cli.usage.profileBuiltIn", profile);
        }
        parseEndpoint(p.endpoint());
        try {
            ClientSettings settings = store.clientSettings(p, systemLanguage());
            return gatewayLanguage == null ? settings : settings.withLanguage(gatewayLanguage);
        } catch (IOException e) {
            throw new UsageException("cli.usage.profileNoSecret", profile);
        }
    }

    private static AppDirs appDirs(CliContext ctx) {
        String home = ctx.env(AppDirs.HOME_ENV);
        return home != null && System.getProperty(AppDirs.HOME_PROPERTY) == null
                ? AppDirs.under(Path.of(home)) : AppDirs.current();
    }

    private static URI parseEndpoint(String value) throws UsageException {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the same words as any other unusable endpoint.
        }
        throw new UsageException("cli.usage.endpoint", value);
    }

    private static String systemLanguage() {
        return Locale.getDefault().getLanguage().equals("zh") ? "zh-CN" : "en-US";
    }
}
