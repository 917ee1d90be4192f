package cn.lianluo.notification.rest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the tests' JVM, on a free port, and the mailer pointed at it: an e-mail the
 * service sends is one the tests can read back ({@link #received()}).
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static synchronized GreenMail received() {
        return server;
    }

    @Override
    public synchronized Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the SMTP server", e);
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.tls", "false", "quarkus.mailer.mock", "false");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
