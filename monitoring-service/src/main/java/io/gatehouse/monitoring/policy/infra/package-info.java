/** Policy documents kept from PolicyPublished, and their drift sections read with SnakeYAML. */
package io.gatehouse.monitoring.policy.infra;
