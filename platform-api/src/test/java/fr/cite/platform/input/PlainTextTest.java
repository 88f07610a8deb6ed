package fr.cite.platform.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void ordinaryFrenchTextPasses() {
    assertFalse(PlainText.hasForbiddenCharacters("14 rue des Écoles – « bât. B » €", false));
    assertFalse(PlainText.hasForbiddenCharacters(null, false));
  }

  @Test
  void nulAndOtherControlsAreRefusedEverywhere() {
    assertTrue(PlainText.hasForbiddenCharacters("a\u0000b", true));
    assertTrue(PlainText.hasForbiddenCharacters("bell\u0007", true));
    assertTrue(PlainText.hasForbiddenCharacters("del\u007f", true));
    assertTrue(PlainText.hasForbiddenCharacters("esc\u001b[2J", true));
  }

  @Test
  void lineBreaksAndTabsOnlyInTextsOfSeveralLines() {
    assertFalse(PlainText.hasForbiddenCharacters("ligne 1\r\nligne 2\tfin", true));
    assertTrue(PlainText.hasForbiddenCharacters("nom\nprénom", false));
    assertTrue(PlainText.hasForbiddenCharacters("nom\tprénom", false));
  }
}
