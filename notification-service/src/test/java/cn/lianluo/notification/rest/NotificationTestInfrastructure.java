package cn.lianluo.notification.rest;

import cn.lianluo.common.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of notification-service runs against the real PostgreSQL (database notification_test) and Kafka. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "notification_test"))
public final class NotificationTestInfrastructure {
    private NotificationTestInfrastructure() {
    }
}
