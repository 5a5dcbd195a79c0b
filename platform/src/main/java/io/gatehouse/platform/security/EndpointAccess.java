package io.gatehouse.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call what, declared in one place per service as one bean of this type. Rules are matched
 * in order; an endpoint no rule names is refused to everyone (403), so a new endpoint is closed until
 * someone decides who may use it.
 */
public final class EndpointAccess {

  /**
   * @param roles the roles allowed; empty means any authenticated caller
   */
  public record Rule(HttpMethod method, String pattern, Set<String> roles) {}

  private final List<Rule> rules;

  private EndpointAccess(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Builds the rules of a service. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();

    /** Holders of any of {@code roles} may call {@code method pattern}. */
    public Builder allow(HttpMethod method, String pattern, String... roles) {
      if (roles.length == 0) {
        throw new IllegalArgumentException("name the roles, or use authenticated(...)");
      }
      for (String role : roles) {
        if (!Roles.ALL.contains(role)) {
          throw new IllegalArgumentException("unknown role " + role);
        }
      }
      rules.add(new Rule(method, pattern, Set.of(roles)));
      return this;
    }

    /** Any authenticated caller may call {@code method pattern}. */
    public Builder authenticated(HttpMethod method, String pattern) {
      rules.add(new Rule(method, pattern, Set.of()));
      return this;
    }

    public EndpointAccess build() {
      return new EndpointAccess(rules);
    }
  }
}
