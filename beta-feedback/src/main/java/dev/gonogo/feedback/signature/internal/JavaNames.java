package dev.gonogo.feedback.signature.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises JVM class and method names so the same code groups together across builds, JVM runs
 * and JDK versions.
 *
 * <p>What changes between builds without the code changing, and is therefore removed:
 *
 * <ul>
 *   <li>lambda method counters: javac numbers lambdas per class, so adding a lambda anywhere above
 *       renumbers the rest: {@code lambda$onTimeout$3} → {@code lambda$onTimeout}; Kotlin's {@code
 *       onTimeout$lambda-3} / {@code onTimeout$lambda$3} → {@code onTimeout$lambda};
 *   <li>synthetic accessor counters: {@code access$000} → {@code access$};
 *   <li>generated classes, whose names carry a per-run counter, hash or address: they keep a stable
 *       marker so the skip list can drop them (the real method is the frame above):
 *       <ul>
 *         <li>lambda proxies {@code Reply$$Lambda$123/0x0000000800c0b440}, {@code
 *             Reply$$Lambda/0x…} → {@code Reply$$Lambda}; Android D8's {@code
 *             MainActivity$$ExternalSyntheticLambda3} → {@code
 *             MainActivity$$ExternalSyntheticLambda} and {@code -$$Lambda$MainActivity$Xy9} →
 *             {@code -$$Lambda$MainActivity};
 *         <li>JDK dynamic proxies {@code jdk.proxy2.$Proxy12} → {@code jdk.proxy2.$Proxy};
 *         <li>CGLIB {@code $$EnhancerByCGLIB$$abc12}, {@code $$EnhancerBySpringCGLIB$$…}, {@code
 *             $$FastClassBySpringCGLIB$$…}, Spring 6 {@code $$SpringCGLIB$$0} → the marker without
 *             the suffix ({@code $$SpringCGLIB});
 *         <li>Hibernate {@code $HibernateProxy$Ab3x}, ByteBuddy/Mockito {@code $ByteBuddy$…},
 *             {@code $MockitoMock$…}, Javassist {@code _$$_jvst1a2_0} → marker only;
 *         <li>reflection accessors {@code GeneratedMethodAccessor123} → {@code
 *             GeneratedMethodAccessor};
 *         <li>any other hidden-class address suffix {@code /0x…} is dropped.
 *       </ul>
 *   <li>line numbers and hex addresses glued onto a method name.
 * </ul>
 *
 * <p><strong>Anonymous class numbers ({@code Reply$1}) are kept.</strong> An anonymous class's
 * number is its only name: the anonymous classes of one outer class usually share method names
 * ({@code run}, {@code call}, {@code onClick}), so dropping the number would merge unrelated bugs
 * into one signature. The number changes only when an anonymous class is added or removed above it
 * in the same file, so keeping it splits a group only after a change to that very class — a split a
 * release manager sees, while a merge would hide a bug. Lambdas differ: their name keeps the
 * enclosing method ({@code lambda$onTimeout}), so dropping the counter loses little.
 */
final class JavaNames {
  private record Rewrite(Pattern pattern, String replacement) {
    String apply(String text) {
      return pattern.matcher(text).replaceAll(replacement);
    }
  }

  private static final List<Rewrite> CLASS_REWRITES =
      List.of(
          rewrite("\\$\\$Lambda(?:\\$\\d+)?(?:/(?:0x)?[0-9a-fA-F]+)?", "\\$\\$Lambda"),
          rewrite("/0x[0-9a-fA-F]+", ""),
          rewrite("\\$\\$ExternalSyntheticLambda\\d+", "\\$\\$ExternalSyntheticLambda"),
          rewrite("-\\$\\$Lambda\\$([A-Za-z0-9_]+?)\\$[A-Za-z0-9_-]+", "-\\$\\$Lambda\\$$1"),
          rewrite("\\$Proxy\\d+", "\\$Proxy"),
          rewrite(
              "\\$\\$(EnhancerBy|FastClassBy)(Spring)?CGLIB\\$\\$[0-9a-zA-Z]+", "\\$\\$$1$2CGLIB"),
          rewrite("\\$\\$SpringCGLIB\\$\\$\\d+", "\\$\\$SpringCGLIB"),
          rewrite("\\$(HibernateProxy|ByteBuddy|MockitoMock)\\$[0-9a-zA-Z]+", "\\$$1"),
          rewrite("_\\$\\$_(jvst|javassist)[0-9a-fA-F_]*", "_\\$\\$_$1"),
          rewrite("(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+", "$1"));

  private static final List<Rewrite> METHOD_REWRITES =
      List.of(
          rewrite("\\s*0x[0-9a-fA-F]+", ""),
          rewrite("^(lambda\\$.*)\\$\\d+$", "$1"),
          rewrite("\\$lambda[-$]\\d+", "\\$lambda"),
          rewrite("^access\\$\\d+$", "access\\$"));

  private JavaNames() {}

  private static Rewrite rewrite(String regex, String replacement) {
    return new Rewrite(Pattern.compile(regex), replacement);
  }

  /** {@code com.acme.Reply$$Lambda$123/0x0000000800c0b440} → {@code com.acme.Reply$$Lambda}. */
  static String className(String name) {
    return applyAll(CLASS_REWRITES, name);
  }

  /** {@code lambda$onTimeout$3} → {@code lambda$onTimeout}. */
  static String method(String name) {
    return applyAll(METHOD_REWRITES, Names.withoutLineNumbers(name));
  }

  private static String applyAll(List<Rewrite> rewrites, String name) {
    if (name == null) {
      return null;
    }
    String result = name;
    for (Rewrite rewrite : rewrites) {
      result = rewrite.apply(result);
    }
    return Names.clean(result);
  }
}
