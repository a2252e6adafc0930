package dev.gonogo.feedback.signature;

/**
 * One frame of a crash's stack trace, as the crash reporter sent it. Every field may be {@code
 * null}: SDKs fill what their platform knows.
 *
 * <p>Typical values per platform:
 *
 * <ul>
 *   <li>Java/Kotlin/Android: {@code module} is the class ({@code com.acme.call.Reply$1}), {@code
 *       function} the method ({@code lambda$onTimeout$3}), {@code filename} the source file.
 *   <li>JavaScript: {@code filename}/{@code absPath} the script ({@code
 *       https://cdn.acme.com/static/js/main.3f9a1c.js?v=2}), {@code function} the function.
 *   <li>Native: {@code function} the symbol ({@code Renderer::drawFrame(Frame const&)}), {@code
 *       packageName} the binary ({@code /usr/lib/libapp.so}), {@code instructionAddr} the address.
 * </ul>
 *
 * @param function the function or method name
 * @param module the module: a class name on the JVM, a module path elsewhere
 * @param filename the file name, possibly relative
 * @param absPath the absolute path or URL of the file
 * @param lineno the 1-based line number; never used for grouping
 * @param colno the 1-based column number; never used for grouping
 * @param inApp whether the SDK marked the frame as the application's own code; {@code null} when it
 *     does not know
 * @param packageName the containing package or binary (Sentry's {@code package})
 * @param instructionAddr the native instruction address, e.g. {@code 0x7ff8a1b2c3d4}
 * @param platform the frame's platform when it differs from the crash's, e.g. {@code native}
 */
public record StackFrame(
    String function,
    String module,
    String filename,
    String absPath,
    Integer lineno,
    Integer colno,
    Boolean inApp,
    String packageName,
    String instructionAddr,
    String platform) {

  /** A JVM frame: {@code java("com.acme.call.Reply", "onTimeout", 42)}. */
  public static StackFrame java(String className, String method, Integer lineno) {
    return builder().module(className).function(method).lineno(lineno).build();
  }

  /** Starts a frame with every field {@code null}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StackFrame}; unset fields stay {@code null}. */
  public static final class Builder {
    private String function;
    private String module;
    private String filename;
    private String absPath;
    private Integer lineno;
    private Integer colno;
    private Boolean inApp;
    private String packageName;
    private String instructionAddr;
    private String platform;

    private Builder() {}

    public Builder function(String function) {
      this.function = function;
      return this;
    }

    public Builder module(String module) {
      this.module = module;
      return this;
    }

    public Builder filename(String filename) {
      this.filename = filename;
      return this;
    }

    public Builder absPath(String absPath) {
      this.absPath = absPath;
      return this;
    }

    public Builder lineno(Integer lineno) {
      this.lineno = lineno;
      return this;
    }

    public Builder colno(Integer colno) {
      this.colno = colno;
      return this;
    }

    public Builder inApp(Boolean inApp) {
      this.inApp = inApp;
      return this;
    }

    public Builder packageName(String packageName) {
      this.packageName = packageName;
      return this;
    }

    public Builder instructionAddr(String instructionAddr) {
      this.instructionAddr = instructionAddr;
      return this;
    }

    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    public StackFrame build() {
      return new StackFrame(
          function,
          module,
          filename,
          absPath,
          lineno,
          colno,
          inApp,
          packageName,
          instructionAddr,
          platform);
    }
  }
}
