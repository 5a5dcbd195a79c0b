/** Commands of the ValidationRun aggregate (inside this service only). */
package io.gatehouse.validation.run.api;
