package io.gatehouse.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gatehouse.idp.demo-users.*}, from {@code demo-users.yml}: DEVELOPMENT ONLY. Every demo user
 * shares one well-known password; never point anything but the local stack or tests at them.
 *
 * @param password the password of every demo user
 * @param users the users, each with a display name and its governance roles (no {@code ROLE_} prefix)
 */
@ConfigurationProperties("gatehouse.idp.demo-users")
public record DemoUsers(@DefaultValue("gatehouse") String password, @DefaultValue List<DemoUser> users) {

  /** One demo user: {@code username} becomes the token's {@code sub}, {@code name} its {@code name}. */
  public record DemoUser(String username, String name, List<String> roles) {

    public DemoUser {
      if (username == null || username.isBlank()) {
        throw new IllegalArgumentException("a demo user needs a username");
      }
      roles = roles == null ? List.of() : List.copyOf(roles);
      for (String role : roles) {
        if (role.isBlank() || role.startsWith("ROLE_")) {
          throw new IllegalArgumentException("demo user " + username + ": role '" + role
              + "' must be a plain governance role name such as LEGAL (no ROLE_ prefix)");
        }
      }
      name = name == null || name.isBlank() ? username : name;
    }
  }

  public DemoUsers {
    users = List.copyOf(users);
    Set<String> seen = new HashSet<>();
    for (DemoUser user : users) {
      if (!seen.add(user.username())) {
        throw new IllegalArgumentException("demo user " + user.username() + " is listed twice");
      }
    }
  }

  public Optional<DemoUser> find(String username) {
    return users.stream().filter(u -> u.username().equals(username)).findFirst();
  }
}
