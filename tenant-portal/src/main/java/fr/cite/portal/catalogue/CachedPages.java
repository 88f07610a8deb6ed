package fr.cite.portal.catalogue;

import fr.cite.platform.catalogue.application.Catalogue;
import fr.cite.platform.catalogue.application.CatalogueQueries;
import fr.cite.platform.catalogue.application.CatalogueSnapshot;
import fr.cite.platform.catalogue.application.UsageCounter;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import fr.cite.platform.town.application.TownProfileCache;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the home and catalogue pages to anonymous readers from {@link RenderedPages}: the first
 * reader of a page renders it, the next ones get the bytes. Signed-in readers (a session), requests
 * with a query string (language switch, search) and anything but a successful HTML page without
 * cookies are rendered every time. A procedure page served from memory still counts its view.
 */
public class CachedPages extends HttpFilter {

  private static final Pattern CACHEABLE =
      Pattern.compile("/|/demarches/?|/(themes|profils|demarches)/([a-z0-9-]{1,120})/?");

  private static final Object NO_FAMILY_OFFER = new Object();

  @Inject RenderedPages pages;

  @Inject fr.cite.platform.family.application.FamilyOffer familyOffer;

  @Inject RequestHost host;

  @Inject Catalogue catalogue;

  @Inject TownProfileCache profiles;

  @Inject UsageCounter usage;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    Matcher m = CACHEABLE.matcher(path);
    Optional<TenantSnapshot> town = host.town();
    if (!pages.enabled()
        || !m.matches()
        || town.isEmpty()
        || !"GET".equals(req.getMethod())
        || req.getQueryString() != null
        || req.getRequestedSessionId() != null
        || req.getHeader("Authorization") != null) {
      chain.doFilter(req, res);
      return;
    }
    CatalogueSnapshot snapshot = catalogue.snapshot();
    // Procedure pages list the town's family activities: their offer is one more input (kept in
    // memory like the others, so that a page served during an outage needs no database).
    Object family = "demarches".equals(m.group(1)) ? familyOffer.current() : NO_FAMILY_OFFER;
    List<Object> inputs =
        List.of(town.get(), snapshot, profiles.current(), catalogue.ranking(), family);
    LocalDate today = LocalDate.now(CatalogueQueries.TOWN_ZONE);
    RenderedPages.Key key =
        new RenderedPages.Key(town.get().id(), path, host.locale().getLanguage());
    Optional<RenderedPages.Page> cached = pages.find(key, inputs, today);
    if (cached.isPresent()) {
      if ("demarches".equals(m.group(1))) {
        snapshot
            .procedure(m.group(2))
            .ifPresent(
                p ->
                    usage.record(
                        town.get().ref(), p.id(), UsageCounter.Kind.VIEW, Visitors.of(req)));
      }
      res.setContentType(cached.get().contentType());
      res.setContentLength(cached.get().body().length);
      res.getOutputStream().write(cached.get().body());
      return;
    }
    Capture capture = new Capture(res);
    chain.doFilter(req, capture);
    byte[] body = capture.bytes();
    String type = capture.getContentType();
    if (capture.getStatus() == 200
        && !capture.setsCookie
        && type != null
        && type.startsWith("text/html")) {
      pages.store(key, new RenderedPages.Page(body, type, inputs, today, System.nanoTime()));
    }
    if (body.length > 0) {
      res.getOutputStream().write(body);
    }
  }

  /** Buffers the body (headers and status go through) and notes whether a cookie was set. */
  private static final class Capture extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
    private ServletOutputStream stream;
    private PrintWriter writer;
    boolean setsCookie;

    Capture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      setsCookie = true;
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      setsCookie |= "Set-Cookie".equalsIgnoreCase(name);
      super.addHeader(name, value);
    }

    @Override
    public void setHeader(String name, String value) {
      setsCookie |= "Set-Cookie".equalsIgnoreCase(name);
      super.setHeader(name, value);
    }

    @Override
    public void setContentLength(int len) {}

    @Override
    public void setContentLengthLong(long len) {}

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                buffer.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {}
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String charset = getCharacterEncoding();
        writer =
            new PrintWriter(
                new OutputStreamWriter(
                    buffer,
                    charset == null
                        ? StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(charset)));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public void resetBuffer() {
      buffer.reset();
    }

    @Override
    public void reset() {
      buffer.reset();
      super.reset();
    }

    byte[] bytes() {
      if (writer != null) {
        writer.flush();
      }
      return buffer.toByteArray();
    }
  }
}
