package dev.eventsunbundled.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Email rules: one canonical form per address, and no characters a person cannot see. */
class EmailTest {

  @Test
  void composedAndDecomposedFormsAreOneAddress() {
    String composed = Normalizer.normalize("zoë@example.com", Normalizer.Form.NFC);
    String decomposed = Normalizer.normalize("zoë@example.com", Normalizer.Form.NFD);

    assertThat(decomposed).isNotEqualTo(composed);
    assertThat(Email.normalize(decomposed)).isEqualTo(Email.normalize(composed)).isEqualTo(composed);
    assertThat(Email.problem(decomposed)).isEmpty();
  }

  @Test
  void trimmedAndLowerCased() {
    assertThat(Email.normalize("  Dean@P14N.com\t")).isEqualTo("dean@p14n.com");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0000 | a control character (U+0000 at position 2)",
      "0007 | a control character (U+0007 at position 2)",
      "200B | an invisible formatting character (U+200B at position 2)",
      "202E | an invisible formatting character (U+202E at position 2)",
      "2066 | an invisible formatting character (U+2066 at position 2)",
      "FEFF | an invisible formatting character (U+FEFF at position 2)",
      "D800 | an unpaired surrogate (U+D800 at position 2)"})
  void hiddenCharactersAreRefusedByName(String hex, String named) {
    String email = "a" + (char) Integer.parseInt(hex, 16) + "b@example.com";

    assertThat(Email.problem(email)).contains("Email must not contain " + named);
  }

  @Test
  void aSupplementaryCharacterIsNotAnUnpairedSurrogate() {
    assertThat(Email.problem("a\uD83D\uDE00b@example.com")).isEmpty();
  }
}
