package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contacts written as one line each: {@code Name <address>}, {@code Name (address)},
 * {@code [Name](mailto:address)}, a bare address (e-mail, URL, {@code @handle}, {@code #channel}) or a
 * bare name. Gatehouse writes {@code Name <address>}, which reads back the same.
 */
final class Contacts {

  private static final Pattern LINK = Pattern.compile("^\\[([^\\]]+)]\\((?:mailto:)?([^)\\s]+)\\)$");
  private static final Pattern ANGLED = Pattern.compile("^(.*?)\\s*<([^<>]+)>$");
  private static final Pattern PARENTHESISED = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)$");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>()]+");
  private static final Pattern ADDRESS = Pattern.compile(
      "^(?:(?:mailto:)?" + EMAIL.pattern() + "|" + URL.pattern() + "|[@#][\\w.-]+)$");

  private Contacts() {}

  /** The contacts one line of text names; free text is reduced to the addresses in it, with a warning. */
  static List<Contact> parse(String line, String location, List<CardWarning> warnings) {
    String item = line.strip();
    Matcher m = LINK.matcher(item);
    if (m.matches()) {
      return List.of(new Contact(m.group(1).strip(), m.group(2)));
    }
    m = ANGLED.matcher(item);
    if (m.matches()) {
      return List.of(new Contact(blankToNull(m.group(1)), m.group(2).strip().replaceFirst("^mailto:", "")));
    }
    m = PARENTHESISED.matcher(item);
    if (m.matches() && isAddress(m.group(2).strip()) && !m.group(1).isBlank()) {
      return List.of(new Contact(m.group(1).strip(), m.group(2).strip()));
    }
    if (isAddress(item)) {
      return List.of(new Contact(null, item.replaceFirst("^mailto:", "")));
    }
    List<Contact> found = new ArrayList<>();
    Matcher addresses = Pattern.compile(EMAIL.pattern() + "|" + URL.pattern()).matcher(item);
    while (addresses.find()) {
      found.add(new Contact(null, addresses.group()));
    }
    if (found.isEmpty()) {
      return List.of(new Contact(item, null));
    }
    warnings.add(new CardWarning(CardWarning.CONTACT_REDUCED, location,
        "'" + item + "' was reduced to the address(es) in it: " + found.stream().map(Contact::address).toList() + "."));
    return found;
  }

  static String format(Contact c) {
    if (c.name() != null && c.address() != null) {
      return c.name() + " <" + c.address() + ">";
    }
    return c.name() != null ? c.name() : c.address();
  }

  private static boolean isAddress(String s) {
    return ADDRESS.matcher(s).matches();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
