package fr.cite.platform.towns.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches the verification file a town publishes on its domain, {@code
 * http://<domain>/.well-known/cite-domain-verification.txt}: plain HTTP/1.1 on port 80, five
 * seconds at most, 4 KB read at most, no redirect followed. A fixed address may replace the
 * domain's own ({@code CITE_DOMAIN_CHECK_ADDRESS=host:port}, the Host header still naming the
 * domain), for tests and for platforms whose outgoing HTTP goes through a known relay.
 */
public final class DomainCheck {

  public static final String PATH = "/.well-known/cite-domain-verification.txt";
  private static final int TIMEOUT_MS = 5_000;
  private static final int MAX_BYTES = 4096;

  /** What the check found: the published text, or why there is none. */
  public record Result(Optional<String> published, String problem) {
    static Result found(String text) {
      return new Result(Optional.of(text), null);
    }

    static Result failed(String problem) {
      return new Result(Optional.empty(), problem);
    }
  }

  private final Optional<String> fixedAddress;

  public DomainCheck(Optional<String> fixedAddress) {
    this.fixedAddress = fixedAddress.filter(a -> !a.isBlank());
  }

  public Result fetch(String domain) {
    String host = domain;
    int port = 80;
    if (fixedAddress.isPresent()) {
      String a = fixedAddress.get().strip();
      int colon = a.lastIndexOf(':');
      host = colon > 0 ? a.substring(0, colon) : a;
      port = colon > 0 ? Integer.parseInt(a.substring(colon + 1)) : 80;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + PATH
                  + " HTTP/1.1\r\nHost: "
                  + domain
                  + "\r\nUser-Agent: Cite-domain-check\r\nAccept: text/plain\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = read(socket.getInputStream());
      int headerEnd = response.indexOf("\r\n\r\n");
      if (!response.startsWith("HTTP/1.") || headerEnd < 0) {
        return Result.failed("no HTTP answer");
      }
      String statusLine = response.substring(0, response.indexOf("\r\n"));
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[1].equals("200")) {
        return Result.failed("HTTP " + (parts.length > 1 ? parts[1] : "?"));
      }
      String headers = response.substring(0, headerEnd).toLowerCase(Locale.ROOT);
      String body = response.substring(headerEnd + 4);
      if (headers.contains("transfer-encoding: chunked")) {
        body = firstChunk(body);
      }
      return Result.found(body.strip());
    } catch (java.net.UnknownHostException e) {
      return Result.failed("unknown host");
    } catch (java.net.SocketTimeoutException e) {
      return Result.failed("timeout");
    } catch (IOException | RuntimeException e) {
      return Result.failed(e.getClass().getSimpleName());
    }
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    int n;
    while (bytes.size() < MAX_BYTES && (n = in.read(buffer)) > 0) {
      bytes.write(buffer, 0, Math.min(n, MAX_BYTES - bytes.size()));
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String firstChunk(String body) {
    int eol = body.indexOf("\r\n");
    if (eol < 0) {
      return "";
    }
    try {
      int size = Integer.parseInt(body.substring(0, eol).split(";")[0].strip(), 16);
      int start = eol + 2;
      return body.substring(start, Math.min(body.length(), start + size));
    } catch (NumberFormatException e) {
      return "";
    }
  }
}
