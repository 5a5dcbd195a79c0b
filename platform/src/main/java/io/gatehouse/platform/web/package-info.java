/** HTTP conventions of every service: RFC 9457 problem details, the acting-context filter. */
package io.gatehouse.platform.web;
