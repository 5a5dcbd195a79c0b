package io.gatehouse.testsupport.archfixture.web;

/** A web class the violating fixture reaches into. */
public class SomeController {
  public static String hello() {
    return "hello";
  }
}
