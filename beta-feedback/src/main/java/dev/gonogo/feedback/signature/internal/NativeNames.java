package dev.gonogo.feedback.signature.internal;

import java.util.regex.Pattern;

/**
 * Normalises native (C, C++, Objective-C, Swift) frames so the same code groups together across
 * builds, machines and runs.
 *
 * <p>Functions lose what differs per build or per run: offsets ({@code drawFrame + 0x1a}, {@code
 * drawFrame+26}), addresses, the argument list ({@code (Frame const&, int) const}), the return type
 * ({@code void }), template arguments ({@code std::vector<int, std::allocator<int>>} → {@code
 * std::vector<T>}) and GCC lambda counters ({@code {lambda(int)#2}} → {@code {lambda}}). A function
 * that is only an address or {@code ??} is unsymbolicated: it becomes {@code null} and the frame is
 * known by its binary alone, as Socorro does for modules without symbols.
 *
 * <p>Binaries are reduced to their file name with any {@code .so} version dropped: {@code
 * /usr/lib/x86_64-linux-gnu/libc.so.6} → {@code libc.so}, {@code C:\Windows\System32\ntdll.dll} →
 * {@code ntdll.dll}.
 */
final class NativeNames {
  private static final Pattern OFFSET = Pattern.compile("\\s*\\+\\s*(0x[0-9a-fA-F]+|\\d+)$");
  private static final Pattern ADDRESS_ONLY =
      Pattern.compile("(0x[0-9a-fA-F]+|\\?+|<unknown>|<redacted>)");
  private static final Pattern ADDRESS = Pattern.compile("\\s*\\b0x[0-9a-fA-F]+\\b");
  private static final Pattern GCC_LAMBDA = Pattern.compile("\\{lambda\\([^)]*\\)#\\d+\\}");
  private static final Pattern TRAILING_QUALIFIERS =
      Pattern.compile("(\\s*(const|volatile|noexcept|&&|&))+$");
  private static final Pattern SO_VERSION = Pattern.compile("\\.so(\\.\\d+)+$");

  private NativeNames() {}

  /** {@code void Renderer::drawFrame(Frame const&) + 0x1a} → {@code Renderer::drawFrame}. */
  static String function(String raw) {
    String name = Names.clean(raw);
    if (name == null) {
      return null;
    }
    name = OFFSET.matcher(name).replaceFirst("");
    if (ADDRESS_ONLY.matcher(name).matches()) {
      return null;
    }
    name = ADDRESS.matcher(name).replaceAll("");
    name = GCC_LAMBDA.matcher(name).replaceAll("{lambda}");
    name = withoutArguments(name);
    name = withTemplatesCollapsed(name);
    name = withoutReturnType(name);
    return Names.clean(name);
  }

  /** {@code /usr/lib/x86_64-linux-gnu/libc.so.6} → {@code libc.so}. */
  static String binary(String raw) {
    String base = Names.basename(raw);
    return base == null ? null : SO_VERSION.matcher(base).replaceFirst(".so");
  }

  /** Removes one trailing, balanced {@code (...)} and the qualifiers after it. */
  private static String withoutArguments(String name) {
    String trimmed = TRAILING_QUALIFIERS.matcher(name).replaceFirst("");
    if (!trimmed.endsWith(")")) {
      return name;
    }
    int depth = 0;
    for (int i = trimmed.length() - 1; i >= 0; i--) {
      char c = trimmed.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(' && --depth == 0) {
        return i == 0 ? name : trimmed.substring(0, i);
      }
    }
    return name;
  }

  /** Replaces every outermost {@code <...>} with {@code <T>}, leaving {@code operator<} alone. */
  private static String withTemplatesCollapsed(String name) {
    StringBuilder out = new StringBuilder(name.length());
    int depth = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '<' && depth == 0 && endsWithOperator(out)) {
        out.append(c);
      } else if (c == '<') {
        if (depth++ == 0) {
          out.append("<T>");
        }
      } else if (c == '>' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return depth == 0 ? out.toString() : name;
  }

  private static boolean endsWithOperator(StringBuilder out) {
    String text = out.toString();
    return text.endsWith("operator") || text.endsWith("operator<");
  }

  /**
   * Drops a return type: the text up to the last space outside brackets, unless that space follows
   * {@code operator} ({@code operator new}).
   */
  private static String withoutReturnType(String name) {
    int depth = 0;
    for (int i = name.length() - 1; i > 0; i--) {
      char c = name.charAt(i);
      if (c == ')' || c == '>' || c == ']' || c == '}') {
        depth++;
      } else if (c == '(' || c == '<' || c == '[' || c == '{') {
        depth--;
      } else if (c == ' ' && depth == 0 && !name.substring(0, i).endsWith("operator")) {
        return name.substring(i + 1);
      }
    }
    return name;
  }
}
