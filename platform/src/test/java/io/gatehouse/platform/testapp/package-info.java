/** A minimal service for testing the platform: one aggregate publishing, one consumer recording. */
package io.gatehouse.platform.testapp;
