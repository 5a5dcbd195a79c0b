/** REST: runs, their reports, re-runs on request. */
package io.gatehouse.validation.run.web;
