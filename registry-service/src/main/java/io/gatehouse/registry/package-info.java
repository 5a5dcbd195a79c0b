/** registry-service: what models and versions exist, what their artifacts are, and how risky they are. */
package io.gatehouse.registry;
