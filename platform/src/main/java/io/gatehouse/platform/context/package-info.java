/** Who acts and in which trace: carried from a request or a consumed event into command and event metadata. */
package io.gatehouse.platform.context;
