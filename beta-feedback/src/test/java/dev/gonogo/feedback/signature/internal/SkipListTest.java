package dev.gonogo.feedback.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SkipListTest {

  private static SkipList list(String... lines) {
    return SkipList.parse("test.txt", List.of(lines));
  }

  @Test
  void parse_ignoresCommentsAndBlankLines_andTrims() {
    SkipList list = list("# why", "", "  java.lang.Thread.run  ", "   # indented comment");

    assertThat(list.patterns()).containsExactly("java.lang.Thread.run");
  }

  @Test
  void exactPattern_matchesOnlyTheWholeName() {
    SkipList list = list("java.lang.Thread.run");

    assertThat(list.firstMatch(Set.of("java.lang.Thread.run"))).contains("java.lang.Thread.run");
    assertThat(list.firstMatch(Set.of("java.lang.Thread.runWith"))).isEmpty();
    assertThat(list.firstMatch(Set.of("xjava.lang.Thread.run"))).isEmpty();
  }

  @Test
  void star_matchesAnyRun_includingDotsAndSlashes() {
    SkipList list = list("java.util.concurrent.ThreadPoolExecutor*", "*/regenerator-runtime/*");

    assertThat(list.firstMatch(Set.of("java.util.concurrent.ThreadPoolExecutor$Worker.run")))
        .contains("java.util.concurrent.ThreadPoolExecutor*");
    assertThat(list.firstMatch(Set.of("webpack:///./node_modules/regenerator-runtime/runtime.js")))
        .contains("*/regenerator-runtime/*");
  }

  @Test
  void regexCharacters_areLiteral() {
    SkipList list = list("*$$Lambda.*", "std::vector<T>::at");

    assertThat(list.firstMatch(Set.of("com.acme.Reply$$Lambda.run"))).isPresent();
    assertThat(list.firstMatch(Set.of("com.acme.ReplyXXLambdaXrun"))).isEmpty();
    assertThat(list.firstMatch(Set.of("std::vector<T>::at"))).isPresent();
  }

  @Test
  void patternOfOnlyStars_isRejectedWithFileAndLine() {
    assertThatThrownBy(() -> list("# comment", "**"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test.txt:2: pattern '**' matches every frame; name what to skip");
  }

  @Test
  void duplicatePattern_isRejectedWithFileAndLine() {
    assertThatThrownBy(() -> list("abort", "raise", "abort"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test.txt:3: pattern 'abort' is listed twice");
  }

  @Test
  void missingResource_isRejectedNamingIt() {
    assertThatThrownBy(() -> SkipList.fromResource("/no/such/list.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/no/such/list.txt is not on the class path");
  }

  @ParameterizedTest
  @EnumSource(
      value = PlatformFamily.class,
      names = {"JAVA", "JAVASCRIPT", "NATIVE"})
  void bundledList_loads_andHasPatterns(PlatformFamily family) {
    SkipList list = SkipList.fromResource(StandardRules.skipListResource(family));

    assertThat(list.patterns()).hasSizeGreaterThan(10);
  }

  @Test
  void bundledJavaList_skipsThePlumbingTheBriefNames() {
    SkipList java = SkipList.fromResource(StandardRules.skipListResource(PlatformFamily.JAVA));

    for (String plumbing :
        List.of(
            "jdk.internal.reflect.DirectMethodHandleAccessor.invoke",
            "sun.reflect.NativeMethodAccessorImpl.invoke0",
            "java.lang.reflect.Method.invoke",
            "java.lang.Thread.run",
            "java.util.concurrent.ThreadPoolExecutor$Worker.run",
            "org.springframework.aop.framework.ReflectiveMethodInvocation.proceed",
            "org.springframework.cglib.proxy.MethodProxy.invoke",
            "org.junit.platform.launcher.core.DefaultLauncher.execute",
            "io.javalin.http.servlet.JavalinServlet.handle",
            "org.eclipse.jetty.server.Server.handle",
            "kotlinx.coroutines.DispatchedTask.run",
            "android.os.Handler.dispatchMessage",
            "com.android.internal.os.ZygoteInit.main",
            "com.acme.Reply$$Lambda.run",
            "com.acme.Service$$SpringCGLIB.onTimeout",
            "jdk.proxy2.$Proxy.onTimeout")) {
      assertThat(java.firstMatch(Set.of(plumbing))).as(plumbing).isPresent();
    }
    assertThat(java.firstMatch(Set.of("com.acme.call.Reply.onTimeout"))).isEmpty();
    assertThat(java.firstMatch(Set.of("java.lang.Integer.parseInt"))).isEmpty();
  }

  @Test
  void bundledJavaScriptAndNativeLists_skipThePlumbingTheBriefNames() {
    SkipList js = SkipList.fromResource(StandardRules.skipListResource(PlatformFamily.JAVASCRIPT));
    SkipList nativeList =
        SkipList.fromResource(StandardRules.skipListResource(PlatformFamily.NATIVE));

    assertThat(js.firstMatch(Set.of("node:internal/process/task_queues"))).isPresent();
    assertThat(js.firstMatch(Set.of("webpack/bootstrap 1234abcd"))).isPresent();
    assertThat(js.firstMatch(Set.of("/app/node_modules/regenerator-runtime/runtime.js")))
        .isPresent();
    assertThat(js.firstMatch(Set.of("/srv/app/src/timers.js", "timers.js"))).isEmpty();
    for (String plumbing :
        List.of(
            "abort",
            "raise",
            "__GI_raise",
            "pthread_kill",
            "std::terminate",
            "libc.so",
            "libsystem_kernel.dylib")) {
      assertThat(nativeList.firstMatch(Set.of(plumbing))).as(plumbing).isPresent();
    }
    assertThat(nativeList.firstMatch(Set.of("acme::Engine::shutdown", "libengine.so"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    "ab*ba, aba, false",
    "ab*ba, abba, true",
    "ab*ba, abxba, true",
    "a*b*c, axbxc, true",
    "a*b*c, abc, true",
    "a*b*c, acb, false",
    "a*b*c, axbxcx, false",
    "*Proxy*, com.sun.Proxy$12.run, true",
    "*Proxy*, Prox, false",
    "*.invoke, java.lang.reflect.Method.invoke, true",
    "*.invoke, invoke, false",
    "java.lang.Thread.run, java.lang.Thread.run, true",
    "java.lang.Thread.run, java.lang.Thread.runner, false",
    "x**y, xy, true",
    "*a*a*, aa, true",
    "*a*a*, a, false",
    "Foo.*, Foo.bar, true",
    "Foo.*, foo.bar, false"
  })
  void globs_matchTheWholeName_starMatchingAnyRun(String pattern, String name, boolean matches) {
    SkipList list = SkipList.parse("test", List.of(pattern));

    assertThat(list.firstMatch(List.of(name)).isPresent()).isEqualTo(matches);
  }
}
