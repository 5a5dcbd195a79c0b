/** Plain (framework-free) base types for domain rule violations, so web layers can map them uniformly. */
package io.gatehouse.platform.rules;
