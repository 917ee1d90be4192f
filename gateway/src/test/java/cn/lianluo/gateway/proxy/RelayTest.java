package cn.lianluo.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ServiceProxy#relay}: between a service that answers from a plain socket exactly as told (whole, or breaking
 * off halfway) and a client, the way the gateway relays: a whole answer arrives whole, one that breaks off is a failed
 * download at the client, never a short body that ends as if it were complete.
 */
class RelayTest {

    private Vertx vertx;
    private HttpServer gateway;
    private ServerSocket service;
    private volatile String serviceAnswer;

    @BeforeEach
    void start() throws Exception {
        service = new ServerSocket(0);
        Thread serving = new Thread(this::serve, "service");
        serving.setDaemon(true);
        serving.start();
        vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient();
        int servicePort = service.getLocalPort();
        gateway = vertx.createHttpServer().requestHandler(in -> client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(servicePort).setURI(in.uri()))
                .compose(request -> request.send())
                .onSuccess(answer -> {
                    var out = in.response().setStatusCode(answer.statusCode());
                    // as ServiceProxy does: the length is not passed on, every answer goes on in chunks
                    answer.headers().forEach(h -> {
                        if (!Set.of("transfer-encoding", "content-length").contains(h.getKey().toLowerCase())) {
                            out.putHeader(h.getKey(), h.getValue());
                        }
                    });
                    ServiceProxy.relay(answer, out);
                })
                .onFailure(e -> in.response().setStatusCode(502).end()))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One connection at a time: reads the request's head, writes {@link #serviceAnswer} raw, closes the socket. */
    private void serve() {
        while (!service.isClosed()) {
            try (Socket socket = service.accept()) {
                InputStream in = socket.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = socket.getOutputStream();
                out.write(serviceAnswer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // closed by stop()
            }
        }
    }

    private HttpResponse<String> get() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.actualPort() + "/export"))
                .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_whole_streamed_answer_arrives_whole() throws Exception {
        serviceAnswer = "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "6\r\na,b,c\n\r\n6\r\n1,2,3\n\r\n0\r\n\r\n";
        HttpResponse<String> answer = get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("a,b,c\n1,2,3\n");
    }

    @Test
    void an_answer_with_its_length_arrives_whole() throws Exception {
        serviceAnswer = "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 12\r\nConnection: close\r\n\r\na,b,c\n1,2,3\n";
        HttpResponse<String> answer = get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("a,b,c\n1,2,3\n");
    }

    @Test
    void an_answer_with_its_length_the_service_breaks_off_is_a_failed_download() {
        serviceAnswer = "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 12\r\nConnection: close\r\n\r\na,b,c\n";
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);
    }

    @Test
    void a_stream_the_service_breaks_off_is_a_failed_download_not_a_short_file() {
        // the first rows, then the service is gone: no last chunk
        serviceAnswer = "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "6\r\na,b,c\n\r\n";
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);
    }
}
