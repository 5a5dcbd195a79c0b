package io.gatehouse.testsupport.archfixture.domain;

/** Obeys both rules. */
public class CleanRule {
  public boolean decide(int a) {
    return a > 0;
  }
}
