package fr.cite.platform.onboarding.api;

import fr.cite.platform.onboarding.domain.OnboardingLine;
import fr.cite.platform.problem.Problems;
import java.text.MessageFormat;
import java.util.Locale;

/** One line of a job: what it said, its outcome, and the reason in the reader's language. */
public record OnboardingLineView(
    int line,
    String raw,
    String inseeCode,
    String adminEmail,
    String outcome,
    Long townId,
    String problem,
    String message) {

  public static OnboardingLineView of(OnboardingLine l, Locale locale) {
    return new OnboardingLineView(
        l.lineNo(),
        l.raw(),
        l.inseeCode().orElse(null),
        l.adminEmail().orElse(null),
        l.outcome().name(),
        l.tenantId().orElse(null),
        l.problemCode().orElse(null),
        message(l, locale));
  }

  /** The line's problem as a sentence, or null. */
  public static String message(OnboardingLine l, Locale locale) {
    return l.problemCode()
        .map(
            code ->
                MessageFormat.format(
                    Problems.message(code + ".detail", locale), l.problemArgs().toArray()))
        .orElse(null);
  }
}
