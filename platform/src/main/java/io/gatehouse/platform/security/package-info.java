/** Every service an OAuth2 resource server: JWT validation, roles, declared endpoint access, 401/403 as problems. */
package io.gatehouse.platform.security;
