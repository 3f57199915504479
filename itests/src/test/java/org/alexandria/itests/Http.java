package org.alexandria.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** Small HTTP client for the tests: real requests to the container's Jetty. */
public final class Http {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** @param port HTTP port */
    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, content type and body. */
    public record Reply(int status, String contentType, String body) {
    }

    /**
     * @param method HTTP method
     * @param path   path with query
     * @param user   user (password = user name, as the demo users), or null for none
     * @param type   content type of the body, or null
     * @param body   body bytes, or null
     * @return the reply
     */
    public Reply send(String method, String path, String user, String type, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return send(request);
    }

    /**
     * @param path     path
     * @param user     user name
     * @param password password
     * @return the reply
     */
    public Reply getWithPassword(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * @param path  path
     * @param token bearer secret
     * @return the reply
     */
    public Reply getWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET());
    }

    /**
     * @param path path
     * @param user demo user or null
     * @return the reply
     */
    public Reply get(String path, String user) {
        return send("GET", path, user, null, null);
    }

    /**
     * @param path path
     * @param user demo user
     * @param json JSON body
     * @return the reply
     */
    public Reply postJson(String path, String user, String json) {
        return send("POST", path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits until health answers with every domain plugin registered and none of them DOWN.
     *
     * @param timeout how long to try
     * @return the health reply
     */
    public Reply awaitPlatform(Duration timeout) {
        return await("/api/v1/health", null, r -> r.status() == 200 && domainPluginsUp(r.body()), timeout);
    }

    private static boolean domainPluginsUp(String health) {
        try {
            java.util.Set<String> up = new java.util.HashSet<>();
            for (com.fasterxml.jackson.databind.JsonNode plugin : JSON.readTree(health).path("plugins")) {
                if ("ACTIVE".equals(plugin.path("state").asText()) && "UP".equals(plugin.path("health").asText())) {
                    up.add(plugin.path("id").asText());
                }
            }
            return up.containsAll(AlexandriaOptions.DOMAIN_PLUGINS);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Polls until the condition holds (the container starts features asynchronously).
     *
     * @param path      path
     * @param user      user
     * @param condition what the reply must satisfy
     * @param timeout   how long to try
     * @return the first reply that satisfies it
     * @throws AssertionError on time-out, with the last reply
     */
    public Reply await(String path, String user, Predicate<Reply> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path, user);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IllegalStateException e) {
                last = new Reply(-1, "", e.getMessage());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new AssertionError("Timed out waiting on " + path + "; last reply: " + last);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
