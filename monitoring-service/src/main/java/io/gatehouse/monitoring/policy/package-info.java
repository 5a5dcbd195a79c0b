/** The drift levels of each tier, read from approval's published policy documents (and the shipped default). */
package io.gatehouse.monitoring.policy;
