package fr.cite.it.support;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/** axe-core in Chromium: the serious and critical violations of WCAG 2.1 A and AA on a page. */
public final class Accessibility {

  private Accessibility() {}

  public static List<String> violations(ChromeDriver c, String page) {
    List<String> found = new ArrayList<>();
    for (Rule v :
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
            .analyze(c)
            .getViolations()) {
      if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
        found.add(
            page
                + ": "
                + v.getId()
                + " "
                + v.getHelp()
                + " "
                + v.getNodes().get(0).getTarget()
                + " "
                + abbreviated(v.getNodes().get(0).getHtml()));
      }
    }
    return found;
  }

  /** The start of the offending element's markup, enough to find it. */
  private static String abbreviated(String html) {
    return html == null ? "" : html.length() > 160 ? html.substring(0, 160) + "…" : html;
  }
}
