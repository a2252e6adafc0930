package dev.gonogo.feedback.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaScriptNamesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://cdn.acme.com/static/js/main.3f9a1c.js                   | main.js
          https://cdn.acme.com/static/js/main.3f9a1c.js?v=41#top          | main.js
          https://cdn.acme.com/static/js/vendors.8b6d1e2f.chunk.js        | vendors.chunk.js
          https://cdn.acme.com/static/js/runtime~main.a1b2c3d4.js         | runtime~main.js
          https://cdn.acme.com/assets/index-BXk7hI2c.js                   | index.js
          https://cdn.acme.com/assets/8b6d1e2f.js                         | <hash>.js
          app:///main.77e0d2.js                                           | main.js
          webpack:///./src/components/Profile.tsx                         | Profile.tsx
          /srv/app/src/users/profile.js                                   | profile.js
          C:\\app\\dist\\main.3f9a1c.js                                   | main.js
          main.3f9a1c.js:1:48213                                          | main.js
          https://cdn.acme.com/react-dom.production.min.js                | react-dom.production.min.js
          https://cdn.acme.com/polyfill.es2015.js                         | polyfill.es2015.js
          https://cdn.acme.com/date-fns.js                                | date-fns.js
          node:internal/process/task_queues                               | task_queues
          <anonymous>                                                     | <anonymous>
          """)
  void file_isTheBaseNameWithoutHashesQueryAndLocation(String sent, String normalised) {
    assertThat(JavaScriptNames.file(sent)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock =
          """
          renderProfile                        | renderProfile
          Object.<anonymous>                   | <anonymous>
          ?                                    | <anonymous>
          null                                 | <anonymous>
          async getUser                        | getUser
          ProfilePage.componentDidMount        | ProfilePage.componentDidMount
          Layer.handle [as handle_request]     | Layer.handle [as handle_request]
          """)
  void function_namesAnonymousCode(String sent, String normalised) {
    assertThat(JavaScriptNames.function(sent)).isEqualTo(normalised);
  }
}
