package dev.gonogo.feedback.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativeNamesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock =
          """
          acme::Renderer::drawLayer(acme::Layer const*) const                    | acme::Renderer::drawLayer
          acme::Renderer::drawLayer(acme::Layer const*) const + 0x2c             | acme::Renderer::drawLayer
          drawLayer+26                                                           | drawLayer
          void acme::Renderer::drawFrame<acme::GlBackend>(acme::Frame const&)    | acme::Renderer::drawFrame<T>
          std::vector<int, std::allocator<int> >::push_back(int const&)          | std::vector<T>::push_back
          std::map<std::string, std::vector<int>>::at(std::string const&)        | std::map<T>::at
          (anonymous namespace)::flush(int)                                      | (anonymous namespace)::flush
          acme::Widget::operator()(int)                                          | acme::Widget::operator()
          acme::Point::operator<(acme::Point const&) const                       | acme::Point::operator<
          acme::Log::operator<<(char const*)                                     | acme::Log::operator<<
          operator new(unsigned long)                                            | operator new
          acme::run()::{lambda(int)#2}::operator()(int) const                    | acme::run()::{lambda}::operator()
          -[ACMEPlayer play:]                                                    | -[ACMEPlayer play:]
          abort                                                                  | abort
          0x7ff8a1b2c3d4                                                         | null
          ??                                                                     | null
          <unknown>                                                              | null
          null                                                                   | null
          """)
  void function_dropsOffsetsArgumentsTemplatesAndReturnTypes(String sent, String normalised) {
    assertThat(NativeNames.function(sent)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /usr/lib/x86_64-linux-gnu/libc.so.6                | libc.so
          /opt/acme-2.1/lib/librender.so.2.1                  | librender.so
          /opt/acme/lib/librender.so                          | librender.so
          /usr/lib/system/libsystem_kernel.dylib              | libsystem_kernel.dylib
          C:\\Windows\\System32\\ntdll.dll                    | ntdll.dll
          """)
  void binary_isTheFileNameWithoutSoVersion(String sent, String normalised) {
    assertThat(NativeNames.binary(sent)).isEqualTo(normalised);
  }
}
