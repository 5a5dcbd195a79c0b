/** A minimal service with one aggregate that schedules a deadline: for the persistent deadline tests. */
package io.gatehouse.platform.deadlinetestapp;
