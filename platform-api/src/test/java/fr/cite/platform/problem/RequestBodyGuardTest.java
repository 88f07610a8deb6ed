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

  @Test
  void malformedOrTooDeepJsonIsRefusedBeforeAnyBinder() {
    for (String bad : new String[] {"{bad json", "{\"a\":", "[1,2", "\"x", "{\"a\":1}}"}) {
      org.junit.jupiter.api.Assertions.assertThrows(
          ProblemException.class,
          () -> RequestBodyGuard.checkWellFormed(bad.getBytes(StandardCharsets.UTF_8)),
          bad);
    }
    String deep = "[".repeat(65) + "]".repeat(65);
    ProblemException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProblemException.class,
            () -> RequestBodyGuard.checkWellFormed(deep.getBytes(StandardCharsets.UTF_8)));
    org.junit.jupiter.api.Assertions.assertEquals("malformed-json", e.code());
    RequestBodyGuard.checkWellFormed(
        "[".repeat(64).concat("]".repeat(64)).getBytes(StandardCharsets.UTF_8));
    RequestBodyGuard.checkWellFormed(
        "{\"values\":{\"a\":[1,\"b\",null,true]}}".getBytes(StandardCharsets.UTF_8));
    RequestBodyGuard.checkWellFormed(new byte[0]);
  }
}
