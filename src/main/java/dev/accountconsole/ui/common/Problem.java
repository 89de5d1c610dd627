package dev.accountconsole.ui.common;

/**
 * A failure as the operator sees it.
 *
 * @param message one localized sentence or two: what happened and what to do
 * @param requestId the id to quote in a ticket; null when nothing was sent
 * @param retryable whether trying the same thing again may work (timeouts, lost connections, 503)
 * @param cancelled the operator stopped the call: not an error worth a red banner
 */
public record Problem(String message, String requestId, boolean retryable, boolean cancelled) {
}
