package dev.gonogo.feedback.signature.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises JavaScript frames so the same code groups together across deployments.
 *
 * <p>Files are reduced to their base name without what changes per build or per request: the origin
 * and path ({@code https://cdn.acme.com/static/js/}, {@code webpack:///./src/}), the query string
 * and fragment ({@code ?v=12#x}), a trailing {@code :line:column}, and content hashes bundlers put
 * in file names ({@code main.3f9a1c.js}, {@code main.3f9a1c.chunk.js}, Vite's {@code
 * index-BXk7hI2c.js} → {@code main.js}, {@code main.chunk.js}, {@code index.js}); a name that is
 * only a hash ({@code 8b6d1e2f.js}) becomes {@code <hash>.js}.
 *
 * <p>A hash is a part after the name, separated by a dot or a dash, of at least 6 characters that
 * contains a digit and is either hexadecimal or at least 8 letters and digits long. So {@code
 * react-dom.production.min.js} and {@code polyfill.es2015.js} keep their names.
 *
 * <p>Functions: Node's {@code Object.<anonymous>} (module top-level code) and missing names become
 * {@code <anonymous>}; a leading {@code async } is dropped. Minified function names ({@code t},
 * {@code e}) cannot be normalised: they group correctly only when the SDK or server applied source
 * maps.
 */
final class JavaScriptNames {
  static final String ANONYMOUS = "<anonymous>";

  /** Stands for a file name that is nothing but a hash, e.g. {@code 8b6d1e2f.js}. */
  static final String HASH = "<hash>";

  private static final Pattern ORIGIN = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{6,}");
  private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9a-zA-Z_]{8,}");
  private static final Pattern DIGIT = Pattern.compile(".*\\d.*");

  private JavaScriptNames() {}

  /** {@code https://cdn.acme.com/js/main.3f9a1c.js?v=2} → {@code main.js}. */
  static String file(String raw) {
    if (raw == null) {
      return null;
    }
    String path = raw;
    int query = indexOfAny(path, '?', '#');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    path = Names.withoutLineNumbers(ORIGIN.matcher(path).replaceFirst(""));
    String base = Names.basename(path);
    if (base == null) {
      return Names.clean(path);
    }
    return withoutHashes(base);
  }

  /** {@code Object.<anonymous>} → {@code <anonymous>}; {@code async load} → {@code load}. */
  static String function(String raw) {
    String name = Names.withoutLineNumbers(Names.clean(raw));
    if (name == null || name.equals("?") || name.equals("Object.<anonymous>")) {
      return ANONYMOUS;
    }
    if (name.startsWith("async ")) {
      name = name.substring("async ".length());
    }
    return Names.clean(name);
  }

  private static String withoutHashes(String base) {
    String[] parts = base.split("\\.", -1);
    if (parts.length < 2) {
      return base;
    }
    List<String> kept = new ArrayList<>();
    kept.add(isHash(parts[0]) ? HASH : withoutDashHash(parts[0]));
    for (int i = 1; i < parts.length - 1; i++) {
      if (!isHash(parts[i])) {
        kept.add(parts[i]);
      }
    }
    kept.add(parts[parts.length - 1]);
    return String.join(".", kept);
  }

  private static String withoutDashHash(String name) {
    int dash = name.lastIndexOf('-');
    if (dash > 0 && isHash(name.substring(dash + 1))) {
      return name.substring(0, dash);
    }
    return name;
  }

  private static boolean isHash(String part) {
    return DIGIT.matcher(part).matches()
        && (HEX.matcher(part).matches() || ALPHANUMERIC.matcher(part).matches());
  }

  private static int indexOfAny(String text, char first, char second) {
    int a = text.indexOf(first);
    int b = text.indexOf(second);
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : Math.min(a, b);
  }
}
