package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.notification.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;

/** The one {@link SealedContact} of the service, under {@code lianluo.notify.key} (shared with case-service),
 * hashing under {@code lianluo.notify.hash-key} (this service's alone). */
@ApplicationScoped
public class Sealer {

    @Produces
    @ApplicationScoped
    SealedContact sealedContact(NotifyConfig config) {
        return new SealedContact(config.key(), config.previousKeys().orElse(List.of()), config.hashKey());
    }
}
