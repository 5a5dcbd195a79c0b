/** Commands registry-service accepts (never shared with other services). */
package io.gatehouse.registry.model.api;
