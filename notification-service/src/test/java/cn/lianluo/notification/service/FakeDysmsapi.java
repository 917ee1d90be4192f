package cn.lianluo.notification.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Dysmsapi on 127.0.0.1 for {@link DispatchSafetyIT}: it answers each SendSms by its TemplateCode
 * ({@code SMS_OK} accepted, {@code SMS_DAY} the day's limit, {@code SMS_HOUR} the hour's, {@code SMS_SLOW} no answer in
 * time, {@code SMS_HOLD}
 * accepted once the test calls {@code GET /release}) and lists the OutIds of the calls it got at {@code GET /calls}, and
 * each call's phone, template code and parameters, one line each, at {@code GET /sent}.
 * The test talks to it over HTTP: a test resource and the test may not share static fields (class loaders). The
 * signature itself is checked by {@link AliyunSmsProviderTest}.
 */
public class FakeDysmsapi implements QuarkusTestResourceLifecycleManager {

    private final List<String> outIds = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Semaphore released = new Semaphore(0);
    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.createContext("/calls", exchange -> reply(exchange, String.join("\n", outIds)));
        server.createContext("/sent", exchange -> reply(exchange, String.join("\n", sent)));
        server.createContext("/release", exchange -> {
            released.release();
            reply(exchange, "released");
        });
        server.start();
        return Map.of("lianluo.notify.sms.aliyun.endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        outIds.add(form.getOrDefault("OutId", ""));
        sent.add(form.getOrDefault("PhoneNumbers", "") + " " + form.getOrDefault("TemplateCode", "") + " "
                + form.getOrDefault("TemplateParam", ""));
        String body = switch (form.getOrDefault("TemplateCode", "")) {
            case "SMS_DAY" -> "{\"Code\":\"isv.DAY_LIMIT_CONTROL\",\"Message\":\"触发日发送限额\"}";
            case "SMS_HOUR" -> "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发小时级流控Permits:5\"}";
            case "SMS_SLOW" -> {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield "{\"Code\":\"OK\",\"BizId\":\"late\"}";
            }
            case "SMS_HOLD" -> {
                try {
                    released.tryAcquire(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield "{\"Code\":\"OK\",\"BizId\":\"biz-held\"}";
            }
            default -> "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"biz-ok\"}";
        };
        reply(exchange, body);
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
