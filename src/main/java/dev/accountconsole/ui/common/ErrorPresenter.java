package dev.accountconsole.ui.common;

import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.GatewayException;
import dev.accountconsole.api.TransportException;
import dev.accountconsole.i18n.Messages;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.stream.Collectors;

/** Turns any failure of a console action into a {@link Problem} in the operator's language. */
public final class ErrorPresenter {
    private static final System.Logger LOG = System.getLogger(ErrorPresenter.class.getName());

    /** X-Ca-Error-Message values (or their prefixes) and the bundle keys that explain them. */
    private static final Map<String, String> GATEWAY_KEYS = Map.ofEntries(
            Map.entry("Invalid Signature", "error.gateway.signature"),
            Map.entry("Empty Signature", "error.gateway.signature"),
            Map.entry("Invalid AppKey", "error.gateway.appKey"),
            Map.entry("Invalid Timestamp", "error.gateway.timestamp"),
            Map.entry("Timestamp Expired", "error.gateway.timestamp"),
            Map.entry("Nonce Used", "error.gateway.nonce"),
            Map.entry("Invalid Content-MD5", "error.gateway.contentMd5"),
            Map.entry("Request Format Error", "error.gateway.format"),
            Map.entry("API Not Found", "error.gateway.notFound"),
            Map.entry("Request Body Too Large", "error.gateway.tooLarge"),
            Map.entry("Request Limited", "error.gateway.limited"),
            Map.entry("Internal Error", "error.gateway.internal"),
            Map.entry("Service Unavailable", "error.gateway.unavailable"));

    private ErrorPresenter() {
    }

    public static Problem present(Throwable failure, Locale locale) {
        if (failure instanceof InvalidInputException e) {
            String text = e.errors().stream().map(fe -> describe(locale, fe)).collect(Collectors.joining("\n"));
            return new Problem(text, null, false, false);
        }
        if (failure instanceof NotConnectedException e) {
            return new Problem(Messages.get(locale, "error.notConnected", e.getMessage()), null, true, false);
        }
        if (failure instanceof TransportException e) {
            return transport(e, locale);
        }
        if (failure instanceof GatewayException e) {
            String key = gatewayKey(e.errorMessage());
            String text = key != null
                    ? Messages.get(locale, key)
                    : Messages.get(locale, "error.gateway.other", String.valueOf(e.errorMessage()));
            return new Problem(Messages.get(locale, "error.gateway", e.httpStatus(), text), e.requestId(),
                    e.isTransient(), false);
        }
        if (failure instanceof BusinessException e) {
            return new Problem(Messages.get(locale, "error.business", businessText(e, locale), e.code()),
                    e.requestId(), e.isTransient(), false);
        }
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure", failure);
        String detail = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        String requestId = failure instanceof ApiException a ? a.requestId() : null;
        return new Problem(Messages.get(locale, "error.unexpected", detail), requestId, false, false);
    }

    public static String describe(Locale locale, FieldError error) {
        return Messages.describe(locale, error);
    }

    private static Problem transport(TransportException e, Locale locale) {
        String text = switch (e.kind()) {
            case TIMEOUT -> Messages.get(locale, "error.timeout", e.timeoutMillis() / 1000.0);
            case CONNECTION_REFUSED -> Messages.get(locale, "error.connectionRefused");
            case TLS -> Messages.get(locale, "error.tls");
            case CONNECTION_LOST -> Messages.get(locale, "error.connectionLost");
            case CANCELLED -> Messages.get(locale, "error.cancelled");
            case BAD_RESPONSE -> Messages.get(locale, "error.badResponse");
        };
        if (e.outcomeUnknown() && e.operation() != null && !e.operation().isRead()) {
            text = text + " " + Messages.get(locale, "error.outcomeUnknown");
        }
        boolean cancelled = e.kind() == TransportException.Kind.CANCELLED;
        return new Problem(text, e.requestId(), !cancelled, cancelled);
    }

    private static String gatewayKey(String errorMessage) {
        if (errorMessage == null) {
            return null;
        }
        return GATEWAY_KEYS.entrySet().stream()
                .filter(en -> errorMessage.startsWith(en.getKey()))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The server's localizedMsg when it sent one, else our description of the code, else its message. */
    private static String businessText(BusinessException e, Locale locale) {
        if (e.localizedMsg() != null && !e.localizedMsg().isBlank()) {
            return e.localizedMsg();
        }
        try {
            return Messages.bundle(locale).getString("error.code." + e.code());
        } catch (MissingResourceException missing) {
            return e.apiMessage() != null ? e.apiMessage() : Messages.get(locale, "error.code.unknown");
        }
    }
}
