package cn.lianluo.common.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The service's {@code @Incoming} methods by channel, each as a consumer of one envelope: a replayed dead letter is
 * handed to the method that gave up on it, in this process, rather than written back to the topic it came from — a
 * service's Kafka login may write its own topic only (deploy/k8s/kafka-scram), and the method takes it in through the
 * {@link cn.lianluo.common.inbox.Inbox} as any delivery, with the same idempotency. Only methods that take the envelope
 * as a {@code String}, as all of the platform's do, are found.
 */
@ApplicationScoped
public class ChannelConsumers {

    private final BeanManager beans;
    private volatile Map<String, Consumer<String>> byChannel;

    public ChannelConsumers(BeanManager beans) {
        this.beans = beans;
    }

    /** The consumer of the channel, if the service has one. */
    public Optional<Consumer<String>> of(String channel) {
        Map<String, Consumer<String>> found = byChannel;
        if (found == null) {
            found = find();
            byChannel = found;
        }
        return Optional.ofNullable(found.get(channel));
    }

    private Map<String, Consumer<String>> find() {
        Map<String, Consumer<String>> found = new HashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            for (Method method : bean.getBeanClass().getMethods()) {
                Incoming[] incoming = method.getAnnotationsByType(Incoming.class);
                if (incoming.length == 0 || method.getParameterCount() != 1
                        || method.getParameterTypes()[0] != String.class) {
                    continue;
                }
                Object instance = beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean));
                for (Incoming channel : incoming) {
                    found.put(channel.value(), envelope -> invoke(method, instance, envelope));
                }
            }
        }
        return Map.copyOf(found);
    }

    private static void invoke(Method method, Object instance, String envelope) {
        try {
            method.invoke(instance, envelope);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
