package dev.gonogo.feedback.scrub.internal;

import dev.gonogo.feedback.scrub.ScrubResult;

/** Mutable counts of one scrub call; not shared between threads. */
public final class Tally {
  int emails;
  int ips;
  int creditCards;
  int keyValues;

  public void email() {
    emails++;
  }

  public void ip() {
    ips++;
  }

  public void creditCard() {
    creditCards++;
  }

  public void keyValue() {
    keyValues++;
  }

  public ScrubResult toResult() {
    return new ScrubResult(emails, ips, creditCards, keyValues);
  }
}
