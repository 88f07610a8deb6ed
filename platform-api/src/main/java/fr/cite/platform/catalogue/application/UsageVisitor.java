package fr.cite.platform.catalogue.application;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a page view or an e-service start comes from, for counting each visitor once per procedure
 * and day: the client's address and its browser's signature, never stored (they are hashed with a
 * salt drawn every day, in memory only, see {@link UsageCounter}). Robots (crawlers, monitors,
 * scripts and load generators, which announce themselves or send no browser name) and prefetches
 * (pages a browser loads ahead without anybody looking) are not visitors at all.
 */
public record UsageVisitor(String address, String browser) {

  private static final Pattern ROBOT =
      Pattern.compile(
          "(?i)bot\\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor"
              + "|pingdom|uptime|lighthouse|curl|wget|python|java|go-http|okhttp|libwww|httpclient"
              + "|axios|node-fetch|apache-http|jmeter|gatling|wrk|ab/|k6/|siege|hey/|headlesschrome"
              + "|phantomjs|selenium");

  /**
   * The visitor of a request, or empty for a robot or a prefetch.
   *
   * @param purpose the {@code Sec-Purpose}, {@code Purpose} or {@code X-Moz} header, if any
   */
  public static Optional<UsageVisitor> of(String address, String userAgent, String purpose) {
    if (purpose != null && (purpose.contains("prefetch") || purpose.contains("prerender"))) {
      return Optional.empty();
    }
    if (userAgent == null || userAgent.length() < 20 || !userAgent.startsWith("Mozilla/")) {
      return Optional.empty();
    }
    Boolean robot = VERDICTS.get(userAgent);
    if (robot == null) {
      // The pattern runs once per distinct browser signature (a few hundred in practice), not
      // once per page view: this is the hot path of every procedure page.
      robot = userAgent.length() > 512 || ROBOT.matcher(userAgent).find();
      if (VERDICTS.size() >= MAX_VERDICTS) {
        VERDICTS.clear();
      }
      VERDICTS.put(userAgent, robot);
    }
    return robot
        ? Optional.empty()
        : Optional.of(new UsageVisitor(address == null ? "" : address, userAgent));
  }

  private static final int MAX_VERDICTS = 10_000;

  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> VERDICTS =
      new java.util.concurrent.ConcurrentHashMap<>();
}
