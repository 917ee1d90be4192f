package cn.lianluo.notification.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The log-only SMS adapter, unless another {@link SmsProvider} bean is configured (docs/notifications.md, "SMS"). */
@ApplicationScoped
public class SmsProviders {

    @Produces
    @DefaultBean
    @ApplicationScoped
    SmsProvider logOnly() {
        return new LogSmsProvider();
    }
}
