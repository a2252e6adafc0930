package dev.gonogo.feedback.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One rule at a time through {@link Scrubber#scrubText}, default settings. Rows read {@code input |
 * expected}; backticks quote values with leading spaces or commas.
 */
class ScrubTextTest {
  private final Scrubber scrubber = new Scrubber(ScrubSettings.defaults());

  @Nested
  class Emails {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            jane.doe@example.com                       | [email]
            Mail JANE.DOE@EXAMPLE.COM.                 | Mail [email].
            <jane_doe+beta@mail.example.co.uk>         | <[email]>
            ?email=jane.doe%40example.com&x=1          | ?email=[email]&x=1
            `a@example.org, b@example.net`             | `[email], [email]`
            a@example.org;b@example.net                | [email];[email]
            a%40b@example.org                          | [email]
            """)
    void replaced(String input, String expected) {
      assertThat(scrubber.scrubText(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "java.base@17.0.2/java.lang.Thread.run",
          "com.example.shop@1.4.0-beta.2+4211",
          "CheckoutActivity@4f1c9e2",
          "user@localhost",
          "@Override",
          "jane@example.com_x",
          "jane@example.com-x",
          "jane@-example.com",
          "jane@example.c",
          "%40example.com"
        })
    void kept(String input) {
      assertThat(scrubber.scrubText(input)).isSameAs(input);
    }
  }

  @Nested
  class Ipv4 {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            203.0.113.42                               | [ip]
            from 0.0.0.0 and 255.255.255.255.          | from [ip] and [ip].
            http://192.168.1.20:8080/health            | http://[ip]:8080/health
            `203.0.113.42, 10.1.2.3`                   | `[ip], [ip]`
            upgrade to 10.0.0.1 now                    | upgrade to [ip] now
            host=10.0.0.1.                             | host=[ip].
            """)
    void replaced(String input, String expected) {
      assertThat(scrubber.scrubText(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "v10.0.0.1",
          "1.10.0.0.1",
          "10.0.0.1.5",
          "256.1.1.1",
          "1.4.0-beta.2",
          "01.02.03.04",
          "10.0.0",
          "1.2.3.4a",
          "1.2.3.4_5",
          "Chrome/120.0.6099.144"
        })
    void kept(String input) {
      assertThat(scrubber.scrubText(input)).isSameAs(input);
    }
  }

  @Nested
  class Ipv6 {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            ::1                                        | [ip]
            2001:db8::ff00:42:8329                     | [ip]
            2001:0db8:0000:0000:0000:ff00:0042:8329    | [ip]
            at 2001:DB8::1.                            | at [ip].
            ::ffff:192.0.2.128                         | [ip]
            fe80::1%eth0 up                            | [ip] up
            [2001:db8::1]:443                          | [[ip]]:443
            1::                                        | [ip]
            """)
    void replaced(String input, String expected) {
      assertThat(scrubber.scrubText(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "12:00:00",
          "00:00:12.345",
          "00:1a:2b:3c:4d:5e",
          "2025-06-11T09:30:00.123Z",
          "Abc::Def",
          "std::vector::push_back",
          "::",
          "1:2:3:4:5:6:7:8:9",
          "1::2::3",
          "12345::1"
        })
    void kept(String input) {
      assertThat(scrubber.scrubText(input)).isSameAs(input);
    }
  }

  @Nested
  class CreditCards {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            4111111111111111                           | [creditcard]
            card 4111 1111 1111 1111 expires           | card [creditcard] expires
            4242-4242-4242-4242                        | [creditcard]
            Amex 3782 822463 10005.                    | Amex [creditcard].
            Mastercard 2223003122003222                | Mastercard [creditcard]
            pan=6011111111111117&x=1                   | pan=[creditcard]&x=1
            4111 1111 1111 1111 12 times               | [creditcard] 12 times
            paid with 4111111111111111.                | paid with [creditcard].
            """)
    void replaced(String input, String expected) {
      assertThat(scrubber.scrubText(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "order 4539148803436468", // fails Luhn
          "epoch 1718098200120", // passes Luhn, starts with 1
          "stamp 20250611093000122", // passes Luhn, 2025 is no network
          "ORD-4111111111111111", // glued to a dash
          "ratio 0.4111111111111111", // a fraction
          "id 4111111111111111111111", // 22 digits
          "4111 1111", // too short
          "4111-1111-1111-1111-1111", // more groups than a card
          "4111 1111-1111 1111", // mixed separators
          "4111111111111111.5", // a decimal
          "4111111111111111-2" // a range or a suffix
        })
    void kept(String input) {
      assertThat(scrubber.scrubText(input)).isSameAs(input);
    }
  }

  @Nested
  class KeyValueText {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            user=jdoe&password=hunter2&x=1             | user=jdoe&password=[Filtered]&x=1
            JSESSIONID=8F2A7C; theme=dark              | JSESSIONID=[Filtered]; theme=dark
            https://h/x?access_token=abc#top           | https://h/x?access_token=[Filtered]#top
            Authorization: Bearer eyJ.abc.def          | Authorization: [Filtered]
            X-Auth-Token: abc123                       | X-Auth-Token: [Filtered]
            `{"password":"a b c","ok":true}`           | `{"password":"[Filtered]","ok":true}`
            `  String pwd = 'hunter2';`                | `  String pwd = '[Filtered]';`
            card[number]=4000&cvv=123                  | card[number]=[Filtered]&cvv=[Filtered]
            secret: "unterminated                      | secret: "[Filtered]
            `password =  hunter2`                      | `password =  [Filtered]`
            user[password]=x&id=1                      | user[password]=[Filtered]&id=1
            token=::1                                  | token=[Filtered]
            `a=1, api-key: k1, b=2`                    | `a=1, api-key: [Filtered], b=2`
            """)
    void replaced(String input, String expected) {
      assertThat(scrubber.scrubText(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "author=jane",
          "release=1.4.0&sid=abc",
          "if (token == null) return",
          "token != expected",
          "token := next()",
          "password=\"\"",
          "2password=x",
          "Caused by: java.lang.IllegalStateException",
          "password=[Filtered]"
        })
    void kept(String input) {
      assertThat(scrubber.scrubText(input)).isSameAs(input);
    }
  }

  @Test
  void orderOfRules_passwordHoldingAnEmailCountsAsPassword() {
    ObjectNode item = ObjectNodes.parse("{\"message\":\"password=jane@example.org\"}");

    ScrubResult result = scrubber.scrub(item);

    assertThat(item.get("message").textValue()).isEqualTo("password=[Filtered]");
    assertThat(result).isEqualTo(new ScrubResult(0, 0, 0, 1));
  }

  @Test
  void disabled_returnsTheSameInstance() {
    String text = "jane.doe@example.com from 203.0.113.42";

    assertThat(new Scrubber(ScrubSettings.disabled()).scrubText(text)).isSameAs(text);
  }

  @Test
  void textWithoutCandidates_isReturnedAsTheSameInstance() {
    String text = "java.lang.IllegalStateException in CheckoutActivity.pay";

    assertThat(scrubber.scrubText(text)).isSameAs(text);
  }
}
