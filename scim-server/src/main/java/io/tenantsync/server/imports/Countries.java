package io.tenantsync.server.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Country or Region" as people write it ({@code Netherlands}, {@code nl}, {@code NLD}) → ISO 3166
 * alpha-2, the form {@code usageLocation} needs. Names are the JDK's English ones.
 */
final class Countries {
  private static final Map<String, String> CODES = index();

  private Countries() {}

  static Optional<String> alpha2(String country) {
    return Optional.ofNullable(CODES.get(country.trim().toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> index() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale locale = new Locale("", code);
      codes.put(code.toLowerCase(Locale.ROOT), code);
      codes.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
      codes.put(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    codes.put("usa", "US");
    codes.put("united states of america", "US");
    codes.put("uk", "GB");
    codes.put("great britain", "GB");
    return Map.copyOf(codes);
  }
}
