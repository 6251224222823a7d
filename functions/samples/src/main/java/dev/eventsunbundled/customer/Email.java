package dev.eventsunbundled.customer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email rules: required, at most 254 characters, no control, format (zero-width, bidirectional) or unpaired
 * surrogate characters, one plausible address; compared in Unicode NFC, trimmed and lower-cased.
 */
public final class Email {

  public static final int MAX_LENGTH = 254;

  private static final Pattern ADDRESS =
      Pattern.compile("^(?!\\.)(?!.*\\.\\.)[^\\s@\"(),:;<>\\[\\\\\\]]{1,64}(?<!\\.)@"
          + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private Email() {}

  /** The canonical form under which an email is stored and compared. */
  public static String normalize(String email) {
    return email == null ? "" : Normalizer.normalize(email, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
  }

  /** Why the email cannot be used, or empty when it can. */
  public static Optional<String> problem(String email) {
    String normalized = normalize(email);
    if (normalized.isEmpty()) {
      return Optional.of("Email is required");
    }
    Optional<String> hidden = hiddenCharacter(normalized);
    if (hidden.isPresent()) {
      return hidden;
    }
    if (normalized.length() > MAX_LENGTH) {
      return Optional.of("Email must be at most " + MAX_LENGTH + " characters");
    }
    if (!ADDRESS.matcher(normalized).matches()) {
      return Optional.of("Email is not a valid address");
    }
    return Optional.empty();
  }

  /**
   * A control, format (zero-width, bidirectional) or unpaired surrogate character in the trimmed address, named
   * with its position.
   */
  private static Optional<String> hiddenCharacter(String email) {
    for (int i = 0; i < email.length(); i = email.offsetByCodePoints(i, 1)) {
      int c = email.codePointAt(i);
      String kind = switch (Character.getType(c)) {
        case Character.CONTROL -> "a control character";
        case Character.FORMAT -> "an invisible formatting character";
        case Character.SURROGATE -> "an unpaired surrogate";
        default -> null;
      };
      if (kind != null) {
        return Optional.of("Email must not contain " + kind + String.format(" (U+%04X at position %d)", c, i + 1));
      }
    }
    return Optional.empty();
  }
}
