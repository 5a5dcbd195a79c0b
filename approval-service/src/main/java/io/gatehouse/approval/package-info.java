/** approval-service: decides, per model version, whether it may reach production. */
package io.gatehouse.approval;
