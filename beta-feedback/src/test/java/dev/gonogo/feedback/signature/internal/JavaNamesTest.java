package dev.gonogo.feedback.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          com.acme.call.Reply                                             | com.acme.call.Reply
          com.acme.Reply$$Lambda$123/0x0000000800c0b440                   | com.acme.Reply$$Lambda
          com.acme.Reply$$Lambda/0x000001f2a3b4c5d8                       | com.acme.Reply$$Lambda
          com.acme.Reply$$Lambda$14/1234567890                            | com.acme.Reply$$Lambda
          com.acme.Hidden/0x0000000800c0b440                              | com.acme.Hidden
          jdk.proxy2.$Proxy12                                             | jdk.proxy2.$Proxy
          com.sun.proxy.$Proxy143                                         | com.sun.proxy.$Proxy
          com.acme.Service$$EnhancerByCGLIB$$abc12f                       | com.acme.Service$$EnhancerByCGLIB
          com.acme.Service$$EnhancerBySpringCGLIB$$5e1f2a9c               | com.acme.Service$$EnhancerBySpringCGLIB
          com.acme.Service$$FastClassBySpringCGLIB$$d41d8cd9              | com.acme.Service$$FastClassBySpringCGLIB
          com.acme.Service$$SpringCGLIB$$0                                | com.acme.Service$$SpringCGLIB
          com.acme.Customer$HibernateProxy$Ab3xQ9                         | com.acme.Customer$HibernateProxy
          com.acme.Customer_$$_jvst1a2_0                                  | com.acme.Customer_$$_jvst
          com.acme.Mailer$MockitoMock$1298127                             | com.acme.Mailer$MockitoMock
          jdk.internal.reflect.GeneratedMethodAccessor261                 | jdk.internal.reflect.GeneratedMethodAccessor
          sun.reflect.GeneratedConstructorAccessor7                       | sun.reflect.GeneratedConstructorAccessor
          sun.reflect.GeneratedSerializationConstructorAccessor3          | sun.reflect.GeneratedSerializationConstructorAccessor
          com.acme.app.MainActivity$$ExternalSyntheticLambda3             | com.acme.app.MainActivity$$ExternalSyntheticLambda
          com.acme.app.-$$Lambda$MainActivity$Xy9_kQ-2                    | com.acme.app.-$$Lambda$MainActivity
          com.acme.Reply$1                                                | com.acme.Reply$1
          com.acme.Reply$Inner$2                                          | com.acme.Reply$Inner$2
          """)
  void className_dropsCountersHashesAndAddresses_keepsAnonymousClassNumbers(
      String sent, String normalised) {
    assertThat(JavaNames.className(sent)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          onTimeout                      | onTimeout
          lambda$onTimeout$3             | lambda$onTimeout
          lambda$onTimeout$17            | lambda$onTimeout
          lambda$static$0                | lambda$static
          lambda$null$2                  | lambda$null
          onCreate$lambda-0              | onCreate$lambda
          onCreate$lambda$2              | onCreate$lambda
          access$000                     | access$
          access$1402                    | access$
          onTimeout(Reply.java:42)       | onTimeout
          onTimeout:42                   | onTimeout
          """)
  void method_dropsLambdaCountersAndLineNumbers(String sent, String normalised) {
    assertThat(JavaNames.method(sent)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "null",
      value = {"null", "'  '"})
  void missingNames_stayMissing(String sent) {
    assertThat(JavaNames.className(sent)).isNull();
    assertThat(JavaNames.method(sent)).isNull();
  }
}
