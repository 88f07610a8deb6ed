package fr.cite.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyGuardTest {

  private static boolean refused(String json) {
    return RequestBodyGuard.escapesControlCharacters(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void escapedControlCharactersAreFound() {
    assertTrue(refused("{\"text\":\"a\\u0000b\"}"));
    assertTrue(refused("{\"text\":\"\\u001F\"}"));
    assertTrue(refused("{\"text\":\"\\u007f\"}"));
    assertTrue(refused("[\"\\\\\\u0000\"]")); // an escaped backslash, then NUL
  }

  @Test
  void ordinaryEscapesPass() {
    assertFalse(refused("{\"text\":\"ligne\\nsuivante\\ttab\\r\"}"));
    assertFalse(refused("{\"text\":\"\\u00e9t\\u00E9 \\\"cit\\u00e9\\\"\"}"));
    assertFalse(refused("{\"text\":\"\\\\u0000 is how NUL is written\"}"));
    assertFalse(refused("{\"text\":\"ends with \\\\\"}"));
    assertFalse(refused("\"\\u00"));
  }
}
