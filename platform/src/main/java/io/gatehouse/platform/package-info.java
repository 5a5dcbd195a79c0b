/** Spring Boot auto-configuration every Gatehouse service uses. */
package io.gatehouse.platform;
