package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.notification.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The signing secrets of webhook subscriptions at rest: the service needs them in clear to sign, so they are sealed
 * (AES-256-GCM, written {@code keyId:base64(nonce ‖ ciphertext ‖ tag)}, as {@link SealedContact} seals) with a key of
 * their own, {@code lianluo.notify.webhook-key}, and never returned by the API.
 */
@ApplicationScoped
public class WebhookSecrets {

    private final SealedContact sealer;

    public WebhookSecrets(NotifyConfig config) {
        try {
            this.sealer = new SealedContact(config.webhookKey());
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "lianluo.notify.webhook-key must be 'id:base64' of 32 random bytes (openssl rand -base64 32)", e);
        }
    }

    public String seal(String secret) {
        return sealer.seal(secret);
    }

    /**
     * The secret in clear; {@link IllegalStateException} saying so when it does not open (sealed under another
     * webhook key, or altered): the delivery records it as not sent, with that reason, and retries.
     */
    public String open(String sealed) {
        try {
            return sealer.open(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the subscription's secret does not open with lianluo.notify.webhook-key"
                    + " (another key, or altered): " + e.getMessage(), e);
        }
    }
}
