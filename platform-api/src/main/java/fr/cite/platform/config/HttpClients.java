package fr.cite.platform.config;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * JDK HTTP clients for the server's own calls (Keycloak). A client's selector thread keeps the
 * context class loader it was started with: built under the deployment's, it would keep an
 * undeployed application in memory for as long as the thread lives. Built here, it starts with the
 * platform's class loader instead.
 */
public final class HttpClients {

  private HttpClients() {}

  public static HttpClient create(Duration connectTimeout) {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      return HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    } finally {
      t.setContextClassLoader(previous);
    }
  }
}
