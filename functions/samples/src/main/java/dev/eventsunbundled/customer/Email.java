package dev.eventsunbundled.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email rules: required, at most 254 characters, one plausible address; compared trimmed and lower-cased. */
public final class Email {

  public static final int MAX_LENGTH = 254;

  private static final Pattern ADDRESS =
      Pattern.compile("^(?!\\.)(?!.*\\.\\.)[^\\s@\"(),:;<>\\[\\\\\\]]{1,64}(?<!\\.)@"
          + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private Email() {}

  /** The canonical form under which an email is stored and compared. */
  public static String normalize(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** Why the email cannot be used, or empty when it can. */
  public static Optional<String> problem(String email) {
    String normalized = normalize(email);
    if (normalized.isEmpty()) {
      return Optional.of("Email is required");
    }
    if (normalized.length() > MAX_LENGTH) {
      return Optional.of("Email must be at most " + MAX_LENGTH + " characters");
    }
    if (!ADDRESS.matcher(normalized).matches()) {
      return Optional.of("Email is not a valid address");
    }
    return Optional.empty();
  }
}
