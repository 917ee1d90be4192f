package cn.lianluo.notification.rest;

import cn.lianluo.common.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of notification-service runs against the real PostgreSQL (database notification_test) and Kafka,
 * and sends its e-mails to a real SMTP server started by the tests ({@link SmtpServer}).
 */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "notification_test"))
@QuarkusTestResource(SmtpServer.class)
public final class NotificationTestInfrastructure {
    private NotificationTestInfrastructure() {
    }
}
